/**
 * The cost model, the database-time budget, cheap refusal of hostile documents and 4xx answers for
 * every client mistake; each test names what it protects.
 */
import 'reflect-metadata'
import { Writable } from 'node:stream'
import { parse, specifiedRules, validate } from 'graphql'
import { sql } from 'kysely'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_LIMITS } from '../../server/src/config.ts'
import { buildAppSchema } from '../../server/src/schema.ts'
import { estimateOperation, fieldCost, measuredCosts, type BackendCosts } from '../../server/src/security/cost.ts'
import { DbBudget, DbBudgetExceeded } from '../../server/src/security/db-budget.ts'
import { checkDocumentShape } from '../../server/src/security/document-limits.ts'
import { findUnstorableText } from '../../server/src/security/input-text.ts'
import { createToken } from '../../server/src/auth/token.repository.ts'
import { backend } from '../setup/database.ts'
import { startTestServer, type TestServer } from '../setup/server.ts'

const COSTS: BackendCosts = {
  default: 2,
  fields: {
    compareRegions: { base: 10, perCode: 1, perCodeKm2: 0.01 },
    mapLayer: { REGIONS: { base: 3, perFeature: 0.5, perVertex: 0.01 } },
    servicePoints: { base: 4, perItem: 0.1 },
    regions: { base: 5 },
  },
}

describe('cost computation (prices work as it grows)', () => {
  it('prices compareRegions by codes and the square of the radius', () => {
    expect(fieldCost(COSTS, 'compareRegions', { codes: ['a', 'b'], coverageRadiusKm: 10 })).toBeCloseTo(10 + 2 + 0.01 * 2 * 100)
    expect(fieldCost(COSTS, 'compareRegions', { codes: ['a', 'b'], coverageRadiusKm: 50 })).toBeCloseTo(10 + 2 + 0.01 * 2 * 2500)
  })

  it('prices mapLayer by features and vertices, and only the count above maxFeatures', () => {
    const sizes = { REGIONS: { features: 10, vertices: 1000 } }
    expect(fieldCost(COSTS, 'mapLayer', { layer: 'REGIONS' }, sizes)).toBeCloseTo(3 + 5 + 10)
    expect(fieldCost(COSTS, 'mapLayer', { layer: 'REGIONS', maxFeatures: 5 }, sizes)).toBe(3)
  })

  it('prices pages by the items asked for, and unmeasured fields at the default', () => {
    expect(fieldCost(COSTS, 'servicePoints', { first: 500 })).toBeCloseTo(54)
    expect(fieldCost(COSTS, 'regions', {})).toBe(5)
    expect(fieldCost(COSTS, 'somethingNew', {})).toBe(2)
  })

  it('sums every alias and fragment of an operation, with variables, dearest first', async () => {
    const schema = await buildAppSchema()
    const document = parse(`query ($r: Float!) { a: compareRegions(codes: ["1", "2"], coverageRadiusKm: $r) { rank } ...F }
      fragment F on Query { regions { code } b: servicePoints(first: 100) { totalCount } }`)
    const operation = document.definitions[0] as any
    const fragments = { F: document.definitions[1] as any }
    const estimate = await estimateOperation(schema, COSTS, operation, fragments, { r: 20 }, () => Promise.resolve({}))
    expect(estimate!.items.map((i) => i.field)).toEqual(['a: compareRegions', 'b: servicePoints', 'regions'])
    expect(estimate!.totalMs).toBeCloseTo(10 + 2 + 8 + 14 + 5)
    expect(estimate!.gated).toBe(true)
    expect(await estimateOperation(schema, COSTS, operation, fragments, { r: 'far' }, () => Promise.resolve({}))).toBeUndefined()
  })

  it('has measured weights for both databases, with the machine and date', async () => {
    const weights = (await import('../../server/src/security/field-costs.json', { with: { type: 'json' } })).default as any
    expect(weights.measured.at).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(weights.measured.machine).toBeTruthy()
    for (const kind of ['pglite', 'postgres'] as const) {
      const c = measuredCosts(kind)
      expect(c.fields.compareRegions).toBeDefined()
      expect(Object.keys(c.fields.mapLayer)).toEqual(['REGIONS', 'SERVICE_POINTS', 'GI_PRODUCTS'])
      // A far radius costs more than a near one.
      expect(fieldCost(c, 'compareRegions', { codes: Array(15).fill('x'), coverageRadiusKm: 50 })).toBeGreaterThan(
        fieldCost(c, 'compareRegions', { codes: ['x'], coverageRadiusKm: 1 }),
      )
    }
  })
})

