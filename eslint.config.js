// ESLint 9 flat config: typescript-eslint's recommended and type-checked rules (types from the tsconfig projects via the project service), Prettier's formatting rules off.
import js from '@eslint/js'
import { defineConfig } from 'eslint/config'
import prettier from 'eslint-config-prettier'
import tseslint from 'typescript-eslint'

const layering = (message, folders, allowTypeImports) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ regex: `^(\\.\\./)+(${folders.join('|')})/`, message, allowTypeImports }] }],
})

export default defineConfig(
  { ignores: ['node_modules/', 'data/', '.tmp/', 'coverage/', 'web/dist/', 'web/graphiql/dist/', 'web/dist.building-*/', 'web/graphiql/dist.building-*/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    // Tests and benchmarks read GraphQL and HTTP response bodies as untyped JSON; their assertions, not the types, check the shapes.
    files: ['tests/**', '**/*.test.ts', 'bench/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Migrations take Kysely<any> on purpose: they are frozen in time and must not depend on today's Database type (STYLE.md).
    files: ['db/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Plain JavaScript (this file, db/scripts/check-tasks.mjs) is in no TypeScript project: no type-aware rules, Node's globals.
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  { files: ['db/**'], rules: layering('db/ imports nothing from server/ or web/ (tests/layering.test.ts).', ['server', 'web'], false) },
  { files: ['web/**'], rules: layering('web/ imports only types from server/ and db/ (tests/layering.test.ts).', ['server', 'db'], true) },
  prettier,
)
