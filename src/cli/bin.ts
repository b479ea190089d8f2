// First, before anything that could load json-rules-engine (see guardDebug.ts).
import './guardDebug.js';
import { main } from './main.js';

// `… | head` closes the pipe early: stop quietly instead of dying on an unhandled EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
