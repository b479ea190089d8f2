import { readFileSync } from 'node:fs';
import { type Command, InvalidArgumentError, Option } from 'commander';
// The CLI's own --rules and --overlay, so the service reads them exactly as `evaluate` does.
import { cliEvaluator, overlayOption } from '../overlays/cliEvaluator.js';
import { isIsoDate } from '../caseload/isoDate.js';
import { DEFAULT_LIMITS } from './limits.js';
import { startService } from './startService.js';

const positiveInt = (name: string, max = Number.MAX_SAFE_INTEGER) => (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new InvalidArgumentError(`${name} must be a whole number from 1 to ${max}`);
  return n;
};
const port = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('--port must be a whole number from 0 to 65535 (0: any free port)');
  return n;
};

interface ServeFlags {
  port: number;
  host: string;
  rules?: string;
  overlay?: string[];
  closure?: string[];
  bodyLimit: number;
  batchBodyLimit: number;
  timeout: number;
  batchTimeout: number;
  maxConcurrency: number;
  logLevel: string;
}

/** The package version, for the OpenAPI document: package.json is one folder up from dist/, two from src/service/. */
function packageVersion(): string {
  for (const relative of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'safeguarding-ict-rules' && pkg.version) return pkg.version;
    } catch {
      // try the next location
    }
  }
  return '0.0.0';
}

/** `safeguarding-ict serve`: the HTTP decision service, until SIGTERM or SIGINT. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('run the decision service over HTTP (JSON, and NDJSON batches) until SIGTERM or SIGINT')
    .option('--port <port>', 'port to listen on (0: any free port)', port, 8080)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--rules <dir>', 'use the rule set in this folder instead of the bundled one')
    .addOption(overlayOption())
    .option('--closure <date...>', 'extra non-working days (local closures) for deadlines')
    .option('--body-limit <bytes>', 'largest JSON body', positiveInt('--body-limit'), DEFAULT_LIMITS.bodyLimit)
    .option('--batch-body-limit <bytes>', 'largest NDJSON batch body', positiveInt('--batch-body-limit'), DEFAULT_LIMITS.batchBodyLimit)
    .option('--timeout <ms>', 'time limit of a JSON request', positiveInt('--timeout'), DEFAULT_LIMITS.timeoutMs)
    .option('--batch-timeout <ms>', 'time limit of a batch', positiveInt('--batch-timeout'), DEFAULT_LIMITS.batchTimeoutMs)
    .option('--max-concurrency <n>', 'requests evaluated at once; more get 503 busy', positiveInt('--max-concurrency', 100_000), DEFAULT_LIMITS.maxConcurrency)
    .addOption(new Option('--log-level <level>', 'info: a line per request').choices(['info', 'warn', 'error', 'silent']).default('info'))
    .action(async (flags: ServeFlags) => {
      if (flags.closure?.some((d) => !isIsoDate(d))) {
        process.stderr.write('safeguarding-ict: --closure takes calendar dates YYYY-MM-DD\n');
        process.exitCode = 2;
        return;
      }
      // Rule set and overlay problems fail here, before listening, as a RuleSetError naming file and path.
      const evaluator = cliEvaluator({ rules: flags.rules, overlay: flags.overlay });
      const service = await startService({
        port: flags.port,
        host: flags.host,
        evaluator,
        evaluateOptions: flags.closure ? { calendar: { closures: flags.closure } } : {},
        limits: {
          bodyLimit: flags.bodyLimit,
          batchBodyLimit: flags.batchBodyLimit,
          timeoutMs: flags.timeout,
          batchTimeoutMs: flags.batchTimeout,
          maxConcurrency: flags.maxConcurrency,
        },
        log: { level: flags.logLevel },
        version: packageVersion(),
      });
      // Always said (on stderr, apart from the JSON log lines), whatever the log level: port 0 picks a free port.
      process.stderr.write(`safeguarding-ict: listening at ${service.url} (routes: ${service.url}/openapi.json)\n`);
      await service.closed;
    });
}
