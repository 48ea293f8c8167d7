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
import { describe, expect, it } from 'vitest';
import { stewardSchema } from '../schema.js';

// The contract is documented for the partners and staff who read it (STYLE.md §8): every type,
// field, argument, input field and enum value has a description, and a mutation with arguments
// takes exactly one, `input`, an input object. No exceptions: the schema a partner reads is whole.

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

describe('the GraphQL contract is documented', () => {
  it(`describes every one of its ${elements.length} types, fields, arguments, input fields and enum values`, () => {
    expect(
      elements.filter((e) => !e.described).map((e) => `${e.kind} ${e.coordinate}`),
      'Describe these schema elements for a partner or staff developer (what it means, units, who may read it, ' +
        'what null means): `description` in @ObjectType/@InputType/@Field/@Arg, or valuesConfig in registerEnumType',
    ).toEqual([]);
  });

  const mutations = Object.values(schema.getMutationType()?.getFields() ?? {});
  /** A mutation with arguments takes exactly one, `input`, of an input-object type. */
  const withoutInput = mutations
    .filter((m) => {
      if (m.args.length === 0) return false;
      const [only] = m.args;
      return m.args.length !== 1 || only!.name !== 'input' || !isInputObjectType(getNamedType(only!.type));
    })
    .map((m) => `Mutation.${m.name}(${m.args.map((a) => a.name).join(', ')})`);

  it(`gives each of the ${mutations.filter((m) => m.args.length > 0).length} mutations with arguments exactly one, \`input\`, an input object`, () => {
    expect(
      withoutInput,
      "A mutation with arguments takes exactly one argument, `@Arg('input', () => XInput) input: XInput` (an @InputType)",
    ).toEqual([]);
  });
});
