/**
 * Stewards' entries: indicator values in the plan's own units (converted, with a source and a status,
 * plausibility warnings confirmed before saving) and plan task statuses, through the one write path and
 * audited. Every bad value is refused naming its field, with nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createToken } from '../../server/src/auth/token.repository.ts'
import { startTestServer, type GraphQLResponse, type TestServer } from '../setup/server.ts'

let server: TestServer
let editor: string
beforeAll(async () => {
  server = await startTestServer()
  editor = (await createToken(server.db, 'county-steward', 'editor', { publicName: true })).token
})
afterAll(() => server.close())

async function gql<T = any>(query: string, variables: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  })
  const body = (await response.json()) as any
  return { status: response.status, data: body.data ?? undefined, errors: body.errors, headers: response.headers }
}

const ENTRY = `baseValue baseUnit enteredValue enteredUnit acceptedUnits warnings { code messageZh messageEn } saved { year kind value status source note region { code } }`
const ENTER = `mutation ($input: IndicatorValueEntryInput!, $confirm: Boolean) { enterIndicatorValue(input: $input, confirmWarnings: $confirm) { ${ENTRY} } }`
const CHECK = `query ($input: IndicatorValueEntryInput!) { checkIndicatorValue(input: $input) { ${ENTRY} } }`
const SET_TASK = `mutation ($input: PlanTaskStatusInput!) { setPlanTaskStatus(input: $input) { code statuses { status date note evidenceUrl department { code } } } }`

const actuals = async (indicator: string) =>
  server.db.selectFrom('indicator_value').select(['year', 'value', 'status']).where('indicator_code', '=', indicator).where('kind', '=', 'ACTUAL').execute()
const auditCount = async () =>
  Number(
    (
      await server.db
        .selectFrom('audit_log')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

const pledge = (value: number, unit: string, extra: Record<string, unknown> = {}) => ({
  indicator: 'ip-pledge-financing',
  year: 2024,
  value,
  unit,
  source: '新郑市市场监督管理局 2024 年报',
  status: 'PROVISIONAL',
  ...extra,
})

describe('indicator values in the plan’s units', () => {
  it("records the county's 2024 actual of 有效发明专利拥有量 as 1810 件", async () => {
    const input = { indicator: 'invention-patents-in-force', year: 2024, value: 1810, unit: '件', source: '2024年统计公报', status: 'FINAL' }
    const { data, errors } = await gql(ENTER, { input }, editor)
    expect(errors).toBeUndefined()
    expect(data.enterIndicatorValue).toMatchObject({
      baseValue: 1810,
      warnings: [],
      saved: { year: 2024, kind: 'ACTUAL', value: 1810, status: 'FINAL', region: { code: '410184' } },
    })
    expect(await actuals('invention-patents-in-force')).toEqual([{ year: 2024, value: '1810', status: 'FINAL' }])
  })

  it('stores 专利质押融资登记累计金额 entered as 6000 万元 as 60000000 and returns the base value', async () => {
    const { data, errors } = await gql(ENTER, { input: pledge(6000, '万元') }, editor)
    expect(errors).toBeUndefined()
    expect(data.enterIndicatorValue).toMatchObject({ baseValue: 60000000, baseUnit: '元', enteredUnit: '万元', warnings: [], saved: { value: 60000000 } })
    expect((await actuals('ip-pledge-financing')).map((r) => Number(r.value))).toEqual([60000000])
  })

  it('warns on 9000 元 for it (less than 1/10 of the baseline) and writes nothing until confirmed, keeping the warnings in the audit log', async () => {
    const check = await gql(CHECK, { input: pledge(9000, '元', { year: 2025 }) })
    expect(check.errors).toBeUndefined()
    expect(check.data.checkIndicatorValue.baseValue).toBe(9000)
    // …and below 2024's 6000 万元, which a cumulative indicator cannot be.
    expect(check.data.checkIndicatorValue.warnings.map((w: any) => w.code)).toEqual(['FAR_FROM_BASELINE', 'FAR_FROM_TARGET', 'CUMULATIVE_FALLS'])

    const before = await auditCount()
    const refused = await gql(ENTER, { input: pledge(9000, '元', { year: 2025 }) }, editor)
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'confirmWarnings' })
    expect(refused.errors?.[0].extensions?.warnings.map((w: any) => w.code)).toEqual(['FAR_FROM_BASELINE', 'FAR_FROM_TARGET', 'CUMULATIVE_FALLS'])
    expect(refused.errors?.[0].message).toContain('不到基线值（2023年 0.575亿元')
    expect((await actuals('ip-pledge-financing')).map((r) => r.year)).toEqual([2024])
    expect(await auditCount()).toBe(before)

    const confirmed = await gql(ENTER, { input: pledge(9000, '元', { year: 2025 }), confirm: true }, editor)
    expect(confirmed.errors).toBeUndefined()
    expect(confirmed.data.enterIndicatorValue.saved.value).toBe(9000)
    const entries = await server.db
      .selectFrom('audit_log')
      .select(['actor', 'action', 'entity_id', 'after'])
      .where('id', '>', '0')
      .orderBy('id', 'desc')
      .limit(2)
      .execute()
    expect(entries.map((e) => e.action)).toEqual(['CONFIRM_WARNINGS', 'INSERT'])
    expect(entries[0]).toMatchObject({ actor: 'county-steward', entity_id: 'ip-pledge-financing/410184/2025/ACTUAL' })
    expect(JSON.stringify(entries[0].after)).toContain('FAR_FROM_BASELINE')
  })

  it('lists the accepted units of the indicator', async () => {
    const { data } = await gql(CHECK, { input: pledge(0.6, '亿元') })
    expect(data.checkIndicatorValue).toMatchObject({ baseValue: 60000000, acceptedUnits: ['亿元', '元', '万元'] })
  })

  const bad: [string, Record<string, unknown>, string, RegExp][] = [
    ['an unknown unit', pledge(1, '件', { year: 2026 }), 'input.unit', /"件".*亿元、元、万元.*accepted: 亿元, 元, 万元/],
    ['a missing source', pledge(6000, '万元', { year: 2026, source: '  ' }), 'input.source', /source is required/],
    ['REVISED without a note', pledge(6000, '万元', { year: 2026, status: 'REVISED' }), 'input.note', /REVISED value needs a note/],
    ['a bad year', pledge(6000, '万元', { year: 1800 }), 'input.year', /1800 is outside 1990..2100/],
    ['an unknown region', pledge(6000, '万元', { year: 2026, region: '999999' }), 'input.region', /no region "999999"/],
    ['an unknown indicator', { ...pledge(6000, '万元', { year: 2026 }), indicator: 'nope' }, 'input.indicator', /no indicator "nope"/],
    ['a too-long note', pledge(6000, '万元', { year: 2026, note: '长'.repeat(2001) }), 'input.note', /too long: 2001 characters/],
  ]
  it.each(bad)('refuses %s naming the field, writing nothing', async (_what, input, argument, message) => {
    const before = await actuals('ip-pledge-financing')
    const { errors } = await gql(ENTER, { input, confirm: true }, editor)
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument })
    expect(errors?.[0].message).toMatch(message)
    expect(await actuals('ip-pledge-financing')).toEqual(before)
  })

  it('needs an editor token to write, but not to check', async () => {
    const { errors } = await gql(ENTER, { input: pledge(6000, '万元', { year: 2026 }) })
    expect(errors?.[0].extensions?.code).toBe('UNAUTHENTICATED')
    expect((await gql(CHECK, { input: pledge(6000, '万元', { year: 2026 }) })).errors).toBeUndefined()
  })

  it('shows the status where values are read', async () => {
    const { data } = await gql(`{ indicator(code: "invention-patents-in-force") { actuals { year status } } }`, {})
    expect(data.indicator.actuals).toEqual([{ year: 2024, status: 'FINAL' }])
  })
})

describe('plan task statuses', () => {
  it('has no status for a task nobody reported on', async () => {
    const { data } = await gql(`{ tasks { code statuses { status } } }`, {})
    expect(data.tasks.every((t: any) => t.statuses.length === 0)).toBe(true)
  })

  it('sets a status, reads it back on the plan and audits it with the steward', async () => {
    const { data: plan } = await gql(`{ tasks { code departments { code } } }`, {})
    const task = plan.tasks.find((t: any) => t.departments.length > 1)
    const unit = task.departments[1].code
    const input = {
      task: task.code,
      department: unit,
      status: 'IN_PROGRESS',
      date: '2025-06-30',
      note: '已完成摸底调查',
      evidenceUrl: 'https://www.xinzheng.gov.cn/notice/1',
    }
    const { data, errors } = await gql(SET_TASK, { input }, editor)
    expect(errors).toBeUndefined()
    expect(data.setPlanTaskStatus.statuses).toEqual([
      { status: 'IN_PROGRESS', date: '2025-06-30', note: '已完成摸底调查', evidenceUrl: 'https://www.xinzheng.gov.cn/notice/1', department: { code: unit } },
    ])
    await gql(SET_TASK, { input: { task: task.code, status: 'DONE', date: '2025-07-01' } }, editor)
    const { data: again } = await gql(`{ tasks { code statuses { status department { code } } } }`, {})
    expect(again.tasks.find((t: any) => t.code === task.code).statuses).toEqual([
      { status: 'DONE', department: null },
      { status: 'IN_PROGRESS', department: { code: unit } },
    ])
    const audit = await server.db
      .selectFrom('audit_log')
      .select(['actor', 'action', 'entity', 'entity_id'])
      .where('entity', '=', 'task_status')
      .orderBy('id')
      .execute()
    expect(audit).toEqual([
      { actor: 'county-steward', action: 'INSERT', entity: 'task_status', entity_id: `${task.code}/${unit}` },
      { actor: 'county-steward', action: 'INSERT', entity: 'task_status', entity_id: `${task.code}/*` },
    ])
  })

  const badTask: [string, Record<string, unknown>, string, RegExp][] = [
    ['a bad URL', { evidenceUrl: 'javascript:alert(1)' }, 'input.evidenceUrl', /not an http\(s\) URL/],
    ['a too-long note', { note: '进'.repeat(501) }, 'input.note', /too long: 501 characters \(at most 500\)/],
    ['a bad date', { date: '2025-13-45' }, 'input.date', /not a date/],
    ['a date in the future', { date: '2999-01-01' }, 'input.date', /in the future/],
    ['an unknown task', { task: '9.9.9' }, 'input.task', /no task "9.9.9"/],
    ['a unit not responsible for the task', { department: 'no-such-unit' }, 'input.department', /not a responsible unit|no department/],
  ]
  it.each(badTask)('refuses %s naming the field, writing nothing', async (_what, change, argument, message) => {
    const { data: plan } = await gql(`{ tasks { code departments { code } } }`, {})
    const task = plan.tasks.find((t: any) => t.departments.length > 1).code
    const count = async () => (await server.db.selectFrom('task_status').selectAll().execute()).length
    const before = await count()
    const { errors } = await gql(SET_TASK, { input: { task, status: 'DONE', date: '2025-01-01', ...change } }, editor)
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument })
    expect(errors?.[0].message).toMatch(message)
    expect(await count()).toBe(before)
  })
})

describe('viewer', () => {
  it('answers null when anonymous and the role with a token, never from the shared GET cache', async () => {
    const url = `${server.url}/graphql?query=${encodeURIComponent('{ viewer { role } }')}`
    const anonymous = await fetch(url)
    expect(await anonymous.json()).toEqual({ data: { viewer: null } })
    const withToken = await fetch(url, { headers: { authorization: `Bearer ${editor}` } })
    expect(withToken.headers.get('cache-control')).toBe('no-store')
    expect(await withToken.json()).toEqual({ data: { viewer: { role: 'editor' } } })
    expect(await (await fetch(url)).json()).toEqual({ data: { viewer: null } })
  })
})
