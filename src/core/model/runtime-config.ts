/**
 * The one place that knows where a value becomes runtime configuration: environment variables
 * (Lambda, SAM functions and SAM `Globals`, ECS containers, CodeBuild projects, Batch jobs,
 * serverless `provider.environment` and `functions.*.environment`), resource properties that take
 * credentials (the password-bearing properties cfn_nag covers, and more), EC2 `UserData`, and
 * `AWS::SSM::Parameter` values; and which template parameters feed them. Rules about secrets read
 * `ConfigEntry`s and never walk resources themselves.
 *
 * Use through `context.use(extractRuntimeConfig)`: computed once per document.
 */
import { asList, get, getMap, getPair, literalString, type MapNode, type Node, type ScalarNode } from '../ast';
import { alternatives, valueOf } from '../intrinsics';
import type { RuleContext } from '../rule';
import { isSecretName } from '../secrets/names';
import type { ServerlessService } from './serverless';
import type { Parameter, Resource, Template } from './template';

export type ConfigPlace = 'environment' | 'property' | 'user-data' | 'ssm-parameter';

export interface ConfigEntry {
  place: ConfigPlace;
  /** Variable name, property path (`LoginProfile.Password`), or SSM parameter name. */
  name: string;
  /** The node naming the entry: the variable's key, or the `Name:` value of a `{Name, Value}` item. */
  nameNode: ScalarNode;
  /** The value node. */
  node: Node;
  /** The map that holds the value under `valueKey` (for fixes). */
  container: MapNode;
  valueKey: string;
  /** Logical ID, serverless function name, `provider` or `Globals`. */
  owner: string;
  /** CloudFormation type of the owner, `serverless function`, or undefined for provider/Globals. */
  ownerType: string | undefined;
  /** Where the entry was written: on a resource, in SAM Globals, in serverless provider or function. */
  origin: 'resource' | 'globals' | 'provider' | 'function';
  /** In words, for messages: "environment variable DB_PASSWORD of function OrdersFn". */
  location: string;
  /** The value is a credential by its place: a password property, or a variable whose name says secret. */
  secretByName: boolean;
  /** CloudFormation supports `{{resolve:ssm-secure:...}}` for this property. */
  ssmSecure: boolean;
  /** Which fixes apply: CloudFormation dynamic references or serverless variables. */
  syntax: 'cloudformation' | 'serverless';
  resource?: Resource;
}

export interface ParameterUse {
  parameter: Parameter;
  entry: ConfigEntry;
  /** The `!Ref` (or `!Sub`) node that reads the parameter. */
  node: Node;
}

export interface RuntimeConfig {
  entries: ConfigEntry[];
  /** Parameters whose value flows into a secret entry (by `!Ref` or a `!Sub` variable), by name. */
  secretParameterUses: Map<string, ParameterUse[]>;
}

/**
 * Properties that take a credential, by resource type: paths of keys, `[]` for each item of a list.
 * `ssmSecure` marks the properties that accept `{{resolve:ssm-secure:...}}` (AWS's list).
 */
