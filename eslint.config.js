// One lint configuration for the whole monorepo; each workspace runs `eslint .` through turbo.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/src/generated/**',
      '**/test-results/**',
      'bench/.cache/**',
      '**/coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
    },
  },
  {
    // policy-core is pure: no I/O, no frameworks, no clock or randomness inside the rules.
    files: ['packages/policy-core/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', '@mikro-orm/*', 'type-graphql', 'graphql', 'react', 'urql'] },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pass time in.' },
        { object: 'Math', property: 'random', message: 'Pass randomness in.' },
      ],
    },
  },
  {
    // Presenters are the only place values are decrypted (ARCHITECTURE.md): the cipher's `decrypt`
    // and the item reveal helpers are used only in `*.presenter.ts`, the crypto module itself and
    // tests (which check what was sealed). The cipher's `reseal` and `sealedEquals` hand no
    // plaintext out, so services may use them. Written with no-restricted-syntax rather than
    // no-restricted-imports so that another block restricting imports of these files cannot
    // silently replace this one (ESLint does not merge a rule's options across blocks).
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/**/*.presenter.ts', 'apps/api/src/crypto/**', 'apps/api/src/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='decrypt'], MemberExpression[property.value='decrypt']",
          message: 'Decrypt in a *.presenter.ts only: services return sealed rows, presenters open them.',
        },
        {
          selector: 'ImportSpecifier[imported.name=/^(revealSealed|revealValue)$/]',
          message: 'Reveal sealed values in a *.presenter.ts only: services return sealed rows, presenters open them.',
        },
      ],
    },
  },
  {
    files: ['apps/admin/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // Decorated entity/GraphQL classes need value imports for emitDecoratorMetadata.
    files: ['apps/api/src/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
);
