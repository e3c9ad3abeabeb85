/**
 * A process for tests/server/last-resort.test.ts: an HTTP server behind the last resort of
 * `npm start`, printing its port. SIGUSR2 emits a driver-like 57P01 `error` event that nothing
 * listens to and rejects a promise with ECONNRESET that nothing handles; SIGWINCH throws a plain bug.
 */
import { EventEmitter } from 'node:events'
import { createServer } from 'node:http'
import { pino } from 'pino'
import { keepServingOnDatabaseErrors } from '../../server/src/last-resort.ts'

const logger = pino({ level: 'info' })
keepServingOnDatabaseErrors(() => logger)
const orphan = new EventEmitter()
process.on('SIGUSR2', () => {
  void Promise.reject(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))
  orphan.emit('error', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01', severity: 'FATAL' }))
})
process.on('SIGWINCH', () => {
  throw new TypeError('a plain bug')
})
const server = createServer((_, res) => res.end('still here'))
server.listen(0, '127.0.0.1', () => console.log(`port ${(server.address() as { port: number }).port}`))