describe('hostile documents (protect the event loop from validation work)', () => {
  it('refuses repeated fields before validation in a few milliseconds (validation alone would take far longer)', async () => {
    const schema = await buildAppSchema()
    const hostile = `{ ${'regions { code } '.repeat(600)} }`
    const t0 = performance.now()
    const document = parse(hostile, { maxTokens: DEFAULT_LIMITS.maxTokens * 2 })
    const refused = checkDocumentShape(document, DEFAULT_LIMITS)
    const refuseMs = performance.now() - t0
    const t1 = performance.now()
    validate(schema, document, specifiedRules)
    const validateMs = performance.now() - t1
    console.log(
      `hostile document (600 × regions { code }): refused in ${refuseMs.toFixed(2)} ms (parse + shape check); validate() alone took ${validateMs.toFixed(1)} ms`,
    )
    expect(refused?.extensions.code).toBe('QUERY_TOO_COMPLEX')
    expect(refuseMs).toBeLessThan(validateMs)
    expect(checkDocumentShape(parse(`{ regions { ${'code '.repeat(4)} } }`), DEFAULT_LIMITS)?.extensions.limit).toBe('maxRepeats')
    expect(checkDocumentShape(parse(`{ regions { code name } indicators { code } }`), DEFAULT_LIMITS)).toBeUndefined()
  })

  it('finds NUL and lone surrogates in literals and variables, naming the argument path', () => {
    const document = parse('query ($b: BBoxInput, $c: [ID!]) { servicePoints(region: "ok", bbox: $b) { totalCount } compareRegions(codes: $c) { rank } }')
    const op = document.definitions[0] as any
    expect(findUnstorableText(document, op, { c: ['a', 'b\u0000'] })?.extensions.argument).toBe('$c[1]')
    expect(findUnstorableText(document, op, { c: ['\ud800'] })?.message).toMatch(/lone surrogate/)
    expect(findUnstorableText(document, op, { c: ['龙湖🙂'] })).toBeUndefined()
    const literal = parse('{ region(code: "a\\u0000") { code } }')
    expect(findUnstorableText(literal, literal.definitions[0] as any, {})?.extensions.argument).toBe('region.code')
  })
})

