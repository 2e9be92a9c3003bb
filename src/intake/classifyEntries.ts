import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Problem } from '../lib/InputError.ts';
import { registerFiles } from '../enterprises/registerSchema.ts';
import { institutionFiles } from '../institutions/institutionSchema.ts';
import { microdataDatasetOf } from '../microdata/microdataDatasets.ts';
import { surveyResponsesFile } from './surveyResponsesFile.ts';
import type { DataEntry, UnusedFile } from '../dataDir/DataDir.ts';
import { contractFiles } from '../dataDir/contractFiles.ts';

const registerFileNames = registerFiles.map((f) => `${f.name}.csv`);
const requiredRegisterFiles = registerFiles.filter((f) => f.required).map((f) => `${f.name}.csv`);

/** The data directory's entries sorted by what ipindex does with them. */
export type ClassifiedEntries = {
  /** Files and folders of registry microdata (findMicrodata reads them). */
  microdata: DataEntry[];
  /** Observation files, by name. */
  observations: string[];
  /** Survey folders (surveys/<name>/ with responses.csv or responses.parquet, and design.yaml), by name. */
  surveys: string[];
  /** Whether the folder enterprises/ holds an enterprise IP management register (src/enterprises/). */
  enterprises: boolean;
  /** Whether the folder institutions/ holds the register of institutions and their reports (src/institutions/). */
  institutions: boolean;
  /** Files left out on purpose: documentation, the system's own files. */
  unused: UnusedFile[];
  /** Files that look like data ipindex cannot read: each a problem, so none is silently lost. */
  problems: Problem[];
};

// Data in a form a data directory does not take: refused, so that a dimension never loses its
// data without a word (transfers.xlsx beside the CSV files, say).
const workbook = /\.(xlsx|xlsm|xlsb|xls|ods|et|numbers)$/i;
const otherData = /\.(tsv|json|jsonl|ndjson|parquet|arrow|feather|dta|sav|sas7bdat|rds|rdata|xml|dbf|gz|bz2|xz|zst|zip|7z|rar)$/i;
const settings = /\.(ya?ml)$/i;
// What people keep beside their data: read by people, not by ipindex.
const documentation =
  /^(readme|licen[cs]e|notice|changelog|copying)(\.[a-z0-9]+)?$|\.(md|markdown|txt|pdf|docx?|html?|rtf|png|jpe?g|svg)$/i;
const systemFiles = new Set(['thumbs.db', 'desktop.ini']);

/**
 * Sorts every entry of a data directory (`names`, as readdir gives them) into what is read and
 * what is not: each one is used, left out with its reason, or refused as a problem. `label` is
 * how the directory is named in messages.
 */
