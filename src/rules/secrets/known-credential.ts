import type { Rule } from '../../core/rule';
import { scanCredentials } from '../../core/secrets/scan';
import { moveSecretFixes } from './fixes';
import { describeCredential, entriesByNode, whereFound } from './shared';

export const knownCredential: Rule = {
  meta: {
    id: 'secrets/known-credential',
    title: 'Private keys, API tokens and passwords in URLs must not be written in a file',
    defaultSeverity: 'error',
    fixable: true,
    kinds: ['iam-policy', 'cloudformation', 'sam', 'serverless'],
  },
  check(context) {
    const found = context.use(scanCredentials).filter((c) => !c.aws);
    if (found.length === 0) return;
    const entries = entriesByNode(context);
    for (const credential of found) {
      const entry = entries.get(credential.node);
      const where = whereFound(entry, credential);
      if (credential.placeholder) {
        context.report({
          start: credential.sourceStart,
          end: credential.sourceEnd,
          severity: 'info',
          resource: entry?.owner,
          message: `Placeholder ${describeCredential(credential)} in ${where}: replace it with a reference to Secrets Manager or SSM before deploying`,
        });
        continue;
      }
      const movable = entry && entry.place !== 'user-data' && credential.node === entry.node;
      context.report({
        start: credential.sourceStart,
        end: credential.sourceEnd,
        resource: entry?.owner,
        message: `${describeCredential(credential)} in ${where}: revoke it (anyone who has read this file can use it), then read it from Secrets Manager or SSM Parameter Store`,
        fixes: movable ? moveSecretFixes(context, entry, credential.node, { rotate: credential.label }) : [],
      });
    }
  },
};
