import { createRequire } from 'node:module'
import { defineConfig } from 'vitest/config'

// graphql 16 ships CJS (main) and ESM (module) builds without an exports map: Node (and so
// type-graphql and Apollo) loads the CJS one, Vite would pick the ESM one for our files, and two
// copies of graphql cannot share a schema. Point our files at the one Node loads.
// Servers and commands the tests spawn with `node --import tsx` take their compiler options (type-graphql's
// decorators) from the server-side project: the root tsconfig.json only lists the projects.
process.env.TSX_TSCONFIG_PATH ??= 'tsconfig.node.json'

const graphqlMain = createRequire(import.meta.url).resolve('graphql')

// The same suites run on the embedded database (PGlite) and, when TEST_DATABASE_URL is set,
// on a PostgreSQL server: one Vitest project per backend.
const backends = ['pglite', ...(process.env.TEST_DATABASE_URL ? ['postgres'] : [])]

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlMain }] },
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
    // In CI, also write a JSON report: .ci/run prints its totals as a plain closing line.
    ...(process.env.CI ? { reporters: ['default', 'json'], outputFile: { json: '.tmp/test-report.json' } } : {}),
    projects: backends.map((backend) => ({
      extends: true,
      test: {
        name: backend,
        include: ['tests/**/*.test.ts', 'server/**/*.test.ts', 'db/**/*.test.ts', 'web/**/*.test.ts'],
        env: { TEST_BACKEND: backend },
        globalSetup: ['tests/setup/global-setup.ts'],
        // type-graphql needs the Reflect metadata API before any decorated class loads.
        setupFiles: ['reflect-metadata'],
      },
    })),
  },
})
