/** The benchmark scripts keep working: a short run of each (no speed asserted; figures are printed). */
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { backend } from './setup/database.ts'
import { ROOT } from './setup/templates.ts'

describe.runIf(backend === 'postgres')('benchmark smoke runs', () => {
  it('npm run bench completes every case with no errors', async () => {
    const out = path.join(ROOT, '.tmp/bench-smoke.md')
    await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'bench/bench.ts', '--duration', '2', '--warmup', '1', '--connections', '8', '--no-startup', '--out', out],
      {
        cwd: ROOT,
        env: process.env,
        timeout: 170_000,
        maxBuffer: 64 << 20,
      },
    )
    const report = readFileSync(out, 'utf8')
    for (const name of ['mapLayer(SERVICE_POINTS)', 'compareRegions', 'servicePoints page of 50', 'nearestServicePoints', 'PostGraphile']) {
      expect(report).toContain(name)
    }
    // Every row of our cases (the table with both limits) ends with its error count: all zero.
    const rows = report.split('\n').filter((l) => /^\| (mapLayer|compareRegions|servicePoints page|nearestServicePoints)/.test(l))
    expect(rows).toHaveLength(4)
    expect(rows.map((l) => Number(l.split('|').at(-2)))).toEqual([0, 0, 0, 0])
    // The three uncached cases are measured against the same SQL run by hand, and say whether the goal is met.
    expect(rows.filter((l) => /\| \d+ % \(goal ≥ 70 %\) (met|NOT met) \|/.test(l))).toHaveLength(3)
  }, 180_000)

  it('npm run bench:scale completes on a small synthetic dataset', async () => {
    const out = path.join(ROOT, '.tmp/bench-scale-smoke.md')
    await promisify(execFile)(process.execPath, ['--import', 'tsx', 'bench/scale.ts', '--points', '20000', '--samples', '20', '--out', out], {
      cwd: ROOT,
      env: process.env,
      timeout: 170_000,
      maxBuffer: 64 << 20,
    })
    const report = readFileSync(out, 'utf8')
    for (const name of ['bbox', 'nearest-10', 'points-in-region', 'tile']) expect(report).toContain(name)
  }, 180_000)
})
