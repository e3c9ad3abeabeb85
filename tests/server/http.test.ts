/** GraphQL over HTTP: caching, CORS, persisted queries, limits, masking, and the spec's audits. */
import { createHash } from 'node:crypto'
import { Writable } from 'node:stream'
import { serverAudits } from 'graphql-http'
import { sql } from 'kysely'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rawRequest } from '../setup/raw-http.ts'
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
  server = await startTestServer({
    logger,
    config: { limits: { maxDepth: 6, maxCost: 30, maxAliases: 5, maxTokens: 400, maxDirectives: 5 }, cacheMaxAgeSeconds: 120 },
  })
})
afterAll(() => server.close())

const getUrl = (query: string, variables?: object) =>
  `${server.url}/graphql?${new URLSearchParams({ query, ...(variables ? { variables: JSON.stringify(variables) } : {}) }).toString()}`

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
    const post = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ regions { code } }' }),
    })
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
      fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(
        (r) => r.json() as any,
      )
    expect((await post({ extensions })).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND')
    expect((await post({ query, extensions })).data.region.name).toBe('新郑市')
    expect((await post({ extensions })).data.region.name).toBe('新郑市')
    const get = await fetch(`${server.url}/graphql?${new URLSearchParams({ extensions: JSON.stringify(extensions) }).toString()}`)
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
    const error = await code(
      '{ regions { code name nameZh nameEn level population areaKm2 servicePoints { id name kind status address } giProducts { code name status } } }',
    )
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
  it("passes every MUST of graphql-http's server audits", async () => {
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

describe('the shared HTTP rules (every route)', () => {
  const regionsUrl = () => getUrl('{ regions { code } }')
  const tile = () => `${server.url}/tiles/regions/8/208/101.pbf`
  const errorOf = async (res: Response) => {
    const body = (await res.json()) as any
    expect(Object.keys(body)).toEqual(['errors'])
    expect(body.errors).toHaveLength(1)
    expect(typeof body.errors[0].message).toBe('string')
    return body.errors[0] as { message: string; extensions: { code: string; [k: string]: unknown } }
  }

  it('answers 304 to an If-None-Match list holding the tag, to `*`, and to the weak form of the tag (GraphQL, tiles, downloads)', async () => {
    for (const url of [regionsUrl(), tile(), `${server.url}/data/regions.csv`]) {
      const etag = (await fetch(url)).headers.get('etag')!
      expect(etag, url).toMatch(/^".+"$/)
      for (const inm of [`"other", ${etag}`, `${etag}, "other"`, '*', `W/${etag}`, `"a", W/${etag}`]) {
        expect((await fetch(url, { headers: { 'if-none-match': inm } })).status, `${url} ${inm}`).toBe(304)
      }
      expect((await fetch(url, { headers: { 'if-none-match': '"other", W/"another"' } })).status, url).toBe(200)
    }
  })

  it('answers other methods 405 with Allow on each kind of route, in the one error body shape', async () => {
    const cases: [string, string, string][] = [
      ['PUT', '/graphql', 'GET, POST, HEAD, OPTIONS'],
      ['DELETE', '/graphql', 'GET, POST, HEAD, OPTIONS'],
      ['POST', '/tiles/regions/8/208/101.pbf', 'GET, HEAD, OPTIONS'],
      ['PUT', '/tiles/regions/8/208/101.pbf', 'GET, HEAD, OPTIONS'],
      ['POST', '/data/regions.csv', 'GET, HEAD, OPTIONS'],
      ['POST', '/healthz', 'GET, HEAD'],
      ['DELETE', '/config.json', 'GET, HEAD'],
      ['POST', '/graphiql', 'GET, HEAD'],
      ['POST', '/', 'GET, HEAD'],
    ]
    for (const [method, path, allow] of cases) {
      const res = await fetch(server.url + path, { method })
      expect(res.status, `${method} ${path}`).toBe(405)
      expect(res.headers.get('allow'), `${method} ${path}`).toBe(allow)
      const error = await errorOf(res)
      expect(error.extensions.code).toBe('METHOD_NOT_ALLOWED')
      expect(error.message).toContain(method)
    }
  })

  it("answers HEAD wherever GET is served: the GET's headers and length, no body", async () => {
    for (const path of [
      new URL(regionsUrl()).pathname + new URL(regionsUrl()).search,
      '/tiles/regions/8/208/101.pbf',
      '/data/service-points.csv',
      '/healthz',
      '/config.json',
    ]) {
      const get = await rawRequest(server.url + path, { headers: { 'accept-encoding': 'gzip' } })
      const head = await rawRequest(server.url + path, { method: 'HEAD', headers: { 'accept-encoding': 'gzip' } })
      expect(head.status, path).toBe(200)
      expect(head.body.length, path).toBe(0)
      expect(head.headers['content-length'], path).toBe(get.headers['content-length'])
      expect(head.headers['content-type'], path).toBe(get.headers['content-type'])
      expect(head.headers.etag, path).toBe(get.headers.etag)
    }
  })

  it('uses one error body shape with extensions.code for 404, 405, 413, malformed JSON and 400', async () => {
    expect((await errorOf(await fetch(`${server.url}/nothing-here.js`))).extensions.code).toBe('NOT_FOUND')
    expect((await errorOf(await fetch(`${server.url}/data/nothing.csv`))).extensions.code).toBe('NOT_FOUND')
    expect((await errorOf(await fetch(`${server.url}/tiles/rivers/3/1/1.pbf`))).extensions.code).toBe('NOT_FOUND')
    expect((await errorOf(await fetch(`${server.url}/graphql`, { method: 'PATCH' }))).extensions.code).toBe('METHOD_NOT_ALLOWED')
    const big = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', padding: 'x'.repeat(1_100_000) }),
    })
    expect(big.status).toBe(413)
    expect((await errorOf(big)).extensions.code).toBe('PAYLOAD_TOO_LARGE')
    const malformed = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' })
    expect(malformed.status).toBe(400)
    const parse = await errorOf(malformed)
    expect(parse.extensions.code).toBe('BAD_REQUEST')
    expect(parse.message).toMatch(/not valid JSON/)
    const tile400 = await fetch(`${server.url}/tiles/regions/3/9/1.pbf`)
    expect(tile400.status).toBe(400)
    expect((await errorOf(tile400)).extensions.code).toBe('BAD_USER_INPUT')
  })

  it('sends identity bytes to a client that asks for identity (and to one that sends no Accept-Encoding)', async () => {
    for (const headers of [{ 'accept-encoding': 'identity' }, {} as Record<string, string>]) {
      for (const path of ['/tiles/regions/8/208/101.pbf', '/data/regions.geojson']) {
        const res = await rawRequest(server.url + path, { headers })
        expect(res.status, path).toBe(200)
        expect(res.headers['content-encoding'], path).toBeUndefined()
        expect(Number(res.headers['content-length'])).toBe(res.body.length)
      }
    }
  })

  it('keeps the query string through the /graphiql redirect', async () => {
    const query = '{ tasks { code } }'
    const res = await fetch(`${server.url}/graphiql?${new URLSearchParams({ query }).toString()}`, { redirect: 'manual' })
    expect(res.status).toBe(308)
    expect(res.headers.get('location')).toBe(`/graphiql/?${new URLSearchParams({ query }).toString()}`)
    expect((await fetch(`${server.url}/graphiql`, { redirect: 'manual' })).headers.get('location')).toBe('/graphiql/')
  })

  it('refuses a NUL (or other control character) in a parameter with 400 naming it, before any SQL', async () => {
    for (const path of [
      '/data/regions.csv?county=%00',
      '/tiles/regions/8/208/101.pbf?county=41%000184',
      '/data/datapackage.json?county=%01',
      '/graphql?query=%00',
    ]) {
      const before = server.app.sqlStatements()
      const res = await fetch(server.url + path)
      expect(res.status, path).toBe(400)
      const error = await errorOf(res)
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', parameter: path.includes('query=') ? 'query' : 'county' })
      expect(error.message).toMatch(/NUL|control character/)
      expect(server.app.sqlStatements(), path).toBe(before)
    }
  })

  it('answers CORS preflights on the data and tile routes as on /graphql', async () => {
    for (const path of ['/graphql', '/data/regions.csv', '/tiles/regions/8/208/101.pbf']) {
      const res = await fetch(server.url + path, { method: 'OPTIONS', headers: { origin: 'https://example.org', 'access-control-request-method': 'GET' } })
      expect(res.status, path).toBe(204)
      expect(res.headers.get('access-control-allow-origin')).toBe('*')
      expect(res.headers.get('access-control-allow-methods')).toContain('GET')
    }
  })
})
