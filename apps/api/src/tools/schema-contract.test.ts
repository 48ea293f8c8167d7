import 'reflect-metadata';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLSchema,
} from 'graphql';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stewardSchema } from '../schema.js';

// The contract grows documented (STYLE.md §8): every type, field, argument, input field and enum
// value has a description, and a mutation with arguments takes one input object. What did not when
// these rules came is listed beside the schema; the lists may only shrink.
const schemaDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../packages/schema');
const UNDESCRIBED_FILE = 'packages/schema/undescribed.txt';
const MUTATIONS_FILE = 'packages/schema/mutations-without-input.txt';

function readList(file: string): string[] {
  return readFileSync(resolve(schemaDir, file.replace('packages/schema/', '')), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

type Kind = 'type' | 'field' | 'argument' | 'input field' | 'enum value';

/** Every element of the schema a client can read a description of, by schema coordinate, with whether it has one. */
function schemaElements(schema: GraphQLSchema): { coordinate: string; kind: Kind; described: boolean }[] {
  const out: { coordinate: string; kind: Kind; described: boolean }[] = [];
  const add = (coordinate: string, kind: Kind, description: string | null | undefined) =>
    out.push({ coordinate, kind, described: (description ?? '').trim() !== '' });
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    // Query and Mutation are known by their fields (type-graphql gives root types no description).
    const root = type === schema.getQueryType() || type === schema.getMutationType();
    if (!root) add(type.name, 'type', type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        add(`${type.name}.${field.name}`, 'field', field.description);
        for (const arg of field.args) add(`${type.name}.${field.name}(${arg.name})`, 'argument', arg.description);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields()))
        add(`${type.name}.${field.name}`, 'input field', field.description);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) add(`${type.name}.${value.name}`, 'enum value', value.description);
    }
  }
  return out.sort((a, b) => a.coordinate.localeCompare(b.coordinate));
}

const schema = await stewardSchema();
const elements = schemaElements(schema);
const undescribed = elements.filter((e) => !e.described);
const listedUndescribed = readList(UNDESCRIBED_FILE);
const perKind = (list: { kind: Kind }[]) =>
  (['type', 'field', 'argument', 'input field', 'enum value'] as const)
    .map((kind) => `${list.filter((e) => e.kind === kind).length} ${kind}s`)
    .join(', ');

describe('the GraphQL contract is documented as it grows', () => {
  it(`describes every element but the ${listedUndescribed.length} of ${elements.length} listed in ${UNDESCRIBED_FILE} (${perKind(undescribed)})`, () => {
    const listed = new Set(listedUndescribed);
    const missing = undescribed.map((e) => e.coordinate).filter((c) => !listed.has(c));
    expect(
      missing,
      `Describe these new schema elements (a description in @ObjectType/@InputType/@Field/@Arg/registerEnumType; ` +
        `a partner reads them) — do not add them to ${UNDESCRIBED_FILE}`,
    ).toEqual([]);
  });

  it(`lists in ${UNDESCRIBED_FILE} only elements that still exist without a description (the list only shrinks)`, () => {
    const stillUndescribed = new Set(undescribed.map((e) => e.coordinate));
    const stale = listedUndescribed.filter((c) => !stillUndescribed.has(c));
    expect(stale, `These are described now or gone: delete their lines from ${UNDESCRIBED_FILE}`).toEqual([]);
    expect(new Set(listedUndescribed).size, `${UNDESCRIBED_FILE} lists an element twice`).toBe(
      listedUndescribed.length,
    );
  });

  const mutations = Object.values(schema.getMutationType()?.getFields() ?? {});
  /** A mutation with arguments takes exactly one, `input`, of an input-object type. */
  const withoutInput = mutations
    .filter((m) => {
      if (m.args.length === 0) return false;
      const [only] = m.args;
      return m.args.length !== 1 || only!.name !== 'input' || !isInputObjectType(getNamedType(only!.type));
    })
    .map(
      (m) =>
        `Mutation.${m.name}(${m.args
          .map((a) => a.name)
          .sort()
          .join(', ')})`,
    )
    .sort();
  const listedMutations = readList(MUTATIONS_FILE);

  it(`gives every mutation with arguments one \`input\` object, but the ${listedMutations.length} listed in ${MUTATIONS_FILE}`, () => {
    const listed = new Set(listedMutations);
    expect(
      withoutInput.filter((m) => !listed.has(m)),
      'A mutation with arguments takes exactly one argument, `input: SomethingInput!` (an @InputType); ' +
        `do not add it to ${MUTATIONS_FILE}`,
    ).toEqual([]);
  });

  it(`lists in ${MUTATIONS_FILE} only mutations that still take other arguments (the list only shrinks)`, () => {
    const current = new Set(withoutInput);
    expect(
      listedMutations.filter((m) => !current.has(m)),
      `These take one input object now or are gone: delete their lines from ${MUTATIONS_FILE}`,
    ).toEqual([]);
  });
});
