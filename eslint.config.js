// One lint configuration for the whole monorepo; each workspace runs `eslint .` through turbo.
import js from '@eslint/js';
import i18next from 'eslint-plugin-i18next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// JSX attributes whose values people read (Mantine's and the DOM's).
const USER_FACING_ATTRIBUTES = [
  'label',
  'placeholder',
  'title',
  'alt',
  'aria-label',
  'aria-description',
  'description',
  'error',
  'nothingFoundMessage',
  'confirmLabel',
  'cancelLabel',
  'emptyMessage',
  'tooltip',
  'message',
  'caption',
];

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
    // The offline verifier runs anywhere (a browser, Deno, Node): only its CLI and tests touch Node,
    // and its crypto is @noble's, never node:crypto.
    files: ['packages/verify/src/**/*.ts'],
    ignores: ['**/*.test.ts', 'packages/verify/src/cli.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', '@steward/*'] }],
    },
  },
  {
    // Presenters are the only place values are decrypted (ARCHITECTURE.md): the cipher's `decrypt`
    // and `openText` and the item reveal helpers are used only in `*.presenter.ts`, the crypto module itself and
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
          selector:
            'MemberExpression[property.name=/^(decrypt|openText)$/], MemberExpression[property.value=/^(decrypt|openText)$/]',
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
    // One home for SQL (STYLE.md, "Where does it go?"): hand-written statements live in
    // `<feature>.queries.ts` or `*-facts.ts` as { sql, params } with named parameters; only those
    // run them. Everything else calls their functions or uses the ORM.
    files: ['apps/api/src/**/*.ts'],
    ignores: [
      'apps/api/src/**/*.queries.ts',
      'apps/api/src/**/*-facts.ts',
      // The lean-SQL module itself, its dialect, statement compiler and driver-pool adapter (and their tests).
      'apps/api/src/common/sql/**',
      // The group-commit engine opens the group's transaction (leanTransaction); its writers' statements are in queries files.
      'apps/api/src/common/group-commit.ts',
      // Tests make probe tables and rows to exercise the engine and the adapter directly.
      'apps/api/src/**/*.test.ts',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)sql/lean-sql(\\.js)?$',
              allowTypeImports: true,
              message: 'Hand-written SQL lives in <feature>.queries.ts or *-facts.ts (STYLE.md); call those instead.',
            },
          ],
        },
      ],
    },
  },
  {
    // One home for the ORM's transactions (ARCHITECTURE.md, "Where do I put…"): a write path runs in
    // `this.inTransaction((tx) => …)` of its service or `inTransaction(em, …)`, both in
    // common/transaction.ts, never in `em.transactional` directly. The hot paths' lean-SQL
    // transactions are `leanTransaction` (common/sql/lean-sql.ts), which does not use it.
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/common/transaction.ts', 'apps/api/src/**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          property: 'transactional',
          message: 'Run a transaction through inTransaction (common/transaction.ts): the one home of transactions.',
        },
      ],
    },
  },
  {
    // Everything a person reads comes from the ja/en catalogues (apps/admin/src/i18n/locales; the public
    // pages' apps/api/src/public-site/locales): a literal text in JSX, or in one of the attributes people
    // read, fails the build. Codes, ids and class names (attributes not listed) are not words.
    files: ['apps/admin/src/**/*.tsx', 'apps/api/src/public-site/**/*.tsx'],
    ignores: ['apps/admin/src/**/*.test.tsx', 'apps/admin/src/test/**'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': { include: USER_FACING_ATTRIBUTES },
          // Punctuation, and codes in capitals (SHA-256, JSON, TOTP) are the same in every language.
          words: { exclude: ['[0-9!-/:-@[-`{-~\\s·—–…→←↑↓×✓]+', '[A-Z][A-Z0-9_-]*'] },
        },
      ],
    },
  },
  {
    // Decorated entity/GraphQL classes need value imports for emitDecoratorMetadata.
    files: ['apps/api/src/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
);
