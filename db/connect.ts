/**
 * The one Kysely instance, built from configuration: embedded PGlite with PostGIS
 * (data in a folder) by default, or a PostgreSQL server with PostGIS when a URL is given.
 */
import { accessSync, constants, mkdirSync } from 'node:fs'
import path from 'node:path'
import { Kysely, PostgresDialect, sql, type LogEvent } from 'kysely'
import pg from 'pg'
import { acquireDataDirLock, DataDirLockedError } from './data-dir-lock.ts'
import type { Database } from './database.ts'
import { PGliteDialect } from './pglite-dialect.ts'
import { postgisExtension } from './postgis-bundle.ts'

/** A problem with the configuration: its message is one sentence naming the problem and the fix. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

export type DatabaseOptions =
  | { kind: 'pglite'; dataDir: string; statementTimeoutMs?: number }
  | { kind: 'pglite'; loadDataDir: Blob; statementTimeoutMs?: number }
  | { kind: 'postgres'; url: string; poolSize?: number; statementTimeoutMs?: number }

export interface OpenDatabase {
  db: Kysely<Database>
  kind: 'pglite' | 'postgres'
  /** Where the data lives, safe to log (no password). */
  describe: string
  /** The PGlite instance, when embedded (tests dump it as a template). */
  pglite?: import('@electric-sql/pglite').PGlite
  /**
   * Calls `onMessage` for every NOTIFY on `channel` (from any connection, including other processes
   * on PostgreSQL). Returns a function that stops listening. On PostgreSQL the listening connection
   * reconnects by itself (back-off 100 ms doubling to 2 s) whenever it is lost (a restart,
   * pg_terminate_backend, a network cut), and calls `onMessage('')` once then: notifications may
   * have been missed meanwhile.
   */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>
}

/** `postgres://user:secret@host:5432/db` → `host:5432/db`: never log or show a password. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url)
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`
  } catch {
    return '(unparseable DATABASE_URL)'
  }
}

/** A statement as Kysely ran it. */
export interface Statement {
  sql: string
  parameters: readonly unknown[]
}

export interface OpenOptions {
  /** Called for every SQL statement run (and every failed one), with its text and parameters: the server counts them. */
  onStatement?: (statement: Statement) => void
  /** Who opens an embedded data folder (`server`, `importer`, …): named in the lock file others see. */
  holder?: string
  /**
   * Called when a PostgreSQL connection is lost (pooled, idle or checked out, or the LISTEN one),
   * e.g. `57P01` from pg_terminate_backend: the pool replaces it, the server only logs it.
   */
  onConnectionError?: (error: Error, which: 'pool' | 'listen') => void
}

/** Opens the database (and checks it can hold our data) or throws a {@link ConfigError}. */
export async function openDatabase(options: DatabaseOptions, open: OpenOptions = {}): Promise<OpenDatabase> {
  const log = open.onStatement ? (event: LogEvent) => open.onStatement!({ sql: event.query.sql, parameters: event.query.parameters }) : undefined
  return options.kind === 'postgres' ? openPostgres(options, log, open.onConnectionError) : openPGlite(options, log, open.holder ?? 'server')
}

async function openPGlite(
  options: ({ dataDir: string } | { loadDataDir: Blob }) & { statementTimeoutMs?: number },
  log?: (event: LogEvent) => void,
  holder = 'server',
): Promise<OpenDatabase> {
  const { PGlite } = await import('@electric-sql/pglite')
  const postgis = await postgisExtension()
  let describe = 'embedded PGlite (in memory)'
  let pglite
  let release: (() => void) | undefined
  if ('dataDir' in options) {
    const dir = path.resolve(options.dataDir)
    ensureWritableDir(dir)
    describe = `embedded PGlite in ${dir}`
    try {
      release = acquireDataDirLock(dir, holder)
    } catch (error) {
      throw error instanceof DataDirLockedError ? new ConfigError(error.message) : error
    }
    try {
      pglite = await PGlite.create({ dataDir: dir, extensions: { postgis } })
    } catch (error) {
      release()
      throw new ConfigError(
        `The embedded database in DATA_DIR ${dir} could not be opened (${errorText(error)}): ` +
          'move that folder aside (or set DATA_DIR to an empty folder) and start again to rebuild it.',
      )
    }
  } else {
    pglite = await PGlite.create({ loadDataDir: options.loadDataDir, extensions: { postgis } })
  }
  // statement_timeout is not enforced by PGlite (WebAssembly has no timer signals): it applies on PostgreSQL only.
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite, onDestroy: release }), log })
  const listen = async (channel: string, onMessage: (payload: string) => void) => {
    const unlisten = await pglite.listen(channel, onMessage)
    return async () => {
      if (!pglite.closed) await unlisten()
    }
  }
  return { db, kind: 'pglite', describe, pglite, listen }
}

function ensureWritableDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true })
    accessSync(dir, constants.W_OK | constants.R_OK)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    throw new ConfigError(`DATA_DIR ${dir} is not a writable folder (${code}): set DATA_DIR to a folder this user can write, or fix its permissions.`)
  }
}

async function openPostgres(
  options: { url: string; poolSize?: number; statementTimeoutMs?: number },
  log?: (event: LogEvent) => void,
  onConnectionError: (error: Error, which: 'pool' | 'listen') => void = () => {},
): Promise<OpenDatabase> {
  const where = describeUrl(options.url)
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5000,
    statement_timeout: options.statementTimeoutMs ?? 15000,
  })
  // A client losing its server must not crash the process. The pool listens on idle clients only
  // (and drops them); a checked-out one would emit 'error' with no listener when its session is
  // terminated between two queries. Its query fails (503), and on release the pool drops it too.
  pool.on('error', () => {})
  pool.on('connect', (client) => {
    client.on('error', (error) => onConnectionError(error, 'pool'))
  })
  let version: number
  try {
    const result = await pool.query<{ v: string; postgis: string | null }>(
      `select current_setting('server_version_num') as v,
              (select default_version from pg_available_extensions where name = 'postgis') as postgis`,
    )
    version = Math.floor(Number(result.rows[0].v) / 10000)
    if (!result.rows[0].postgis) {
      await pool.end()
      throw new ConfigError(
        `PostgreSQL ${version} at ${where} has no PostGIS extension available: install it on the database server ` +
          `(Debian/Ubuntu: apt-get install postgresql-${version}-postgis-3) and start again.`,
      )
    }
  } catch (error) {
    if (error instanceof ConfigError) throw error
    await pool.end().catch(() => {})
    throw new ConfigError(
      `Cannot connect to PostgreSQL at ${where} (DATABASE_URL): ${errorText(error)}; ` +
        'start the server or correct DATABASE_URL (unset it to use the embedded database).',
    )
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log })
  const listen = (channel: string, onMessage: (payload: string) => void) =>
    listenOnPostgres(options.url, channel, onMessage, (error) => onConnectionError(error, 'listen'))
  return { db, kind: 'postgres', describe: `PostgreSQL ${version} at ${where}`, listen }
}

/** A dedicated connection that LISTENs, reconnecting (with back-off) whenever it is lost. */
async function listenOnPostgres(
  url: string,
  channel: string,
  onMessage: (payload: string) => void,
  onError: (error: Error) => void,
): Promise<() => Promise<void>> {
  const FIRST_DELAY_MS = 100
  const MAX_DELAY_MS = 2000
  let stopped = false
  let client: pg.Client | undefined
  let delay = FIRST_DELAY_MS
  let timer: NodeJS.Timeout | undefined
  const schedule = () => {
    if (stopped || timer) return
    timer = setTimeout(() => {
      timer = undefined
      void retry()
    }, delay)
    delay = Math.min(delay * 2, MAX_DELAY_MS)
  }
  const connect = async (reconnecting: boolean): Promise<void> => {
    const c = new pg.Client({ connectionString: url })
    c.on('error', (error) => {
      onError(error)
      // 'end' normally follows; a client that errs without ending is ended here, which emits it.
      if (client === c) void c.end().catch(() => {})
    })
    c.on('notification', (n) => {
      if (n.channel === channel) onMessage(n.payload ?? '')
    })
    c.on('end', () => {
      if (client !== c) return
      client = undefined
      schedule()
    })
    try {
      await c.connect()
      await c.query(`listen ${channel.replace(/[^a-z0-9_]/gi, '')}`)
    } catch (error) {
      await c.end().catch(() => {})
      throw error
    }
    if (stopped) return void (await c.end().catch(() => {}))
    client = c
    delay = FIRST_DELAY_MS
    if (reconnecting) onMessage('')
  }
  const retry = async () => {
    if (stopped) return
    try {
      await connect(true)
    } catch (error) {
      onError(error as Error)
      schedule()
    }
  }
  await connect(false)
  return async () => {
    stopped = true
    clearTimeout(timer)
    const c = client
    client = undefined
    await c?.end().catch(() => {})
  }
}

function errorText(error: unknown): string {
  const e = error as { code?: string; message?: string }
  const message = (e.message ?? String(error)).split('\n')[0]
  return e.code && !message.includes(e.code) ? `${e.code}: ${message}` : message
}

/** True when the database answers a trivial query. */
export async function isReachable(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db)
    return true
  } catch {
    return false
  }
}
