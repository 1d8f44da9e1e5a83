import { asList, get, getMap, literalString, type MapNode, type Node, type ScalarNode } from '../ast';
import { Template } from './template';

export interface ServerlessEvent {
  /** `http`, `httpApi`, `sqs`, `schedule`... */
  type: string;
  keyNode: ScalarNode;
  /** The event's value (`http: GET /x` or `http: {path, method...}`). */
  node: Node;
  /** The list item holding the event. */
  itemNode: MapNode;
}

export interface ServerlessFunction {
  name: string;
  keyNode: ScalarNode;
  node: MapNode;
  events: ServerlessEvent[];
}

export class ServerlessService {
  readonly serviceName: string | undefined;
  readonly provider: MapNode | undefined;
  readonly functionsNode: MapNode | undefined;
  readonly functions: ServerlessFunction[] = [];
  /** The `resources:` section, read as a CloudFormation template. */
  readonly resources: Template | undefined;

  constructor(readonly root: MapNode) {
    const service = get(root, 'service');
    this.serviceName = literalString(service) ?? literalString(get(service, 'name'));
    this.provider = getMap(root, 'provider');
    this.functionsNode = getMap(root, 'functions');
    for (const pair of this.functionsNode?.pairs ?? []) {
      if (typeof pair.key.value !== 'string' || pair.value.kind !== 'map') continue;
      const events: ServerlessEvent[] = [];
      for (const item of asList(get(pair.value, 'events'))) {
        if (item.kind !== 'map' || item.pairs.length === 0) continue;
        const first = item.pairs[0];
        if (typeof first.key.value !== 'string') continue;
        events.push({ type: first.key.value, keyNode: first.key, node: first.value, itemNode: item });
      }
      this.functions.push({ name: pair.key.value, keyNode: pair.key, node: pair.value, events });
    }
    const resources = getMap(root, 'resources');
    this.resources = resources ? new Template(resources, 'serverless') : undefined;
  }

  /** `provider.<path>`. */
  providerValue(...path: string[]): Node | undefined {
    let node: Node | undefined = this.provider;
    for (const key of path) node = get(node, key);
    return node;
  }
}
