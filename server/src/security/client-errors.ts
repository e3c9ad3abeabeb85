/** Telling a client's own doing (it aborted, or was cut off for being too slow) from a server fault. */
import type { IncomingMessage } from 'node:http'

const GONE_CODES = new Set(['ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE'])

/** Whether `error`, raised while answering `req`, only means that the client went away or timed out (HTTP 408). */
export function isClientGone(req: IncomingMessage, error: unknown): boolean {
  const e = error as { code?: string; message?: string } | undefined
  if (e?.code && GONE_CODES.has(e.code)) return true
  if (e?.message === 'aborted') return true
  // (Not req.destroyed: a request stream read to its end is destroyed too.)
  // A request whose socket was detached (after an upgrade, or by the server on a timeout) has no socket to ask.
  return req.socket?.destroyed ?? true
}
