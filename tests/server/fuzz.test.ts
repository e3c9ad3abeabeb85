/**
 * Fuzzing (protects the public server from crashing on hostile or odd input): many random queries
 * valid by the schema, with extreme arguments, and many malformed requests. Every answer must come
 * within the time limit, none may be a 5xx (503 excepted), and the server must still answer afterwards.
 */
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql'
import { Writable } from 'node:stream'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createToken } from '../../server/src/auth/token.repository.ts'
import { buildAppSchema } from '../../server/src/schema.ts'
import { backend } from '../setup/database.ts'
import { startTestServer, type TestServer } from '../setup/server.ts'

/** mulberry32: the same "random" queries on every run, so a failure can be replayed. */
function rng(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const EXTREME_INTS = [0, 1, -1, 5, 50, 500, 501, 2147483647, -2147483648]
const EXTREME_FLOATS = [0, -0.5, 113.74, 34.4, 180, -180, 90, -91, 1e308, -1e308, 5e-324]
const STRINGS = ['', '410184', '410184109', '410173202', 'x'.repeat(2000), '\u0000', '"; drop table region; --', '龙湖', '🙂', 'c3A6bm9uZQ']

function literal(type: GraphQLInputType, random: () => number, depth = 0): string {
  if (isNonNullType(type)) return literal(type.ofType, random, depth)
  if (random() < 0.1 && depth > 0) return 'null'
  if (isListType(type)) {
    const n = Math.floor(random() * 4)
    return `[${Array.from({ length: n }, () => literal(type.ofType, random, depth + 1)).join(', ')}]`
  }
  if (isEnumType(type)) {
    const values = type.getValues()
    return values[Math.floor(random() * values.length)].name
  }
  if (isInputObjectType(type)) {
    return `{ ${Object.values(type.getFields())
      .map((f) => `${f.name}: ${literal(f.type, random, depth + 1)}`)
      .join(', ')} }`
  }
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]
  switch (getNamedType(type).name) {
    case 'Int':
      return String(pick(EXTREME_INTS))
    case 'Float':
      return String(pick(EXTREME_FLOATS))
    case 'Boolean':
      return random() < 0.5 ? 'true' : 'false'
    case 'ID':
    case 'String':
      return JSON.stringify(pick(STRINGS))
    case 'GeoJSON':
      return pick(['{ type: "Point", coordinates: [113.7, 34.4] }', '{ type: "Nothing" }', '"not json"'])
    default:
      return 'null'
  }
}

function selection(type: GraphQLObjectType, random: () => number, depth: number): string {
  const fields = Object.values(type.getFields())
  const chosen = fields.filter(() => random() < 0.4)
  if (!chosen.length) chosen.push(fields[0])
  const parts = chosen.map((f) => field(f, random, depth)).filter(Boolean)
  return `{ ${parts.length ? parts.join(' ') : '__typename'} }`
}

function field(f: GraphQLField<unknown, unknown>, random: () => number, depth: number): string {
  const args = f.args.filter((a) => isNonNullType(a.type) || random() < 0.5).map((a) => `${a.name}: ${literal(a.type, random)}`)
  const head = args.length ? `${f.name}(${args.join(', ')})` : f.name
  const named = getNamedType(f.type)
  if (isScalarType(named) || isEnumType(named)) return head
  if (depth >= 3) return ''
  return isObjectType(named) ? `${head} ${selection(named, random, depth + 1)}` : ''
}

function randomQuery(schema: GraphQLSchema, random: () => number): string {
  const root = schema.getQueryType()!
  const fields = Object.values(root.getFields())
  const chosen = [fields[Math.floor(random() * fields.length)], fields[Math.floor(random() * fields.length)]]
  return `{ ${chosen.map((f, i) => `q${i}: ${field(f, random, 0) || f.name}`).join(' ')} }`
}

/** Every String or ID argument (also inside lists and input objects) of the root fields, as [field, argument path]. */
function stringArguments(schema: GraphQLSchema): { root: 'query' | 'mutation'; field: GraphQLField<unknown, unknown>; path: string[] }[] {
  const found: { root: 'query' | 'mutation'; field: GraphQLField<unknown, unknown>; path: string[] }[] = []
  const walk = (root: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, type: GraphQLInputType, path: string[], depth: number) => {
    const named = getNamedType(type)
    if (named.name === 'String' || named.name === 'ID') found.push({ root, field, path })
    else if (isInputObjectType(named) && depth < 3) for (const f of Object.values(named.getFields())) walk(root, field, f.type, [...path, f.name], depth + 1)
  }
  for (const [root, type] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(type?.getFields() ?? {})) for (const a of field.args) walk(root, field, a.type, [a.name], 0)
  }
  return found
}

