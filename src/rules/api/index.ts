import type { Rule } from '../../core/rule';

export const apiRules: readonly Rule[] = [];
