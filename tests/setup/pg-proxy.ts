/**
 * A TCP proxy between a server under test and PostgreSQL, so a test can take "the database" away
 * from its own connections only (other suites on the shared cluster are untouched):
 * - `down()` cuts every connection at once (as a crash or a network cut looks) and refuses new ones;
 * - `shutDown()` does what a PostgreSQL restart does to its clients: each session gets
 *   `FATAL 57P01 terminating connection due to administrator command` (at a message boundary, so
 *   a query in flight fails cleanly), its socket is closed, and new connections are refused;
 * - `up()` accepts connections again (on the same port when given it).
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net'

interface Session {
  client: Socket
  upstream: Socket
  /** Bytes still to come of the server's current message (0 at a boundary). */
  remaining: number
  /** The header of the server's next message, while it is split across chunks. */
  header: Buffer
  /** Set by shutDown(): end the session at the next message boundary. */
  ending: boolean
}

/** The ErrorResponse a backend sends when the server shuts down (or pg_terminate_backend is called). */
function adminShutdownMessage(): Buffer {
  const fields = ['SFATAL', 'VFATAL', 'C57P01', 'Mterminating connection due to administrator command'].map((f) => Buffer.from(`${f}\0`))
  const body = Buffer.concat([...fields, Buffer.from([0])])
  const header = Buffer.alloc(5)
  header.write('E', 0)
  header.writeInt32BE(body.length + 4, 1)
  return Buffer.concat([header, body])
}

export class PgProxy {
  #server: Server | undefined
  readonly #sessions = new Set<Session>()
  port = 0

  constructor(readonly target: { host: string; port: number }) {}

  /** Connections made through the proxy that are open now. */
  get open(): number {
    return this.#sessions.size
  }

  async up(port = this.port): Promise<number> {
    this.#server = createServer((client) => this.#accept(client))
    await new Promise<void>((resolve) => this.#server!.listen(port, '127.0.0.1', resolve))
    this.port = (this.#server.address() as { port: number }).port
    return this.port
  }

  /** Cuts every connection at once (no goodbye) and refuses new ones. */
  async down(): Promise<void> {
    for (const s of this.#sessions) this.#close(s)
    await this.#stopListening()
  }

  /** Ends every session as a PostgreSQL shutdown does (FATAL 57P01, then close) and refuses new ones. */
  async shutDown(): Promise<void> {
    const closing = this.#stopListening()
    for (const s of this.#sessions) {
      s.ending = true
      if (s.remaining === 0 && s.header.length === 0) this.#terminate(s)
    }
    await closing
  }

  #accept(client: Socket): void {
    const upstream = createConnection(this.target)
    const s: Session = { client, upstream, remaining: 0, header: Buffer.alloc(0), ending: false }
    this.#sessions.add(s)
    for (const socket of [client, upstream]) {
      socket.on('error', () => {})
      socket.on('close', () => this.#close(s))
    }
    client.pipe(upstream)
    upstream.on('data', (chunk: Buffer) => this.#forward(s, chunk))
  }

  /** Passes the server's bytes on, message by message, so a shutdown can cut at a boundary. */
  #forward(s: Session, chunk: Buffer): void {
    let offset = 0
    while (offset < chunk.length && !s.client.destroyed) {
      if (s.remaining > 0) {
        const n = Math.min(s.remaining, chunk.length - offset)
        s.client.write(chunk.subarray(offset, offset + n))
        s.remaining -= n
        offset += n
        continue
      }
      if (s.ending) return this.#terminate(s)
      // A message: one type byte and an int32 length that counts itself.
      const need = 5 - s.header.length
      const part = chunk.subarray(offset, offset + need)
      s.header = Buffer.concat([s.header, part])
      offset += part.length
      if (s.header.length === 5) {
        s.client.write(s.header)
        s.remaining = s.header.readInt32BE(1) - 4
        s.header = Buffer.alloc(0)
      }
    }
    if (s.ending && s.remaining === 0 && s.header.length === 0) this.#terminate(s)
  }

  #terminate(s: Session): void {
    if (s.client.destroyed) return
    s.upstream.destroy()
    s.client.end(adminShutdownMessage())
    this.#sessions.delete(s)
  }

  #close(s: Session): void {
    s.client.destroy()
    s.upstream.destroy()
    this.#sessions.delete(s)
  }

  async #stopListening(): Promise<void> {
    const server = this.#server
    this.#server = undefined
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()))
  }
}
