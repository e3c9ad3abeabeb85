/**
 * Fuzzing (protects the public server from crashing on hostile or odd input): many random queries
 * valid by the schema, with extreme arguments, and many malformed requests. Every answer must come
 * within the time limit, none may be a 5xx (503 excepted), and the server must still answer afterwards.
 */
import {
  getNamedType, getNullableType, isEnumType, isInputObjectType, isListType, isNonNullType, isObjectType, isScalarType,
  type GraphQLField, type GraphQLInputType, type GraphQLObjectType, type GraphQLSchema,
} from 'graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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
    return `{ ${Object.values(type.getFields()).map((f) => `${f.name}: ${literal(f.type, random, depth + 1)}`).join(', ')} }`
  }
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]
  switch (getNamedType(type).name) {
    case 'Int': return String(pick(EXTREME_INTS))
    case 'Float': return String(pick(EXTREME_FLOATS))
    case 'Boolean': return random() < 0.5 ? 'true' : 'false'
    case 'ID':
    case 'String': return JSON.stringify(pick(STRINGS))
    case 'GeoJSON': return pick(['{ type: "Point", coordinates: [113.7, 34.4] }', '{ type: "Nothing" }', '"not json"'])
    default: return 'null'
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

describe.runIf(backend === 'pglite')('fuzzing', () => {
  let server: TestServer
  let schema: GraphQLSchema
  beforeAll(async () => {
    server = await startTestServer()
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
      ['deeply nested variables', { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"query":"query ($b: BBoxInput) { servicePoints(bbox: $b) { totalCount } }","variables":{"b":${deep}}}` }],
      ['variables of the wrong type', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'query ($n: Int) { servicePoints(first: $n) { totalCount } }', variables: { n: 'many' } }) }],
      ['query is a number', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": 42}' }],
      ['unknown HTTP method', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' }],
      ['GET without a query', { method: 'GET' }],
      ...Array.from({ length: 40 }, (_, i): [string, RequestInit] => [
        `random bytes #${i}`,
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.from(Array.from({ length: 1 + Math.floor(random() * 2000) }, () => Math.floor(random() * 256))) },
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
})