describe('answers to client mistakes (4xx, never logged as errors)', () => {
  let server: TestServer
  const errorLines: any[] = []
  beforeAll(async () => {
    const logger = pino(
      { level: 'warn' },
      new Writable({
        write(chunk, _e, done) {
          errorLines.push(JSON.parse(String(chunk)))
          done()
        },
      }),
    )
    server = await startTestServer({ logger })
  })
  afterAll(() => server.close())

  const post = async (body: object, headers: Record<string, string> = {}) => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    })
    return { status: res.status, headers: res.headers, body: (await res.json()) as any }
  }

  it('answers each mistake with its 4xx and code', async () => {
    const cases: [string, object, number, string][] = [
      ['syntax error', { query: '{ regions { code ' }, 400, 'GRAPHQL_PARSE_FAILED'],
      ['too many tokens', { query: `{ ${'__typename '.repeat(4000)} }` }, 400, 'QUERY_TOO_COMPLEX'],
      ['repeated fields', { query: `{ regions { ${'code '.repeat(600)} } }` }, 400, 'QUERY_TOO_COMPLEX'],
      ['NUL in a literal', { query: '{ region(code: "\\u0000") { code } }' }, 400, 'BAD_USER_INPUT'],
      ['NUL in a variable', { query: 'query ($c: ID!) { region(code: $c) { code } }', variables: { c: 'x\u0000' } }, 400, 'BAD_USER_INPUT'],
      [
        'persisted-query hash mismatch',
        { query: '{ regions { code } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } },
        400,
        'BAD_REQUEST',
      ],
      ['unknown persisted query', { extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }, 200, 'PERSISTED_QUERY_NOT_FOUND'],
    ]
    const wrong: string[] = []
    for (const [name, body, status, code] of cases) {
      const res = await post(body)
      if (res.status !== status || res.body.errors?.[0]?.extensions?.code !== code) wrong.push(`${name}: ${res.status} ${JSON.stringify(res.body.errors?.[0])}`)
    }
    expect(wrong).toEqual([])
    expect(errorLines.filter((l) => l.level >= 50)).toEqual([])
  })

  it('refuses a request whose estimated database time is over the budget, naming the dearest field and its cost', async () => {
    const { data } = await server.query('{ regions { code } }')
    const codes = JSON.stringify(data.regions.map((r: { code: string }) => r.code))
    const aliases = Array.from({ length: 25 }, (_, i) => `a${i}: compareRegions(codes: ${codes}, coverageRadiusKm: ${50 - i / 100}) { rank }`).join(' ')
    const t0 = performance.now()
    const res = await post({ query: `{ ${aliases} }` })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'maxDbMs', field: 'a0: compareRegions' })
    expect(res.body.errors[0].message).toMatch(/a0: compareRegions at about \d+ ms/)
    expect(performance.now() - t0).toBeLessThan(2000) // refused before any comparison ran
  })

  // On the embedded database a query runs on the server's own thread, and the server reads the next request only
  // when the one before it has been answered: one client's requests never overlap there, so there is nothing to refuse
  // (server/src/gate.test.ts covers the gate's rules on their own). On PostgreSQL they overlap and the gate decides.
  it.runIf(backend === 'postgres')(
    "answers a client's expensive requests beyond its own slot and queue with 429 and Retry-After, while another client proceeds",
    async () => {
      const layer = (client: string, i: number) =>
        fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
          body: JSON.stringify({ query: `{ mapLayer(layer: REGIONS, simplifyMeters: ${i + 1}) }` }),
        })
      const crowd = await Promise.all(Array.from({ length: 30 }, (_, i) => layer('203.0.113.9', i)))
      const statuses = crowd.map((r) => r.status)
      const refused = crowd.filter((r) => r.status === 429)
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1)
      // Without a trusted proxy every request here is one client (127.0.0.1): 1 runs, 8 wait, the rest are refused at once.
      expect(refused.length).toBeGreaterThanOrEqual(1)
      expect(Number(refused[0].headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
      expect(((await refused[0].json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED')
      expect(statuses.every((s) => s === 200 || s === 429)).toBe(true)
      expect(errorLines.filter((l) => l.level >= 50)).toEqual([])
    },
  )

  it('stops a request at its measured database-time budget (on PostgreSQL by cancelling the statement)', async () => {
    const budget = new DbBudget(200)
    const db = server.db.withPlugin(budget.plugin)
    const t0 = performance.now()
    const slow = backend === 'postgres' ? sql`select pg_sleep(5)` : sql`select count(*) from generate_series(1, 3000000)`
    const error = await budget
      .run(db, backend === 'postgres' ? 'postgres' : 'pglite', (scoped) => slow.execute(scoped))
      .then(
        () => undefined,
        (e) => e,
      )
    if (backend === 'postgres') {
      expect(error).toBeInstanceOf(DbBudgetExceeded)
      expect(performance.now() - t0).toBeLessThan(3000)
    } else {
      // PGlite cannot interrupt the statement: the next one is refused once the budget is spent.
      budget.spentMs = Math.max(budget.spentMs, 201)
      await expect(sql`select 1`.execute(db)).rejects.toBeInstanceOf(DbBudgetExceeded)
    }
    expect(budget.spentMs).toBeGreaterThan(200)
  })
})

// The measured budget runs on PostgreSQL only (context.ts): there a mutation must not be held to it.
describe.runIf(backend === 'postgres')('the database-time budget and writes', () => {
  let tight: TestServer
  beforeAll(async () => {
    tight = await startTestServer({ config: { limits: { ...DEFAULT_LIMITS, maxDbMs: 1 } } })
  })
  afterAll(() => tight.close())

  it('holds reads to the budget but not an editor’s mutation, which is written whole', async () => {
    const read = await tight.query('{ servicePoints(first: 50) { totalCount } }')
    expect(read.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX')
    const { token } = await createToken(tight.db, 'budget-test', 'editor')
    const res = await fetch(`${tight.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: 'mutation ($i: IndicatorValueInput!) { recordIndicatorValue(input: $i) { year value } }',
        variables: { i: { indicator: 'mediation-cases', region: '410184', year: 2024, kind: 'ACTUAL', value: 31, source: 'budget test' } },
      }),
    })
    const body = (await res.json()) as any
    expect(body.errors).toBeUndefined()
    expect(body.data.recordIndicatorValue).toEqual({ year: 2024, value: 31 })
  })
})
