#!/usr/bin/env node
// The ipindex command. It runs the JavaScript compiled from src/ into lib/ (npm run build:cli,
// run by npm install and npm ci), which starts in a tenth of a second; when a source is newer
// than the compiled code (while developing), it runs the sources through tsx instead, so that
// there is no compile step between editing a file and running it.
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const compiled = `${root}lib/cli/cli.js`;

/** Whether lib/ holds the CLI compiled from the sources as they are now. */
function compiledIsCurrent() {
  let built;
  try {
    built = statSync(compiled).mtimeMs;
  } catch {
    return false;
  }
  for (const entry of readdirSync(`${root}src`, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(ts|js)$/.test(entry.name)) continue;
    if (statSync(`${entry.parentPath}/${entry.name}`).mtimeMs > built) return false;
  }
  return true;
}

let main;
if (compiledIsCurrent()) {
  ({ main } = await import(compiled));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/cli.ts'));
}
process.exitCode = await main(process.argv.slice(2));
