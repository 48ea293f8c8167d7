#!/usr/bin/env node
/**
 * steward-verify [--json] [--public-key <base64>] <package.json>
 *
 * Checks a proof package offline and prints what it proves in English and Japanese.
 * Exit 0: everything verified; 1: something did not (or the file could not be read); 2: usage.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { summarize } from './messages.js';
import { verifyPackage } from './package.js';

const USAGE = 'Usage: steward-verify [--json] [--public-key <base64>] <package.json>';

function main(argv: string[]): number {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help || args.positionals.length !== 1) {
    (args.values.help ? console.log : console.error)(USAGE);
    return args.values.help ? 0 : 2;
  }
  const file = args.positionals[0]!;
  let pkg: unknown;
  try {
    pkg = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const why = (error as Error).message;
    console.error(`Could not read ${file} as JSON: ${why}\n${file} を JSON として読めませんでした：${why}`);
    return 1;
  }
  const result = verifyPackage(
    pkg,
    args.values['public-key'] === undefined ? {} : { publicKey: args.values['public-key'] },
  );
  const summary = { en: summarize(result, 'en'), ja: summarize(result, 'ja') };
  if (args.values.json) console.log(JSON.stringify({ ...result, summary }, null, 2));
  else console.log([...summary.en, '', ...summary.ja].join('\n'));
  return result.ok ? 0 : 1;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      'public-key': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

process.exitCode = main(process.argv.slice(2));
