import type { Rule } from '../../core/rule';
import { adminAccess } from './admin-access';
import { consoleUserWithoutMfa } from './console-user-without-mfa';
import { lambdaPermissionSource } from './lambda-permission-source';
import { notActionAllow } from './not-action-allow';
import { notPrincipalAllow } from './not-principal-allow';
import { notResourceAllow } from './not-resource-allow';
import { openTrustPolicy } from './open-trust-policy';
import { passroleWildcard } from './passrole-wildcard';
import { privilegeEscalation } from './privilege-escalation';
import { publicPrincipal } from './public-principal';
import { unknownAction } from './unknown-action';
import { userAccessKey } from './user-access-key';
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
  unknownAction,
  notActionAllow,
  notResourceAllow,
  notPrincipalAllow,
  userAccessKey,
  consoleUserWithoutMfa,
  privilegeEscalation,
];
