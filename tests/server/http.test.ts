/** GraphQL over HTTP: caching, CORS, persisted queries, limits, masking, and the spec's audits. */
import { createHash } from 'node:crypto'
import { Writable } from 'node:stream'
import { serverAudits } from 'graphql-http'
import { sql } from 'kysely'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../setup/server.ts'

const logLines: any[] = []
const logger = pino(
  { level: 'error' },
  new Writable({
    write(chunk, _encoding, done) {
      logLines.push(JSON.parse(String(chunk)))
      done()
    },
  }),
)

let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ logger, config: { limits: { maxDepth: 6, maxCost: 30, maxAliases: 5, maxTokens: 400, maxDirectives: 5 }, cacheMaxAgeSeconds: 120 } })
})
afterAll(() => server.close())

const getUrl = (query: string, variables?: object) =>
  `${server.url}/graphql?${new URLSearchParams({ query, ...(variables ? { variables: JSON.stringify(variables) } : {}) })}`

describe('caching', () => {
  it('answers a GET query with Cache-Control and an ETag, and 304 when the ETag matches', async () => {
    const url = getUrl('{ regions { code } }')
    const first = await fetch(url)
    expect(first.status).toBe(200)
    expect(first.headers.get('cache-control')).toBe('public, max-age=120')
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^".+"$/)
    const again = await fetch(url, { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    const changed = await fetch(getUrl('{ regions { name } }'), { headers: { 'if-none-match': etag } })
    expect(changed.status).toBe(200)
  })

  it('does not cache POST requests nor answers with errors', async () => {
    const post = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ regions { code } }' }) })
    expect(post.headers.get('cache-control')).toBe('no-store')
    const failing = await fetch(getUrl('{ servicePoints(first: 9999) { totalCount } }'))
    expect(failing.headers.get('cache-control')).toBe('no-store')
    expect(failing.headers.get('etag')).toBeNull()
  })

  it('refuses a mutation sent over GET', async () => {
    const res = await fetch(getUrl('mutation { __typename }'))
    expect(res.status).toBe(405)
  })
})

describe('CORS', () => {
  it('lets any origin read, and answers preflights', async () => {
    const res = await fetch(getUrl('{ __typename }'), { headers: { origin: 'https://example.org' } })
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    const preflight = await fetch(`${server.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://example.org', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST')
    expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type')
  })
})

describe('automatic persisted queries', () => {
  it('asks for the query once, then answers by its hash alone (also over GET)', async () => {
    const query = '{ region(code: "410184") { name } }'
    const sha256Hash = createHash('sha256').update(query).digest('hex')
    const extensions = { persistedQuery: { version: 1, sha256Hash } }
    const post = (body: object) =>
      fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json() as any)
    expect((await post({ extensions })).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND')
    expect((await post({ query, extensions })).data.region.name).toBe('新郑市')
    expect((await post({ extensions })).data.region.name).toBe('新郑市')
    const get = await fetch(`${server.url}/graphql?${new URLSearchParams({ extensions: JSON.stringify(extensions) })}`)
    expect(((await get.json()) as any).data.region.name).toBe('新郑市')
  })
})

describe('limits', () => {
  const code = async (query: string) => (await server.query(query)).errors?.[0]
  it('refuses a query nested beyond the depth limit', async () => {
    const { errors } = await server.query('{ regions { parent { parent { parent { parent { parent { parent { code } } } } } } } }')
    const depth = errors?.find((e) => /depth/i.test(e.message))
    expect(depth?.extensions?.code).toBe('QUERY_TOO_COMPLEX')
  })
  it('refuses too many aliases', async () => {
    const error = await code(`{ ${Array.from({ length: 6 }, (_, i) => `a${i}: regions { code }`).join(' ')} }`)
    expect(error?.extensions?.code).toBe('QUERY_TOO_COMPLEX')
  })
  it('refuses too many tokens', async () => {
    const error = await code(`{ regions { ${Array.from({ length: 450 }, () => 'code').join(' ')} } }`)
    expect(error?.extensions?.code).toBe('QUERY_TOO_COMPLEX')
  })
  it('refuses a query that costs too much', async () => {
    const error = await code('{ regions { code name nameZh nameEn level population areaKm2 servicePoints { id name kind status address } giProducts { code name status } } }')
    expect(error?.extensions?.code).toBe('QUERY_TOO_COMPLEX')
    expect(error?.message).toMatch(/cost/i)
  })
  it('still answers the full introspection query (GraphiQL needs it) under these tight limits', async () => {
    const { getIntrospectionQuery } = await import('graphql')
    const res = await server.query(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }))
    expect(res.errors).toBeUndefined()
    expect(res.data.__schema.queryType.name).toBe('Query')
  })
})

describe('errors', () => {
  it('masks an unexpected failure as INTERNAL_SERVER_ERROR without details, and logs it with the operation name', async () => {
    await sql`alter table gi_product rename to gi_product_gone`.execute(server.db)
    try {
      const res = await server.query('query BrokenProducts { giProducts { code } }')
      expect(res.errors?.[0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } })
      expect(JSON.stringify(res.errors)).not.toMatch(/gi_product|relation|stack|at /)
      expect(logLines.some((l) => l.operationName === 'BrokenProducts' && /gi_product/.test(JSON.stringify(l.err)))).toBe(true)
    } finally {
      await sql`alter table gi_product_gone rename to gi_product`.execute(server.db)
    }
  })
})

describe('the GraphQL-over-HTTP spec', () => {
  it('passes every MUST of graphql-http\'s server audits', async () => {
    const audits = serverAudits({ url: `${server.url}/graphql` })
    const failures: string[] = []
    for (const audit of audits) {
      const result = await audit.fn()
      if (audit.name.startsWith('MUST') && result.status !== 'ok') failures.push(`${audit.name}: ${result.reason}`)
    }
    expect(failures).toEqual([])
  })
})

describe('before the web app is built (the first start builds it while already answering)', () => {
  it('answers / with a page that says so and reloads itself, 503 with Retry-After', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const path = await import('node:path')
    const empty = mkdtempSync(path.join(tmpdir(), 'no-web-'))
    const bare = await startTestServer({ webRoot: empty })
    try {
      const res = await fetch(`${bare.url}/`)
      expect(res.status).toBe(503)
      expect(res.headers.get('retry-after')).toBe('3')
      expect(await res.text()).toContain('正在构建网页应用')
      expect((await fetch(`${bare.url}/nothing-here.js`)).status).toBe(404)
    } finally {
      await bare.close()
      rmSync(empty, { recursive: true, force: true })
    }
  })
})
