import iconv from 'iconv-lite';
import type { TextEncoding } from '../dataDir/InputFile.ts';

// The type lives with the manifest's InputFile, which records a file's encoding.
export type { TextEncoding };

export type DecodedText = { ok: true; text: string; encoding: TextEncoding } | { ok: false; found: string };

const signatures: [bytes: number[], what: string][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'an Excel .xlsx workbook or another ZIP file'],
  // The OLE container of .xls; download sites also wrap "protected" .xlsx files in it.
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Excel .xls workbook (save it as .xlsx or CSV)'],
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

/** What the first bytes of a file say about it: not text, or text whose BOM fixes its encoding. */
export type Sniffed = { ok: false; found: string; row?: number } | { ok: true; encoding: TextEncoding | null; skip: number };

/**
 * Looks at the head of a file (a few KB) the way `decodeText` does, without decoding it:
 * a signature of a binary format, a BOM (encoding and bytes to skip), or NUL bytes. `encoding`
 * is null when only decoding the whole file can tell UTF-8 from GB18030.
 */
export function sniffEncoding(head: Uint8Array): Sniffed {
  for (const [signature, what] of signatures) {
    if (signature.every((b, i) => head[i] === b)) return { ok: false, found: what };
  }
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { ok: true, encoding: 'utf-8-bom', skip: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { ok: true, encoding: 'utf-16le', skip: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { ok: true, encoding: 'utf-16be', skip: 2 };
  const nul = head.subarray(0, 8192).indexOf(0);
  if (nul !== -1) {
    // Its line, for a text file with one stray NUL; 0x0A is a line feed in UTF-8 and GBK alike.
    let row = 1;
    for (let i = head.indexOf(0x0a); i !== -1 && i < nul; i = head.indexOf(0x0a, i + 1)) row += 1;
    return { ok: false, found: 'a NUL byte (binary data, not text)', row };
  }
  return { ok: true, encoding: null, skip: 0 };
}

/** Decodes a file chunk by chunk; `write` and `end` throw a TextDecodeError on bytes the encoding cannot hold. */
export type ChunkDecoder = { write(bytes: Uint8Array): string; end(): string };

/** Bytes that are not text in the encoding being read; `found` is worded as decodeText words it. */
export class TextDecodeError extends Error {
  constructor(readonly found: string) {
    super(found);
    this.name = 'TextDecodeError';
  }
}

/** A streaming decoder for one of the encodings ipindex reads (the BOM already skipped). */
export function createChunkDecoder(encoding: TextEncoding): ChunkDecoder {
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') {
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const guard = (decode: () => string) => {
      try {
        return decode();
      } catch {
        throw new TextDecodeError('bytes that are not valid UTF-8 text');
      }
    };
    return { write: (bytes) => guard(() => decoder.decode(bytes, { stream: true })), end: () => guard(() => decoder.decode()) };
  }
  const decoder = iconv.getDecoder(encoding);
  // iconv never throws: it writes U+FFFD for what it cannot read, which GB18030 text never holds.
  const check = (text: string) => {
    if (encoding === 'gb18030' && text.includes('\ufffd')) throw new TextDecodeError('bytes that are neither UTF-8 nor GBK/GB18030 text');
    return text;
  };
  return {
    write: (bytes) => check(decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))),
    end: () => check(decoder.end() ?? ''),
  };
}
