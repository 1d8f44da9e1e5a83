import type { Rule } from '../../core/rule';
import { wildcardAction } from './wildcard-action';
import { wildcardResource } from './wildcard-resource';

export const iamRules: readonly Rule[] = [wildcardAction, wildcardResource];
