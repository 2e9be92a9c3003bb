#!/usr/bin/env node
// The ipindex command. The sources are TypeScript, loaded through tsx so that there is no
// separate compile step between editing a file and running it.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/pipeline/cli.ts');
process.exitCode = await main(process.argv.slice(2));
