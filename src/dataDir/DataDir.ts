import type { Problem } from '../lib/InputError.ts';
import type { Method } from '../lib/methodSchema.ts';
import type { FrameworkNode, Observation, Region, Variable } from '../lib/types.ts';
import type { FormulaNode } from '../lib/formula.ts';
import type { MicrodataInput } from './MicrodataInput.ts';
import type { IntakeRecord } from './IntakeRecord.ts';
import type { InputFile } from './InputFile.ts';

// The data directory as intake reads it: the type every stage takes, with the types of its
// parts, in a folder of its own (src/dataDir/) that imports no stage, so that the stages can
// name it without importing intake, and intake can call the stages' readers: no cycle.

/** Everything a data directory holds, checked against the data contract. */
export type DataDir = {
  /** The directory as the command line named it: every file's label starts with it; what is published names files relative to it (publishedPath.ts). */
  label: string;
  regions: Region[];
  variables: Variable[];
  nodes: FrameworkNode[];
  indicators: Indicator[];
  method: Method;
  /** Observations held in memory, still to be staged; empty when intake streamed them (see `streamed`). */
  observations: Observation[];
  /**
   * What intake appended to DuckDB's observations_raw as it read (having created the input tables
   * of queries/staging/00_inputs.sql): how many values, and how many of them national totals.
   */
  streamed?: { values: number; national: number };
  dropped: DroppedRow[];
  inputs: InputFile[];
  /**
   * Problems in observation rows. They are returned rather than thrown so that the SQL checks
   * still run on the rows that could be read, and one run reports every problem there is.
   */
  problems: Problem[];
  /** Registry microdata (patent_records...), aggregated in SQL by the staging stage. */
  microdata?: MicrodataInput[];
  /**
   * A database holding registry records as tables (build --microdata postgres://...): the
   * staging stage aggregates them there (src/warehouse/) and takes only the aggregates.
   */
  warehouse?: { url: string; label: string };
  /** What intake saw of each observation file, for the data-quality summary (queries/quality). */
  intake?: IntakeRecord;
  /** The surveys of surveys/<name>/, estimated by the staging stage (src/survey/runSurveys.ts). */
  surveys?: { name: string; dir: string; label: string }[];
  /** The enterprise IP management register of enterprises/, read by the staging stage (src/enterprises/runEnterprises.ts). */
  enterprises?: { dir: string; label: string };
  /** The institutions' IP transfer reports of institutions/, read by the staging stage (src/institutions/runInstitutions.ts). */
  institutions?: { dir: string; label: string };
  /** Files of the directory that are not read, with the reason (documentation, say). */
  unused?: UnusedFile[];
};

// The parts of a data directory that intake names and the stages read.

/** An entry of a data directory, its kind read through any symbolic link. */
export type DataEntry = { name: string; isDirectory(): boolean };

/** A file of the data directory that is not read, and why: in the build log and the manifest. */
export type UnusedFile = { file: string; reason: string };

/** An indicator with its parsed formula and its row of framework.csv (for messages). */
export type Indicator = FrameworkNode & { ast: FormulaNode; row?: number };

/** A row left out on purpose (a national or zone total, say), reported rather than hidden. */
export type DroppedRow = { file: string; row: number; reason: string };
