#!/usr/bin/env node
'use strict';
// The CLI is bundled into dist/cli.js by `npm run build` (run by `npm ci` through `prepare`).
let cli;
try {
  cli = require('../dist/cli.js');
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND') {
    process.stderr.write('guardpost: dist/cli.js is missing; run `npm run build` first\n');
    process.exit(2);
  }
  throw error;
}
cli.main();
