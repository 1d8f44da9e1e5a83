/**
 * Commands and version details that other parts of the project contribute to the CLI
 * (`guardpost routes`, the IAM catalogue's data date), kept apart from the core command set.
 */
import type { CliIO } from './main';

export interface ExtraCommand {
  usage: string;
  summary: string;
  run(argv: readonly string[], io: CliIO): number | Promise<number>;
}

export const extraCommands: Record<string, ExtraCommand> = {};

/** Appended to `guardpost --version`. */
export function versionDetails(): string {
  return '';
}
