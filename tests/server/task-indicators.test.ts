/**
 * Tasks and the indicators they serve (task_indicator, resource task-indicators): loaded from the
 * bundled package with the basis of each link, served both ways through GraphQL in a fixed number of
 * statements, and an import naming an unknown task or indicator is refused with its row and column.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ImportError, importFile } from '../../db/import/import.ts'
import { startTestServer, type TestServer } from '../setup/server.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())

describe('Task.indicators and Indicator.tasks', () => {
  it("serve the plan's links with the words of the plan that make them", async () => {
    const res = await server.query(`{ tasks { code indicators { code } indicatorLinks { indicator { code } task { code } source } } }`)
    expect(res.errors).toBeUndefined()
    const tasks = res.data.tasks as {
      code: string
      indicators: { code: string }[]
      indicatorLinks: { indicator: { code: string }; task: { code: string }; source: string }[]
    }[]
    const byCode = new Map(tasks.map((t) => [t.code, t]))
    expect(byCode.get('4.2.2')!.indicators.map((i) => i.code)).toEqual([
      'new-ip-strong-enterprises',
      'ip-demonstration-enterprises',
      'high-tech-enterprises',
      'specialised-enterprises',
    ])
    expect(byCode.get('4.4.3')!.indicators.map((i) => i.code)).toEqual(['ip-pledge-financing', 'ip-pledge-loans', 'pledge-financing-enterprises'])
    const hiTech = byCode.get('4.2.2')!.indicatorLinks.find((l) => l.indicator.code === 'high-tech-enterprises')!
    expect(hiTech.task.code).toBe('4.2.2')
    expect(hiTech.source).toBe('四、重点工作（二）2：「实施高企培育行动计划，推动高新技术企业提档晋级」 · the task names high-tech enterprises')
    // A task the plan ties to no indicator has none (the page says 未关联指标), not an invented one.
    expect(byCode.get('4.1.1')!.indicators).toEqual([])
    expect(tasks.reduce((n, t) => n + t.indicatorLinks.length, 0)).toBe(19)
  })

  it('serve the tasks of an indicator in the plan order, and none where the plan names none', async () => {
    const res = await server.query(`{ indicators { code tasks { code } taskLinks { source } } }`)
    expect(res.errors).toBeUndefined()
    const byCode = new Map((res.data.indicators as { code: string; tasks: { code: string }[]; taskLinks: { source: string }[] }[]).map((i) => [i.code, i]))
    expect(byCode.get('awareness-training-sessions')!.tasks.map((t) => t.code)).toEqual(['4.5.2', '4.5.3'])
    expect(byCode.get('publicity-events')!.taskLinks[0].source).toMatch(/^四、重点工作（五）3：「每年开展全市性和乡镇专场知识产权宣传10-15场次」/)
    expect(byCode.get('pct-applications')!.tasks).toEqual([])
  })

  it('run a fixed number of statements for every task with its indicators and their tasks', async () => {
    server.app.memo.clear()
    const before = server.app.sqlStatements()
    const res = await server.query(`{ tasks { code indicators { code tasks { code indicators { code } } } } }`)
    expect(res.errors).toBeUndefined()
    // tasks, then one batch per level of links (task → indicators, indicator → tasks, task → indicators), not one per row.
    expect(server.app.sqlStatements() - before).toBeLessThanOrEqual(5)
  })
})

describe('importing task-indicators', () => {
  it('refuses an unknown task or indicator code, naming row and column, and writes nothing', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'task-indicators-')), 'task-indicators.csv')
    writeFileSync(
      file,
      ['task_code,indicator_code,source', '4.2.2,no-such-indicator,test', '9.9.9,high-tech-enterprises,test', '4.2.3,trademarks-in-force,test'].join('\n'),
    )
    const count = async () =>
      (
        await server.db
          .selectFrom('task_indicator')
          .select((e) => e.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n
    const before = await count()
    const error = (await importFile(server.db, { resource: 'task-indicators', file, county: '410184' }).catch((e: unknown) => e)) as ImportError
    expect(error).toBeInstanceOf(ImportError)
    expect(error.problems).toEqual([
      'task-indicators.csv line 2, column indicator_code: no indicator "no-such-indicator" in this county',
      'task-indicators.csv line 3, column task_code: no task "9.9.9" in this county',
    ])
    expect(await count()).toBe(before)
  })
})
