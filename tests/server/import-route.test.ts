/**
 * The bulk upload route (POST /import): the command line's importer on an uploaded file, for a signed-in
 * steward (cookie + CSRF, same site) or a bearer token. A dry run writes nothing; an apply writes every
 * row or none; a GBK file is refused with the command line's own message; a township editor's rows
 * outside their towns are FORBIDDEN problems naming the region.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ImportError, importFile } from '../../db/import/import.ts'
import { createToken } from '../../server/src/auth/token.repository.ts'
import { IMPORT_MAX_BYTES } from '../../server/src/import/import.http.ts'
import { startTestServer, type TestServer } from '../setup/server.ts'
import { COUNTY, createSteward, gbkCsv, OTHER_TOWN, postImport, signInHttp, TOWN, valuesCsv, type HttpSession } from '../setup/value-entry.ts'

let server: TestServer
let editor: HttpSession
let township: HttpSession
let token: string

beforeAll(async () => {
  server = await startTestServer()
  await createSteward(server.db, 'county', 'editor', { displayName: '王五 · 市场监管局' })
  await createSteward(server.db, 'xincun', 'township-editor', { regions: [TOWN], displayName: '李四 · 新村镇' })
  editor = await signInHttp(server.url, 'county')
  township = await signInHttp(server.url, 'xincun')
  token = (await createToken(server.db, 'import-script', 'editor')).token
})
afterAll(() => server.close())

const actuals = () =>
  server.db
    .selectFrom('indicator_value')
    .select(['indicator_code', 'region_code', 'year', 'value', 'status'])
    .where('kind', '=', 'ACTUAL')
    .orderBy('region_code')
    .execute()
const auditCount = async () =>
  Number(
    (
      await server.db
        .selectFrom('audit_log')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

beforeEach(async () => {
  await server.db.deleteFrom('indicator_value').where('kind', '=', 'ACTUAL').execute()
})

const GOOD = valuesCsv([
  ['invention-patents-in-force', COUNTY, 2024, 1810, '2024年统计公报', 'FINAL'],
  ['invention-patents-in-force', TOWN, 2024, 120, '新村镇统计', 'PROVISIONAL'],
])
const file = (bytes: string | Uint8Array, name = 'values.csv') => ({ name, bytes })
const VALUES = { resource: 'indicator-values' }

describe('who may upload', () => {
  it('refuses a request without credentials (401) and writes nothing', async () => {
    const r = await postImport(server.url, file(GOOD), { ...VALUES, dryRun: true })
    expect(r.status).toBe(401)
    expect(r.body.errors[0].extensions.code).toBe('UNAUTHENTICATED')
  })

  it('refuses a signed-in upload without the CSRF token (403) and writes nothing', async () => {
    const before = await auditCount()
    const r = await postImport(server.url, file(GOOD), { ...VALUES, session: editor, headers: { 'x-csrf-token': 'wrong' } })
    expect(r.status).toBe(403)
    expect(r.body.errors[0].extensions.code).toBe('FORBIDDEN')
    expect(r.body.errors[0].message).toContain('X-CSRF-Token')
    expect(await actuals()).toEqual([])
    expect(await auditCount()).toBe(before)
  })

  it('refuses a signed-in upload from another site (403 CROSS_SITE)', async () => {
    const r = await postImport(server.url, file(GOOD), { ...VALUES, session: editor, headers: { origin: 'https://evil.example' } })
    expect(r.status).toBe(403)
    expect(r.body.errors[0].extensions.code).toBe('CROSS_SITE')
    expect(await actuals()).toEqual([])
  })

  it('accepts a bearer token (a script) without a CSRF token', async () => {
    const r = await postImport(server.url, file(GOOD), { ...VALUES, dryRun: true, token })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body).toMatchObject({ dryRun: true, inserted: 2, updated: 0, unchanged: 0 })
  })
})

describe('the upload itself', () => {
  it('refuses a file over the size limit (413) and writes nothing', async () => {
    const big = GOOD + '\n' + 'x'.repeat(IMPORT_MAX_BYTES)
    const r = await postImport(server.url, file(big), { ...VALUES, session: editor })
    expect(r.status).toBe(413)
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', field: 'file' })
    expect(await actuals()).toEqual([])
  })

  it('names the bad parameter: an unknown resource, a file that is neither CSV nor GeoJSON', async () => {
    const r1 = await postImport(server.url, file(GOOD), { resource: 'nope', session: editor })
    expect(r1.status).toBe(400)
    expect(r1.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'resource' })
    const r2 = await postImport(server.url, file(GOOD, 'values.xlsx'), { ...VALUES, session: editor })
    expect(r2.status).toBe(400)
    expect(r2.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' })
  })

  it('refuses a GBK file with the same message as the command line', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'import-gbk-'))
    writeFileSync(path.join(dir, 'values.csv'), gbkCsv())
    const cli = await importFile(server.db, { resource: 'indicator-values', file: path.join(dir, 'values.csv'), county: COUNTY, dryRun: true }).catch(
      (e: unknown) => e as ImportError,
    )
    expect(cli).toBeInstanceOf(ImportError)
    const r = await postImport(server.url, file(gbkCsv()), { ...VALUES, dryRun: true, session: editor })
    expect(r.status).toBe(422)
    expect(r.body.problems).toEqual([{ line: 1, column: null, message: expect.stringContaining('not UTF-8'), code: 'BAD_USER_INPUT' }])
    expect(r.body.errors[0].message).toBe((cli as ImportError).message)
  })

  it('a dry run reports the counts and writes nothing; the apply writes them, audited with the user', async () => {
    const before = await auditCount()
    const dry = await postImport(server.url, file(GOOD), { ...VALUES, dryRun: true, session: editor })
    expect(dry.status, JSON.stringify(dry.body)).toBe(200)
    expect(dry.body).toMatchObject({ dryRun: true, format: 'csv', inserted: 2, updated: 0, unchanged: 0, problems: [] })
    expect(dry.body.changes.map((c: any) => c.line)).toEqual([2, 3])
    expect(await actuals()).toEqual([])
    expect(await auditCount()).toBe(before)

    const applied = await postImport(server.url, file(GOOD), { ...VALUES, session: editor, query: { sha256: dry.body.sha256 } })
    expect(applied.status, JSON.stringify(applied.body)).toBe(200)
    expect(applied.body).toMatchObject({ dryRun: false, inserted: 2 })
    expect((await actuals()).map((v) => [v.region_code, v.value, v.status])).toEqual([
      [COUNTY, '1810', 'FINAL'],
      [TOWN, '120', 'PROVISIONAL'],
    ])
    const actors = await server.db.selectFrom('audit_log').select(['actor', 'action']).orderBy('id', 'desc').limit(3).execute()
    expect(actors.map((a) => a.actor)).toEqual(['王五 · 市场监管局', '王五 · 市场监管局', '王五 · 市场监管局'])
    expect(actors[0].action).toBe('IMPORT')

    // The same file again: unchanged, nothing written.
    const again = await postImport(server.url, file(GOOD), { ...VALUES, dryRun: true, session: editor })
    expect(again.body).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 })
    // The public API shows the new value at once (the response cache was dropped).
    const { data } = await server.get(`{ indicator(code: "invention-patents-in-force") { latestActual { value status } } }`)
    expect(data.indicator.latestActual).toEqual({ value: 1810, status: 'FINAL' })
  })

  it('writes all or nothing: one bad row, every problem with its line and column, nothing written', async () => {
    const before = await auditCount()
    const bad = valuesCsv([
      ['invention-patents-in-force', COUNTY, 2024, 1810, '2024年统计公报', 'FINAL'],
      ['invention-patents-in-force', TOWN, '20x4', 120, '新村镇统计', 'PROVISIONAL'],
      ['no-such-indicator', TOWN, 2024, 5, '新村镇统计', 'DRAFT'],
    ])
    const r = await postImport(server.url, file(bad), { ...VALUES, session: editor })
    expect(r.status).toBe(422)
    expect(r.body.errors[0].extensions.code).toBe('IMPORT_PROBLEMS')
    const where = r.body.problems.map((p: any) => `${p.line}:${p.column}`)
    expect(where).toContain('3:year')
    expect(where).toContain('4:status')
    expect(r.body.problems.every((p: any) => p.line > 2)).toBe(true)
    expect(await actuals()).toEqual([])
    expect(await auditCount()).toBe(before)
  })

  it('refuses an apply whose bytes differ from the dry run it names (409)', async () => {
    const r = await postImport(server.url, file(GOOD), { ...VALUES, session: editor, query: { sha256: '0'.repeat(64) } })
    expect(r.status).toBe(409)
    expect(await actuals()).toEqual([])
  })
})

describe('a township editor', () => {
  it("imports their town's rows, and refuses rows of another town and of the county as FORBIDDEN problems naming the region", async () => {
    const mixed = valuesCsv([
      ['invention-patents-in-force', TOWN, 2024, 120, '新村镇统计', 'PROVISIONAL'],
      ['invention-patents-in-force', OTHER_TOWN, 2024, 80, '辛店镇统计', 'PROVISIONAL'],
      ['invention-patents-in-force', COUNTY, 2024, 1810, '2024年统计公报', 'FINAL'],
    ])
    const r = await postImport(server.url, file(mixed), { ...VALUES, dryRun: true, session: township })
    expect(r.status).toBe(422)
    expect(r.body.problems.map((p: any) => [p.line, p.column, p.code])).toEqual([
      [3, 'region_code', 'FORBIDDEN'],
      [4, 'region_code', 'FORBIDDEN'],
    ])
    expect(r.body.problems[0].message).toContain(OTHER_TOWN)
    expect(r.body.problems[1].message).toContain(COUNTY)

    const own = valuesCsv([['invention-patents-in-force', TOWN, 2024, 120, '新村镇统计', 'PROVISIONAL']])
    const applied = await postImport(server.url, file(own), { ...VALUES, session: township })
    expect(applied.status, JSON.stringify(applied.body)).toBe(200)
    expect((await actuals()).map((v) => v.region_code)).toEqual([TOWN])
  })

  it('refuses every row of a county-level resource (indicators)', async () => {
    const csv = 'code,name_zh\ninvention-patents-in-force,有效发明专利拥有量\n'
    const r = await postImport(server.url, file(csv), { resource: 'indicators', dryRun: true, session: township })
    expect(r.status).toBe(422)
    expect(r.body.problems).toEqual([expect.objectContaining({ line: 2, code: 'FORBIDDEN' })])
  })
})
