/** The encodings ipindex reads: what Excel, WPS and statistical software write in China. */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** An input file as the manifest records it. */
export type InputFile = {
  file: string;
  role: 'regions' | 'codebook' | 'framework' | 'method' | 'observations' | 'microdata' | 'survey' | 'register' | 'reports';
  sha256: string;
  bytes: number;
  encoding?: TextEncoding;
  shape?: 'wide' | 'long';
  rows?: number;
  values?: number;
};
