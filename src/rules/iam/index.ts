import type { Rule } from '../../core/rule';
import { wildcardAction } from './wildcard-action';

export const iamRules: readonly Rule[] = [wildcardAction];
