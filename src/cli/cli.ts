import { parseArgs } from 'node:util';
import { formatProblem, InputError, UsageError } from '../lib/InputError.ts';
import { createStageLog } from '../build/createStageLog.ts';
import { toolVersion } from '../build/toolVersion.ts';
import { buildCommand } from './commands/build.ts';
import { checkCommand } from './commands/check.ts';
import { estimateCommand } from './commands/estimate.ts';
import { importCommand } from './commands/import.ts';
import { importCoinrCommand } from './commands/importCoinr.ts';
import { importReportsCommand } from './commands/importReports.ts';
import { pdfCommand } from './commands/pdf.ts';
import { serveCommand } from './commands/serve.ts';
import { templateCommand } from './commands/template.ts';
import { warehouseOption, type CliValues, type Command } from './CommandRun.ts';

// Each command loads what it needs when it runs: DuckDB, the spreadsheet and browser libraries
// take a while to load, and ipindex --help should not wait for them.
const help = `ipindex ${toolVersion()}: IP-guided evaluation of innovation-driven development

Usage:
  ipindex check <data-dir> [--microdata <url>]
                                           check a data directory against the data contract
  ipindex build <data-dir> --out <dir> [--microdata <url>]
                                           compute the indicators and the index, write the report
  ipindex serve <dir> [--port 4173]        serve a built report on localhost
  ipindex pdf <dir> [--lang en]            print a built report to <dir>/report.pdf, in English report-en.pdf (needs Chromium)
  ipindex import <file.xlsx|.csv> --map <map.yaml> --out <file.csv> [--data <data-dir>]
                                           turn a yearbook sheet or an extract into a long observation file
  ipindex estimate <survey-dir> --out <dir>
                                           estimate a survey (responses.csv or .parquet, design.yaml) into <dir>/estimates.csv
  ipindex template institutions --out <form.xlsx> [--lang en] [--data <data-dir>]
                                           write the annual IP transfer reporting form of universities and institutes
  ipindex import-reports <folder> --out <data-dir>/institutions/reports.csv
                                           read every filled form in a folder into one file of reports
  ipindex import-coinr <iData.csv> <iMeta.csv> --out <dir> [--group <column>] [--year <yyyy>]
                                           turn a COINr data set into a data directory (COINr's example method)
  ipindex --help | --version

Options:
  --out <dir>     where the report goes; replaced only when the build succeeds
  --no-site       (build) write the data tables only, no web pages
  --microdata <postgres://user@host/database>
                  (check, build) aggregate the registry records of that PostgreSQL database's
                  tables patent_records, transfer_records, pledge_records there; only the
                  aggregates come back (the password may come from PGPASSWORD or ~/.pgpass)
  --port <n>      (serve) first port to try
  --lang <zh|en>  (pdf, template) the language of the PDF or the form, Chinese unless en
  --data <dir>    (import, template) the data directory whose regions, codebook or method.yaml to use

Exit codes: 0 done; 1 the input is wrong (each problem names its file, row and column);
2 the command line is wrong; 3 an internal error (please report it).`;

/** The commands, each in a file of its own under src/cli/commands/. */
const commands: Record<string, Command> = {
  check: checkCommand,
  build: buildCommand,
  serve: serveCommand,
  pdf: pdfCommand,
  import: importCommand,
  estimate: estimateCommand,
  template: templateCommand,
  'import-reports': importReportsCommand,
  'import-coinr': importCoinrCommand,
};

/** Runs the ipindex command line and returns its exit code; never throws for a user mistake. */
export async function main(
  argv: string[],
  write: (line: string) => void = console.log,
  writeError: (line: string) => void = console.error,
): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        'no-site': { type: 'boolean' },
        microdata: { type: 'string' },
        port: { type: 'string' },
        map: { type: 'string' },
        data: { type: 'string' },
        group: { type: 'string' },
        year: { type: 'string' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    }).valueOf() as { values: CliValues; positionals: string[] };
    const [command, ...args] = positionals;
    if (values.help || command === 'help') {
      write(help);
      return 0;
    }
    if (values.version) {
      write(toolVersion());
      return 0;
    }
    // A wrong --microdata is a usage error whatever the command, not an option silently ignored.
    warehouseOption(values);
    if (command === undefined) throw new UsageError('no command given');
    // Own names only: `ipindex toString` is not a command.
    const run = Object.hasOwn(commands, command) ? commands[command] : undefined;
    if (run === undefined) throw new UsageError(`unknown command "${command}"`);
    return await run({ args, values, write, writeError, log: createStageLog(write) });
  } catch (error) {
    if (error instanceof InputError) {
      const n = error.problems.length;
      writeError(`ipindex: the input has ${n} problem${n === 1 ? '' : 's'}; nothing was written:`);
      const shown = error.problems.slice(0, 100);
      for (const problem of shown) writeError(`  ${formatProblem(problem)}`);
      if (n > shown.length) writeError(`  ... and ${n - shown.length} more`);
      return 1;
    }
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      writeError(`ipindex: ${(error as Error).message}\nRun ipindex --help for usage.`);
      return 2;
    }
    writeError(
      `ipindex: internal error: a fault of ipindex ${toolVersion()}, not of your input or command. Please report it to the ipindex ` +
        'maintainers (the issue tracker of the project), with the command you ran, the data if you can share it, and these lines:\n' +
        `${(error as Error).stack ?? String(error)}`,
    );
    return 3;
  }
}
