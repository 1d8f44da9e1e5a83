/** Entry of the robustness suite (200 generated templates and a 5 MB template). */
import { nodeRun } from './node-entry';

export const run = nodeRun('robustness');
