import { open } from 'node:fs/promises';
import type { RegionMatcher } from '../lib/regionMatcher.ts';
import { sniffDelimiter } from './readCsvFile.ts';
import { quotedString as text, type Database } from '../database/openDatabase.ts';
import type { RegisterRead } from './readRegisterFile.ts';
import { readCell } from './readRegisterCell.ts';
import type { CellKind, RegisterFile } from './registerColumns.ts';

// A cell that SQL takes as it is: ASCII in the plain form of its kind, with nothing to trim.
// Every other distinct cell of a column (a region by name, a Chinese name, 2023/5/17, 1,234,
// NA, a cell with spaces around it) is read by readRegisterCell.ts, the careful reader's own
// function, so both readers read a cell alike. The tests are casts and lengths rather than
// patterns or trims, which cost several times more: they run on every cell.
// ASCII without blanks or control characters at either end (all such characters sort before '!').
const bare = (c: string) => `strlen(${c}) = length(${c}) AND ascii(${c}) > 32 AND ascii(reverse(${c})) > 32`;
// Or with Chinese characters of the unified block, which normalisation (NFKC) leaves as they are.
// (CASE, so that the pattern runs only on what is not ASCII.)
const bareText = (c: string) => `CASE WHEN ${bare(c)} THEN true ELSE regexp_full_match(${c}, '[!-~一-鿿](?:[ -~一-鿿]*[!-~一-鿿])?') END`;
// What DuckDB's cast reads as a number, less what ipindex does not (infinities, NaN, digits
// grouped with _).
const number = (c: string) => `TRY_CAST(${c} AS DOUBLE)`;
const plainNumber = (c: string) => `isfinite(${number(c)}) AND strpos(${c}, '_') = 0`;
const numeric = new Set(['count', 'amount', 'number']);

/**
 * How SQL tests a cell of a kind for plainness (a cell not NULL), what it stores for a plain
 * one, and its type; asIs for text, which is stored as it is when readRegisterCell.ts reads it so.
 */
function plainCell(c: string, cell: CellKind, codes: string, typed: boolean): { plain: string; value: string; type: string; asIs?: true } {
  // A number DuckDB's reader has read already: only its range is left to test.
  if (typed && numeric.has(cell.kind)) {
    const range = cell.kind === 'count' ? ` AND ${c} >= 0 AND ${c} = floor(${c})` : cell.kind === 'amount' ? ` AND ${c} >= 0` : '';
    return { plain: `isfinite(${c})${range}`, value: c, type: 'DOUBLE' };
  }
  switch (cell.kind) {
    case 'id':
    case 'text':
      return { plain: bareText(c), value: c, type: 'VARCHAR', asIs: true };
    case 'region':
      return { plain: `${c} IN (${codes})`, value: c, type: 'VARCHAR' };
    case 'choice':
      return { plain: `${bare(c)} AND lower(${c}) IN (${cell.values.map(text).join(', ')})`, value: `lower(${c})`, type: 'VARCHAR' };
    case 'year':
      return {
        plain: `strlen(${c}) = 4 AND TRY_CAST(${c} AS INTEGER) BETWEEN 1900 AND 2100`,
        value: `TRY_CAST(${c} AS INTEGER)`,
        type: 'INTEGER',
      };
    case 'date':
      return {
        plain: `strlen(${c}) = 10 AND TRY_CAST(${c} AS DATE) BETWEEN DATE '1900-01-01' AND DATE '2100-12-31'`,
        value: `TRY_CAST(${c} AS DATE)`,
        type: 'DATE',
      };
    case 'count':
      return { plain: `${plainNumber(c)} AND ${number(c)} >= 0 AND ${number(c)} = floor(${number(c)})`, value: number(c), type: 'DOUBLE' };
    case 'amount':
      return { plain: `${plainNumber(c)} AND ${number(c)} >= 0`, value: number(c), type: 'DOUBLE' };
    case 'number':
      return { plain: plainNumber(c), value: number(c), type: 'DOUBLE' };
  }
}

