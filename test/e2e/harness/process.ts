/**
 * Child processes of the harness. Every long-lived child (code-server, vscode-test-web) starts in its own
 * session and process group (`detached: true` makes Node call setsid(2), exactly what `setsid` does), so
 * stopping it ends the whole tree it spawned: file watchers, extension hosts, the language server, pty hosts.
 * Groups are also killed when the harness exits for any reason (failure, timeout, Ctrl+C).
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';

const groups = new Set<number>();

function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

process.on('exit', () => {
  for (const pgid of groups) killGroup(pgid, 'SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    console.error(`[e2e] ${signal}: stopping child process groups`);
    process.exit(130);
  });
}

export interface Group {
  child: ChildProcess;
  pid: number;
  /** Resolves with the exit code of the group leader. */
  exited: Promise<number>;
  /** SIGTERM to the group, SIGKILL after `graceMs`, resolves when no process of the group is left. */
  stop(graceMs?: number): Promise<void>;
}

/** Starts `command` as the leader of a new process group, output appended to `logFile`. */
export function spawnGroup(command: string, args: string[], options: SpawnOptions & { logFile: string }): Group {
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  if (child.pid === undefined) throw new Error(`cannot start ${command}`);
  const pid = child.pid;
  groups.add(pid);
  const exited = new Promise<number>((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
    child.on('error', () => resolve(127));
  });
  return {
    child,
    pid,
    exited,
    async stop(graceMs = 5000) {
      killGroup(pid, 'SIGTERM');
      const end = Date.now() + graceMs;
      while (groupAlive(pid) && Date.now() < end) await sleep(100);
      if (groupAlive(pid)) killGroup(pid, 'SIGKILL');
      while (groupAlive(pid)) await sleep(50);
      groups.delete(pid);
      log.end();
    },
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Rejects after `ms` with a message naming what timed out. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${Math.round(ms / 1000)}s: ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
