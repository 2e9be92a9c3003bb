/**
 * The files of a data directory's enterprises/ folder (issue: enterprise IP management,
 * GB/T 29490) and the columns of each: what every cell must be. The register of enterprises and
 * the certificates are required; the service bodies, the training figures, the outcomes and the
 * clause assessments are optional. Each file becomes the DuckDB table of the same name
 * (queries/enterprises/00_tables.sql), in the order of its columns here.
 */

import type { CellKind, RegisterColumn, RegisterFile } from '../files/registerColumns.ts';

const required = (name: string, cell: CellKind): RegisterColumn => ({ name, cell, required: true });
const optional = (name: string, cell: CellKind): RegisterColumn => ({ name, cell, required: false });

/** The outcome measures outcomes.csv may give, any of them. */
export const outcomeMeasures = [
  'invention_applications',
  'invention_grants',
  'patents_in_force',
  'licences_out',
  'pledge_amount',
  'rd_expenditure',
  'revenue',
] as const;

export const registerFiles: readonly RegisterFile[] = [
  {
    name: 'enterprises',
    required: true,
    columns: [
      required('enterprise_id', { kind: 'id' }),
      optional('name', { kind: 'text' }),
      required('region_code', { kind: 'region' }),
      optional('industry', { kind: 'text' }),
      required('size', { kind: 'choice', values: ['large', 'medium', 'small', 'micro'] }),
      required('ownership', { kind: 'choice', values: ['state', 'private', 'foreign', 'other'] }),
      optional('high_tech_from', { kind: 'year' }),
      optional('zone', { kind: 'text' }),
    ],
  },
  {
    name: 'certifications',
    required: true,
    columns: [
      required('certificate_no', { kind: 'id' }),
      required('enterprise_id', { kind: 'id' }),
      optional('body_code', { kind: 'text' }),
      required('standard', { kind: 'choice', values: ['2013', '2023'] }),
      required('issued', { kind: 'date' }),
      required('expires', { kind: 'date' }),
      required('status', { kind: 'choice', values: ['valid', 'suspended', 'withdrawn', 'expired'] }),
      optional('status_date', { kind: 'date' }),
    ],
  },
  {
    name: 'service_bodies',
    required: false,
    columns: [
      required('body_code', { kind: 'id' }),
      optional('name', { kind: 'text' }),
      required('kind', { kind: 'choice', values: ['certification', 'consulting', 'training'] }),
      required('region_code', { kind: 'region' }),
      required('accredited_from', { kind: 'date' }),
      optional('accredited_to', { kind: 'date' }),
    ],
  },
  {
    name: 'training',
    required: false,
    columns: [
      required('region_code', { kind: 'region' }),
      required('year', { kind: 'year' }),
      optional('internal_auditors_trained', { kind: 'count' }),
      optional('certification_auditors_registered', { kind: 'count' }),
    ],
  },
  {
    name: 'outcomes',
    required: false,
    columns: [
      required('enterprise_id', { kind: 'id' }),
      required('year', { kind: 'year' }),
      ...outcomeMeasures.map((m) => optional(m, { kind: 'amount' })),
    ],
    oneOf: outcomeMeasures,
  },
  {
    name: 'assessments',
    required: false,
    columns: [
      required('enterprise_id', { kind: 'id' }),
      required('year', { kind: 'year' }),
      required('clause', { kind: 'id' }),
      required('score', { kind: 'number' }),
      optional('scale', { kind: 'choice', values: ['0-100', '1-5'] }),
      optional('standard', { kind: 'choice', values: ['2013', '2023'] }),
    ],
  },
];