/**
 * Reads one file of a register folder (enterprises/, institutions/) with DuckDB's CSV reader, many times faster than
 * record by record, when nothing in it needs a message: UTF-8, an unquoted header with the
 * required columns, a record on each line (no blank line, no line break inside a cell, so that
 * a record's row is its line), and every cell readable as its kind. Cells SQL cannot take as
 * plain are read, once per distinct value, by readRegisterCell.ts. Returns null, having
 * written nothing into the register's table, for any other file: readRegisterFile.ts then reads
 * it and names each problem's row and column; on a file both can read the tables are the same.
 */
export async function readRegisterFast(
  db: Database,
  path: string,
  file: RegisterFile,
  matcher: RegionMatcher,
  regionCodes: readonly string[],
): Promise<RegisterRead | null> {
  const lines = await countLines(path);
  const firstLine = /^([^\r\n]*)\r?\n/.exec(lines.head.replace(/^\uFEFF/, ''))?.[1];
  if (firstLine === undefined || firstLine.includes('"')) return null;
  const delimiter = sniffDelimiter(firstLine);
  const header = firstLine.split(delimiter).map((name) => name.normalize('NFKC').trim().toLowerCase());
  if (new Set(header).size !== header.length) return null;
  const at = file.columns.map((c) => header.indexOf(c.name));
  if (file.columns.some((c, i) => c.required && at[i] === -1)) return null;
  if (file.oneOf !== undefined && !file.oneOf.some((name) => header.includes(name))) return null;

  const codes =
    regionCodes
      .filter((code) => {
        const match = matcher.match(code);
        return match.kind === 'region' && match.region_code === code;
      })
      .map(text)
      .join(', ') || 'NULL';
  // DuckDB's reader reads numbers as ipindex does, but for digits grouped with _ (1_000).
  return (lines.grouped ? undefined : await readAs(true)) ?? (await readAs(false)) ?? null;

  /** undefined: a number of a typed column is out of its range; read the file as text instead. */
  async function readAs(typed: boolean): Promise<RegisterRead | null | undefined> {
    const cells = file.columns.map((column, i) =>
      at[i] === -1 ? null : { i, column, ...plainCell(`c${at[i]}`, column.cell, codes, typed), c: `c${at[i]}` },
    );
    const present = cells.filter((c) => c !== null);
    // One pass over the file: each cell tested once, kept as its value when plain, as its text when
    // not. The table keeps the file's order (DuckDB preserves insertion order, on any number of
    // threads), so a record's rowid is its place in the file: its row is rowid + 2, the header first.
    // (A window's row_number() would do the same on one thread only.)
    const typeOf = new Map(present.map((c) => [c.c, c.type]));
    const columns = `{${header.map((_, i) => `'c${i}': '${typed ? (typeOf.get(`c${i}`) === 'DOUBLE' ? 'DOUBLE' : 'VARCHAR') : 'VARCHAR'}'`).join(', ')}}`;
    const split = present.map(
      (c) =>
        `CASE WHEN coalesce(${c.plain}, false) THEN ${c.value} END AS v${c.i}, CASE WHEN ${c.c} IS NOT NULL AND NOT coalesce(${c.plain}, false) THEN ${c.c} END AS raw${c.i}`,
    );
    try {
      await db.exec(`CREATE TEMP TABLE register_read AS
        SELECT ${[...split, `(${header.map((_, i) => `c${i} IS NULL`).join(' AND ')}) AS blank`].join(', ')}
        FROM read_csv(${text(path)}, columns = ${columns}, header = false, skip = 1, delim = ${text(delimiter)}, quote = '"', escape = '"', auto_detect = false, null_padding = false)`);
    } catch {
      // A cell DuckDB cannot read as a number (NA, 1,234) is for the text reading to see.
      return typed ? undefined : null;
    }
    const drop = async (then: null | undefined = null) => {
      await db.exec(`DROP TABLE register_read; DROP TABLE IF EXISTS register_map; DELETE FROM register_${file.name}`);
      return then;
    };
    // DuckDB passes over blank lines and reads quoted line breaks: rows would not be lines.
    const [read] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM register_read');
    if (read === undefined || read.n + 1 !== lines.records) return drop();

    // Every distinct cell SQL did not take, read as the careful reader reads it.
    const others =
      present.length === 0
        ? []
        : await db.query<{ i: number; raw: string }>(
            present
              .map((c) => `SELECT DISTINCT ${c.i} AS i, raw${c.i} AS raw FROM register_read WHERE raw${c.i} IS NOT NULL`)
              .join(' UNION ALL '),
          );
    const mapped = new Set<number>();
    const map: [number, string, string | null][] = [];
    for (const { i, raw } of others) {
      if (typed && cells[i]?.type === 'DOUBLE') return drop(undefined);
      const cell = readCell(raw, file.columns[i]!.cell, matcher);
      if ('problem' in cell) return drop();
      const value = cell.value === null ? null : String(cell.value);
      // Text read as it is (a Chinese name) need not go back: the text is the value.
      if (cells[i]?.asIs === true && value === raw) continue;
      mapped.add(i);
      map.push([i, raw, value]);
    }
    await db.exec('CREATE TEMP TABLE register_map (i INTEGER, raw VARCHAR, value VARCHAR)');
    await db.append('register_map', map);

    const values = cells.map((c) => {
      if (c === null) return 'NULL';
      const asIs = c.asIs === true ? `raw${c.i}` : 'NULL';
      if (!mapped.has(c.i)) return `coalesce(v${c.i}, ${asIs})`;
      return `CASE WHEN raw${c.i} IS NULL THEN v${c.i} WHEN m${c.i}.raw IS NOT NULL THEN CAST(m${c.i}.value AS ${c.type}) ELSE ${asIs} END`;
    });
    const joins = present
      .filter((c) => mapped.has(c.i))
      .map((c) => `LEFT JOIN register_map AS m${c.i} ON m${c.i}.i = ${c.i} AND m${c.i}.raw = r.raw${c.i}`);
    // A record of empty cells is passed over, as the careful reader does (its line still counts).
    await db.exec(
      `INSERT INTO register_${file.name} SELECT ${values.join(', ')}, r.rowid + 2 FROM register_read AS r ${joins.join(' ')} WHERE NOT blank`,
    );
    // An empty required cell is a problem the careful reader names.
    const required = file.columns.filter((c, i) => c.required && at[i] !== -1).map((c) => `${c.name} IS NULL`);
    const [counts] = await db.query<{ rows: number; empty: number }>(
      `SELECT count(*)::INTEGER AS rows, count(*) FILTER (WHERE ${required.join(' OR ') || 'false'})::INTEGER AS empty FROM register_${file.name}`,
    );
    if (counts === undefined || counts.empty > 0) return drop();
    await db.exec('DROP TABLE register_read; DROP TABLE register_map');
    return { rows: counts.rows, problems: [] };
  }
}

