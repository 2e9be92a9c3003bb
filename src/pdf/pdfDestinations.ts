/**
 * The page on which each named destination of a PDF lies (1-based), read from the document's
 * catalog: its /Dests dictionary (name -> [page reference, ...]) and its page tree. Chromium
 * writes one destination for every element a link of the document points to (`#id`), so the
 * first print of the report tells on which page each section begins, for the contents of the
 * second. Reads PDFs as Chromium (Skia) writes them: objects uncompressed, no object streams;
 * returns an empty map for anything else.
 */
export function pdfDestinations(pdf: Buffer): Map<string, number> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, string>();
  for (const match of text.matchAll(/(?:^|\n)(\d+) 0 obj\s*([\s\S]*?)endobj/g)) objects.set(Number(match[1]), match[2] ?? '');
  const ref = (body: string, key: string): number | null => {
    const found = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(body);
    return found === null ? null : Number(found[1]);
  };
  const catalog = [...objects.values()].find((body) => /\/Type\s*\/Catalog\b/.test(body));
  if (catalog === undefined) return new Map();
  // The pages in reading order: the page tree walked depth first.
  const order = new Map<number, number>();
  const walk = (id: number) => {
    const body = objects.get(id) ?? '';
    if (/\/Type\s*\/Pages\b/.test(body)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(body)?.[1] ?? '';
      for (const kid of kids.matchAll(/(\d+) 0 R/g)) walk(Number(kid[1]));
    } else {
      order.set(id, order.size + 1);
    }
  };
  const pages = ref(catalog, 'Pages');
  if (pages !== null) walk(pages);
  const destsId = ref(catalog, 'Dests');
  const dests = destsId === null ? (/\/Dests\s*<<([\s\S]*?)>>/.exec(catalog)?.[1] ?? '') : (objects.get(destsId) ?? '');
  const found = new Map<string, number>();
  for (const match of dests.matchAll(/\/([^\s/[]+)\s*\[\s*(\d+) 0 R/g)) {
    const page = order.get(Number(match[2]));
    if (page !== undefined) found.set(decodeName(match[1] ?? ''), page);
  }
  return found;
}

/** A PDF name with its #xx escapes undone (an id such as region-110000 stays as it is). */
function decodeName(name: string): string {
  return Buffer.from(
    name.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}
