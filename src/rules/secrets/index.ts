import type { Rule } from '../../core/rule';

export const secretsRules: readonly Rule[] = [];
