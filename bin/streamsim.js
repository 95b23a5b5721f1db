#!/usr/bin/env node
// The published entry point: the compiled CLI lives in dist/ (built by `npm ci` through the prepare script).
import('../dist/src/cli/main.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/src/cli')) {
    process.stderr.write('streamsim: the build is missing; run `npm ci` (or `npm run build`) first.\n');
    process.exit(70);
  }
  throw error;
});
