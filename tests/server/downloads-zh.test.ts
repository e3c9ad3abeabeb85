/**
 * /data/<resource>.csv?lang=zh: every CSV download in Chinese, with Chinese headers (units where a column has one),
 * enum values in the web's words (schema/enum-labels.ts), the same rows as the machine file; an unknown lang is refused.
 */
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENUM_LABELS } from '../../schema/enum-labels.ts'
import { ENUMS, valuesOf } from '../../schema/enum-values.ts'
import { startTestServer, type TestServer } from '../setup/server.ts'

let server: TestServer
let csvFiles: { name: string; path: string; fields: { name: string; type: string; constraints?: { enum?: string[] } }[] }[]
beforeAll(async () => {
  server = await startTestServer()
  const descriptor = (await (await fetch(`${server.url}/data/datapackage.json`)).json()) as {
    resources: { name: string; path: string; format: string; schema: { fields: (typeof csvFiles)[number]['fields'] } }[]
  }
  csvFiles = descriptor.resources.filter((r) => r.format === 'csv').map((r) => ({ name: r.name, path: r.path, fields: r.schema.fields }))
})
afterAll(() => server.close())

const CJK = /\p{Script=Han}/u
/** Every value of every declared enum: none may appear as a cell of a Chinese file. */
const ENUM_CONSTANTS = new Set(Object.values(ENUMS).flatMap((e) => valuesOf(e as Record<string, string>)))

async function csv(path: string): Promise<{ res: Response; rows: string[][] }> {
  const res = await fetch(`${server.url}/data/${path}`)
  expect(res.status, path).toBe(200)
  const rows: string[][] = parse(await res.text(), { bom: true, relax_column_count: false })
  return { res, rows }
}

