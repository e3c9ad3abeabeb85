/**
 * Sources in both languages over GraphQL: `source` as written (locators in English) and `sourceZh`
 * its Chinese version, for an indicator, its values, its related series and its task links, a town's
 * population source, and null where the source is Chinese already. Expected values are read from the
 * seeded database, not written twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../setup/server.ts'

const QUERY = /* GraphQL */ `
  {
    indicator(code: "ip-pledge-loans") {
      source
      sourceZh
      milestones {
        year
        source
        sourceZh
      }
      related {
        source
        sourceZh
      }
      taskLinks {
        source
        sourceZh
      }
    }
    region(code: "410184103") {
      populationSource
      populationSourceZh
      seatSource
      seatSourceZh
      source
      sourceZh
      names {
        source
        sourceZh
      }
    }
    tasks {
      code
      source
      sourceZh
    }
  }
`

describe('sources in both languages, over GraphQL', () => {
  let server: TestServer
  let data: any

  beforeAll(async () => {
    server = await startTestServer()
    const response = await server.query(QUERY)
    expect(response.errors).toBeUndefined()
    data = response.data
  })
  afterAll(() => server.close())

  it("serves an indicator's source as written and in Chinese", async () => {
    const row = await server.db.selectFrom('indicator').select(['source', 'source_zh']).where('code', '=', 'ip-pledge-loans').executeTakeFirstOrThrow()
    expect(data.indicator.source).toBe(row.source)
    expect(data.indicator.source).toMatch(/附件2 row 8/)
    expect(data.indicator.sourceZh).toBe(row.source_zh)
    expect(data.indicator.sourceZh).toMatch(/^附件2第8行/)
  })

  it("serves each of its values' sources in both languages", () => {
    expect(data.indicator.milestones.map((m: any) => [m.year, m.source, m.sourceZh])).toEqual([
      [2024, '附件2 row 8 (2024年: 0.5亿)', '附件2第8行（2024年：0.5亿）'],
      [2025, '附件2 row 8 (2025年: 0.8亿)', '附件2第8行（2025年：0.8亿）'],
      [2026, '附件2 row 8 (2026年: 1亿)', '附件2第8行（2026年：1亿）'],
    ])
  })

  it('serves the related series and the task links with their Chinese sources, without English words', () => {
    const links = [...data.indicator.related, ...data.indicator.taskLinks]
    expect(links.length).toBeGreaterThan(1)
    for (const l of links) {
      expect(l.sourceZh).toEqual(expect.any(String))
      expect(l.sourceZh).not.toMatch(/\b(row|the|task|names)\b/)
    }
  })

  it("serves a town's population, seat and record sources in Chinese, null where the source is Chinese already", () => {
    const r = data.region
    expect([r.populationSource, r.populationSourceZh]).toEqual(['gb1.cn/address_info/410184103 (secondary)', 'gb1.cn/address_info/410184103（二手来源）'])
    expect(r.seatSource).toMatch(/\(estimated\)/)
    expect(r.seatSourceZh).toBe('reference/xinzheng-seats.csv（估算）')
    expect(r.sourceZh).toMatch(/^国家统计局/)
    const chineseTasks = data.tasks.filter((t: any) => !/[a-z]{3,}/i.test(t.source))
    expect(chineseTasks.length).toBeGreaterThan(0)
    expect(chineseTasks.every((t: any) => t.sourceZh === null)).toBe(true)
    const labelled = data.tasks.filter((t: any) => /the document/.test(t.source))
    expect(labelled.length).toBe(8)
    expect(labelled.every((t: any) => t.sourceZh?.includes('原文'))).toBe(true)
  })
})
