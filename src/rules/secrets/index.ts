import type { Rule } from '../../core/rule';
import { awsCredentials } from './aws-credentials';
import { knownCredential } from './known-credential';
import { noEchoLeak } from './noecho-leak';
import { parameterNoEcho } from './parameter-noecho';
import { plaintextConfig } from './plaintext-config';
import { userData } from './user-data';

export const secretsRules: readonly Rule[] = [awsCredentials, knownCredential, plaintextConfig, parameterNoEcho, noEchoLeak, userData];
