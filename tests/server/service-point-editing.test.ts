/**
 * A station's stewardship fields through GraphQL with a signed-in township editor (cookie + CSRF):
 * opening hours, public contact, the opening date a PLANNED → ACTIVE change needs, the optional English
 * name (the Chinese one shows in its place), and deleting with a reason kept in the audit log. Every bad
 * value is refused naming its input field, and nothing is written. Runs on PGlite and PostgreSQL.
 */
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyRecords, RecordProblems } from '../../db/records/apply.ts'
import { findResource } from '../../db/records/resources.ts'
import { startTestServer, type TestServer } from '../setup/server.ts'
import { createStationEditor, signInOverHttp, type HttpSession } from '../setup/station-editing.ts'

let server: TestServer
let clerk: HttpSession
const TOWN = '410184101' // 新村镇
const OTHER = '410184102' // 辛店镇

beforeAll(async () => {
  server = await startTestServer()
  const { username, password } = await createStationEditor(server.db, { username: 'xincun-clerk', displayName: '王五 · 新村镇', regions: [TOWN] })
  clerk = await signInOverHttp(server.url, username, password)
})
afterAll(() => server.close())

async function graphql(query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: clerk.cookie, 'x-csrf-token': clerk.csrf },
    body: JSON.stringify({ query, variables }),
  })
  return (await response.json()) as { data?: any; errors?: { message: string; extensions: Record<string, unknown> }[] }
}

const FIELDS = 'id nameZh nameEn hasEnglishName en: name(lang: EN) status openingHours contact openedOn region { code } locationQuality'
const UPSERT = `mutation ($input: ServicePointInput!) { upsertServicePoint(input: $input) { ${FIELDS} } }`
const DELETE = `mutation ($id: ID!, $reason: String) { deleteServicePoint(id: $id, reason: $reason) }`

async function seatOf(code: string): Promise<[number, number]> {
  const r = await server.query(`query ($code: ID!) { region(code: $code) { seat } }`, { code })
  return r.data.region.seat.coordinates
}