describe('CSV downloads in Chinese (?lang=zh)', () => {
  it('serve every CSV file of datapackage.json with a Chinese header for every column and as many rows as the machine file', async () => {
    expect(csvFiles.map((f) => f.name)).toContain('indicator-relations')
    for (const file of csvFiles) {
      const machine = await csv(file.path)
      const zh = await csv(`${file.path}?lang=zh`)
      const [header, ...rows] = zh.rows
      expect(machine.rows[0], file.path).toEqual(file.fields.map((f) => f.name))
      const notChinese = header.filter((h) => !CJK.test(h))
      expect(notChinese, `${file.path}?lang=zh headers without Chinese`).toEqual([])
      expect(new Set(header).size, `${file.path}?lang=zh: headers are distinct`).toBe(header.length)
      expect(rows.length, file.path).toBe(machine.rows.length - 1)
      expect(rows.length, file.path).toBeGreaterThan(0)
      // The same rows in the same order: every cell outside the enum and boolean columns is the machine file's.
      const plain = file.fields.map((f, i) => (f.constraints?.enum || f.type === 'boolean' || (file.name === 'seats' && f.name === 'status') ? -1 : i))
      for (const [r, row] of rows.entries()) {
        for (const i of plain) if (i >= 0) expect(row[i], `${file.path} row ${r + 2} ${file.fields[i].name}`).toBe(machine.rows[r + 1][i])
      }
      expect(zh.res.headers.get('content-disposition')).toBe(`attachment; filename="xinzheng-ip-${file.path.replace(/\.csv$/, '.zh.csv')}"`)
      expect(zh.res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/)
    }
  })

  it('write no raw enum constant and no true/false: enum values in the words the web shows, booleans as 是 / 否', async () => {
    const raw: string[] = []
    for (const file of csvFiles) {
      const [, ...rows] = (await csv(`${file.path}?lang=zh`)).rows
      const machine = (await csv(file.path)).rows.slice(1)
      file.fields.forEach((f, i) => {
        const isEnum = !!f.constraints?.enum || (file.name === 'seats' && f.name === 'status')
        for (const [r, row] of rows.entries()) {
          const cell = row[i]
          if ((isEnum && ENUM_CONSTANTS.has(cell)) || (f.type === 'boolean' && /^(true|false)$/.test(cell)))
            raw.push(`${file.path} row ${r + 2} ${f.name}: ${cell}`)
          if (isEnum && cell !== '') expect(CJK.test(cell), `${file.path} ${f.name} ${cell}`).toBe(true)
          if (f.type === 'boolean' && cell !== '') expect(['是', '否']).toContain(cell)
          if (machine[r][i] === '') expect(cell, `${file.path} row ${r + 2} ${f.name}: unknown stays empty`).toBe('')
        }
      })
    }
    expect(raw).toEqual([])
  })

  it("use the units and the web's labels: regions, service points and the related series", async () => {
    const regions = (await csv('regions.csv?lang=zh')).rows
    expect(regions[0]).toContain('人口（人）')
    expect(regions[0]).toContain('层级')
    const county = regions.find((r) => r[0] === '410184')!
    expect(county[regions[0].indexOf('层级')]).toBe(ENUM_LABELS.RegionLevel.COUNTY.zh)
    const points = (await csv('service-points.csv?lang=zh')).rows
    expect(points[0]).toEqual(expect.arrayContaining(['经度（度，WGS84）', '纬度（度，WGS84）', '站点类别', '位置精度']))
    const kinds = new Set(points.slice(1).map((r) => r[points[0].indexOf('站点类别')]))
    expect([...kinds].every((k) => Object.values(ENUM_LABELS.ServicePointKind).some((l) => l.zh === k))).toBe(true)
    const related = (await csv('indicator-relations.csv?lang=zh')).rows
    expect(related[0]).toEqual(['指标代码', '相关指标代码', '关系类型', '说明（英文）', '说明（中文）', '出处', '出处（中文）'])
    expect(related.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ['ip-pledge-financing', 'ip-pledge-loans', ENUM_LABELS.IndicatorRelationKind.SAME_MEASURE_DIFFERENT_BASIS.zh],
      ['pct-applications', 'pct-applications-cumulative', ENUM_LABELS.IndicatorRelationKind.SAME_MEASURE_DIFFERENT_BASIS.zh],
    ])
  })

  it('leave the default file unchanged (machine headers, enum constants), with an ETag of its own', async () => {
    const machine = await fetch(`${server.url}/data/indicators.csv`)
    const zh = await fetch(`${server.url}/data/indicators.csv?lang=zh`)
    const text = await machine.text()
    await zh.arrayBuffer()
    expect(text.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^code,position,name_zh,name_en,unit/)
    expect(text).toContain(',CREATION,')
    expect(machine.headers.get('etag')).not.toBe(zh.headers.get('etag'))
    // A tag of one language is not a match for the other.
    const cross = await fetch(`${server.url}/data/indicators.csv?lang=zh`, { headers: { 'if-none-match': machine.headers.get('etag')! } })
    expect(cross.status).toBe(200)
    await cross.arrayBuffer()
    const same = await fetch(`${server.url}/data/indicators.csv?lang=zh`, { headers: { 'if-none-match': zh.headers.get('etag')! } })
    expect(same.status).toBe(304)
  })

  it('refuse an unknown lang with 400, naming the parameter and the allowed values', async () => {
    for (const [path, what] of [
      ['regions.csv?lang=fr', /lang must be one of: zh/],
      ['regions.csv?lang=', /lang must be one of: zh/],
      ['regions.csv?lang=ZH-cn', /lang must be one of: zh/],
      ['regions.geojson?lang=zh', /lang applies to the CSV files only/],
      ['datapackage.json?lang=zh', /lang applies to the CSV files only/],
    ] as const) {
      const res = await fetch(`${server.url}/data/${path}`)
      expect(res.status, path).toBe(400)
      const body = (await res.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] }
      expect(body.errors[0].message, path).toMatch(what)
      expect(body.errors[0].extensions, path).toMatchObject({ code: 'BAD_USER_INPUT', parameter: 'lang', allowed: ['zh'] })
    }
  })
})
