import type { Rule } from '../../core/rule';
import { unauthenticatedRoute } from './unauthenticated-route';

export const apiRules: readonly Rule[] = [unauthenticatedRoute];
