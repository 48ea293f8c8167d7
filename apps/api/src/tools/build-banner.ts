import {
  buildSchema,
  Kind,
  parse,
  print,
  stripIgnoredCharacters,
  validate,
  visit,
  type DefinitionNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
} from 'graphql';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'rolldown';

const here = dirname(fileURLToPath(import.meta.url));

/** Where the server looks for the built banner, relative to a module in dist/cookies or src/cookies. */
export const BANNER_SOURCE = join(here, '../../src/cookies/banner/banner.ts');

/** How the banner imports operations: `@steward/schema/operations/<file>.graphql`. */
const OPERATIONS_PREFIX = '@steward/schema/operations/';
/** The committed contract (`packages/schema/schema.graphql`), beside which `operations/` lives. */
const contract = () => createRequire(import.meta.url).resolve('@steward/schema/schema.graphql');
export const operationsDir = () => join(dirname(contract()), 'operations');

export function contractSchema(): GraphQLSchema {
  return buildSchema(readFileSync(contract(), 'utf8'));
}

/**
 * Each named operation of a GraphQL document as the text a client sends: the operation and the
 * fragments it spreads, with ignored characters stripped. Throws when the document does not
 * validate against `schema`, so a banner whose operations stop matching the contract is not built.
 */
export function operationTexts(source: string, schema: GraphQLSchema): Record<string, string> {
  const document = parse(source);
  const errors = validate(schema, document);
  if (errors.length) throw new Error(`Operations do not match the schema:\n${errors.map((e) => e.message).join('\n')}`);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const texts: Record<string, string> = {};
  for (const operation of document.definitions) {
    if (operation.kind !== Kind.OPERATION_DEFINITION) continue;
    if (!operation.name) throw new Error('Every operation needs a name (it is how the banner imports it)');
    const spread = new Map<string, FragmentDefinitionNode>();
    const collect = (node: DefinitionNode) =>
      visit(node, {
        FragmentSpread(s) {
          const fragment = fragments.get(s.name.value);
          if (fragment && !spread.has(s.name.value)) {
            spread.set(s.name.value, fragment);
            collect(fragment);
          }
        },
      });
    collect(operation);
    const text = print({ kind: Kind.DOCUMENT, definitions: [operation, ...spread.values()] });
    texts[operation.name.value] = stripIgnoredCharacters(text);
  }
  return texts;
}

/**
 * Lets the banner import the operations of `packages/schema/operations` by name: each becomes a
 * string constant (its minified text, never a parsed document), so unused ones are dropped.
 */
function schemaOperations(): Plugin {
  let schema: GraphQLSchema | undefined;
  return {
    name: 'steward-schema-operations',
    resolveId(id) {
      if (id.startsWith(OPERATIONS_PREFIX) && id.endsWith('.graphql'))
        return join(operationsDir(), id.slice(OPERATIONS_PREFIX.length));
      return null;
    },
    load(id) {
      if (!id.endsWith('.graphql')) return null;
      schema ??= contractSchema();
      const texts = operationTexts(readFileSync(id, 'utf8'), schema);
      const code = Object.entries(texts)
        .map(([name, text]) => `export const ${name} = ${JSON.stringify(text)};`)
        .join('\n');
      return { code, moduleType: 'js' };
    },
  };
}

/**
 * Bundles and minifies the cookie banner (browser code, no runtime dependencies: policy-core's pure
 * rules and the operations' texts are bundled in) into one IIFE. Rolldown (Vite's bundler, already
 * in the toolchain) transpiles the TypeScript and minifies.
 */
export async function buildBanner(source = BANNER_SOURCE): Promise<string> {
  const { build } = await import('rolldown');
  const out = await build({
    input: source,
    write: false,
    platform: 'browser',
    plugins: [schemaOperations()],
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
