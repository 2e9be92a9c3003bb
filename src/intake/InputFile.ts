import type { TextEncoding } from './decodeText.ts';

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
