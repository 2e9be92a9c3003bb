import { quoteFound } from '../lib/InputError.ts';
import { parseCell, parseYear } from '../lib/parseCell.ts';
import { parseDate } from '../lib/parseDate.ts';
import type { RegionMatcher } from '../lib/regionMatcher.ts';
import type { Cell } from '../database/openDatabase.ts';
import type { CellKind } from './registerColumns.ts';

export type CellRead = { value: Cell } | { problem: string };

/**
 * One cell of a register file read as its kind (registerColumns.ts): the value to store (null when
 * empty), or what is wrong with it. Both readers of the register read every cell they do not
 * take as plain through it, so that a file reads the same whichever reads it.
 */
export function readCell(text: string, cell: CellKind, matcher: RegionMatcher): CellRead {
  const trimmed = text.normalize('NFKC').trim();
  if (trimmed === '') return { value: null };
  switch (cell.kind) {
    case 'id':
    case 'text':
      return { value: trimmed };
    case 'region': {
      const match = matcher.match(trimmed);
      if (match.kind === 'region') return { value: match.region_code };
      return {
        problem:
          match.kind === 'aggregate' ? `${quoteFound(trimmed)}, a total and not a region` : `the unknown region ${quoteFound(trimmed)}`,
      };
    }
    case 'year': {
      const year = parseYear(trimmed);
      return year === null ? { problem: quoteFound(trimmed) } : { value: year };
    }
    case 'date': {
      const date = parseDate(trimmed);
      return date === null ? { problem: quoteFound(trimmed) } : { value: date };
    }
    case 'choice': {
      const word = trimmed.toLowerCase();
      return cell.values.includes(word) ? { value: word } : { problem: quoteFound(trimmed) };
    }
    case 'count':
    case 'amount':
    case 'number': {
      const parsed = parseCell(trimmed);
      if (parsed.kind === 'missing') return { value: null };
      if (parsed.kind === 'invalid') return { problem: `${quoteFound(trimmed)} (${parsed.reason})` };
      if (cell.kind !== 'number' && parsed.value < 0) return { problem: quoteFound(trimmed) };
      if (cell.kind === 'count' && !Number.isInteger(parsed.value)) return { problem: quoteFound(trimmed) };
      return { value: parsed.value };
    }
  }
}

/** What a kind of cell should hold, for messages. */
export function describeKind(cell: CellKind): string {
  switch (cell.kind) {
    case 'id':
      return 'an identifier';
    case 'text':
      return 'text';
    case 'region':
      return 'a region_code or name listed in regions.csv';
    case 'year':
      return 'a year such as 2023';
    case 'date':
      return 'a date such as 2023-05-17';
    case 'count':
      return 'a whole number of 0 or more';
    case 'amount':
      return 'a number of 0 or more';
    case 'number':
      return 'a number';
    case 'choice':
      return `one of ${cell.values.join(', ')}`;
  }
}
