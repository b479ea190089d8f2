import { existsSync, statSync, writeFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { formatReportCsv } from './formatReportCsv.js';
import { formatReportHtml } from './formatReportHtml.js';
import { formatReportText } from './formatReportText.js';
import { summariseCaseloadFile, summariseCaseloadStream } from './readCaseload.js';

const FORMATS = { text: formatReportText, csv: formatReportCsv, html: formatReportHtml } as const;

/** `safeguarding-ict report <decisions.ndjson>`: the caseload summary a team manager reads. */
export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description('summarise a caseload from decisions NDJSON (the output of evaluate --ndjson, or - for standard input)')
    .argument('<decisions>', 'decisions NDJSON file, or - to read standard input')
    .addOption(new Option('--format <format>', 'text, csv or html (one self-contained file)').choices(Object.keys(FORMATS)).default('text'))
    .option('--output <file>', 'write the report to this file instead of standard output')
    .action(async (file: string, opts: { format: keyof typeof FORMATS; output?: string }) => {
      if (file !== '-' && (!existsSync(file) || !statSync(file).isFile())) {
        process.stderr.write(`safeguarding-ict: ${file}: cannot be read (does the file exist?)\n`);
        process.exitCode = 2;
        return;
      }
      const summary = await (file === '-' ? summariseCaseloadStream(process.stdin) : summariseCaseloadFile(file));
      const text = FORMATS[opts.format](summary);
      if (opts.output) writeFileSync(opts.output, text);
      else process.stdout.write(text);
    });
}
