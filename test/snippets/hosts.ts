/**
 * Minimal documents a snippet is inserted into for its test, by host kind (see snippets/src/build.ts).
 * Insertion indents every snippet line after the first like VS Code does: by the indentation of the line
 * the cursor is on.
 */
import { buildAll, type HostKind } from '../../snippets/src/build';
import type { FileKind } from '../../src/core/types';
import { expandSnippet } from './expand';

export interface Host {
  path: string;
  text: string;
  kind: FileKind;
}

const CURSOR = '@@SNIPPET@@';

function insert(template: string, snippet: string): string {
  const at = template.indexOf(CURSOR);
  const lineStart = template.lastIndexOf('\n', at) + 1;
  const indent = template.slice(lineStart, at);
  return template.slice(0, at) + snippet.split('\n').join(`\n${indent}`) + template.slice(at + CURSOR.length);
}

const TEMPLATES: Record<HostKind, { yaml?: string; json?: string; kind: FileKind }> = {
  'cloudformation-resources': {
    kind: 'cloudformation',
    yaml: `AWSTemplateFormatVersion: '2010-09-09'\nDescription: snippet host\nResources:\n  ${CURSOR}\n`,
    json: `{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Description": "snippet host",\n  "Resources": {\n    ${CURSOR}\n  }\n}\n`,
  },
  'sam-resources': {
    kind: 'sam',
    yaml: `AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\nResources:\n  ${CURSOR}\n`,
    json: `{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Transform": "AWS::Serverless-2016-10-31",\n  "Resources": {\n    ${CURSOR}\n  }\n}\n`,
  },
  // A function snippet adds API events, and the API they create is configured elsewhere: the host is a service
  // with gp-sls-api-logs under provider (access logs, tracing) and gp-sls-api-throttling at the top, as the
  // function snippets' descriptions advise.
  'serverless-functions': {
    kind: 'serverless',
    yaml: insert(
      insert(
        `service: items-service\nframeworkVersion: '3'\nprovider:\n  name: aws\n  runtime: nodejs24.x\n  ${CURSOR}\nfunctions:\n  @@FUNCTIONS@@\n@@ROOT@@\n`,
        snippetText('gp-sls-api-logs'),
      ).replace('@@ROOT@@', CURSOR),
      snippetText('gp-sls-api-throttling'),
    ).replace('@@FUNCTIONS@@', CURSOR),
  },
  'serverless-root': {
    kind: 'serverless',
    yaml: `service: items-service\nframeworkVersion: '3'\nprovider:\n  name: aws\n  runtime: nodejs24.x\n${CURSOR}\n`,
  },
  'serverless-provider': {
    kind: 'serverless',
    yaml: `service: items-service\nframeworkVersion: '3'\nprovider:\n  name: aws\n  runtime: nodejs24.x\n  ${CURSOR}\nfunctions:\n  hello:\n    handler: src/hello.handler\n`,
  },
  'iam-statement': {
    kind: 'iam-policy',
    json: `{\n  "Version": "2012-10-17",\n  "Statement": [\n    ${CURSOR}\n  ]\n}\n`,
  },
  'iam-document': { kind: 'iam-policy', json: `${CURSOR}\n` },
};

function snippetText(prefix: string): string {
  return expandSnippet(buildAll().find((s) => s.prefix.includes(prefix))!.body).text;
}

export function hostDocument(host: HostKind, language: 'yaml' | 'json', snippet: string): Host {
  const t = TEMPLATES[host];
  const template = t[language];
  if (!template) throw new Error(`no ${language} host for ${host}`);
  const name = host.startsWith('serverless') ? 'serverless.yml' : host.startsWith('iam') ? 'policy.json' : `template.${language}`;
  return { path: name, text: insert(template, snippet), kind: t.kind };
}
