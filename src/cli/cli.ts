import { access } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem, InputError, UsageError } from '../lib/InputError.ts';
import { isWarehouseUrl, warehouseLabel } from '../warehouse/warehouseLabel.ts';
import { createStageLog } from '../build/createStageLog.ts';
import { toolVersion } from '../build/toolVersion.ts';

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
    }).valueOf() as {
      values: {
        out?: string;
        'no-site'?: boolean;
        microdata?: string;
        port?: string;
        map?: string;
        data?: string;
        group?: string;
        year?: string;
        lang?: string;
        help?: boolean;
        version?: boolean;
      };
      positionals: string[];
    };
    const [command, ...args] = positionals;
    if (values.help || command === 'help') {
      write(help);
      return 0;
    }
    if (values.version) {
      write(toolVersion());
      return 0;
    }
    const dir = (): string => {
      if (args.length !== 1 || args[0] === undefined)
        throw new UsageError(`${command} takes one folder, got ${args.length === 0 ? 'none' : args.join(' ')}`);
      return args[0];
    };
    const log = createStageLog(write);
    // A database holding the registry records as tables (check, build): its URL, and how it is shown.
    const warehouse = values.microdata === undefined ? undefined : { url: values.microdata, label: warehouseLabel(values.microdata) };
    if (warehouse !== undefined && !isWarehouseUrl(warehouse.url))
      throw new UsageError(`--microdata takes a PostgreSQL database as a URL, postgres://user@host/database, got ${warehouse.label}`);
    const microdataArg = warehouse === undefined ? '' : ` --microdata ${warehouse.label}`;
    switch (command) {
      case 'check': {
        const data = dir();
        write(`ipindex check ${data}${microdataArg}`);
        const { openDatabase } = await import('../database/openDatabase.ts');
        const { loadDataDir } = await import('../intake/loadDataDir.ts');
        const { countValues } = await import('../intake/countValues.ts');
        const { computeResults } = await import('../build/computeResults.ts');
        const { formatQuality } = await import('../quality/formatQuality.ts');
        const { runQuality } = await import('../quality/runQuality.ts');
        const db = await openDatabase();
        try {
          const loaded = await log(
            'read',
            () => loadDataDir(data, data, db, warehouse),
            (d) => `${d.inputs.length} files, ${countValues(d).toLocaleString('en-US')} values`,
          );
          await computeResults(db, loaded, log);
          for (const file of loaded.unused ?? []) write(`  note: ${file.file} not read: ${file.reason}`);
          for (const row of loaded.dropped) write(`  note: ${row.file}, row ${row.row} left out: ${row.reason}`);
          for (const line of formatQuality(await runQuality(db, loaded))) write(line);
        } finally {
          db.close();
        }
        write(`${data}: no problems found`);
        return 0;
      }
      case 'build': {
        const data = dir();
        if (values.out === undefined) throw new UsageError('build needs --out <dir>, the folder the report goes to');
        write(`ipindex build ${data} --out ${values.out}${microdataArg}`);
        const start = performance.now();
        const { build } = await import('../build/build.ts');
        const result = await build({
          dataDir: data,
          outDir: values.out,
          log,
          note: (line) => write(`  note: ${line}`),
          site: !values['no-site'],
          ...(warehouse === undefined ? {} : { warehouse }),
        });
        write(
          `done in ${((performance.now() - start) / 1000).toFixed(1)} s: ${values.out}${values['no-site'] ? '/data' : '/index.html'} (${result.years[0]}-${result.years.at(-1)})`,
        );
        return 0;
      }
      case 'estimate': {
        const survey = dir();
        if (values.out === undefined) throw new UsageError('estimate needs --out <dir>, the folder estimates.csv goes to');
        write(`ipindex estimate ${survey} --out ${values.out}`);
        const { estimateSurvey } = await import('../survey/estimateSurvey.ts');
        const { writeEstimates } = await import('../survey/writeEstimates.ts');
        const { describeSurvey } = await import('../survey/describeSurvey.ts');
        const result = await estimateSurvey(survey, survey, basename(resolve(survey)));
        const path = await writeEstimates(values.out, result.estimates);
        for (const line of describeSurvey(result)) write(line);
        write(`wrote ${path}`);
        return 0;
      }
      case 'import': {
        if (args.length !== 1 || args[0] === undefined)
          throw new UsageError(`import takes one file, got ${args.length === 0 ? 'none' : args.join(' ')}`);
        if (values.map === undefined || values.out === undefined)
          throw new UsageError('import needs --map <map.yaml> and --out <file.csv>');
        write(`ipindex import ${args[0]} --map ${values.map} --out ${values.out}`);
        // Loaded when used: the spreadsheet and browser libraries take a while to load, and a
        // build should not wait for them.
        const { importRegister, isRegisterMap } = await import('../enterprises/importRegister.ts');
        if (await isRegisterMap(values.map)) {
          const imported = await importRegister({ source: args[0], map: values.map, out: values.out });
          write(
            `wrote ${imported.out}: ${imported.records} records of ${imported.register}.csv (${imported.columns.join(', ')}); the build checks them against the rest of the register`,
          );
          return 0;
        }
        const { importFile } = await import('../import/importFile.ts');
        const { describeImport } = await import('../import/describeImport.ts');
        const result = await importFile({
          source: args[0],
          map: values.map,
          out: values.out,
          ...(values.data === undefined ? {} : { data: values.data }),
        });
        for (const line of describeImport(result, values.out)) write(line);
        return 0;
      }
      case 'template': {
        if (args[0] !== 'institutions' || args.length !== 1)
          throw new UsageError(
            `template makes the form of the institutions' reports: ipindex template institutions --out form.xlsx, got ${args.join(' ') || 'nothing'}`,
          );
        if (values.out === undefined) throw new UsageError('template needs --out <form.xlsx>');
        const lang = values.lang === undefined ? 'zh' : values.lang;
        if (lang !== 'zh' && lang !== 'en') throw new UsageError(`--lang must be zh or en, got ${lang}`);
        const { writeReportForm } = await import('../institutions/writeReportForm.ts');
        // The term N of the untransformed patents is the data directory's method.yaml's, when given.
        const { loadDataDir } = await import('../intake/loadDataDir.ts');
        const years = values.data === undefined ? 3 : (await loadDataDir(values.data, values.data)).method.institutions.untransformed_years;
        await writeReportForm(values.out, lang, years);
        write(
          `wrote ${values.out}: the annual reporting form (${lang === 'zh' ? 'Chinese' : 'English'}), untransformed patents counted from ${years} years after grant`,
        );
        return 0;
      }
      case 'import-reports': {
        if (args.length !== 1 || args[0] === undefined)
          throw new UsageError(`import-reports takes one folder of filled forms, got ${args.length === 0 ? 'none' : args.join(' ')}`);
        if (values.out === undefined) throw new UsageError('import-reports needs --out <data-dir>/institutions/reports.csv');
        const { importReports } = await import('../institutions/importReports.ts');
        const result = await importReports(args[0], values.out);
        write(
          `wrote ${result.out}: ${result.reports} reports (${result.corrected} corrected) from ${result.forms} files, ${result.values} values`,
        );
        const years = [...new Set(result.missing.map((m) => m.year))];
        for (const year of years) {
          const ids = result.missing.filter((m) => m.year === year).map((m) => m.institution);
          write(
            `  not reported for ${year}: ${ids.length} institution${ids.length === 1 ? '' : 's'} of the register (${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ', ...' : ''})`,
          );
        }
        return 0;
      }
      case 'import-coinr': {
        const [iData, iMeta] = args;
        if (args.length !== 2 || iData === undefined || iMeta === undefined)
          throw new UsageError(`import-coinr takes two files, iData.csv and iMeta.csv, got ${args.length === 0 ? 'none' : args.join(' ')}`);
        if (values.out === undefined) throw new UsageError('import-coinr needs --out <dir>, the data directory to write');
        write(`ipindex import-coinr ${iData} ${iMeta} --out ${values.out}${values.group === undefined ? '' : ` --group ${values.group}`}`);
        const year = values.year === undefined ? undefined : Number(values.year);
        if (year !== undefined && !Number.isInteger(year)) throw new UsageError(`--year ${values.year} is not a year`);
        const { importCoinr } = await import('../coinr/importCoinr.ts');
        const result = await importCoinr({
          iData,
          iMeta,
          outDir: values.out,
          ...(values.group === undefined ? {} : { group: values.group }),
          ...(year === undefined ? {} : { year }),
        });
        write(
          `${values.out}: ${result.units} units, ${result.indicators} indicators, zones from ${result.group ?? 'no group column'}; build it with ipindex build ${values.out} --out <dir>`,
        );
        return 0;
      }
      case 'pdf': {
        const folder = dir();
        if (values.lang !== undefined && values.lang !== 'zh' && values.lang !== 'en')
          throw new UsageError(`--lang ${values.lang} is not a language of the report (zh or en)`);
        const hasReport = await access(join(folder, 'report', 'index.html')).then(
          () => true,
          () => false,
        );
        if (!hasReport)
          throw new UsageError(`${folder} has no report/index.html: build the report first (ipindex build <data-dir> --out ${folder})`);
        write(`ipindex pdf ${folder}`);
        const { ChromiumNotFound, writePdf } = await import('../pdf/pdf.ts');
        try {
          const pdf = await writePdf(folder, { lang: values.lang === 'en' ? 'en' : 'zh' });
          write(`wrote ${join(folder, 'report.pdf')} (${Math.ceil(pdf.bytes / 1024)} KB)`);
        } catch (error) {
          if (!(error instanceof ChromiumNotFound)) throw error;
          writeError(`ipindex: ${error.message}`);
          return 1;
        }
        return 0;
      }
      case 'serve': {
        const folder = dir();
        const port = Number(values.port ?? '4173');
        if (!Number.isInteger(port) || port < 1 || port > 65535)
          throw new UsageError(`--port ${values.port} is not a port number (1-65535)`);
        const hasIndex = await access(join(folder, 'index.html')).then(
          () => true,
          () => false,
        );
        if (!hasIndex)
          throw new UsageError(`${folder} has no index.html: build the report first (ipindex build <data-dir> --out ${folder})`);
        const { serve } = await import('./serve.ts');
        const { url } = await serve(folder, port);
        write(`ipindex: serving ${folder} at ${url}  (Ctrl+C to stop)`);
        await new Promise(() => {});
        return 0;
      }
      case undefined:
        throw new UsageError('no command given');
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
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