async function auditCount(): Promise<number> {
  return Number((await server.db.selectFrom('audit_log').select(server.db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
}

async function newStation(id: string, extra: Record<string, unknown> = {}) {
  const [lng, lat] = await seatOf(TOWN)
  return graphql(UPSERT, {
    input: { id, nameZh: '新村镇知识产权服务站', kind: 'IP_SERVICE_STATION', status: 'PLANNED', lng, lat, source: '镇政府公告', ...extra },
  })
}

describe('a station edited by a township editor', () => {
  it('is created without an English name: the Chinese name shows in English, the download leaves name_en empty', async () => {
    const { data, errors } = await newStation('xc-no-english', { openingHours: '工作日 9:00–17:00', contact: '0371-62600000' })
    expect(errors).toBeUndefined()
    expect(data.upsertServicePoint).toMatchObject({
      nameZh: '新村镇知识产权服务站',
      nameEn: '新村镇知识产权服务站',
      hasEnglishName: false,
      en: '新村镇知识产权服务站',
      openingHours: '工作日 9:00–17:00',
      contact: '0371-62600000',
      openedOn: null,
      region: { code: TOWN },
    })
    const rows = parse<Record<string, string>>(await (await fetch(`${server.url}/data/service-points.csv`)).text(), { bom: true, columns: true })
    expect(rows.find((r) => r.id === 'xc-no-english')).toMatchObject({
      name_en: '',
      opening_hours: '工作日 9:00–17:00',
      contact: '0371-62600000',
      opened_on: '',
    })
    const named = await graphql(UPSERT, { input: { id: 'xc-no-english', nameEn: 'Xincun IP Service Station' } })
    expect(named.data.upsertServicePoint).toMatchObject({ nameEn: 'Xincun IP Service Station', hasEnglishName: true })
  })

  it('needs an opening date to become ACTIVE from PLANNED (BAD_USER_INPUT naming openedOn, nothing written), then keeps it', async () => {
    await newStation('xc-opening')
    const before = await auditCount()
    const refused = await graphql(UPSERT, { input: { id: 'xc-opening', status: 'ACTIVE' } })
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.openedOn' })
    expect(refused.errors?.[0].message).toMatch(/启用日期.*opening date/)
    expect(await auditCount()).toBe(before)
    const stored = await server.db.selectFrom('service_point').select('status').where('id', '=', 'xc-opening').executeTakeFirstOrThrow()
    expect(stored.status).toBe('PLANNED')

    const opened = await graphql(UPSERT, { input: { id: 'xc-opening', status: 'ACTIVE', openedOn: '2025-03-18' } })
    expect(opened.errors).toBeUndefined()
    expect(opened.data.upsertServicePoint).toMatchObject({ status: 'ACTIVE', openedOn: '2025-03-18' })
    const audit = await server.query(`{ auditLog(entity: "service_point", entityId: "xc-opening", first: 1) { edges { node { actor before after } } } }`)
    const entry = audit.data.auditLog.edges[0].node
    expect(entry.actor).toBe('王五 · 新村镇')
    expect(entry.before).toMatchObject({ status: 'PLANNED', opened_on: null })
    expect(entry.after).toMatchObject({ status: 'ACTIVE', opened_on: '2025-03-18' })
    // An ACTIVE station changed in other ways keeps its date; no new date is asked for.
    const later = await graphql(UPSERT, { input: { id: 'xc-opening', openingHours: '周一至周五 8:30–17:30' } })
    expect(later.data.upsertServicePoint).toMatchObject({ openedOn: '2025-03-18', openingHours: '周一至周五 8:30–17:30' })
  })

  it('refuses bad values naming the field, and writes nothing', async () => {
    await newStation('xc-bad')
    const before = await auditCount()
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ status: 'ACTIVE', openedOn: 'last spring' }, 'input.openedOn', /not a date/],
      [{ status: 'ACTIVE', openedOn: '2025-02-30' }, 'input.openedOn', /not a date|2025-02-30/],
      [{ status: 'ACTIVE', openedOn: '2999-01-01' }, 'input.openedOn', /future/],
      [{ openedOn: '1900-01-01' }, 'input.openedOn', /before 1980/],
      [{ openingHours: '时'.repeat(201) }, 'input.openingHours', /opening_hours 过长 .*at most 200/],
      [{ contact: '1'.repeat(201) }, 'input.contact', /contact 过长 .*at most 200/],
      [{ nameZh: null }, 'input.nameZh', /required/],
      [{ source: '' }, 'input.source', /required/],
    ]
    for (const [input, argument, message] of cases) {
      const { errors } = await graphql(UPSERT, { input: { id: 'xc-bad', ...input } })
      expect(errors?.[0].extensions, argument).toMatchObject({ code: 'BAD_USER_INPUT', argument })
      expect(errors?.[0].message, argument).toMatch(message)
    }
    expect(await auditCount()).toBe(before)
  })

  it('is refused (FORBIDDEN naming the region) when placed or moved into another town, and nothing is written', async () => {
    const [lng, lat] = await seatOf(OTHER)
    const before = await auditCount()
    const placed = await newStation('xc-elsewhere', { lng, lat })
    expect(placed.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', region: OTHER })
    await newStation('xc-mover')
    const moved = await graphql(UPSERT, { input: { id: 'xc-mover', lng, lat, locationQuality: 'SURVEYED' } })
    expect(moved.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', region: OTHER })
    expect(await auditCount()).toBe(before + 1) // only xc-mover's creation
    expect(await server.db.selectFrom('service_point').select('id').where('id', '=', 'xc-elsewhere').executeTakeFirst()).toBeUndefined()
  })
})

describe('deleting a station', () => {
  it('keeps the reason in the audit log beside the last state', async () => {
    await newStation('xc-delete')
    const { data, errors } = await graphql(DELETE, { id: 'xc-delete', reason: '重复录入，与镇便民服务大厅站点相同' })
    expect(errors).toBeUndefined()
    expect(data.deleteServicePoint).toBe('xc-delete')
    const audit = await server.query(`{ auditLog(entity: "service_point", entityId: "xc-delete", first: 1) { edges { node { action reason before } } } }`)
    expect(audit.data.auditLog.edges[0].node).toMatchObject({
      action: 'DELETE',
      reason: '重复录入，与镇便民服务大厅站点相同',
      before: { name_zh: '新村镇知识产权服务站' },
    })
  })

  it('refuses an empty, oversized or HTML reason naming it, and deletes nothing', async () => {
    await newStation('xc-keep')
    for (const [reason, message] of [
      ['   ', /must not be empty/],
      ['因'.repeat(501), /at most 500/],
      ['<b>dup</b>', /plain text/],
    ] as const) {
      const { errors } = await graphql(DELETE, { id: 'xc-keep', reason })
      expect(errors?.[0].extensions, reason.slice(0, 10)).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'reason' })
      expect(errors?.[0].message).toMatch(message)
    }
    expect(await server.db.selectFrom('service_point').select('id').where('id', '=', 'xc-keep').executeTakeFirst()).toBeDefined()
  })
})

describe('the one write path', () => {
  it('refuses an import that makes a PLANNED station ACTIVE without an opening date, naming opened_on', async () => {
    const resource = findResource('service-points')!
    const error = await applyRecords(server.db, resource, [{ line: 2, values: { id: 'ip-service-410184101', status: 'ACTIVE' } }], {
      county: '410184',
      actor: 'import:test.csv',
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RecordProblems)
    expect((error as RecordProblems).problems).toEqual([{ line: 2, column: 'opened_on', message: expect.stringMatching(/opening date/) }])
  })
})