interface SecretProperty {
  path: string;
  ssmSecure?: boolean;
}
const SECRET_PROPERTIES: Record<string, SecretProperty[]> = {
  'AWS::RDS::DBInstance': [{ path: 'MasterUserPassword', ssmSecure: true }, { path: 'TdeCredentialPassword' }],
  'AWS::RDS::DBCluster': [{ path: 'MasterUserPassword', ssmSecure: true }],
  'AWS::DocDB::DBCluster': [{ path: 'MasterUserPassword' }],
  'AWS::Neptune::DBCluster': [],
  'AWS::Redshift::Cluster': [{ path: 'MasterUserPassword', ssmSecure: true }],
  'AWS::RedshiftServerless::Namespace': [{ path: 'AdminUserPassword' }],
  'AWS::Lightsail::Database': [{ path: 'MasterUserPassword' }],
  'AWS::ElastiCache::ReplicationGroup': [{ path: 'AuthToken', ssmSecure: true }],
  'AWS::ElastiCache::User': [{ path: 'Passwords[]' }],
  'AWS::MemoryDB::User': [{ path: 'AuthenticationMode.Passwords[]' }],
  'AWS::DMS::Endpoint': [
    { path: 'Password' }, { path: 'MongoDbSettings.Password' }, { path: 'OracleSettings.AsmPassword' }, { path: 'OracleSettings.SecurityDbEncryption' },
    { path: 'RedshiftSettings.Password' }, { path: 'SybaseSettings.Password' }, { path: 'IbmDb2Settings.Password' }, { path: 'MicrosoftSqlServerSettings.Password' },
    { path: 'MySqlSettings.Password' }, { path: 'PostgreSqlSettings.Password' }, { path: 'KafkaSettings.SaslPassword' }, { path: 'KafkaSettings.SslClientKeyPassword' },
  ],
  'AWS::AmazonMQ::Broker': [{ path: 'Users[].Password' }],
  'AWS::AmazonMQ::User': [{ path: 'Password' }],
  'AWS::DirectoryService::MicrosoftAD': [{ path: 'Password', ssmSecure: true }],
  'AWS::DirectoryService::SimpleAD': [{ path: 'Password', ssmSecure: true }],
  'AWS::IAM::User': [{ path: 'LoginProfile.Password', ssmSecure: true }],
  'AWS::CodePipeline::Webhook': [{ path: 'AuthenticationConfiguration.SecretToken' }],
  'AWS::CodePipeline::Pipeline': [{ path: 'Stages[].Actions[].Configuration.OAuthToken' }],
  'AWS::CodeBuild::SourceCredential': [{ path: 'Token' }],
  'AWS::ApiGateway::ApiKey': [{ path: 'Value' }],
  'AWS::OpsWorks::App': [{ path: 'AppSource.Password', ssmSecure: true }, { path: 'SslConfiguration.PrivateKey' }],
  'AWS::OpsWorks::Stack': [{ path: 'CustomCookbooksSource.Password', ssmSecure: true }, { path: 'RdsDbInstances[].DbPassword', ssmSecure: true }],
  'AWS::EMR::Cluster': [{ path: 'KerberosAttributes.KdcAdminPassword' }, { path: 'KerberosAttributes.ADDomainJoinPassword' }, { path: 'KerberosAttributes.CrossRealmTrustPrincipalPassword' }],
  'AWS::Pinpoint::APNSChannel': [{ path: 'PrivateKey' }, { path: 'TokenKey' }],
  'AWS::Pinpoint::APNSSandboxChannel': [{ path: 'PrivateKey' }, { path: 'TokenKey' }],
  'AWS::Pinpoint::APNSVoipChannel': [{ path: 'PrivateKey' }, { path: 'TokenKey' }],
  'AWS::Pinpoint::APNSVoipSandboxChannel': [{ path: 'PrivateKey' }, { path: 'TokenKey' }],
  'AWS::Pinpoint::GCMChannel': [{ path: 'ApiKey' }],
  'AWS::Pinpoint::BaiduChannel': [{ path: 'SecretKey' }],
  'AWS::Pinpoint::ADMChannel': [{ path: 'ClientSecret' }],
  'AWS::Amplify::App': [{ path: 'BasicAuthConfig.Password' }, { path: 'AccessToken' }, { path: 'OauthToken' }, { path: 'AutoBranchCreationConfig.BasicAuthConfig.Password' }],
  'AWS::Amplify::Branch': [{ path: 'BasicAuthConfig.Password' }],
  'AWS::ManagedBlockchain::Member': [{ path: 'MemberConfiguration.MemberFrameworkConfiguration.MemberFabricConfiguration.AdminPassword' }],
  'AWS::Glue::Connection': [{ path: 'ConnectionInput.ConnectionProperties.PASSWORD' }],
  'AWS::KinesisFirehose::DeliveryStream': [
    { path: 'RedshiftDestinationConfiguration.Password', ssmSecure: true }, { path: 'SplunkDestinationConfiguration.HECToken' },
    { path: 'HttpEndpointDestinationConfiguration.EndpointConfiguration.AccessKey' },
  ],
  'AWS::EC2::VPNConnection': [{ path: 'VpnTunnelOptionsSpecifications[].PreSharedKey' }],
  'AWS::Events::Connection': [
    { path: 'AuthParameters.BasicAuthParameters.Password' }, { path: 'AuthParameters.ApiKeyAuthParameters.ApiKeyValue' },
    { path: 'AuthParameters.OAuthParameters.ClientParameters.ClientSecret' },
  ],
  'AWS::AppSync::DataSource': [],
  'AWS::Cognito::IdentityPool': [],
  'AWS::Transfer::Connector': [],
  'AWS::SecretsManager::Secret': [{ path: 'SecretString' }],
};

/** Resource types whose `Environment.Variables` map becomes a function's environment. */
const ENV_MAP_TYPES = new Set(['AWS::Lambda::Function', 'AWS::Serverless::Function']);
/** Container definitions with `Environment: [{Name, Value}]`. */
const ENV_LIST_PATHS: Record<string, string[]> = {
  'AWS::ECS::TaskDefinition': ['ContainerDefinitions[].Environment[]'],
  'AWS::Batch::JobDefinition': ['ContainerProperties.Environment[]'],
  'AWS::CodeBuild::Project': ['Environment.EnvironmentVariables[]'],
};
const USER_DATA_PATHS: Record<string, string> = {
  'AWS::EC2::Instance': 'UserData',
  'AWS::EC2::LaunchTemplate': 'LaunchTemplateData.UserData',
  'AWS::AutoScaling::LaunchConfiguration': 'UserData',
};