export async function classifyEntries(dir: string, label: string, names: readonly string[]): Promise<ClassifiedEntries> {
  const result: ClassifiedEntries = {
    microdata: [],
    observations: [],
    surveys: [],
    enterprises: false,
    institutions: false,
    unused: [],
    problems: [],
  };
  const problem = (name: string, found: string, expected: string) => result.problems.push({ file: join(label, name), found, expected });
  const unused = (name: string, reason: string) => result.unused.push({ file: join(label, name), reason });
  for (const name of [...names].sort()) {
    if (contractFiles.includes(name)) continue;
    // Through links: a link to a folder is a folder here, as it is to every reader.
    const folder = await stat(join(dir, name)).then(
      (s) => s.isDirectory(),
      () => false,
    );
    const lower = name.toLowerCase();
    const dataset = microdataDatasetOf(name);
    if (dataset !== undefined) {
      const isFile = /\.(csv|parquet)$/i.test(name);
      if (isFile === !folder) result.microdata.push({ name, isDirectory: () => folder });
      else if (folder) problem(name, `a folder named ${name}`, `a file ${name}, or a folder ${dataset.name}/ of Parquet files`);
      else
        problem(
          name,
          `a file named ${name} without an extension`,
          `${dataset.name}.csv, ${dataset.name}.parquet or a folder ${dataset.name}/ of Parquet files`,
        );
      continue;
    }
    if (lower.endsWith('.csv')) {
      // A folder named *.csv is reported by the reader, with the other unreadable files.
      result.observations.push(name);
      continue;
    }
    if (folder && name === 'surveys') {
      for (const survey of (await readdir(join(dir, name), { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
        const path = join(dir, name, survey.name);
        const isFolder = await stat(path).then(
          (s) => s.isDirectory(),
          () => false,
        );
        const responses = isFolder ? await surveyResponsesFile(path) : null;
        const complete =
          responses !== null &&
          responses !== 'both' &&
          (await stat(join(path, 'design.yaml')).then(
            () => true,
            () => false,
          ));
        if (complete) result.surveys.push(survey.name);
        else if (survey.name.startsWith('.')) unused(`${name}/${survey.name}`, 'a hidden file');
        else if (responses === 'both')
          problem(`${name}/${survey.name}`, 'both responses.csv and responses.parquet', 'one file of respondents per survey');
        else
          problem(
            `${name}/${survey.name}`,
            isFolder ? 'a survey folder without responses.csv (or responses.parquet) and design.yaml' : 'a file in surveys/',
            'a folder per survey holding responses.csv (or responses.parquet) and design.yaml',
          );
      }
      continue;
    }
    if (folder && name === 'enterprises') {
      const files = (await readdir(join(dir, name))).sort();
      for (const file of files) {
        if (registerFileNames.includes(file)) continue;
        if (file.startsWith('.') || systemFiles.has(file.toLowerCase())) unused(`${name}/${file}`, 'a hidden or system file');
        else if (documentation.test(file)) unused(`${name}/${file}`, 'documentation (read by people, not by ipindex)');
        else
          problem(
            `${name}/${file}`,
            'a file the enterprise register does not have',
            `the register's files: ${registerFileNames.join(', ')}`,
          );
      }
      const missing = requiredRegisterFiles.filter((f) => !files.includes(f));
      if (missing.length > 0)
        problem(
          `${name}/`,
          `an enterprises/ folder without ${missing.join(' and ')}`,
          `the register of enterprises (${requiredRegisterFiles.join(', ')}; ${registerFileNames.filter((f) => !requiredRegisterFiles.includes(f)).join(', ')} optional)`,
        );
      else result.enterprises = true;
      continue;
    }
    if (folder && name === 'institutions') {
      const files = (await readdir(join(dir, name))).sort();
      const known = institutionFiles.map((f) => `${f.name}.csv`);
      for (const file of files) {
        if (known.includes(file)) continue;
        if (file.startsWith('.') || systemFiles.has(file.toLowerCase())) unused(`${name}/${file}`, 'a hidden or system file');
        else if (documentation.test(file)) unused(`${name}/${file}`, 'documentation (read by people, not by ipindex)');
        else
          problem(
            `${name}/${file}`,
            "a file the institutions' reports do not have",
            `institutions.csv (the register) and reports.csv (the reports, as ipindex import-reports writes them from the filled forms)`,
          );
      }
      if (!files.includes('institutions.csv'))
        problem(
          `${name}/`,
          'an institutions/ folder without institutions.csv',
          'the register of institutions (institutions.csv) and their reports (reports.csv)',
        );
      else result.institutions = true;
      continue;
    }
    if (folder) {
      if (name.startsWith('.')) unused(`${name}/`, 'a hidden folder');
      else
        unused(
          `${name}/`,
          'a folder: ipindex reads the files at the top of the data directory, the microdata folders patent_records/, transfer_records/ and pledge_records/, surveys/, enterprises/ and institutions/',
        );
      continue;
    }
    if (name.startsWith('.') || systemFiles.has(lower)) unused(name, 'a hidden or system file');
    else if (lower === 'method.yml' || lower === 'method.yaml')
      problem(name, `the method settings as ${name}`, 'the name method.yaml (lower case, .yaml): rename it, or it is not read');
    else if (settings.test(name))
      problem(
        name,
        `a YAML file ipindex does not read (${name})`,
        'method.yaml for the method settings; an import map goes beside the data directory, not in it',
      );
    else if (workbook.test(name))
      problem(
        name,
        'a workbook, which a data directory does not read',
        `observation files in CSV: turn it into one with ipindex import ${join(label, name)} --map <map.yaml> --out ${join(label, name.replace(/\.[^.]+$/, '.csv'))}, or move it out`,
      );
    else if (otherData.test(name))
      problem(
        name,
        `a data file in a form a data directory does not read (${name.slice(name.lastIndexOf('.'))})`,
        'observation files in CSV (microdata may also be Parquet, as patent_records.parquet); convert it, or move it out',
      );
    else if (documentation.test(name)) unused(name, 'documentation (read by people, not by ipindex)');
    else
      problem(
        name,
        'a file ipindex does not read',
        'CSV observation files, the contract files and microdata; move it out of the data directory, or give it a .csv name if it is one',
      );
  }
  return result;
}