/** A literal of `type` with the NUL character at `path` (the rest filled in as `literal` does). */
function literalWithNul(type: GraphQLInputType, path: string[], random: () => number): string {
  const inner = getNullableType(type)
  if (isListType(inner)) return `[${literalWithNul(inner.ofType, path, random)}]`
  if (!path.length) return JSON.stringify('x\u0000y')
  if (isInputObjectType(inner)) {
    const fields = Object.values(inner.getFields()).map(
      (f) => `${f.name}: ${f.name === path[0] ? literalWithNul(f.type, path.slice(1), random) : literal(f.type, random, 1)}`,
    )
    return `{ ${fields.join(', ')} }`
  }
  return literal(type, random)
}

describe.runIf(backend === 'pglite')('fuzzing', () => {
  let server: TestServer
  let schema: GraphQLSchema
  const logLines: { level: number; msg: string }[] = []
  beforeAll(async () => {
    const logger = pino(
      { level: 'info' },
      new Writable({
        write(chunk, _e, done) {
          logLines.push(JSON.parse(String(chunk)))
          done()
        },
      }),
    )
    server = await startTestServer({ logger })
    schema = await buildAppSchema()
  })
  afterAll(() => server.close())

  const send = async (init: RequestInit, path = '/graphql'): Promise<number> => {
    const res = await fetch(server.url + path, { ...init, signal: AbortSignal.timeout(15_000) })
    await res.arrayBuffer()
    return res.status
  }

  it('answers 400 random schema-valid queries with extreme arguments, never with a 5xx', async () => {
    const random = rng(20261126)
    const bad: string[] = []
    for (let i = 0; i < 400; i++) {
      const query = randomQuery(schema, random)
      const status = await send({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })
      if (status >= 500) bad.push(`${status}: ${query}`)
    }
    expect(bad).toEqual([])
  }, 120_000)

  it('answers 200 random schema-valid feedback and revert mutations (anonymous and as an editor) with extreme arguments, never with a 5xx', async () => {
    const random = rng(20261202)
    const editor = (await createToken(server.db, 'fuzz-editor', 'editor')).token
    const mutation = schema.getMutationType()!.getFields()
    const fields = ['sendFeedback', 'answerFeedback', 'closeFeedback', 'revertChange'].map((name) => mutation[name])
    const bad: string[] = []
    for (let i = 0; i < 200; i++) {
      const f = fields[Math.floor(random() * fields.length)]
      const query = `mutation { m: ${field(f, random, 0) || f.name} }`
      const headers: Record<string, string> = { 'content-type': 'application/json', ...(random() < 0.7 ? { authorization: `Bearer ${editor}` } : {}) }
      const status = await send({ method: 'POST', headers, body: JSON.stringify({ query }) })
      if (status >= 500) bad.push(`${status}: ${query}`)
    }
    expect(bad).toEqual([])
    expect(logLines.filter((l) => l.level >= 50).map((l) => l.msg)).toEqual([])
  }, 120_000)

  it('answers 150 random schema-valid station mutations (as an editor) with extreme arguments, never with a 5xx', async () => {
    const random = rng(20261203)
    const editor = (await createToken(server.db, 'fuzz-station-editor', 'editor')).token
    const mutation = schema.getMutationType()!.getFields()
    const fields = ['upsertServicePoint', 'deleteServicePoint'].map((name) => mutation[name])
    const bad: string[] = []
    for (let i = 0; i < 150; i++) {
      const f = fields[Math.floor(random() * fields.length)]
      const query = `mutation { m: ${field(f, random, 0) || f.name} }`
      const status = await send({
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${editor}` },
        body: JSON.stringify({ query }),
      })
      if (status >= 500) bad.push(`${status}: ${query}`)
    }
    expect(bad).toEqual([])
    expect(logLines.filter((l) => l.level >= 50).map((l) => l.msg)).toEqual([])
  }, 120_000)

  it('answers malformed requests with a 4xx that says what is wrong', async () => {
    const random = rng(7)
    const deep = '['.repeat(100_000) + ']'.repeat(100_000)
    const cases: [string, RequestInit][] = [
      ['truncated JSON', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": "{ regions' }],
      ['not JSON at all', { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'hello' }],
      ['JSON that is not an object', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[1,2,3]' }],
      ['wrong content type', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ regions { code } }"}' }],
      ['no content type', { method: 'POST', body: '{"query":"{ regions { code } }"}' }],
      ['invalid UTF-8', { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.from([0x7b, 0x22, 0x71, 0xff, 0xfe, 0x22, 0x7d]) }],
      [
        'deeply nested variables',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: `{"query":"query ($b: BBoxInput) { servicePoints(bbox: $b) { totalCount } }","variables":{"b":${deep}}}`,
        },
      ],
      [
        'variables of the wrong type',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: 'query ($n: Int) { servicePoints(first: $n) { totalCount } }', variables: { n: 'many' } }),
        },
      ],
      ['query is a number', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": 42}' }],
      ['unknown HTTP method', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' }],
      ['GET without a query', { method: 'GET' }],
      ...Array.from({ length: 40 }, (_, i): [string, RequestInit] => [
        `random bytes #${i}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: Buffer.from(Array.from({ length: 1 + Math.floor(random() * 2000) }, () => Math.floor(random() * 256))),
        },
      ]),
    ]
    const results: string[] = []
    for (const [name, init] of cases) {
      const status = await send(init)
      if (status < 400 || status >= 500) results.push(`${name}: ${status}`)
    }
    expect(results).toEqual([])
    expect((await server.query('{ region(code: "410184") { name } }')).data.region.name).toBe('新郑市')
  }, 60_000)

  it('answers malformed and random requests to the /auth routes with a 4xx, never a 5xx, and logs no error', async () => {
    const random = rng(12)
    const bodies: (string | Buffer)[] = [
      '',
      'hello',
      '{"username":',
      '[1,2,3]',
      '{"username":null,"password":null}',
      '{"username":{"$ne":1},"password":[]}',
      JSON.stringify({ username: 'x'.repeat(20_000), password: 'y' }),
      JSON.stringify({ username: 'root\u0000', password: 'p' }),
      JSON.stringify({ currentPassword: 'a', newPassword: 'b'.repeat(100_000) }),
      Buffer.from([0x7b, 0x22, 0x71, 0xff, 0xfe, 0x22, 0x7d]),
      ...Array.from({ length: 20 }, () => Buffer.from(Array.from({ length: 1 + Math.floor(random() * 500) }, () => Math.floor(random() * 256)))),
    ]
    const results: string[] = []
    for (const path of ['/auth/sign-in', '/auth/sign-out', '/auth/password']) {
      for (const body of bodies) {
        for (const type of ['application/json', 'text/plain']) {
          const cookie: Record<string, string> = random() < 0.5 ? { cookie: `ipp_session=${'A'.repeat(43)}`, 'x-csrf-token': 'x' } : {}
          const status = await send({ method: 'POST', headers: { 'content-type': type, ...cookie }, body }, path)
          if (status < 400 || status >= 500) results.push(`${path} ${type} ${String(body).slice(0, 40)}: ${status}`)
        }
      }
      if ((await send({ method: 'DELETE' }, path)) !== 405) results.push(`${path} DELETE`)
    }
    const me = await send({ method: 'GET', headers: { cookie: 'ipp_session=%%%; ipp_session=' } }, '/auth/me')
    if (me !== 200) results.push(`/auth/me with a garbled cookie: ${me}`)
    expect(results).toEqual([])
    expect(logLines.filter((l) => l.level >= 50).map((l) => l.msg)).toEqual([])
  }, 120_000)

  it('answers malformed and random uploads to POST /import with a 4xx or a dry run, never a 5xx, writes nothing and logs no error', async () => {
    const random = rng(13)
    const editor = (await createToken(server.db, 'fuzz-importer', 'editor')).token
    const count = async () =>
      Number(
        (
          await server.db
            .selectFrom('audit_log')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    const before = await count()
    const bodies: (string | Buffer)[] = [
      '',
      'hello',
      'indicator_code\n',
      'indicator_code,region_code,year,kind,value\n"unterminated',
      '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[1e308,-1e308]}}]}',
      'a\u0000b,c\n1,2\n',
      Buffer.from([0xef, 0xbb, 0xbf, 0xff, 0xfe, 0x0a]),
      ...Array.from({ length: 12 }, () => Buffer.from(Array.from({ length: 1 + Math.floor(random() * 400) }, () => Math.floor(random() * 256)))),
    ]
    const resources = ['indicator-values', 'service-points', 'region-boundaries', 'regions', 'nope', '']
    const names = ['x.csv', 'x.geojson', 'x.json', 'x.txt', '../x.csv', '']
    const results: string[] = []
    for (const body of bodies) {
      const params = new URLSearchParams({
        resource: resources[Math.floor(random() * resources.length)],
        name: names[Math.floor(random() * names.length)],
        dryRun: random() < 0.9 ? '1' : 'maybe',
        crs: random() < 0.8 ? 'wgs84' : 'mars',
      })
      const auth: Record<string, string> = random() < 0.8 ? { authorization: `Bearer ${editor}` } : { cookie: `ipp_session=${'A'.repeat(43)}` }
      const status = await send({ method: 'POST', headers: { 'content-type': 'text/csv', ...auth }, body }, `/import?${params.toString()}`)
      if (status >= 500 || (status === 200 && params.get('dryRun') !== '1')) results.push(`${params.toString()} ${String(body).slice(0, 40)}: ${status}`)
    }
    if ((await send({ method: 'GET' }, '/import')) !== 405) results.push('/import GET')
    expect(results).toEqual([])
    expect(await count()).toBe(before)
    expect(logLines.filter((l) => l.level >= 50).map((l) => l.msg)).toEqual([])
  }, 120_000)

  const post = async (body: object) => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    })
    return { status: res.status, body: (await res.json().catch(() => ({}))) as { errors?: { extensions?: { code?: string; argument?: string } }[] } }
  }
  const noErrorLogs = () => expect(logLines.filter((l) => l.level >= 50).map((l) => l.msg)).toEqual([])

  it('refuses NUL in every string argument of the schema (literal and variable) as BAD_USER_INPUT, never 5xx or INTERNAL_SERVER_ERROR', async () => {
    const random = rng(11)
    const args = stringArguments(schema)
    expect(args.length).toBeGreaterThan(10)
    const bad: string[] = []
    for (const { root, field, path } of args) {
      const others = field.args.filter((a) => a.name !== path[0] && isNonNullType(a.type)).map((a) => `${a.name}: ${literal(a.type, random)}`)
      const target = field.args.find((a) => a.name === path[0])!
      const named = getNamedType(field.type)
      const select = isObjectType(named) ? ' { __typename }' : ''
      const viaLiteral = `${root} { ${field.name}(${[...others, `${target.name}: ${literalWithNul(target.type, path.slice(1), random)}`].join(', ')})${select} }`
      for (const body of [
        { query: viaLiteral },
        {
          query: `${root} ($v: ${String(target.type)}) { ${field.name}(${[...others, `${target.name}: $v`].join(', ')})${select} }`,
          variables: { v: JSON.parse(literalWithNulJson(target.type, path.slice(1))) },
        },
      ]) {
        const { status, body: answer } = await post(body)
        const code = answer.errors?.[0]?.extensions?.code
        if (status >= 500 || code === 'INTERNAL_SERVER_ERROR' || (code !== 'BAD_USER_INPUT' && code !== 'GRAPHQL_VALIDATION_FAILED'))
          bad.push(`${status} ${code}: ${body.query}`)
      }
    }
    expect(bad).toEqual([])
    noErrorLogs()
  }, 120_000)

  it('answers syntax errors, long documents and repeated fields with a 4xx, none logged as an error', async () => {
    const random = rng(99)
    const valid = '{ regions { code name } indicators { code unit } }'
    const cases: string[] = [
      ...Array.from({ length: 40 }, () => valid.slice(0, 1 + Math.floor(random() * (valid.length - 2)))),
      '{ regions { code ',
      '}',
      '{ a: }',
      'query ($x: ) { regions { code } }',
      '{ regions(levels: [TOWN) { code } }',
      '"unterminated',
      `{ ${'__typename '.repeat(10_000)} }`,
      `{ regions { ${'code '.repeat(2000)} } }`,
      `{ ${'regions { code } '.repeat(400)} }`,
      `fragment F on Region { ${'code '.repeat(90)} } { ${'regions { ...F } '.repeat(90)} }`,
      `{ ${'regions { children { children { code } } } '.repeat(200)} }`,
      '#'.repeat(500_000),
    ]
    const bad: string[] = []
    for (const query of cases) {
      const t0 = performance.now()
      const { status, body } = await post({ query })
      const ms = performance.now() - t0
      const code = body.errors?.[0]?.extensions?.code
      if (status < 400 || status >= 500 || code === 'INTERNAL_SERVER_ERROR') bad.push(`${status} ${code}: ${query.slice(0, 80)}`)
      if (ms > 2000) bad.push(`took ${Math.round(ms)} ms: ${query.slice(0, 80)}`)
    }
    expect(bad).toEqual([])
    noErrorLogs()
  }, 120_000)
})

/** The JSON of a value of `type` with the NUL character at `path`. */
function literalWithNulJson(type: GraphQLInputType, path: string[]): string {
  const inner = getNullableType(type)
  if (isListType(inner)) return `[${literalWithNulJson(inner.ofType, path)}]`
  if (!path.length) return JSON.stringify('x\u0000y')
  if (isInputObjectType(inner)) return `{ ${JSON.stringify(path[0])}: ${literalWithNulJson(inner.getFields()[path[0]].type, path.slice(1))} }`
  return '"x"'
}