export function extractRuntimeConfig(context: RuleContext): RuntimeConfig {
  const entries: ConfigEntry[] = [];
  const template = context.template;
  if (template) collectTemplate(template, context.kind === 'serverless' ? 'serverless' : 'cloudformation', entries);
  if (context.serverless) collectServerless(context.serverless, entries);
  return { entries, secretParameterUses: template && context.kind !== 'serverless' ? parameterUses(template, entries) : new Map() };
}

/** The nodes a property path reaches: `Users[].Password` is each user's Password. */
export function nodesAtPath(start: Node | undefined, path: string): { container: MapNode; key: string; keyNode: ScalarNode; node: Node; path: string }[] {
  const steps = path.split('.');
  let current: { node: Node; path: string }[] = start ? [{ node: start, path: '' }] : [];
  const out: { container: MapNode; key: string; keyNode: ScalarNode; node: Node; path: string }[] = [];
  steps.forEach((step, i) => {
    const list = step.endsWith('[]');
    const key = list ? step.slice(0, -2) : step;
    const last = i === steps.length - 1;
    const next: { node: Node; path: string }[] = [];
    for (const c of current) {
      for (const alt of alternatives(c.node)) {
        if (alt.kind !== 'map' || alt.tag) continue;
        const pair = getPair(alt, key);
        if (!pair) continue;
        const p = c.path ? `${c.path}.${key}` : key;
        if (list) {
          for (const branch of alternatives(pair.value)) {
            asList(branch).forEach((item, index) => {
              if (last) out.push({ container: alt, key, keyNode: pair.key, node: item, path: `${p}[${index}]` });
              else next.push({ node: item, path: `${p}[${index}]` });
            });
          }
        } else if (last) {
          out.push({ container: alt, key, keyNode: pair.key, node: pair.value, path: p });
        } else {
          next.push({ node: pair.value, path: p });
        }
      }
    }
    current = next;
  });
  return out;
}

function collectTemplate(template: Template, syntax: 'cloudformation' | 'serverless', entries: ConfigEntry[]): void {
  // SAM Globals: once, as their own entries (every function inherits them).
  const globalsFunction = getMap(template.globalsNode, 'Function');
  const globalsVars = getMap(getMap(globalsFunction, 'Environment'), 'Variables');
  if (globalsVars) {
    for (const pair of globalsVars.pairs) {
      const name = String(pair.key.value ?? '');
      entries.push({
        place: 'environment', name, nameNode: pair.key, node: pair.value, container: globalsVars, valueKey: name,
        owner: 'Globals', ownerType: undefined, origin: 'globals', location: `environment variable ${name} in SAM Globals (every function)`,
        secretByName: isSecretName(name), ssmSecure: false, syntax,
      });
    }
  }
  for (const resource of template.resources) {
    const type = resource.type;
    if (!type || !resource.properties) continue;
    const id = resource.logicalId;
    if (ENV_MAP_TYPES.has(type)) {
      for (const env of alternatives(get(resource.properties, 'Environment') ?? nullNode())) {
        const vars = getMap(env, 'Variables');
        for (const pair of vars?.pairs ?? []) {
          const name = String(pair.key.value ?? '');
          entries.push({
            place: 'environment', name, nameNode: pair.key, node: pair.value, container: vars!, valueKey: name,
            owner: id, ownerType: type, origin: 'resource', location: `environment variable ${name} of function ${id}`,
            secretByName: isSecretName(name), ssmSecure: false, syntax, resource,
          });
        }
      }
    }
    for (const path of ENV_LIST_PATHS[type] ?? []) {
      for (const item of nodesAtPath(resource.properties, path)) {
        if (item.node.kind !== 'map') continue;
        const nameNode = get(item.node, 'Name');
        const valuePair = getPair(item.node, 'Value');
        const name = literalString(nameNode);
        if (name === undefined || !valuePair || nameNode?.kind !== 'scalar') continue;
        // CodeBuild's PARAMETER_STORE / SECRETS_MANAGER types hold a reference, not the value.
        const varType = literalString(get(item.node, 'Type'));
        if (varType && varType !== 'PLAINTEXT') continue;
        entries.push({
          place: 'environment', name, nameNode, node: valuePair.value, container: item.node, valueKey: 'Value',
          owner: id, ownerType: type, origin: 'resource', location: `environment variable ${name} of ${shortType(type)} ${id}`,
          secretByName: isSecretName(name), ssmSecure: false, syntax, resource,
        });
      }
    }
    for (const prop of SECRET_PROPERTIES[type] ?? []) {
      for (const at of nodesAtPath(resource.properties, prop.path)) {
        entries.push({
          place: 'property', name: at.path, nameNode: at.keyNode, node: at.node, container: at.container, valueKey: at.key,
          owner: id, ownerType: type, origin: 'resource', location: `${at.path} of ${type} ${id}`,
          secretByName: true, ssmSecure: !!prop.ssmSecure, syntax, resource,
        });
      }
    }
    const userData = USER_DATA_PATHS[type];
    if (userData) {
      for (const at of nodesAtPath(resource.properties, userData)) {
        entries.push({
          place: 'user-data', name: at.path, nameNode: at.keyNode, node: at.node, container: at.container, valueKey: at.key,
          owner: id, ownerType: type, origin: 'resource', location: `UserData of ${type} ${id}`,
          secretByName: false, ssmSecure: false, syntax, resource,
        });
      }
    }
    if (type === 'AWS::SSM::Parameter') {
      const valuePair = getPair(resource.properties, 'Value');
      const paramType = literalString(get(resource.properties, 'Type'));
      if (valuePair && (paramType === 'String' || paramType === 'StringList')) {
        const name = literalString(get(resource.properties, 'Name')) ?? id;
        entries.push({
          place: 'ssm-parameter', name, nameNode: valuePair.key, node: valuePair.value, container: resource.properties, valueKey: 'Value',
          owner: id, ownerType: type, origin: 'resource', location: `SSM parameter ${id} (Type ${paramType})`,
          secretByName: isSecretName(name.split('/').pop() ?? name) || isSecretName(id), ssmSecure: false, syntax, resource,
        });
      }
    }
  }
}

