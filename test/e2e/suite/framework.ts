/**
 * A tiny test runner for code that runs INSIDE a VS Code extension host (Node or web worker): no mocha,
 * no Node APIs. Suites register tests with `test()` and their entry exports `run()`, the contract of
 * VS Code's extensionTestsPath (code-server's smoke-test driver, @vscode/test-electron, @vscode/test-web):
 * run() rejecting means failure. Tests run one after another in registration order.
 */

export type TestFn = () => Promise<void> | void;

interface TestCase {
  name: string;
  fn: TestFn;
  timeoutMs: number;
}

const tests: TestCase[] = [];
const afterEachHooks: TestFn[] = [];

export function test(name: string, fn: TestFn, timeoutMs = 60_000): void {
  tests.push({ name, fn, timeoutMs });
}

/** Runs after every test, passed or failed (e.g. closing editors). */
export function afterEach(fn: TestFn): void {
  afterEachHooks.push(fn);
}

export class AssertionError extends Error {
  override name = 'AssertionError';
}

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value, null, 1)?.replace(/\n\s*/g, ' ') ?? String(value);
}

export interface Assert {
  ok(value: unknown, message?: string): asserts value;
  equal<T>(actual: T, expected: T, message?: string): void;
  deepEqual(actual: unknown, expected: unknown, message?: string): void;
  text(actual: string, expected: string, message?: string): void;
  includes(haystack: string, needle: string, message?: string): void;
}

/** Minimal assertions that also work in a web worker (node:assert does not). */
export const assert: Assert = {
  ok(value: unknown, message?: string): asserts value {
    if (!value) throw new AssertionError(message ?? `expected a truthy value, got ${show(value)}`);
  },
  equal<T>(actual: T, expected: T, message?: string): void {
    if (actual !== expected) {
      throw new AssertionError(`${message ? message + ': ' : ''}expected ${show(expected)}, got ${show(actual)}`);
    }
  },
  deepEqual(actual: unknown, expected: unknown, message?: string): void {
    const a = JSON.stringify(actual);
    const e = JSON.stringify(expected);
    if (a !== e) throw new AssertionError(`${message ? message + ': ' : ''}\n  expected ${e}\n  actual   ${a}`);
  },
  /** Whole texts: on mismatch, shows the first differing line. */
  text(actual: string, expected: string, message?: string): void {
    if (actual === expected) return;
    const al = actual.split('\n');
    const el = expected.split('\n');
    let i = 0;
    while (i < al.length && i < el.length && al[i] === el[i]) i++;
    throw new AssertionError(
      `${message ? message + ': ' : ''}texts differ at line ${i + 1}\n  expected ${JSON.stringify(el[i])}\n  actual   ${JSON.stringify(al[i])}` +
        `\n--- actual text ---\n${actual}\n--- expected text ---\n${expected}`,
    );
  },
  includes(haystack: string, needle: string, message?: string): void {
    if (!haystack.includes(needle)) throw new AssertionError(`${message ? message + ': ' : ''}expected ${show(haystack)} to contain ${show(needle)}`);
  },
};

export interface SuiteResult {
  suite: string;
  passed: number;
  failed: number;
  results: { name: string; ok: boolean; ms: number; error?: string }[];
  /** Numbers a suite reports (latencies...): printed, never asserted. */
  measurements: Record<string, number | string>;
}

const measurements: Record<string, number | string> = {};
let sink: (line: string) => void = (line) => console.log(line);

/** A `# ` comment line in the suite's output (shown by every harness). */
export function log(line: string): void {
  sink(`# ${line}`);
}

/** Records a number to print in the summary (tests never assert on timing). */
export function measure(name: string, value: number | string): void {
  measurements[name] = value;
}

function withTimeout(promise: Promise<void>, ms: number, name: string): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    promise,
    new Promise<void>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`test timed out after ${ms} ms: ${name}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Runs the registered tests. `grep` (a substring) selects tests by name; `out` receives one line per
 * test (TAP-like) as it finishes.
 */
export async function runTests(suite: string, out: (line: string) => void, grep?: string): Promise<SuiteResult> {
  const result: SuiteResult = { suite, passed: 0, failed: 0, results: [], measurements };
  sink = out;
  const selected = tests.filter((t) => !grep || t.name.includes(grep));
  out(`# suite ${suite}: ${selected.length} tests`);
  for (const t of selected) {
    const start = Date.now();
    let error: string | undefined;
    try {
      await withTimeout(Promise.resolve().then(t.fn), t.timeoutMs, t.name);
    } catch (e) {
      error = e instanceof Error ? `${e.message}\n${(e.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 5).join('\n')}` : String(e);
    }
    for (const hook of afterEachHooks) {
      try {
        await withTimeout(Promise.resolve().then(hook), 30_000, `afterEach of ${t.name}`);
      } catch (e) {
        error ??= `afterEach: ${e instanceof Error ? e.message : String(e)}`;
      }
    }
    const ms = Date.now() - start;
    result.results.push({ name: t.name, ok: !error, ms, error });
    if (error) {
      result.failed++;
      out(`not ok - ${t.name} (${ms} ms)\n    ${error.replace(/\n/g, '\n    ')}`);
    } else {
      result.passed++;
      out(`ok - ${t.name} (${ms} ms)`);
    }
  }
  for (const [k, v] of Object.entries(measurements)) out(`# measure ${k}: ${v}`);
  out(`# ${suite}: ${result.passed} passed, ${result.failed} failed`);
  return result;
}
