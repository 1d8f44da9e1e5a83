/**
 * Reads, lints and (with --fix) rewrites files. Large runs are spread over worker threads, one per
 * core: parsing YAML dominates and is CPU-bound, so two cores nearly halve a corpus run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Config } from '../core/config';
import { lint } from '../core/engine';
import { fixAll } from '../core/fixes';
import type { FileKind, Finding } from '../core/types';
import { allRules } from '../rules';

export interface FileOutcome {
  file: string;
  kind: FileKind;
  findings: Finding[];
  fixed: boolean;
  /** Set when the file could not be read. */
  readError?: string;
}

export function lintFile(file: string, config: Config, fix: boolean): FileOutcome {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    return { file, kind: 'unknown', findings: [], fixed: false, readError: (error as NodeJS.ErrnoException).code ?? (error as Error).message };
  }
  // A BOM is not part of the text VS Code shows; positions are counted without it and it is kept on write.
  const bom = raw.charCodeAt(0) === 0xfeff;
  const text = bom ? raw.slice(1) : raw;
  const options = { path: file, rules: allRules, config };
  const result = lint(text, options);
  if (fix && result.findings.some((f) => f.fixes.some((x) => x.isPreferred))) {
    const fixed = fixAll(text, options);
    if (fixed.text !== text) {
      writeFileSync(file, (bom ? '\uFEFF' : '') + fixed.text);
      return { file, kind: result.kind, findings: fixed.remaining, fixed: true };
    }
  }
  return { file, kind: result.kind, findings: result.findings, fixed: false };
}

const PARALLEL_THRESHOLD = 48;
const CHUNK = 8;

interface WorkerInit {
  guardpostLintWorker: true;
  config: Config;
  fix: boolean;
}

/** Lints files in order; in parallel when running from the bundle with enough files and cores. */
export async function lintFiles(files: readonly string[], config: Config, fix: boolean): Promise<FileOutcome[]> {
  // GUARDPOST_WORKERS=1 forces a single thread (e.g. on a shared CI runner).
  const cap = Number(process.env.GUARDPOST_WORKERS) || availableParallelism();
  const workers = Math.min(cap, 4, Math.ceil(files.length / PARALLEL_THRESHOLD));
  // Worker threads need a plain .js entry: only the bundle (dist/cli.js) qualifies, not sources run by tsx.
  if (workers < 2 || !__filename.endsWith('.js')) return files.map((f) => lintFile(f, config, fix));
  const results: FileOutcome[] = new Array(files.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, () => new Promise<void>((resolve, reject) => {
      const init: WorkerInit = { guardpostLintWorker: true, config, fix };
      const worker = new Worker(__filename, { workerData: init });
      const send = () => {
        if (next >= files.length) {
          void worker.terminate();
          resolve();
          return;
        }
        const start = next;
        next = Math.min(files.length, next + CHUNK);
        worker.postMessage({ start, files: files.slice(start, next) });
      };
      worker.on('message', (msg: { start: number; outcomes: FileOutcome[] }) => {
        msg.outcomes.forEach((o, i) => (results[msg.start + i] = o));
        send();
      });
      worker.on('error', reject);
      worker.on('online', send);
    })),
  );
  return results;
}

/** The worker side: started when this module loads inside a lint worker. */
if (!isMainThread && (workerData as WorkerInit | undefined)?.guardpostLintWorker) {
  const { config, fix } = workerData as WorkerInit;
  parentPort!.on('message', (msg: { start: number; files: string[] }) => {
    parentPort!.postMessage({ start: msg.start, outcomes: msg.files.map((f) => lintFile(f, config, fix)) });
  });
}
