/** Entry of the main extension-host suite (fixture workspace test/e2e/fixtures/workspace). */
import { afterEach } from './framework';
import { nodeRun } from './node-entry';
import { closeAllEditors } from './vscode-helpers';
import './kinds.e2e';
import './workflow.e2e';
import './authoring.e2e';

afterEach(closeAllEditors);

export const run = nodeRun('main');