function collectServerless(service: ServerlessService, entries: ConfigEntry[]): void {
  const providerEnv = getMap(service.provider, 'environment');
  for (const pair of providerEnv?.pairs ?? []) {
    const name = String(pair.key.value ?? '');
    entries.push({
      place: 'environment', name, nameNode: pair.key, node: pair.value, container: providerEnv!, valueKey: name,
      owner: 'provider', ownerType: undefined, origin: 'provider', location: `environment variable ${name} in provider.environment (every function)`,
      secretByName: isSecretName(name), ssmSecure: false, syntax: 'serverless',
    });
  }
  for (const fn of service.functions) {
    const env = getMap(fn.node, 'environment');
    for (const pair of env?.pairs ?? []) {
      const name = String(pair.key.value ?? '');
      entries.push({
        place: 'environment', name, nameNode: pair.key, node: pair.value, container: env!, valueKey: name,
        owner: fn.name, ownerType: 'serverless function', origin: 'function', location: `environment variable ${name} of function ${fn.name}`,
        secretByName: isSecretName(name), ssmSecure: false, syntax: 'serverless',
      });
    }
  }
}

/** Parameters read by secret entries: `!Ref P`, `${P}` in a `!Sub`, `!Sub [.., {X: !Ref P}]`. */
function parameterUses(template: Template, entries: ConfigEntry[]): Map<string, ParameterUse[]> {
  const uses = new Map<string, ParameterUse[]>();
  const add = (name: string, entry: ConfigEntry, node: Node): void => {
    const parameter = template.parameter(name);
    if (!parameter) return;
    const list = uses.get(name) ?? [];
    list.push({ parameter, entry, node });
    uses.set(name, list);
  };
  for (const entry of entries) {
    if (!entry.secretByName) continue;
    for (const alt of alternatives(entry.node)) {
      const value = valueOf(alt);
      if (value.kind === 'ref') add(value.target, entry, alt);
      else if (value.kind === 'sub') {
        // A !Sub that builds a reference ({{resolve:...}}) reads a secret name, not the secret.
        if (value.template.includes('{{resolve:')) continue;
        // In a larger text (a JSON SecretString, a URL) only the parameters named as secrets carry one.
        const whole = value.parts.length === 1;
        for (const part of value.parts) {
          if (!('variable' in part)) continue;
          const bound = value.variables.get(part.variable);
          if (bound) {
            const v = valueOf(bound);
            if (v.kind === 'ref' && (whole || isSecretName(v.target))) add(v.target, entry, bound);
          } else if (whole || isSecretName(part.variable)) add(part.variable, entry, alt);
        }
      }
    }
  }
  return uses;
}

function shortType(type: string): string {
  if (type === 'AWS::ECS::TaskDefinition') return 'task definition';
  if (type === 'AWS::CodeBuild::Project') return 'CodeBuild project';
  if (type === 'AWS::Batch::JobDefinition') return 'Batch job definition';
  return type;
}

function nullNode(): Node {
  return { kind: 'scalar', value: null, style: 'plain', start: 0, end: 0 };
}
