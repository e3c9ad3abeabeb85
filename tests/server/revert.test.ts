/**
 * Undoing a change (`revertChange`): an update gets its earlier values back, an insert is deleted, a
 * delete is inserted again, each through the one write path in one transaction, audited with a
 * reference to the entry undone and the reason; refused when the record changed since (naming the
 * later change), for entries that are not one record's change, without a token or a reason.
 */
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createToken } from '../../server/src/auth/token.repository.ts'
import { startTestServer, type GraphQLResponse, type TestServer } from '../setup/server.ts'

let server: TestServer
let editor: string
let admin: string
beforeAll(async () => {
  server = await startTestServer()
  editor = (await createToken(server.db, 'editor-1', 'editor', { purpose: '县市场监管局' })).token
  admin = (await createToken(server.db, 'admin-1', 'admin', { purpose: '平台管理员' })).token
})
afterAll(() => server.close())

async function post<T = any>(query: string, variables: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  })
  const body = (await response.json()) as any
  return { status: response.status, data: body.data ?? undefined, errors: body.errors, headers: response.headers }
}

const UPSERT = `mutation ($input: ServicePointInput!) { upsertServicePoint(input: $input) { id address } }`
const REVERT = `mutation ($id: ID!, $reason: String!) { revertChange(auditId: $id, reason: $reason) { id action entity entityId reverts reason actor before after } }`
const RECORD = `mutation ($input: IndicatorValueInput!) { recordIndicatorValue(input: $input) { value } }`

const lastEntry = async (entity: string, key: string) =>
  (await sql<{ id: string }>`select id::text as id from audit_log where entity = ${entity} and entity_id = ${key} order by id desc limit 1`.execute(server.db))
    .rows[0].id
const address = async (id: string) =>
  (await sql<{ address: string | null }>`select address from service_point where id = ${id}`.execute(server.db)).rows[0]?.address
const auditCount = async () => (await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(server.db)).rows[0].n

const STATION = 'ip-service-410184102'
const NEW_POINT = { nameZh: '测试站', nameEn: 'Test station', kind: 'IP_SERVICE_STATION', status: 'PLANNED', source: 'test' }

