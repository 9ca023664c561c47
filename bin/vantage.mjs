#!/usr/bin/env node
// The CLI is TypeScript like the rest of the project; tsx (a dependency) loads it without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2), process.env, { stdout: process.stdout, stderr: process.stderr });
