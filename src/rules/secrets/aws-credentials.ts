import type { Rule } from '../../core/rule';
import { scanCredentials } from '../../core/secrets/scan';
import { moveSecretFixes } from './fixes';
import { describeCredential, entriesByNode, whereFound } from './shared';

export const awsCredentials: Rule = {
  meta: {
    id: 'secrets/aws-credentials',
    title: 'AWS access keys, secret access keys and session tokens must not be written in a file',
    defaultSeverity: 'error',
    fixable: true,
    kinds: ['iam-policy', 'cloudformation', 'sam', 'serverless'],
  },
  check(context) {
    const found = context.use(scanCredentials).filter((c) => c.aws);
    if (found.length === 0) return;
    const entries = entriesByNode(context);
    for (const credential of found) {
      const entry = entries.get(credential.node);
      const where = whereFound(entry, credential);
      const resource = entry?.owner;
      if (credential.placeholder) {
        context.report({
          start: credential.sourceStart,
          end: credential.sourceEnd,
          severity: 'info',
          resource,
          message: `AWS documentation example ${describeCredential(credential)} in ${where}: a placeholder, not a leak; replace it with a reference before deploying`,
        });
        continue;
      }
      const movable = entry && entry.place !== 'user-data' && credential.node === entry.node;
      context.report({
        start: credential.sourceStart,
        end: credential.sourceEnd,
        resource,
        message: `${describeCredential(credential)} in ${where}: deactivate and rotate this key in IAM now (anyone who has read this file can use it), then read it from Secrets Manager or use an IAM role`,
        fixes: movable ? moveSecretFixes(context, entry, credential.node, { rotate: 'AWS key' }) : [],
      });
    }
  },
};
