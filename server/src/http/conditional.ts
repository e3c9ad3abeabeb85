/**
 * Conditional GET (RFC 9110 §13): `If-None-Match` (a list of entity tags or `*`, weak comparison)
 * and, only when there is none, `If-Modified-Since` against the representation's Last-Modified.
 */
import type { IncomingMessage } from 'node:http'
import { representationTag } from './encoding.ts'

/** The entity tags of an `If-None-Match` header (`*` as itself); commas inside quotes are kept. */
export function parseEntityTags(header: string): string[] {
  return header.match(/\*|(?:W\/)?"[^"]*"/g) ?? []
}

/**
 * Whether a GET or HEAD may be answered 304 Not Modified. `etag` is the identity tag of the
 * representation; a tag sent for any of its codings (`-br`, `-gz`) or as weak (`W/`) matches it.
 */
export function isNotModified(req: IncomingMessage, etag: string | undefined, lastModified: Date | undefined): boolean {
  const method = req.method ?? 'GET'
  if (method !== 'GET' && method !== 'HEAD') return false
  const match = req.headers['if-none-match']
  if (match !== undefined) {
    if (!etag) return match.trim() === '*'
    const own = representationTag(etag)
    return parseEntityTags(match).some((t) => t === '*' || representationTag(t) === own)
  }
  const since = req.headers['if-modified-since']
  if (since && lastModified) {
    const time = Date.parse(since)
    // HTTP dates have whole seconds.
    return !Number.isNaN(time) && Math.floor(lastModified.getTime() / 1000) * 1000 <= time
  }
  return false
}
