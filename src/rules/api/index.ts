import type { Rule } from '../../core/rule';
import { accessLogging } from './access-logging';
import { cacheEncryption } from './cache-encryption';
import { corsWildcardCredentials } from './cors-wildcard-credentials';
import { dataTrace } from './data-trace';
import { functionUrlPublic } from './function-url-public';
import { requestValidation } from './request-validation';
import { throttling } from './throttling';
import { tlsPolicy } from './tls-policy';
import { tracing } from './tracing';
import { unauthenticatedRoute } from './unauthenticated-route';
import { waf } from './waf';

export const apiRules: readonly Rule[] = [unauthenticatedRoute, functionUrlPublic, tlsPolicy, accessLogging, dataTrace, corsWildcardCredentials, cacheEncryption, throttling, requestValidation, tracing, waf];
