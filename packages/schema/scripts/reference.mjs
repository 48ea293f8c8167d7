// Writes REFERENCE.md, the Markdown reference of the contract, from schema.graphql (run by `npm run codegen`).
// A short script over graphql-js rather than a generator package: see ARCHITECTURE.md, "Written by hand, and why".
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  isUnionType,
} from 'graphql';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const SCHEMA_FILE = resolve(here, '../schema.graphql');
export const REFERENCE_FILE = resolve(here, '../REFERENCE.md');

/** A description as one table cell: one line, pipes escaped. */
const cell = (text) =>
  (text ?? '')
    .trim()
    .replace(/\r?\n+/g, ' ')
    .replace(/\|/g, '\\|');
/** A heading's GitHub anchor: type names are ASCII words, so the lower-cased name. */
const anchor = (name) => name.toLowerCase();

/**
 * The reference as Markdown: queries and mutations with their arguments, then every object, input
 * object, enum and scalar with its description, each type linked where it is used.
 * @param {string} sdl the emitted schema.graphql
 * @returns {string}
 */
export function renderReference(sdl) {
  const schema = buildSchema(sdl);
  const named = Object.values(schema.getTypeMap())
    .filter((t) => !t.name.startsWith('__') && !isSpecifiedScalarType(t))
    .sort((a, b) => a.name.localeCompare(b.name));
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
  const typeRef = (type) => {
    const name = getNamedType(type).name;
    const text = String(type);
    return named.some((t) => t.name === name) ? `[\`${text}\`](#${anchor(name)})` : `\`${text}\``;
  };
  const deprecated = (item) => (item.deprecationReason ? ` **Deprecated:** ${cell(item.deprecationReason)}` : '');
  const out = [
    '# Steward GraphQL API reference',
    '',
    'Generated from `schema.graphql` by `npm run codegen` (`packages/schema/scripts/reference.mjs`): do not edit.',
    'A type ending in `!` is never null; `[T!]!` is a list, possibly empty, of values that are never null.',
    '',
  ];

  const operations = (title, root) => {
    if (!root) return;
    out.push(`## ${title}`, '');
    for (const field of Object.values(root.getFields()).sort((a, b) => a.name.localeCompare(b.name))) {
      out.push(`### \`${field.name}\``, '', `${cell(field.description)}${deprecated(field)}`, '');
      out.push(`Returns ${typeRef(field.type)}.`, '');
      if (field.args.length) {
        out.push('| Argument | Type | Description |', '| --- | --- | --- |');
        for (const arg of field.args)
          out.push(`| \`${arg.name}\` | ${typeRef(arg.type)} | ${cell(arg.description)}${deprecated(arg)} |`);
        out.push('');
      }
    }
  };
  operations('Queries', schema.getQueryType());
  operations('Mutations', schema.getMutationType());

  const section = (title, pick, render) => {
    const types = named.filter((t) => pick(t) && !roots.has(t));
    if (!types.length) return;
    out.push(`## ${title}`, '');
    for (const type of types) {
      out.push(`### ${type.name}`, '', cell(type.description), '');
      render(type);
    }
  };
  const fieldTable = (type, heading) => {
    out.push(`| ${heading} | Type | Description |`, '| --- | --- | --- |');
    for (const field of Object.values(type.getFields())) {
      const args = (field.args ?? []).map((a) => `\`${a.name}\`: ${cell(a.description)}`).join(' ');
      const more = args ? ` Arguments: ${args}` : '';
      out.push(
        `| \`${field.name}\` | ${typeRef(field.type)} | ${cell(field.description)}${deprecated(field)}${more} |`,
      );
    }
    out.push('');
  };
  section(
    'Objects',
    (t) => isObjectType(t) || isInterfaceType(t),
    (t) => fieldTable(t, 'Field'),
  );
  section('Input objects', isInputObjectType, (t) => fieldTable(t, 'Input field'));
  section('Enums', isEnumType, (t) => {
    out.push('| Value | Description |', '| --- | --- |');
    for (const value of t.getValues())
      out.push(`| \`${value.name}\` | ${cell(value.description)}${deprecated(value)} |`);
    out.push('');
  });
  section('Unions', isUnionType, (t) => out.push(`One of ${t.getTypes().map(typeRef).join(', ')}.`, ''));
  section('Scalars', isScalarType, () => undefined);
  return out.join('\n').replace(/\n+$/, '\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(REFERENCE_FILE, renderReference(readFileSync(SCHEMA_FILE, 'utf8')));
  console.log(`wrote ${REFERENCE_FILE}`);
}
