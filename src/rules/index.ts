/** Every rule, by family. Each family keeps its own list in its folder's index.ts. */
import type { Rule } from '../core/rule';
import { apiRules } from './api';
import { iamRules } from './iam';
import { secretsRules } from './secrets';

export const allRules: readonly Rule[] = [...iamRules, ...secretsRules, ...apiRules];

export function findRule(id: string): Rule | undefined {
  return allRules.find((r) => r.meta.id === id);
}
