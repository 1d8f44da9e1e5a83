/** Entry of the main extension-host suite (fixture workspace test/e2e/fixtures/workspace). */
import { nodeRun } from './node-entry';
import './activation.e2e';

export const run = nodeRun('main');
