/**
 * Indicator.related: the plan's rows that measure the same thing on a different basis are separate series,
 * each listing the other with a note in both languages and its source; batched (no query per indicator).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../setup/server.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())

const RELATED = `related { indicator { code nameZh planTableRow planAnnexRow baseline { year value } milestones { year value } } kind note noteZh source }`

interface Related {
  indicator: { code: string; nameZh: string; planTableRow: number | null; planAnnexRow: number | null }
  kind: string
  note: string
  noteZh: string
  source: string
}

async function relatedOf(code: string): Promise<Related[]> {
  const res = await server.query(`query ($code: ID!) { indicator(code: $code) { code ${RELATED} } }`, { code })
  expect(res.errors).toBeUndefined()
  return (res.data as { indicator: { related: Related[] } }).indicator.related
}

describe('related series', () => {
  it("link the indicator table's row 5 and the annex's row 8 both ways, noting that the annex's 2024 figure is below the table's 2023 one", async () => {
    const fromTable = await relatedOf('ip-pledge-financing')
    const fromAnnex = await relatedOf('ip-pledge-loans')
    expect(fromTable.map((r) => [r.indicator.code, r.indicator.planAnnexRow, r.kind])).toEqual([['ip-pledge-loans', 8, 'SAME_MEASURE_DIFFERENT_BASIS']])
    expect(fromAnnex.map((r) => [r.indicator.code, r.indicator.planTableRow, r.kind])).toEqual([['ip-pledge-financing', 5, 'SAME_MEASURE_DIFFERENT_BASIS']])
    // One relation, read from either side: the same note and source.
    expect(fromAnnex[0]).toMatchObject({ note: fromTable[0].note, noteZh: fromTable[0].noteZh, source: fromTable[0].source })
    expect(fromTable[0].note).toContain('0.5亿')
    expect(fromTable[0].note).toContain('5750万')
    expect(fromTable[0].noteZh).toContain('不可能是同一个累计序列')
    expect(fromTable[0].source).toContain('2026年知识产权发展指标 row 5')
    expect(fromTable[0].source).toContain('附件2 row 8')
  })

  it("link the indicator table's row 3 and the annex's row 2 (PCT), each keeping its own figures", async () => {
    const res = await server.query(`{ indicator(code: "pct-applications") { baseline { year value } ${RELATED} } }`)
    expect(res.errors).toBeUndefined()
    const data = res.data as {
      indicator: { baseline: { year: number; value: number }; related: (Related & { indicator: { milestones: { year: number; value: number }[] } })[] }
    }
    expect(data.indicator.baseline).toEqual({ year: 2023, value: 5 })
    const [pct] = data.indicator.related
    expect(pct.indicator).toMatchObject({ code: 'pct-applications-cumulative', nameZh: 'PCT累计申请量', planAnnexRow: 2 })
    expect(pct.indicator.milestones).toEqual([
      { year: 2024, value: 5 },
      { year: 2025, value: 10 },
      { year: 2026, value: 15 },
    ])
    expect(pct.noteZh).toContain('PCT累计申请量')
    expect(pct.note).toContain('cumulative')
    expect(pct.source).toBe('2026年知识产权发展指标 row 3; 附件2 row 2')
    expect((await relatedOf('pct-applications-cumulative')).map((r) => r.indicator.code)).toEqual(['pct-applications'])
  })

  it('is empty for an indicator without a related series', async () => {
    expect(await relatedOf('invention-patents-in-force')).toEqual([])
  })

  it('asks the database once for every indicator of a list, not once per indicator', async () => {
    server.app.memo.clear()
    const before = server.app.sqlStatements()
    const res = await server.query(`{ indicators { code related { indicator { code } } } }`)
    const statements = server.app.sqlStatements() - before
    expect(res.errors).toBeUndefined()
    const indicators = (res.data as { indicators: { code: string; related: { indicator: { code: string } }[] }[] }).indicators
    expect(indicators.filter((i) => i.related.length).map((i) => i.code)).toEqual([
      'pct-applications',
      'pct-applications-cumulative',
      'ip-pledge-financing',
      'ip-pledge-loans',
    ])
    // The indicators, then the relations of all of them (and whatever the request's own set-up asks: at most the county).
    server.app.memo.clear()
    const listOnly = server.app.sqlStatements()
    await server.query(`{ indicators { code } }`)
    expect(statements - (server.app.sqlStatements() - listOnly)).toBe(1)
  })
})
