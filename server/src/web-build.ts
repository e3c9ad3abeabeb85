/** Builds the web app and the GraphQL explorer with Vite when a build is missing, so that `npm start` alone serves them. */
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Logger } from 'pino'
import { ROOT } from './config.ts'

const BUILDS = [
  { name: 'the web app', config: 'web/vite.config.ts', out: 'web/dist' },
  { name: 'the GraphQL explorer', config: 'web/graphiql/vite.config.ts', out: 'web/graphiql/dist' },
]

export async function ensureWebBuild(logger: Logger): Promise<void> {
  for (const b of BUILDS) {
    if (existsSync(path.join(ROOT, b.out, 'index.html'))) continue
    logger.info(`building ${b.name} (first start)`)
    const { build } = await import('vite')
    await build({ configFile: path.join(ROOT, b.config), logLevel: 'error' })
  }
}
