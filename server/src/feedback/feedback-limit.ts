/**
 * How often one client may send feedback, beyond the general rate limit: `count` in any `windowMs`
 * (a sliding window over the times of its accepted sends). The client is the address the general
 * limiter sees (`ctx.client`: the socket's, or the one trusted proxies name). Refusals are
 * RATE_LIMITED with HTTP 429 and Retry-After. Kept in memory, one per server (keyed by its memo).
 */
import { HeaderMap } from '@apollo/server'
import { GraphQLError } from 'graphql'

export interface FeedbackLimit {
  count: number
  windowMs: number
}

/** At most 5 pieces of feedback per client in 10 minutes. */
export const FEEDBACK_LIMIT: FeedbackLimit = { count: 5, windowMs: 10 * 60_000 }

export class FeedbackLimiter {
  readonly #sent = new Map<string, number[]>()

  constructor(readonly limit: FeedbackLimit = FEEDBACK_LIMIT) {}

  /** Recent send times of the client, the expired ones dropped. */
  #recent(client: string, now: number): number[] {
    const times = (this.#sent.get(client) ?? []).filter((t) => t > now - this.limit.windowMs)
    if (times.length) this.#sent.set(client, times)
    else this.#sent.delete(client)
    return times
  }

  /** Throws RATE_LIMITED (429, Retry-After) when the client has used up its window; otherwise returns how many sends remain before this one. */
  check(client: string, now = Date.now()): number {
    const times = this.#recent(client, now)
    if (times.length >= this.limit.count) {
      const retryAfter = Math.max(1, Math.ceil((times[0] + this.limit.windowMs - now) / 1000))
      const minutes = Math.round(this.limit.windowMs / 60_000)
      throw new GraphQLError(
        `反馈过于频繁，请 ${retryAfter} 秒后再试 · Too much feedback: at most ${this.limit.count} in ${minutes} minutes from one address; retry after ${retryAfter} s`,
        { extensions: { code: 'RATE_LIMITED', retryAfter, http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfter)]]) } } },
      )
    }
    return this.limit.count - times.length
  }

  /** Counts an accepted send. */
  record(client: string, now = Date.now()): void {
    const times = this.#recent(client, now)
    times.push(now)
    this.#sent.set(client, times)
    if (this.#sent.size > 100_000) for (const key of [...this.#sent.keys()]) this.#recent(key, now)
  }
}

const limiters = new WeakMap<object, FeedbackLimiter>()

/** The limiter of the server that `owner` (its memo) belongs to. */
export function feedbackLimiterOf(owner: object): FeedbackLimiter {
  let limiter = limiters.get(owner)
  if (!limiter) limiters.set(owner, (limiter = new FeedbackLimiter()))
  return limiter
}
