/**
 * A cap on expensive operations running at once (map layers, comparisons, tiles, requests whose
 * estimated database time is high), fair between clients: at most `concurrency` run in all and at
 * most `perClient` for any one client. A client's extra operations wait up to `clientWaitMs` for
 * its own slot and are then refused with RATE_LIMITED (HTTP 429, Retry-After), so one client never
 * holds the whole gate while others proceed. Up to `queue` operations wait for a shared slot;
 * beyond that one is refused at once with SERVICE_UNAVAILABLE rather than piling up.
 */
import { GraphQLError } from 'graphql'

export class Busy extends GraphQLError {
  constructor() {
    super('The server is busy with other expensive requests: retry in a moment', { extensions: { code: 'SERVICE_UNAVAILABLE' } })
  }
}

/** One client asked for more expensive work at once than it may: it should retry after `retryAfterSeconds`. */
export class ClientBusy extends GraphQLError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      `请稍后再试：您的另一个高开销请求仍在运行 · Another expensive request of yours is still running: send them one at a time (retry after ${retryAfterSeconds} s)`,
      { extensions: { code: 'RATE_LIMITED', retryAfter: retryAfterSeconds } },
    )
  }
}

export interface GateOptions {
  /** Expensive operations running at once, for all clients (default 4). */
  concurrency?: number
  /** Operations waiting for a shared slot before new ones are refused with Busy (default 64). */
  queue?: number
  /** Expensive operations one client may run at once (default 1). */
  perClient?: number
  /** How long a client's extra operation waits for that client's slot before ClientBusy, in ms (default 3000). */
  clientWaitMs?: number
  /** A client's operations waiting for its slot; one more is refused at once with ClientBusy (default 8). */
  clientQueue?: number
}

interface Waiter {
  resolve(): void
  reject(error: Error): void
  timer?: NodeJS.Timeout
}

interface ClientState {
  running: number
  waiting: Waiter[]
}

/** Clients are named by a string (their address); operations without a client (internal work) have no per-client limit. */
export class Gate {
  readonly concurrency: number
  readonly queue: number
  readonly perClient: number
  readonly clientWaitMs: number
  readonly clientQueue: number
  #running = 0
  readonly #waiting: (() => void)[] = []
  readonly #clients = new Map<string, ClientState>()

  constructor(concurrencyOrOptions: number | GateOptions = {}, queue = 64) {
    const o = typeof concurrencyOrOptions === 'number' ? { concurrency: concurrencyOrOptions, queue } : concurrencyOrOptions
    this.concurrency = o.concurrency ?? 4
    this.queue = o.queue ?? 64
    this.perClient = o.perClient ?? 1
    this.clientWaitMs = o.clientWaitMs ?? 3000
    this.clientQueue = o.clientQueue ?? 8
  }

  /** Runs `work` once a slot of `client` and a shared slot are free. */
  async run<T>(work: () => Promise<T>, client?: string): Promise<T> {
    const release = await this.acquire(client)
    try {
      return await work()
    } finally {
      release()
    }
  }

  /** Takes a slot of `client` and a shared slot; the returned function gives them back (once). */
  async acquire(client?: string): Promise<() => void> {
    await this.#takeClientSlot(client)
    try {
      await this.#takeSharedSlot()
    } catch (error) {
      this.#releaseClientSlot(client)
      throw error
    }
    let released = false
    return () => {
      if (released) return
      released = true
      this.#releaseSharedSlot()
      this.#releaseClientSlot(client)
    }
  }

  async #takeClientSlot(client: string | undefined): Promise<void> {
    if (client === undefined) return
    let state = this.#clients.get(client)
    if (!state) this.#clients.set(client, (state = { running: 0, waiting: [] }))
    if (state.running < this.perClient) {
      state.running++
      return
    }
    const retryAfter = Math.max(1, Math.ceil(this.clientWaitMs / 1000))
    if (state.waiting.length >= this.clientQueue) throw new ClientBusy(retryAfter)
    const s = state
    await new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject }
      waiter.timer = setTimeout(() => {
        const i = s.waiting.indexOf(waiter)
        if (i >= 0) s.waiting.splice(i, 1)
        reject(new ClientBusy(retryAfter))
      }, this.clientWaitMs)
      s.waiting.push(waiter)
    })
  }

  #releaseClientSlot(client: string | undefined): void {
    if (client === undefined) return
    const state = this.#clients.get(client)
    if (!state) return
    const next = state.waiting.shift()
    if (next) {
      clearTimeout(next.timer)
      next.resolve()
      return
    }
    state.running--
    if (state.running <= 0) this.#clients.delete(client)
  }

  async #takeSharedSlot(): Promise<void> {
    if (this.#running < this.concurrency) {
      this.#running++
      return
    }
    if (this.#waiting.length >= this.queue) throw new Busy()
    await new Promise<void>((resolve) => this.#waiting.push(resolve))
  }

  #releaseSharedSlot(): void {
    const next = this.#waiting.shift()
    if (next) next()
    else this.#running--
  }

  get running(): number {
    return this.#running
  }

  /** Operations of `client` running now. */
  runningFor(client: string): number {
    return this.#clients.get(client)?.running ?? 0
  }
}
