// Extension activation cost, measured outside VS Code: the time to load dist/extension.js (what the
// extension host does first) and to run activate() against a stand-in `vscode` module in which
// every API is a cheap no-op. It measures our own work (bundle evaluation, client construction,
// registrations), not VS Code's, and not the server process, which starts asynchronously after
// activate() returns. Each run is a fresh plain `node` process (no tsx hooks), so the load is cold.
// Run: npm run build -- --production && node --import tsx bench/activation.ts
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const bundle = join(root, 'dist', 'extension.js');
const RUNS = 7;
if (!existsSync(bundle)) {
  console.error('activation: dist/extension.js is missing; run `npm run build` first');
  process.exit(2);
}

// Every top-level name @types/vscode declares becomes a stub: bundlers copy a module's own keys.
const dts = readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
const names = [...new Set([...dts.matchAll(/^(?:\t| {4})export (?:namespace|class|enum|const|let|function) ([A-Za-z_]\w*)/gm)].map((m) => m[1]))];

// Runs in the child: plain CommonJS.
const child = `
const Module = require('module');
const { performance } = require('perf_hooks');
function stub(name) {
  return new Proxy(function () {}, {
    get(_t, prop) {
      if (prop === 'then') return undefined;
      if (prop === Symbol.toPrimitive || prop === 'toString') return () => name;
      if (prop === 'workspaceFolders' || prop === 'activeTextEditor') return undefined;
      if (prop === 'textDocuments' || prop === 'visibleTextEditors' || prop === 'all') return [];
      return stub(name + '.' + String(prop));
    },
    set: () => true,
    apply: () => stub(name + '()'),
    construct: () => stub('new ' + name),
  });
}
const fake = {};
for (const name of ${JSON.stringify(names)}) fake[name] = stub(name);
fake.version = '1.91.0';
const load = Module._load;
Module._load = function (request, parent, isMain) { return request === 'vscode' ? fake : load.call(this, request, parent, isMain); };
const root = ${JSON.stringify(root)};
const context = { subscriptions: [], extensionPath: root, extensionUri: stub('extensionUri'), asAbsolutePath: (p) => require('path').join(root, p) };
const c0 = process.cpuUsage();
const t0 = performance.now();
const extension = require(${JSON.stringify(bundle)});
const t1 = performance.now();
extension.activate(context);
const t2 = performance.now();
const cpu = process.cpuUsage(c0);
process.stdout.write(JSON.stringify({ load: t1 - t0, activate: t2 - t1, cpu: (cpu.user + cpu.system) / 1000 }));
process.exit(0);
`;

const runs: { load: number; activate: number; cpu: number }[] = [];
for (let i = 0; i < RUNS; i++) {
  const result = spawnSync(process.execPath, ['-e', child], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    console.error(`activation: run failed\n${result.stderr.slice(0, 2000)}`);
    process.exit(1);
  }
  runs.push(JSON.parse(result.stdout) as { load: number; activate: number; cpu: number });
}
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = median(runs.map((r) => r.load));
const activate = median(runs.map((r) => r.activate));
const cpu = median(runs.map((r) => r.cpu));
const text = readFileSync(bundle, 'utf8');
const coreInClient = text.includes('guardpost-disable-next-line') || text.includes('AWSTemplateFormatVersion');
const minified = !text.includes('\n//# sourceMappingURL');
console.log(`activation: dist/extension.js ${(statSync(bundle).size / 1024).toFixed(0)} KiB (${minified ? 'production' : 'development'} build), median of ${RUNS} cold runs:`);
console.log(`activation:   load ${load.toFixed(1)} ms + activate() ${activate.toFixed(1)} ms = ${(load + activate).toFixed(1)} ms wall (budget 50 ms); CPU time ${cpu.toFixed(1)} ms`);
// Wall time grows with machine load; CPU time much less. Report the load so readers can judge.
console.log(`activation: load average ${require('node:os').loadavg()[0].toFixed(1)} on ${require('node:os').cpus().length} cores`);
console.log(`activation: engine, rules or IAM catalogue in the client bundle: ${coreInClient ? 'YES (they belong in the server only)' : 'no'}`);
