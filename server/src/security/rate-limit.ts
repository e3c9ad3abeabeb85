/**
 * Per-client rate limiting with a token bucket: `perMinute` requests a minute on average, bursts of
 * up to `burst`. Every limited response carries RateLimit-Limit / -Remaining / -Reset; a refused one
 * is 429 with Retry-After. The client is the socket's address, or the X-Forwarded-For entry added by
 * the last `trustedProxies` hops when the server runs behind trusted proxies.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

export interface RateLimitOptions {
  perMinute: number
  burst: number
  /** How many proxies in front of the server append to X-Forwarded-For (0: trust none). */
  trustedProxies: number
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { perMinute: 600, burst: 120, trustedProxies: 0 }

interface Bucket {
  tokens: number
  updated: number
}

export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>()
  readonly #perMs: number

  constructor(readonly options: RateLimitOptions = DEFAULT_RATE_LIMIT) {
    this.#perMs = options.perMinute / 60_000
  }

  /** The client's address as this server should see it. */
  clientOf(req: IncomingMessage): string {
    const socket = req.socket.remoteAddress ?? 'unknown'
    if (this.options.trustedProxies <= 0) return socket
    const chain = String(req.headers['x-forwarded-for'] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
    // The rightmost `trustedProxies` entries were written by our proxies; the one before them is the client.
    return chain[chain.length - this.options.trustedProxies] ?? chain[0] ?? socket
  }

  /** Takes one token for the request's client; answers 429 and returns false when none is left. */
  admit(req: IncomingMessage, res: ServerResponse, now = Date.now()): boolean {
    if (this.options.perMinute <= 0) return true
    const key = this.clientOf(req)
    let bucket = this.#buckets.get(key)
    if (!bucket) {
      bucket = { tokens: this.options.burst, updated: now }
      this.#buckets.set(key, bucket)
      if (this.#buckets.size > 100_000) this.#sweep(now)
    }
    bucket.tokens = Math.min(this.options.burst, bucket.tokens + (now - bucket.updated) * this.#perMs)
    bucket.updated = now
    const admitted = bucket.tokens >= 1
    if (admitted) bucket.tokens -= 1
    const secondsToFull = Math.ceil((this.options.burst - bucket.tokens) / this.#perMs / 1000)
    res.setHeader('ratelimit-limit', String(this.options.burst))
    res.setHeader('ratelimit-remaining', String(Math.floor(bucket.tokens)))
    res.setHeader('ratelimit-reset', String(secondsToFull))
    res.setHeader('ratelimit-policy', `${this.options.burst};w=${Math.round(this.options.burst / this.#perMs / 1000)}`)
    if (!admitted) {
      const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / this.#perMs / 1000))
      const body = JSON.stringify({
        errors: [
          { message: `Too many requests: at most ${this.options.perMinute} a minute; retry after ${retryAfter} s`, extensions: { code: 'RATE_LIMITED' } },
        ],
      })
      res.writeHead(429, { 'retry-after': String(retryAfter), 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
      res.end(body)
    }
    return admitted
  }

  /** Drops buckets that have refilled (their clients are back to a full burst). */
  #sweep(now: number): void {
    for (const [key, b] of this.#buckets) if (b.tokens + (now - b.updated) * this.#perMs >= this.options.burst) this.#buckets.delete(key)
  }
}
