/** Builds the web app with Vite when its build is missing, so that `npm start` alone serves it. */
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Logger } from 'pino'
import { ROOT } from './config.ts'

export async function ensureWebBuild(webRoot: string, logger: Logger): Promise<void> {
  if (existsSync(path.join(webRoot, 'index.html'))) return
  logger.info('building the web app (first start)')
  const { build } = await import('vite')
  await build({ configFile: path.join(ROOT, 'web/vite.config.ts'), logLevel: 'warn' })
}
