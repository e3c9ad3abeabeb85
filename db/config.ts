/** The database settings from environment variables (DATABASE_URL, DATA_DIR, STATEMENT_TIMEOUT_MS, DATA_PACKAGES, DEFAULT_COUNTY), shared by the server and the db/ commands. */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ConfigError, type DatabaseOptions } from './connect.ts'

/** The repository root (paths in the defaults are relative to it, not to the working directory). */
export const ROOT = fileURLToPath(new URL('../', import.meta.url))

/** What a command needs to open the database and know its counties. */
export interface DatabaseConfig {
  database: DatabaseOptions
  /** Folders of data packages to load on start-up, in order; the first one's county is the default. */
  packages: string[]
  /** County code used when a query names none; defaults to the first package's county. */
  defaultCounty?: string
}

/** Reads the database settings; throws a {@link ConfigError} naming the variable that is wrong. */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const statementTimeoutMs = wholeFromEnv(env, 'STATEMENT_TIMEOUT_MS', 15_000)
  const database: DatabaseOptions = env.DATABASE_URL
    ? { kind: 'postgres', url: checkUrl(env.DATABASE_URL), statementTimeoutMs }
    : { kind: 'pglite', dataDir: path.resolve(ROOT, env.DATA_DIR || 'data/pgdata'), statementTimeoutMs }
  const packages = (env.DATA_PACKAGES || 'db/data/xinzheng')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => path.resolve(ROOT, p))
  return { database, packages, defaultCounty: env.DEFAULT_COUNTY || undefined }
}

/** A whole number ≥ 0 from the variable `name`, or `fallback` when it is unset or empty; anything else is a {@link ConfigError}. */
export function wholeFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name]
  if (text === undefined || text === '') return fallback
  const value = Number(text)
  if (!Number.isInteger(value) || value < 0)
    throw new ConfigError(`${name}=${text} is not a whole number: set ${name} to a whole number (default ${fallback}).`)
  return value
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
