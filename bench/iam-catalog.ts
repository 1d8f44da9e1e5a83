// Prints how long the IAM catalogue takes to load and decode (cold, in a fresh process).
import { performance } from 'node:perf_hooks';

const t0 = performance.now();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const catalog = require('../src/core/iam/catalog') as typeof import('../src/core/iam/catalog');
const t1 = performance.now();
const info = catalog.catalogInfo();
const t2 = performance.now();
catalog.actionInfo('s3:GetObject');
const t3 = performance.now();
const all = catalog.expandActionPattern('*');
const t4 = performance.now();
(require('../src/core/iam/descriptions') as typeof import('../src/core/iam/descriptions')).actionDescription('s3:GetObject');
const t5 = performance.now();
console.log(`iam catalogue ${info.version} (data ${info.dataDate}): ${info.services} services, ${info.actions} actions, ${(info.bytes / 1024).toFixed(0)} KiB`);
console.log(`  import ${(t1 - t0).toFixed(1)} ms (nothing loaded), first question (parse JSON) ${(t2 - t1).toFixed(1)} ms,`);
console.log(`  decode one service ${(t3 - t2).toFixed(1)} ms, decode all ${all.length} actions ${(t4 - t3).toFixed(1)} ms, descriptions ${(t5 - t4).toFixed(1)} ms`);
