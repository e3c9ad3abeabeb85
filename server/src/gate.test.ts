import { describe, expect, it } from 'vitest'
import { Busy, ClientBusy, Gate } from './gate.ts'

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

describe('Gate per client (protects the other clients from one that sends many expensive requests)', () => {
  const hold = (gate: Gate, client: string, releases: (() => void)[]) => gate.run(() => new Promise<string>((r) => releases.push(() => r(client))), client)

  it('runs one operation per client at once, while another client proceeds', async () => {
    const gate = new Gate({ concurrency: 4, clientWaitMs: 1000 })
    const releases: (() => void)[] = []
    const first = hold(gate, 'attacker', releases)
    const second = hold(gate, 'attacker', releases) // waits for the attacker's own slot
    const neighbour = hold(gate, 'neighbour', releases)
    await new Promise((r) => setTimeout(r, 0))
    expect(gate.runningFor('attacker')).toBe(1)
    expect(gate.runningFor('neighbour')).toBe(1)
    expect(releases).toHaveLength(2) // the attacker's second has not started
    releases[1]() // the neighbour finishes first
    expect(await neighbour).toBe('neighbour')
    releases[0]()
    expect(await first).toBe('attacker')
    await new Promise((r) => setTimeout(r, 0))
    expect(releases).toHaveLength(3)
    releases[2]()
    expect(await second).toBe('attacker')
    expect(gate.running).toBe(0)
  })

  it("refuses a client's extra operation with RATE_LIMITED after waiting briefly, and at once past its queue", async () => {
    const gate = new Gate({ concurrency: 4, clientWaitMs: 50, clientQueue: 1 })
    const releases: (() => void)[] = []
    const first = hold(gate, 'a', releases)
    const waiting = hold(gate, 'a', releases)
    const t0 = Date.now()
    const refused = await hold(gate, 'a', releases).catch((e) => e)
    expect(refused).toBeInstanceOf(ClientBusy)
    expect(Date.now() - t0).toBeLessThan(40) // the client's queue (1) was full: refused at once
    const late = await waiting.catch((e) => e)
    expect(late).toBeInstanceOf(ClientBusy)
    expect(late.extensions.code).toBe('RATE_LIMITED')
    expect(late.retryAfterSeconds).toBeGreaterThanOrEqual(1)
    releases[0]()
    expect(await first).toBe('a')
    expect(gate.runningFor('a')).toBe(0)
    expect(gate.running).toBe(0)
  })
})
