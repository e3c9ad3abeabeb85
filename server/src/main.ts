/** `npm start`: serves the platform; a configuration problem stops it with one clear sentence. */
import 'reflect-metadata'
import { ConfigError } from '../../db/connect.ts'
import { DatasetError } from '../../db/dataset/package.ts'
import { configFromEnv } from './config.ts'
import { startApp, type App } from './app.ts'
import { clientConfigFromEnv } from './client-config.ts'
import { ensureWebBuild } from './web-build.ts'
import { keepServingOnDatabaseErrors } from './last-resort.ts'

function fail(error: unknown): never {
  if (error instanceof ConfigError || error instanceof DatasetError) {
    process.stderr.write(`Cannot start: ${error.message}\n`)
  } else {
    const e = error as NodeJS.ErrnoException
    if (e?.code === 'EADDRINUSE') process.stderr.write(`Cannot start: the port is already in use: set PORT to a free port.\n`)
    else if (e?.code === 'EACCES') process.stderr.write(`Cannot start: no permission to listen on that port: set PORT above 1023.\n`)
    else process.stderr.write(`Cannot start: ${e?.message ?? String(error)}\n${process.env.DEBUG ? (e?.stack ?? '') : ''}`)
  }
  process.exit(1)
}

let app: App | undefined
let stopping = false

// A database connection lost where nothing listens is logged, not fatal (last-resort.ts).
keepServingOnDatabaseErrors(() => app?.logger)

// Signals are handled from the first moment: a SIGTERM that arrives while the database is still
// loading or the web app is still being built stops the server cleanly too (exit code 0).
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    if (!app) process.exit(0) // nothing is open yet
    app.logger.info({ signal }, 'shutting down')
    app.close().then(
      () => process.exit(0),
      (error) => {
        app!.logger.error({ err: error }, 'shutdown failed')
        process.exit(1)
      },
    )
  })
}

try {
  const config = configFromEnv()
  clientConfigFromEnv() // a malformed basemap setting stops start-up here, not on the first request
  app = await startApp(config)
  await Promise.all([app.ready, ensureWebBuild(app.logger)])
} catch (error) {
  if (!stopping) fail(error)
}
