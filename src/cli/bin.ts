#!/usr/bin/env node
// First, before anything that could load json-rules-engine (see guardDebug.ts). Imported by
// name, since package.json's `sideEffects: false` lets a bundler drop a bare import.
import { scrubDebug } from './guardDebug.js';
import { main } from './main.js';

// `… | head` closes the pipe early: stop quietly instead of dying on an unhandled EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

scrubDebug();
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
