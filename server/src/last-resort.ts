/**
 * The process's last resort against a database driver: an `error` event that nothing listens to
 * (db/connect.ts listens on every connection it makes, so this means a gap there), or a rejection
 * nothing handles, would end the process. A lost database connection is not the process's fault:
 * it is logged and the server keeps serving (the pool replaces the connection). Anything else
 * stays fatal, as Node.js would have it: printed, exit code 1.
 */
import type { Logger } from 'pino'
import { isDatabaseUnavailable } from '../../db/connection-errors.ts'

/** Installs the handler; `logger()` is the server's logger once there is one. */
export function keepServingOnDatabaseErrors(logger: () => Logger | undefined): void {
  process.on('uncaughtException', (error, origin) => {
    if (isDatabaseUnavailable(error)) {
      const log = logger()
      if (log) log.warn({ err: error, origin }, 'unhandled database connection error; still serving')
      else process.stderr.write(`unhandled database connection error; still serving: ${error.message}\n`)
      return
    }
    logger()?.fatal({ err: error, origin }, 'uncaught exception; exiting')
    process.stderr.write(`${origin === 'unhandledRejection' ? 'Unhandled rejection' : 'Uncaught exception'}: ${error?.stack ?? String(error)}\n`)
    process.exit(1)
  })
}
