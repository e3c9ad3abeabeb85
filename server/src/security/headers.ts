/**
 * Security headers on every response: a Content-Security-Policy that MapLibre and GraphiQL work
 * under (scripts only from this server, workers from blob:, no inline scripts), nosniff, a
 * referrer policy, frame-ancestors, and HSTS when the server is reached over HTTPS.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

export interface HeaderOptions {
  /** CSP frame-ancestors, e.g. "'self'" (default) or "'none'" or "https://portal.example.gov.cn". */
  frameAncestors: string
  /** Extra origins the web map may load basemap tiles and styles from (from the basemap configuration). */
  extraOrigins: string[]
  /** Strict-Transport-Security max-age in seconds when the request came over HTTPS; 0 disables it. */
  hstsMaxAge: number
  /** Whether X-Forwarded-Proto from a trusted proxy says the request came over HTTPS. */
  trustProxy: boolean
}

export const DEFAULT_HEADERS: HeaderOptions = { frameAncestors: "'self'", extraOrigins: [], hstsMaxAge: 15_552_000, trustProxy: false }

export function contentSecurityPolicy(options: HeaderOptions): string {
  const extra = options.extraOrigins.join(' ')
  return [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self' blob:",
    "child-src 'self' blob:",
    // Inline style attributes and <style> blocks (MapLibre and GraphiQL set styles from script).
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${extra}`.trim(),
    `connect-src 'self' ${extra}`.trim(),
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${options.frameAncestors}`,
  ].join('; ')
}

export function setSecurityHeaders(req: IncomingMessage, res: ServerResponse, options: HeaderOptions, csp: string): void {
  res.setHeader('content-security-policy', csp)
  res.setHeader('x-content-type-options', 'nosniff')
  res.setHeader('referrer-policy', 'strict-origin-when-cross-origin')
  res.setHeader('cross-origin-opener-policy', 'same-origin')
  const https =
    (req.socket as { encrypted?: boolean }).encrypted ||
    (options.trustProxy &&
      String(req.headers['x-forwarded-proto'] ?? '')
        .split(',')[0]
        .trim() === 'https')
  if (https && options.hstsMaxAge > 0) res.setHeader('strict-transport-security', `max-age=${options.hstsMaxAge}; includeSubDomains`)
}
