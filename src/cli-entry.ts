#!/usr/bin/env node
import module from 'node:module';
import { VERSION } from './version.js';

// Node ≥ 22 caches compiled code on disk: a second start skips most of parsing the bundle.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  // Answered before the CLI (its schemas, rules and parsers) is even evaluated.
  process.stdout.write(`${VERSION}\n`);
} else {
  const { runCli } = await import('./cli.js');
  process.exitCode = await runCli(args, {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: process.stdout.isTTY === true,
    env: process.env,
  });
}
