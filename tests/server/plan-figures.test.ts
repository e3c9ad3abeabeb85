/**
 * Every figure of the plan is served as written, in base units: the 2026 indicator table,
 * the timeline annex (rows 1–5 and 7–11; the plan has no row 6) and the targets in the prose.
 * The expected figures below are transcribed from the plan (../shared/source/work-plan.zh.txt);
 * the last test re-reads the plan's two tables to check this transcription itself.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../setup/server.ts'
import { ROOT } from '../setup/templates.ts'

const 万 = 10_000
const 亿 = 100_000_000

/** 2026年知识产权发展指标: row, name as written, 2023, 2026, 属性. */
const INDICATOR_TABLE = [
  { row: 1, name: '有效发明专利拥有量（件）', baseline: 1775, target: 2000, nature: 'EXPECTED' },
  { row: 2, name: '每万人口高价值发明专利拥有量（件）', baseline: 3.29, target: 3.5, nature: 'EXPECTED' },
  { row: 3, name: 'PCT国际专利申请量（件）', baseline: 5, target: 15, nature: 'EXPECTED' },
  { row: 4, name: '商标有效注册量（件）', baseline: 31453, target: 35000, nature: 'EXPECTED' },
  { row: 5, name: '专利质押融资登记累计金额（元）', baseline: 5750 * 万, target: 1 * 亿, nature: 'EXPECTED' },
] as const

/** 附件2: 序号, name as written, 2024, 2025, 2026 (base units). */
const ANNEX = [
  { row: 1, name: '有效发明专利拥有量（件）', values: [1800, 1900, 2000] },
  { row: 2, name: 'PCT累计申请量（件）', values: [5, 10, 15] },
  { row: 3, name: '万人高价值发明专利拥有量（件）', values: [3.29, 3.4, 3.5] },
  { row: 4, name: '新增国家优势、示范和省知识产权强企（家）', values: [2, 3, 3] },
  { row: 5, name: '省级高价值专利培育中心', values: [0, 0, 1] },
  { row: 7, name: '全市有效商标注册量累计（件）', values: [33000, 34000, 35000] },
  { row: 8, name: '知识产权质押融资贷款额（亿）', values: [0.5 * 亿, 0.8 * 亿, 1 * 亿] },
  { row: 9, name: '年知识产权质押融资企业（个）', values: [2, 3, 4] },
  { row: 10, name: '完成企业专利微导航等项目（个）', values: [2, 2, 2] },
  { row: 11, name: '知识产权经费（万元）', values: [100 * 万, 150 * 万, 200 * 万] },
] as const

/** Targets written in the prose (三、工作目标 and 四), with the words that carry them. */
const PROSE_TARGETS = [
  { words: '有效发明专利拥有量达到2000件', code: 'invention-patents-in-force', value: 2000, comparator: 'EXACT' },
  { words: '万人高价值发明专利拥有量达到3.5件', code: 'high-value-invention-patents-per-10k', value: 3.5, comparator: 'EXACT' },
  { words: 'PCT国际专利申请量达到15件', code: 'pct-applications', value: 15, comparator: 'EXACT' },
  { words: '有效商标注册量达3.5万件', code: 'trademarks-in-force', value: 3.5 * 万, comparator: 'EXACT' },
  { words: '知识产权优势示范优势企业超20家', code: 'ip-demonstration-enterprises', value: 20, comparator: 'MORE_THAN' },
  { words: '高新技术企业达200家', code: 'high-tech-enterprises', value: 200, comparator: 'EXACT' },
  { words: '专精特新企业达到50家', code: 'specialised-enterprises', value: 50, comparator: 'EXACT' },
  { words: '专利转让、许可交易金额达到100万元', code: 'patent-transfer-licence-value', value: 100 * 万, comparator: 'EXACT' },
  { words: '实现知识产权质押贷款1亿元以上', code: 'ip-pledge-loans', value: 1 * 亿, comparator: 'AT_LEAST' },
  { words: '知识产权维权援助和调解案件达到30件', code: 'mediation-cases', value: 30, comparator: 'EXACT' },
  { words: '按期结案率达95%以上', code: 'enforcement-on-time-closure-rate', value: 95, comparator: 'AT_LEAST' },
  { words: '宣传培训次数累计不少于8次', code: 'awareness-training-sessions', value: 8, comparator: 'AT_LEAST' },
  { words: '累计受训人次达2000人次以上', code: 'trainees', value: 2000, comparator: 'AT_LEAST' },
  { words: '知识产权宣传10-15场次', code: 'publicity-events', value: 10, valueMax: 15, comparator: 'RANGE' },
] as const

const QUERY = `{
  indicators {
    code name unit nature comparator planTableRow planAnnexRow source note
    baseline { year kind value valueMax source region { code } }
    target { year kind value valueMax source region { code } }
    milestones { year kind value source region { code } }
  }
}`

