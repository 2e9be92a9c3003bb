import { open } from 'node:fs/promises';

/** The header of a CSV file: its column names (trimmed, as written) and its delimiter. */
export type CsvHeader = { names: string[]; delimiter: string };

/**
 * Reads the first line of a CSV file without reading the rest: microdata files are too large
 * to read whole just to learn their columns. A UTF-8 BOM is skipped; quotes around a name are
 * taken off. The delimiter is the one of comma, semicolon and tab the line uses most.
 */
export async function readCsvHeader(path: string): Promise<CsvHeader> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
    let text = buffer.subarray(0, bytesRead).toString('utf8');
    if (text.startsWith('\ufeff')) text = text.slice(1);
    const end = text.search(/\r?\n/);
    const line = end < 0 ? text : text.slice(0, end);
    const count = (d: string) => line.split(d).length - 1;
    const delimiter = [',', ';', '\t'].reduce((best, d) => (count(d) > count(best) ? d : best), ',');
    const names = line.split(delimiter).map((name) =>
      name
        .trim()
        .replace(/^"(.*)"$/s, '$1')
        .trim(),
    );
    return { names: line === '' ? [] : names, delimiter };
  } finally {
    await file.close();
  }
}
