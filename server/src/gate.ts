/**
 * A cap on expensive operations running at once (map layers, comparisons, tiles): at most
 * `concurrency` run, up to `queue` more wait their turn, and beyond that a request is refused
 * at once with SERVICE_UNAVAILABLE rather than piling up.
 */
import { GraphQLError } from 'graphql'

export class Busy extends GraphQLError {
  constructor() {
    super('The server is busy with other expensive requests: retry in a moment', { extensions: { code: 'SERVICE_UNAVAILABLE' } })
  }
}

export class Gate {
  #running = 0
  readonly #waiting: (() => void)[] = []

  constructor(
    readonly concurrency = 4,
    readonly queue = 64,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#running >= this.concurrency) {
      if (this.#waiting.length >= this.queue) throw new Busy()
      await new Promise<void>((resolve) => this.#waiting.push(resolve))
    } else {
      this.#running++
    }
    try {
      return await work()
    } finally {
      const next = this.#waiting.shift()
      if (next) next()
      else this.#running--
    }
  }

  get running(): number {
    return this.#running
  }
}
