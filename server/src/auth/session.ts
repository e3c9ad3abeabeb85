/**
 * Session ids and their CSRF tokens. A session id is 256 random bits (base64url) sent only in the
 * `HttpOnly` cookie; the database keeps its SHA-256. The CSRF token is an HMAC-free derivation,
 * SHA-256("csrf:" + id): bound to the session, and useless without the cookie, which scripts on other
 * sites cannot read.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** The cookie's name. */
export const SESSION_COOKIE = 'ipp_session'
/** The header a cookie-authenticated write must carry. */
export const CSRF_HEADER = 'x-csrf-token'
/** How long a session lasts after sign-in (12 hours). */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000

const SESSION_ID = /^[A-Za-z0-9_-]{43}$/

export function newSessionId(): string {
  return randomBytes(32).toString('base64url')
}

/** SHA-256 of a session id, hex (what the user_session row keeps). */
export function sessionIdHash(id: string): string {
  return createHash('sha256').update(id, 'utf8').digest('hex')
}

export function isSessionId(value: string | undefined): value is string {
  return !!value && SESSION_ID.test(value)
}

/** The CSRF token of a session. */
export function csrfTokenOf(sessionId: string): string {
  return createHash('sha256').update(`csrf:${sessionId}`, 'utf8').digest('base64url')
}

/** Whether `presented` is the session's CSRF token (constant time). */
export function csrfMatches(sessionId: string, presented: string | undefined): boolean {
  if (!presented) return false
  const a = Buffer.from(csrfTokenOf(sessionId))
  const b = Buffer.from(presented)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** The session cookie of a Cookie header, if it holds a well-formed one. */
export function sessionIdFromCookie(cookie: string | undefined): string | undefined {
  if (!cookie) return undefined
  for (const part of cookie.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    if (part.slice(0, eq).trim() === SESSION_COOKIE) {
      const value = part.slice(eq + 1).trim()
      return isSessionId(value) ? value : undefined
    }
  }
  return undefined
}

/** The Set-Cookie value that stores a session (or, with `undefined`, removes it). */
export function sessionCookie(id: string | undefined, options: { secure: boolean; maxAgeMs?: number }): string {
  const attributes = ['Path=/', 'HttpOnly', 'SameSite=Strict', ...(options.secure ? ['Secure'] : [])]
  if (id === undefined) return [`${SESSION_COOKIE}=`, 'Max-Age=0', ...attributes].join('; ')
  return [`${SESSION_COOKIE}=${id}`, `Max-Age=${Math.floor((options.maxAgeMs ?? SESSION_TTL_MS) / 1000)}`, ...attributes].join('; ')
}
