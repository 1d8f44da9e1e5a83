import { get, getMap, getPair, literalString, literalBoolean, type MapNode, type Node, type Pair, type ScalarNode } from '../ast';
import type { FileKind } from '../types';

export interface Resource {
  logicalId: string;
  keyNode: ScalarNode;
  /** The resource's map: Type, Properties, Metadata... */
  node: MapNode;
  type: string | undefined;
  typeNode: Node | undefined;
  properties: MapNode | undefined;
  metadata: MapNode | undefined;
}

export interface Parameter {
  name: string;
  keyNode: ScalarNode;
  node: MapNode;
  type: string | undefined;
  defaultNode: Node | undefined;
  noEcho: boolean;
}

/** A property as a resource sees it once SAM `Globals` apply, with where it came from. */
export interface EffectiveProperty {
  pair: Pair;
  node: Node;
  /** True when the value is inherited from `Globals` rather than written on the resource. */
  fromGlobals: boolean;
}

/** SAM Globals sections by resource type. */
const GLOBALS_SECTION: Record<string, string> = {
  'AWS::Serverless::Function': 'Function',
  'AWS::Serverless::Api': 'Api',
  'AWS::Serverless::HttpApi': 'HttpApi',
  'AWS::Serverless::SimpleTable': 'SimpleTable',
  'AWS::Serverless::StateMachine': 'StateMachine',
  'AWS::Serverless::LayerVersion': 'LayerVersion',
  'AWS::Serverless::CapacityProvider': 'CapacityProvider',
};

export class Template {
  readonly resources: Resource[] = [];
  readonly resourcesById = new Map<string, Resource>();
  readonly parameters = new Map<string, Parameter>();
  readonly resourcesNode: MapNode | undefined;
  readonly parametersNode: MapNode | undefined;
  readonly outputsNode: MapNode | undefined;
  readonly conditionsNode: MapNode | undefined;
  readonly globalsNode: MapNode | undefined;
  readonly metadataNode: MapNode | undefined;

  /**
   * @param root the template's top-level map (for serverless.yml, its `resources:` map)
   * @param kind the kind of file the template lives in
   */
  constructor(
    readonly root: MapNode,
    readonly kind: FileKind,
  ) {
    this.resourcesNode = getMap(root, 'Resources');
    this.parametersNode = getMap(root, 'Parameters');
    this.outputsNode = getMap(root, 'Outputs');
    this.conditionsNode = getMap(root, 'Conditions');
    this.globalsNode = kind === 'sam' ? getMap(root, 'Globals') : undefined;
    this.metadataNode = getMap(root, 'Metadata');
    for (const pair of this.resourcesNode?.pairs ?? []) {
      if (typeof pair.key.value !== 'string' || pair.value.kind !== 'map') continue;
      const resource: Resource = {
        logicalId: pair.key.value,
        keyNode: pair.key,
        node: pair.value,
        type: literalString(get(pair.value, 'Type')),
        typeNode: get(pair.value, 'Type'),
        properties: getMap(pair.value, 'Properties'),
        metadata: getMap(pair.value, 'Metadata'),
      };
      this.resources.push(resource);
      this.resourcesById.set(resource.logicalId, resource);
    }
    for (const pair of this.parametersNode?.pairs ?? []) {
      if (typeof pair.key.value !== 'string' || pair.value.kind !== 'map') continue;
      this.parameters.set(pair.key.value, {
        name: pair.key.value,
        keyNode: pair.key,
        node: pair.value,
        type: literalString(get(pair.value, 'Type')),
        defaultNode: get(pair.value, 'Default'),
        noEcho: literalBoolean(get(pair.value, 'NoEcho')) === true,
      });
    }
  }

  resourcesOfType(...types: string[]): Resource[] {
    return this.resources.filter((r) => r.type !== undefined && types.includes(r.type));
  }

  /** The `Globals` section that applies to a resource (SAM only). */
  globalsFor(resource: Resource): MapNode | undefined {
    const section = resource.type ? GLOBALS_SECTION[resource.type] : undefined;
    return section ? getMap(this.globalsNode, section) : undefined;
  }

  /** A property of the resource, or the one it inherits from `Globals` when it has none of its own. */
  property(resource: Resource, name: string): EffectiveProperty | undefined {
    const own = getPair(resource.properties, name);
    if (own) return { pair: own, node: own.value, fromGlobals: false };
    const inherited = getPair(this.globalsFor(resource), name);
    return inherited ? { pair: inherited, node: inherited.value, fromGlobals: true } : undefined;
  }

  /** Resolves `!Ref Name` to a parameter, when it names one. */
  parameter(name: string): Parameter | undefined {
    return this.parameters.get(name);
  }
}
