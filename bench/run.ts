import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describeMachine } from './lib/machine';

/**
 * `npm run bench [-- name…]`: every bench/*.bench.ts (or those whose names contain one of the
 * given words), one after another, each in a process of its own so that none inherits another's
 * heap or connections. Prints one markdown document; the benches' logs go to stderr.
 */
const benchDir = import.meta.dirname;
const filters = process.argv.slice(2);
const benches = (await fs.readdir(benchDir))
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => filters.length === 0 || filters.some((word) => file.includes(word)))
  .sort();

console.log(['# Vantage benchmarks', '', `\`npm run bench${filters.length ? ` -- ${filters.join(' ')}` : ''}\``, '', describeMachine(), ''].join('\n'));
let failures = 0;
for (const file of benches) {
  const started = performance.now();
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(benchDir, file)], {
      cwd: path.dirname(benchDir),
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('exit', resolve);
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  if (code === 0) {
    console.log(`_${file} took ${seconds} s._\n`);
  } else {
    failures++;
    console.log(`**${file} failed** (exit code ${code}) after ${seconds} s; its error is on stderr.\n`);
  }
}
process.exitCode = failures > 0 ? 1 : 0;