describe('revertChange', () => {
  it('restores the values before an update, audited as a revert of that entry with its reason', async () => {
    const original = await address(STATION)
    expect((await post(UPSERT, { input: { id: STATION, address: '错误地址 wrong address' } }, editor)).errors).toBeUndefined()
    const entry = await lastEntry('service_point', STATION)
    const { data, errors } = await post(REVERT, { id: entry, reason: '地址填错 · wrong address entered' }, editor)
    expect(errors).toBeUndefined()
    expect(data.revertChange).toMatchObject({
      action: 'UPDATE',
      entity: 'service_point',
      entityId: STATION,
      reverts: entry,
      reason: '地址填错 · wrong address entered',
    })
    expect(data.revertChange.after.address).toBe(original ?? null)
    expect(await address(STATION)).toBe(original)
    // The public log shows it too.
    const log = await post(`{ auditLog(entity: "service_point", entityId: "${STATION}", first: 1) { edges { node { reverts reason } } } }`, {})
    expect(log.data.auditLog.edges[0].node).toEqual({ reverts: entry, reason: '地址填错 · wrong address entered' })
  })

  it('refuses to revert twice: the revert is the later change, named', async () => {
    await post(UPSERT, { input: { id: STATION, address: 'first' } }, editor)
    const entry = await lastEntry('service_point', STATION)
    const revert = await post(REVERT, { id: entry, reason: 'undo' }, editor)
    const again = await post(REVERT, { id: entry, reason: 'undo again' }, editor)
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT')
    expect(again.errors?.[0].message).toContain(`#${revert.data.revertChange.id}`)
  })

  it('refuses when the record has changed since, naming the later change, and writes nothing', async () => {
    await post(UPSERT, { input: { id: STATION, address: 'one' } }, editor)
    const first = await lastEntry('service_point', STATION)
    await post(UPSERT, { input: { id: STATION, address: 'two' } }, editor)
    const second = await lastEntry('service_point', STATION)
    const before = await auditCount()
    const { errors } = await post(REVERT, { id: first, reason: 'undo one' }, editor)
    expect(errors?.[0].extensions?.code).toBe('CONFLICT')
    expect(errors?.[0].message).toContain(`#${second} (UPDATE by editor-1`)
    expect(await address(STATION)).toBe('two')
    expect(await auditCount()).toBe(before)
  })

  it('deletes an inserted record, and inserts a deleted one again', async () => {
    expect((await post(UPSERT, { input: { id: 'test-revert-insert', ...NEW_POINT } }, editor)).errors).toBeUndefined()
    const inserted = await lastEntry('service_point', 'test-revert-insert')
    const undone = await post(REVERT, { id: inserted, reason: 'added by mistake' }, editor)
    expect(undone.errors).toBeUndefined()
    expect(undone.data.revertChange).toMatchObject({ action: 'DELETE', reverts: inserted, after: null })
    expect(await address('test-revert-insert')).toBeUndefined()
    const deleted = await lastEntry('service_point', 'test-revert-insert')
    const back = await post(REVERT, { id: deleted, reason: 'it exists after all' }, editor)
    expect(back.errors).toBeUndefined()
    expect(back.data.revertChange).toMatchObject({ action: 'INSERT', reverts: deleted, before: null })
    const { rows } = await sql<any>`select name_zh, kind, status from service_point where id = 'test-revert-insert'`.execute(server.db)
    expect(rows).toEqual([{ name_zh: '测试站', kind: 'IP_SERVICE_STATION', status: 'PLANNED' }])
  })

  it('restores an ACTUAL value by deleting it when its recording was an insert', async () => {
    const input = { indicator: 'invention-patents-in-force', year: 2024, kind: 'ACTUAL', value: 1810, source: '统计' }
    expect((await post(RECORD, { input }, editor)).errors).toBeUndefined()
    const entry = await lastEntry('indicator_value', 'invention-patents-in-force/410184/2024/ACTUAL')
    expect((await post(REVERT, { id: entry, reason: 'not final' }, editor)).errors).toBeUndefined()
    const { rows } = await sql`select 1 from indicator_value where indicator_code = 'invention-patents-in-force' and year = 2024 and kind = 'ACTUAL'`.execute(
      server.db,
    )
    expect(rows).toEqual([])
  })

  it('needs a token, an editor for stations and an admin for the plan’s own figures', async () => {
    await post(UPSERT, { input: { id: STATION, address: 'needs token' } }, editor)
    const entry = await lastEntry('service_point', STATION)
    expect((await post(REVERT, { id: entry, reason: 'x' })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED')
    await post(RECORD, { input: { indicator: 'invention-patents-in-force', year: 2026, kind: 'TARGET', value: 2000, source: 's' } }, admin)
    const target = await lastEntry('indicator_value', 'invention-patents-in-force/410184/2026/TARGET')
    expect((await post(REVERT, { id: target, reason: 'x' }, editor)).errors?.[0].extensions?.code).toBe('FORBIDDEN')
    expect((await post(REVERT, { id: target, reason: 'x' }, admin)).errors).toBeUndefined()
  })

  it('refuses an empty reason, an unknown entry and an entry that is not one record’s change, naming the argument', async () => {
    await post(UPSERT, { input: { id: STATION, address: 'reason' } }, editor)
    const entry = await lastEntry('service_point', STATION)
    expect((await post(REVERT, { id: entry, reason: '  ' }, editor)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'reason' })
    expect((await post(REVERT, { id: '99999999', reason: 'x' }, editor)).errors?.[0].extensions?.code).toBe('NOT_FOUND')
    expect((await post(REVERT, { id: 'abc', reason: 'x' }, editor)).errors?.[0].extensions?.code).toBe('NOT_FOUND')
    const { rows } = await sql<{ id: string }>`
      insert into audit_log (actor, action, entity, entity_id, before, after) values ('import:x.csv', 'IMPORT', 'dataset', 'xinzheng', null, '{}')
      returning id::text as id`.execute(server.db)
    const refused = await post(REVERT, { id: rows[0].id, reason: 'x' }, editor)
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'auditId' })
    expect(refused.errors?.[0].message).toContain('IMPORT')
  })
})