describe("the plan's figures, served as written", () => {
  let server: TestServer
  let indicators: any[]

  beforeAll(async () => {
    server = await startTestServer()
    const response = await server.query(QUERY)
    expect(response.errors).toBeUndefined()
    indicators = response.data.indicators
  })
  afterAll(() => server.close())

  const byTableRow = (row: number) => indicators.find((i) => i.planTableRow === row)
  const byAnnexRow = (row: number) => indicators.find((i) => i.planAnnexRow === row)

  it.each(INDICATOR_TABLE)('indicator table row $row ($name): 2023 baseline and 2026 target', (expected) => {
    const indicator = byTableRow(expected.row)
    expect(indicator, `no indicator for table row ${expected.row}`).toBeDefined()
    expect(expected.name.startsWith(indicator.name)).toBe(true)
    expect(indicator.nature).toBe(expected.nature)
    expect(indicator.baseline).toMatchObject({ year: 2023, kind: 'BASELINE', value: expected.baseline, region: { code: '410184' } })
    expect(indicator.target).toMatchObject({ year: 2026, kind: 'TARGET', value: expected.target, region: { code: '410184' } })
    expect(indicator.baseline.source).toContain(`row ${expected.row}`)
  })

  it.each(ANNEX)('timeline annex row $row ($name): 2024, 2025 and 2026 milestones', (expected) => {
    const indicator = byAnnexRow(expected.row)
    expect(indicator, `no indicator for annex row ${expected.row}`).toBeDefined()
    expect(indicator.milestones.map((m: any) => [m.year, m.value])).toEqual([
      [2024, expected.values[0]],
      [2025, expected.values[1]],
      [2026, expected.values[2]],
    ])
    for (const m of indicator.milestones) expect(m.source).toContain(`附件2 row ${expected.row}`)
  })

  it("keeps the annex's own numbering: there is no row 6 and none is invented", () => {
    const annexRows = indicators
      .map((i) => i.planAnnexRow)
      .filter((r) => r !== null)
      .sort((a, b) => a - b)
    expect(annexRows).toEqual([1, 2, 3, 4, 5, 7, 8, 9, 10, 11])
  })

  it.each(PROSE_TARGETS)('prose target "$words"', (expected) => {
    const indicator = indicators.find((i) => i.code === expected.code)
    expect(indicator).toBeDefined()
    expect(indicator.comparator).toBe(expected.comparator)
    expect(indicator.target).toMatchObject({ year: 2026, value: expected.value, valueMax: 'valueMax' in expected ? expected.valueMax : null })
  })

  it("shows the plan's inconsistency (annex row 8's 2024 figure below table row 5's 2023 figure) in data notes instead of hiding it", () => {
    const financing = byTableRow(5)
    const loans = byAnnexRow(8)
    expect(loans.milestones[0].value).toBeLessThan(financing.baseline.value)
    expect(financing.note).toMatch(/inconsistent/)
    expect(loans.note).toMatch(/inconsistent/)
  })

  it('keeps each row of the document as its own series, each note naming the related one', () => {
    const pairs = [
      [byTableRow(3), byAnnexRow(2)],
      [byTableRow(5), byAnnexRow(8)],
    ]
    for (const [table, annex] of pairs) {
      expect(table.code).not.toBe(annex.code)
      expect(table.planAnnexRow).toBeNull()
      expect(annex.planTableRow).toBeNull()
      expect(table.milestones).toEqual([])
      expect(annex.baseline).toBeNull()
      expect(table.note).toContain(annex.code)
      expect(annex.note).toContain(table.code)
    }
  })

  it('serves exactly the indicators of the plan: five table rows, ten annex rows, the prose targets', () => {
    const expectedCodes = new Set(PROSE_TARGETS.map((t) => t.code))
    for (const i of indicators) if (i.planTableRow === null && i.planAnnexRow === null) expect(expectedCodes).toContain(i.code)
    expect(indicators.filter((i) => i.planTableRow !== null)).toHaveLength(5)
    expect(indicators.filter((i) => i.planAnnexRow !== null)).toHaveLength(10)
  })

  const planFile = path.join(ROOT, '../shared/source/work-plan.zh.txt')
  it.runIf(existsSync(planFile))('the transcription above matches the plan text itself', () => {
    const plan = readFileSync(planFile, 'utf8')
    const flat = plan.replace(/\s+/g, '')
    // The two tables are written one cell per line, rows separated by blank lines.
    const cells = (start: string, end: string) =>
      plan
        .slice(plan.indexOf(start), end ? plan.indexOf(end) : undefined)
        .split(/\n\s*\n/)
        .map((block) =>
          block
            .split('\n')
            .map((c) => c.trim())
            .filter(Boolean),
        )
        .filter((row) => /^[0-9]+$/.test(row[0] ?? ''))
    const parseAmount = (text: string) =>
      text.endsWith('亿') ? Number(text.slice(0, -1)) * 亿 : text.endsWith('万') ? Number(text.slice(0, -1)) * 万 : Number(text)
    const table = cells('2026年知识产权发展指标', '四、重点工作')
    expect(table.map((r) => ({ row: Number(r[0]), name: r[1], baseline: parseAmount(r[2]), target: parseAmount(r[3]) }))).toEqual(
      INDICATOR_TABLE.map(({ row, name, baseline, target }) => ({ row, name, baseline, target })),
    )
    const annex = cells('附件2', '')
    const scale = (name: string) => (name.includes('（亿）') ? 亿 : name.includes('（万元）') ? 万 : 1)
    expect(annex.map((r) => ({ row: Number(r[0]), name: r[1], values: r.slice(2, 5).map((v) => Math.round(Number(v) * scale(r[1]) * 100) / 100) }))).toEqual(
      ANNEX.map(({ row, name, values }) => ({ row, name, values: [...values] })),
    )
    for (const t of PROSE_TARGETS) expect(flat).toContain(t.words)
  })
})
