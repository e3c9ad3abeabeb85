/** Remembers what a part of the page was last drawn from, so it is drawn again only when that changes. */
export class Memo {
  private last: unknown[] | undefined

  /** Whether any of the inputs differs (by identity) from the last call's; remembers these. */
  changed(...parts: unknown[]): boolean {
    const same = this.last !== undefined && this.last.length === parts.length && parts.every((p, i) => Object.is(p, this.last![i]))
    this.last = parts
    return !same
  }

  /** Forgets the inputs: the next call says changed. */
  reset(): void {
    this.last = undefined
  }
}
