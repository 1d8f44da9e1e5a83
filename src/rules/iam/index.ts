import type { Rule } from '../../core/rule';
import { adminAccess } from './admin-access';
import { lambdaPermissionSource } from './lambda-permission-source';
import { openTrustPolicy } from './open-trust-policy';
import { passroleWildcard } from './passrole-wildcard';
import { publicPrincipal } from './public-principal';
import { wildcardAction } from './wildcard-action';
import { wildcardResource } from './wildcard-resource';

export const iamRules: readonly Rule[] = [
  wildcardAction,
  wildcardResource,
  adminAccess,
  passroleWildcard,
  publicPrincipal,
  openTrustPolicy,
  lambdaPermissionSource,
];