/**
 * The records a file has if every line is one (line feeds, and a last line without one), its
 * first 64 KB, for the header, and whether it has digits grouped with _ anywhere.
 */
async function countLines(path: string): Promise<{ records: number; head: string; grouped: boolean }> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    let records = 0;
    let last = 0x0a;
    let head = '';
    let grouped = false;
    for (let position = 0; ;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) break;
      if (position === 0) head = buffer.subarray(0, Math.min(bytesRead, 1 << 16)).toString('utf8');
      for (let at = buffer.indexOf(0x0a, 0); at !== -1 && at < bytesRead; at = buffer.indexOf(0x0a, at + 1)) records += 1;
      // Digits grouped with _ anywhere (or a _ at the edge of a chunk, to be safe).
      const digit = (at: number) => at < 0 || at >= bytesRead || (buffer[at]! >= 0x30 && buffer[at]! <= 0x39);
      for (let at = buffer.indexOf(0x5f, 0); !grouped && at !== -1 && at < bytesRead; at = buffer.indexOf(0x5f, at + 1))
        grouped = digit(at - 1) && digit(at + 1);
      last = buffer[bytesRead - 1]!;
      position += bytesRead;
    }
    return { records: records + (last === 0x0a ? 0 : 1), head, grouped };
  } finally {
    await handle.close();
  }
}
