/** Entry of the robustness suite (200 generated templates and a 5 MB template, see harness/workspace.ts). */
import { afterEach } from './framework';
import { nodeRun } from './node-entry';
import { closeAllEditors } from './vscode-helpers';
import './robustness.e2e';

afterEach(closeAllEditors);

export const run = nodeRun('robustness');
