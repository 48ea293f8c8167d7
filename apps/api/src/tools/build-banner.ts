import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Where the server looks for the built banner, relative to a module in dist/cookies or src/cookies. */
export const BANNER_SOURCE = join(here, '../../src/cookies/banner/banner.ts');

/**
 * Bundles and minifies the cookie banner (browser code, no dependencies) into one IIFE. Rolldown
 * (Vite's bundler, already in the toolchain) transpiles the TypeScript and minifies.
 */
export async function buildBanner(source = BANNER_SOURCE): Promise<string> {
  const { build } = await import('rolldown');
  const out = await build({
    input: source,
    write: false,
    platform: 'browser',
    output: { format: 'iife', minify: true, comments: { legal: false, annotation: false, jsdoc: false } },
  });
  const chunk = out.output.find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('The banner build produced no script');
  return chunk.code;
}

/** `npm run build` writes dist/cookies/banner/banner.js beside the compiled server. */
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const target = join(here, '../cookies/banner/banner.js');
  const code = await buildBanner();
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, code);
  console.log(`cookie banner: ${target} (${code.length} bytes)`);
}
