import { describe, expect, it } from 'vitest'
import { Busy, Gate } from './gate.ts'

describe('Gate (protects the database from a pile-up of expensive requests)', () => {
  it('runs at most `concurrency` at once, queues the next ones and refuses beyond the queue', async () => {
    const gate = new Gate(2, 1)
    let running = 0
    let peak = 0
    const releases: (() => void)[] = []
    const work = () =>
      gate.run(async () => {
        running++
        peak = Math.max(peak, running)
        await new Promise<void>((r) => releases.push(r))
        running--
        return 'done'
      })
    const a = work()
    const b = work()
    const c = work() // waits
    await expect(work()).rejects.toBeInstanceOf(Busy) // the queue (1) is full
    await new Promise((r) => setTimeout(r, 0))
    expect(running).toBe(2)
    releases.shift()!()
    await a
    await new Promise((r) => setTimeout(r, 0))
    expect(running).toBe(2) // c took a's place
    releases.shift()!()
    releases.shift()!()
    expect(await Promise.all([b, c])).toEqual(['done', 'done'])
    expect(peak).toBe(2)
    expect(gate.running).toBe(0)
  })
})
