import type { CodegenConfig } from '@graphql-codegen/cli';

// The operations a key can run, typed from the committed contract (packages/schema): the same
// documents the API's tests and known-operations list use, so nothing here can drift from them.
const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: [
    '../schema/operations/partner.graphql',
    '../schema/operations/decisions.graphql',
    '../schema/operations/cookie-banner.graphql',
  ],
  generates: {
    'src/generated/graphql.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: { DateTime: 'string' },
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        documentMode: 'documentNode',
      },
    },
  },
};
export default config;
