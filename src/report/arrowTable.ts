import {
  type Data,
  DataType,
  Dictionary,
  Field,
  Float64,
  Int32,
  makeData,
  Precision,
  RecordBatch,
  Schema,
  Struct,
  Table,
  tableFromArrays,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';

/**
 * The Arrow table that `tableFromJSON` makes of the table's rows, built from its columns: the
 * type of a column is that of its first value (numbers Float64, text a dictionary of Utf8 by
 * Int32, true/false Bool, dates TimestampMillisecond), a column with no value is left out, and
 * the columns come in the order their first values do. Numbers and text are laid out directly,
 * the rest through apache-arrow's builders. An empty table keeps its columns (of no type).
 */
export function arrowTable(columns: readonly string[], values: readonly (readonly unknown[])[], rowCount: number): Table {
  if (rowCount === 0) return tableFromArrays(Object.fromEntries(columns.map((c) => [c, []])));
  // tableFromJSON walks each row's keys in property order (integer-like names first).
  const keys = Object.keys(Object.fromEntries(columns.map((c, i) => [c, i])));
  const present: { name: string; column: readonly unknown[]; first: number; position: number }[] = [];
  keys.forEach((name, position) => {
    const column = values[columns.indexOf(name)] ?? [];
    const first = column.findIndex((v) => v !== null && v !== undefined);
    if (first >= 0) present.push({ name, column, first, position });
  });
  present.sort((a, b) => a.first - b.first || a.position - b.position);
  // Types are made in field order: a dictionary's id comes from a counter, and goes into the file.
  const fields = present.map(({ name, column, first }) => new Field(name, typeOf(column[first]), true));
  const children = fields.map((field, i) => columnData(field.type, present[i]!.column, rowCount));
  const struct = makeData({ type: new Struct(fields), length: rowCount, nullCount: 0, children });
  return new Table(new RecordBatch(new Schema(fields), struct));
}

/** The Arrow type tableFromJSON gives a column whose first value is `value`. */
function typeOf(value: unknown): DataType {
  if (typeof value === 'number') return new Float64();
  if (typeof value === 'string') return new Dictionary(new Utf8(), new Int32());
  // A boolean or a date (all else a CSV file gives): inferring from it makes no dictionary, so takes no id.
  return vectorFromArray([value]).type;
}

/** A column's Arrow data, nulls as nulls. */
function columnData(type: DataType, column: readonly unknown[], length: number): Data {
  // Padded to 64 bytes as apache-arrow's builders pad it: the file holds the whole bitmap.
  const bytes = Math.ceil(length / 8) - 1;
  const valid = new Uint8Array(bytes - (bytes % 64) + 64 || 64);
  let nullCount = 0;
  for (let r = 0; r < length; r++) {
    const value = column[r];
    if (value === null || value === undefined) nullCount++;
    else valid[r >> 3]! |= 1 << (r & 7);
  }
  const nullBitmap = nullCount > 0 ? valid : undefined;
  if (DataType.isFloat(type) && type.precision === Precision.DOUBLE) {
    const data = new Float64Array(length);
    for (let r = 0; r < length; r++) {
      const value = column[r];
      if (value !== null && value !== undefined) data[r] = value as number;
    }
    return makeData({ type, length, nullCount, nullBitmap, data });
  }
  if (DataType.isDictionary(type) && DataType.isUtf8(type.dictionary)) {
    // Indices in order of first appearance, as apache-arrow's DictionaryBuilder gives them.
    const indices = new Map<string, number>();
    const data = new Int32Array(length);
    for (let r = 0; r < length; r++) {
      const value = column[r];
      if (value === null || value === undefined) continue;
      const text = String(value);
      let index = indices.get(text);
      if (index === undefined) indices.set(text, (index = indices.size));
      data[r] = index;
    }
    const dictionary = vectorFromArray([...indices.keys()], new Utf8());
    return makeData({ type, length, nullCount, nullBitmap, data, dictionary });
  }
  return vectorFromArray(column.slice(0, length), type).data[0]!;
}
