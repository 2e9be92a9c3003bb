import iconv from 'iconv-lite';

/** The encodings ipindex reads: what Excel, WPS and statistical software write in China. */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type DecodedText =
  | { ok: true; text: string; encoding: TextEncoding }
  | { ok: false; found: string };

const signatures: [bytes: number[], what: string][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'an Excel .xlsx workbook or another ZIP file'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Excel .xls workbook'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
];

/**
 * Decodes a text file whose encoding is not declared: a BOM decides when present, then strict
 * UTF-8, then GB18030 (a superset of GBK and GB2312, which Excel writes on Chinese Windows).
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  for (const [signature, what] of signatures) {
    if (signature.every((b, i) => bytes[i] === b)) return { ok: false, found: what };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decodeUtf8(bytes.subarray(3), 'utf-8-bom');
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ok: true, text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { ok: true, text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be' };
  }
  // Text files never contain NUL; binary files almost always do early on.
  if (bytes.subarray(0, 8192).includes(0)) return { ok: false, found: 'binary data' };

  const utf8 = decodeUtf8(bytes, 'utf-8');
  if (utf8.ok) return utf8;
  const text = iconv.decode(Buffer.from(bytes), 'gb18030');
  if (text.includes('\ufffd')) return { ok: false, found: 'bytes that are neither UTF-8 nor GBK/GB18030 text' };
  return { ok: true, text, encoding: 'gb18030' };
}

function decodeUtf8(bytes: Uint8Array, encoding: 'utf-8' | 'utf-8-bom'): DecodedText {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding };
  } catch {
    return { ok: false, found: 'bytes that are not valid UTF-8 text' };
  }
}
