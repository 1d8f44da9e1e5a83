/**
 * Which resources of a template an action can be scoped to: CloudFormation resource types mapped to
 * the catalogue's resource types, with the value that names the resource's ARN (`!GetAtt Orders.Arn`,
 * S3 objects `!Sub '${Bucket.Arn}/*'`). Used by fixes that replace `Resource: "*"`.
 */
import { getAtt, ref, sub, type Emit } from '../edit';
import type { Template } from '../model/template';
import type { ActionInfo } from './catalog';

interface ArnSource {
  service: string;
  /** Catalogue resource type name → the value that denotes this resource's ARN of that type. */
  types: Record<string, (id: string) => Emit>;
}

const arnAttr = (id: string): Emit => getAtt(id, 'Arn');

const BY_CFN_TYPE: Record<string, ArnSource> = {
  'AWS::DynamoDB::Table': { service: 'dynamodb', types: { table: arnAttr, index: (id) => sub(`\${${id}.Arn}/index/*`), stream: (id) => getAtt(id, 'StreamArn') } },
  'AWS::DynamoDB::GlobalTable': { service: 'dynamodb', types: { table: arnAttr } },
  'AWS::Serverless::SimpleTable': { service: 'dynamodb', types: { table: (id) => sub(`arn:\${AWS::Partition}:dynamodb:\${AWS::Region}:\${AWS::AccountId}:table/\${${id}}`) } },
  'AWS::S3::Bucket': { service: 's3', types: { bucket: arnAttr, object: (id) => sub(`\${${id}.Arn}/*`) } },
  'AWS::SQS::Queue': { service: 'sqs', types: { queue: arnAttr } },
  'AWS::SNS::Topic': { service: 'sns', types: { topic: (id) => ref(id) } },
  'AWS::Lambda::Function': { service: 'lambda', types: { function: arnAttr } },
  'AWS::Serverless::Function': { service: 'lambda', types: { function: arnAttr } },
  'AWS::KMS::Key': { service: 'kms', types: { key: arnAttr } },
  'AWS::SecretsManager::Secret': { service: 'secretsmanager', types: { Secret: (id) => ref(id) } },
  'AWS::Kinesis::Stream': { service: 'kinesis', types: { stream: arnAttr } },
  'AWS::KinesisFirehose::DeliveryStream': { service: 'firehose', types: { deliverystream: arnAttr } },
  'AWS::StepFunctions::StateMachine': { service: 'states', types: { statemachine: (id) => ref(id) } },
  'AWS::Serverless::StateMachine': { service: 'states', types: { statemachine: (id) => ref(id) } },
  'AWS::Logs::LogGroup': { service: 'logs', types: { 'log-group': arnAttr, 'log-stream': arnAttr } },
  'AWS::Events::EventBus': { service: 'events', types: { 'event-bus': arnAttr } },
  'AWS::ECR::Repository': { service: 'ecr', types: { repository: arnAttr } },
  'AWS::IAM::Role': { service: 'iam', types: { role: arnAttr } },
  'AWS::CodeBuild::Project': { service: 'codebuild', types: { project: arnAttr } },
};

export interface ScopeCandidate {
  logicalId: string;
  cfnType: string;
  /** The values to put in `Resource`, one per resource type the actions use (bucket and objects). */
  values: Emit[];
  /** The flagged actions this resource can serve. */
  actions: ActionInfo[];
}

/** Resources of the template that fit at least one of the actions, most-fitting first. */
export function scopeCandidates(template: Template | undefined, actions: readonly ActionInfo[]): ScopeCandidate[] {
  if (!template) return [];
  const out: ScopeCandidate[] = [];
  for (const resource of template.resources) {
    const source = resource.type ? BY_CFN_TYPE[resource.type] : undefined;
    if (!source) continue;
    const values: Emit[] = [];
    const fitted: ActionInfo[] = [];
    const usedTypes = new Set<string>();
    for (const action of actions) {
      if (action.service !== source.service) continue;
      const type = action.resourceTypes.find((t) => source.types[t.name]);
      if (!type) continue;
      fitted.push(action);
      usedTypes.add(type.name);
    }
    if (!fitted.length) continue;
    const seen = new Set<string>();
    for (const name of Object.keys(source.types)) {
      if (!usedTypes.has(name)) continue;
      const value = source.types[name](resource.logicalId);
      const key = JSON.stringify(value);
      if (!seen.has(key)) values.push(value);
      seen.add(key);
    }
    out.push({ logicalId: resource.logicalId, cfnType: resource.type!, values, actions: fitted });
  }
  return out.sort((a, b) => b.actions.length - a.actions.length);
}

/**
 * The catalogue's ARN format as a `!Sub` with CloudFormation pseudo parameters
 * (`arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${TableName}`); the other
 * placeholders are left for the user to fill in.
 */
export function arnTemplate(format: string): string {
  return format.replace(/\$\{Partition\}/g, '${AWS::Partition}').replace(/\$\{Region\}/g, '${AWS::Region}').replace(/\$\{Account\}/g, '${AWS::AccountId}');
}
