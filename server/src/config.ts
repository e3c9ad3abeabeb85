/** Configuration from environment variables, checked once at start-up. */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ConfigError, type DatabaseOptions } from '../../db/connect.ts'

/** The repository root (paths in the defaults are relative to it, not to the working directory). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url))

export interface AppConfig {
  host: string
  port: number
  database: DatabaseOptions
  /** Folders of data packages to load on start-up, in order; the first one's county is the default. */
  packages: string[]
  /** County code used when a query names none; defaults to the first package's county. */
  defaultCounty?: string
  /** Folder of the built web app. */
  webRoot: string
  logLevel: string
}

/** Every variable, its default and meaning (the README's configuration table is written from this). */
export const ENVIRONMENT = {
  PORT: '4000: TCP port to listen on (0 picks a free one).',
  HOST: '127.0.0.1: address to listen on (0.0.0.0 for every interface).',
  DATABASE_URL: '(unset): a postgres:// URL of a PostgreSQL server with PostGIS; unset uses the embedded PGlite database.',
  DATA_DIR: './data/pgdata: folder of the embedded database (ignored with DATABASE_URL).',
  DATA_PACKAGES: 'db/data/xinzheng: comma-separated folders of data packages loaded on first start.',
  DEFAULT_COUNTY: '(the first package\'s county): county code used when a query names none.',
  LOG_LEVEL: 'info: pino log level (fatal, error, warn, info, debug, trace, silent).',
} as const

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = env.PORT === undefined || env.PORT === '' ? 4000 : Number(env.PORT)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT=${env.PORT} is not a port number: set PORT to a whole number from 0 to 65535.`)
  }
  const database: DatabaseOptions = env.DATABASE_URL
    ? { kind: 'postgres', url: checkUrl(env.DATABASE_URL) }
    : { kind: 'pglite', dataDir: path.resolve(ROOT, env.DATA_DIR || 'data/pgdata') }
  const packages = (env.DATA_PACKAGES || 'db/data/xinzheng')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => path.resolve(ROOT, p))
  return {
    host: env.HOST || '127.0.0.1',
    port,
    database,
    packages,
    defaultCounty: env.DEFAULT_COUNTY || undefined,
    webRoot: path.resolve(ROOT, 'web/dist'),
    logLevel: env.LOG_LEVEL || 'info',
  }
}

function checkUrl(url: string): string {
  let protocol: string
  try {
    protocol = new URL(url).protocol
  } catch {
    throw new ConfigError('DATABASE_URL is not a valid URL: write it as postgres://user:password@host:5432/database.')
  }
  if (protocol !== 'postgres:' && protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL uses ${protocol}// : write it as postgres://user:password@host:5432/database.`)
  }
  return url
}
