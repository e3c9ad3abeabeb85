/**
 * Builds the web app and the GraphQL explorer with Vite when a build is missing, so that `npm start`
 * alone serves them. Each build goes to a scratch folder first and is then renamed into place, so a
 * build that is interrupted (SIGTERM during the first start) or runs twice at once (two servers
 * started together) never leaves a half-written folder that looks complete.
 */
import { existsSync, renameSync, rmSync } from 'node:fs'
import path from 'node:path'
import type { Logger } from 'pino'
import { ROOT } from './config.ts'

const BUILDS = [
  { name: 'the web app', config: 'web/vite.config.ts', out: 'web/dist' },
  { name: 'the GraphQL explorer', config: 'web/graphiql/vite.config.ts', out: 'web/graphiql/dist' },
]

export async function ensureWebBuild(logger: Logger): Promise<void> {
  for (const b of BUILDS) {
    const out = path.join(ROOT, b.out)
    if (existsSync(path.join(out, 'index.html'))) continue
    logger.info(`building ${b.name} (first start)`)
    const scratch = `${out}.building-${process.pid}`
    const removeScratch = () => rmSync(scratch, { recursive: true, force: true })
    process.once('exit', removeScratch)
    try {
      const { build } = await import('vite')
      await build({ configFile: path.join(ROOT, b.config), logLevel: 'error', build: { outDir: scratch, emptyOutDir: true } })
      if (existsSync(path.join(out, 'index.html'))) continue // another process finished first
      rmSync(out, { recursive: true, force: true }) // a folder without index.html is an old broken build
      renameSync(scratch, out)
    } finally {
      removeScratch()
      process.removeListener('exit', removeScratch)
    }
  }
}
