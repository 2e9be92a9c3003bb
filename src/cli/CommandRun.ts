import { UsageError } from '../lib/InputError.ts';
import type { StageLog } from '../build/createStageLog.ts';
import { isWarehouseUrl, warehouseLabel } from '../warehouse/warehouseLabel.ts';

/** The options of the command line (cli.ts parses them; each command reads those it takes). */
export type CliValues = {
  out?: string;
  'no-site'?: boolean;
  microdata?: string;
  port?: string;
  map?: string;
  data?: string;
  group?: string;
  year?: string;
  lang?: string;
  help?: boolean;
  version?: boolean;
};

/** What a command is given: its arguments and options, where to write, and the stage log. */
export type CommandRun = {
  /** The arguments after the command's name. */
  args: string[];
  values: CliValues;
  write: (line: string) => void;
  writeError: (line: string) => void;
  log: StageLog;
};

/** A command of the command line (src/cli/commands/): its exit code, 0 when done. */
export type Command = (run: CommandRun) => Promise<number>;

/** The one folder a command takes, or a usage error naming the command. */
export function oneFolder(command: string, args: readonly string[]): string {
  if (args.length !== 1 || args[0] === undefined)
    throw new UsageError(`${command} takes one folder, got ${args.length === 0 ? 'none' : args.join(' ')}`);
  return args[0];
}

/** A database holding the registry records as tables (check, build, --microdata): its URL, and how it is shown. */
export function warehouseOption(values: CliValues): { url: string; label: string } | undefined {
  if (values.microdata === undefined) return undefined;
  const warehouse = { url: values.microdata, label: warehouseLabel(values.microdata) };
  if (!isWarehouseUrl(warehouse.url))
    throw new UsageError(`--microdata takes a PostgreSQL database as a URL, postgres://user@host/database, got ${warehouse.label}`);
  return warehouse;
}

/** The option as the command's first line repeats it. */
export function warehouseArg(warehouse: { label: string } | undefined): string {
  return warehouse === undefined ? '' : ` --microdata ${warehouse.label}`;
}
