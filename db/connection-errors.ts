/**
 * Which errors mean "the database cannot be reached right now" (a restart, a terminated session, a
 * network cut, a full server) rather than a bug: requests that meet one answer 503, and a driver
 * `error` event carrying one is logged, never fatal.
 */

/** SQLSTATEs of a lost or refused connection (besides the whole class 08, connection exception). */
const SQLSTATES = new Set([
  '57P01', // admin_shutdown: pg_terminate_backend, or a fast/smart shutdown
  '57P02', // crash_shutdown: another backend crashed, the server restarts
  '57P03', // cannot_connect_now: starting up, shutting down, in recovery
  '57P05', // idle_session_timeout
  '25P03', // idle_in_transaction_session_timeout (the session is closed)
  '53300', // too_many_connections
  '55000', // object_not_in_prerequisite_state (e.g. a standby that does not accept connections yet)
])

/** Node.js socket and DNS errors on the way to the database. */
const NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ERR_STREAM_DESTROYED',
  'ERR_SOCKET_CLOSED',
])

/** What the `pg` driver and pool say when a connection is lost or none can be had (they carry no code). */
const MESSAGES =
  /Connection terminated|Client has encountered a connection error and is not queryable|Client was closed and is not queryable|connection timeout|timeout exceeded when trying to connect|terminating connection|the database system is (starting up|shutting down|in recovery)|Cannot use a pool after calling end on the pool/i

/**
 * True when `error` (or what it wraps: `cause`, an AggregateError's `errors`) says the database
 * cannot be reached right now.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown }
  if (typeof e.code === 'string' && (e.code.startsWith('08') || SQLSTATES.has(e.code) || NODE_CODES.has(e.code))) return true
  if (typeof e.message === 'string' && MESSAGES.test(e.message)) return true
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true
  return e.cause !== undefined && isDatabaseUnavailable(e.cause, depth + 1)
}
