/** Times named stages and prints a line for each: what it did and how long it took. */
export type StageLog = <T>(name: string, run: () => Promise<T>, describe: (result: T) => string) => Promise<T>;

/** A stage log writing its lines to `write` (stderr in the CLI, so stdout stays for data). */
export function createStageLog(write: (line: string) => void): StageLog {
  return async (name, run, describe) => {
    const start = performance.now();
    const result = await run();
    const seconds = (performance.now() - start) / 1000;
    write(`  ${name.padEnd(12)} ${describe(result).padEnd(52)} ${seconds.toFixed(2).padStart(6)} s`);
    return result;
  };
}

/** A stage log that prints nothing, for tests and library use. */
export const silentStageLog: StageLog = (_name, run) => run();
