/**
 * Response compression: every coding a client may ask for (br, gzip, identity) is served and decodes
 * to the same bytes, with `Vary: Accept-Encoding`, Content-Length of the bytes sent, an ETag per
 * coding and 304 for any coding's tag; static files come precompressed from the build.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { precompressFolder } from '../../server/src/http/precompress.ts'
import { decoded, rawRequest, type RawResponse } from '../setup/raw-http.ts'
import { startTestServer, type TestServer } from '../setup/server.ts'

let server: TestServer
let webRoot: string
const script = `// a built asset\n${Array.from({ length: 400 }, (_, i) => `export const value${i} = 'ip-${i}'`).join('\n')}\n`
beforeAll(async () => {
  webRoot = mkdtempSync(path.join(tmpdir(), 'web-'))
  writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>t</title>')
  mkdirSync(path.join(webRoot, 'assets'))
  writeFileSync(path.join(webRoot, 'assets/app-0123abcd.js'), script)
  expect(await precompressFolder(webRoot)).toBe(1) // index.html is under 1 KB
  server = await startTestServer({ webRoot })
})
afterAll(async () => {
  await server?.close()
  rmSync(webRoot, { recursive: true, force: true })
})

const CODINGS = [
  { accept: 'br, gzip', encoding: 'br' },
  { accept: 'gzip', encoding: 'gzip' },
  { accept: 'identity', encoding: undefined },
] as const

/** Fetches `url` in each coding; checks each decodes to the identity bytes, and returns the responses. */
async function expectEveryCoding(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse[]> {
  const responses: RawResponse[] = []
  for (const { accept, encoding } of CODINGS) {
    const res = await rawRequest(url, { ...options, headers: { ...options.headers, 'accept-encoding': accept } })
    expect(res.status, `${url} ${accept}`).toBe(200)
    expect(res.headers['content-encoding'], `${url} ${accept}`).toBe(encoding)
    expect(Number(res.headers['content-length'])).toBe(res.body.length)
    expect(res.headers.vary, url).toMatch(/accept-encoding/i)
    responses.push(res)
  }
  const identity = responses[2].body
  expect(identity.length).toBeGreaterThan(1024)
  for (const res of responses) expect(decoded(res).equals(identity)).toBe(true)
  expect(responses[0].body.length).toBeLessThan(identity.length)
  expect(responses[1].body.length).toBeLessThan(identity.length)
  return responses
}

/** Each coding has its own ETag, and a tag of any coding of the same representation gives 304 (with the asked coding's tag). */
async function expectEtagPerCoding(url: string, responses: RawResponse[]): Promise<void> {
  const tags = responses.map((r) => r.headers.etag!)
  expect(new Set(tags).size).toBe(3)
  expect(tags[0]).toBe(tags[2].replace(/"$/, '-br"'))
  expect(tags[1]).toBe(tags[2].replace(/"$/, '-gz"'))
  for (const tag of tags) {
    const res = await rawRequest(url, { headers: { 'accept-encoding': 'br', 'if-none-match': tag } })
    expect(res.status, tag).toBe(304)
    expect(res.body.length).toBe(0)
    expect(res.headers.etag).toBe(tags[0])
    expect(res.headers.vary).toMatch(/accept-encoding/i)
  }
}

describe('static assets, precompressed at build time', () => {
  it('serves the .br and .gz files written beside the asset, decoding to the asset', async () => {
    const responses = await expectEveryCoding(`${server.url}/assets/app-0123abcd.js`)
    expect(decoded(responses[0]).toString()).toBe(script)
    expect(responses[0].headers['cache-control']).toBe('public, max-age=31536000, immutable')
    await expectEtagPerCoding(`${server.url}/assets/app-0123abcd.js`, responses)
  })

  it('sends a small file as it is, without Vary', async () => {
    const res = await rawRequest(`${server.url}/index.html`, { headers: { 'accept-encoding': 'br, gzip' } })
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(res.headers.vary).toBeUndefined()
  })
})

describe('GraphQL responses, compressed on the fly and kept compressed in the cache', () => {
  const url = () => `${server.url}/graphql?${new URLSearchParams({ query: '{ regions { code name nameEn level population areaKm2 } }' }).toString()}`

  it('GET: every coding decodes to the same JSON, a cache hit sends the bytes kept at the miss, 304 per coding', async () => {
    const responses = await expectEveryCoding(url())
    expect(JSON.parse(decoded(responses[0]).toString()).data.regions.length).toBeGreaterThan(10)
    expect(responses[0].headers['x-cache']).toBe('miss')
    expect(responses[0].headers.vary).toMatch(/^accept, accept-encoding$/i)
    const hit = await rawRequest(url(), { headers: { 'accept-encoding': 'br' } })
    expect(hit.headers['x-cache']).toBe('hit')
    expect(hit.body.equals(responses[0].body)).toBe(true)
    await expectEtagPerCoding(url(), responses)
  })

  it('POST: compressed by Accept-Encoding, never cached', async () => {
    const body = JSON.stringify({ query: '{ indicators { code name unit category } }' })
    const responses = await expectEveryCoding(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    expect(responses.every((r) => r.headers['cache-control'] === 'no-store' && r.headers.etag === undefined)).toBe(true)
    expect(JSON.parse(decoded(responses[1]).toString()).data.indicators.length).toBeGreaterThan(10)
  })

  it('sends a response under 1 KB uncompressed', async () => {
    const res = await rawRequest(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'accept-encoding': 'br, gzip' } })
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(res.body.toString()).toBe('{"data":{"__typename":"Query"}}\n')
  })
})

describe('downloads', () => {
  for (const file of ['service-points.csv', 'regions.geojson']) {
    it(`${file}: every coding decodes to the same file, with an ETag per coding and 304`, async () => {
      const responses = await expectEveryCoding(`${server.url}/data/${file}`)
      expect(responses[0].headers['content-disposition']).toBe(`attachment; filename="xinzheng-ip-${file}"`)
      await expectEtagPerCoding(`${server.url}/data/${file}`, responses)
    })
  }

  it('service-points.csv?lang=zh: every coding decodes to the Chinese file, with ETags of its own (none shared with the default file)', async () => {
    const url = `${server.url}/data/service-points.csv?lang=zh`
    const responses = await expectEveryCoding(url)
    expect(responses[0].headers['content-disposition']).toBe('attachment; filename="xinzheng-ip-service-points.zh.csv"')
    expect(decoded(responses[2]).toString()).toContain('站点类别')
    await expectEtagPerCoding(url, responses)
    const machineTags = (await expectEveryCoding(`${server.url}/data/service-points.csv`)).map((r) => r.headers.etag)
    expect(responses.map((r) => r.headers.etag).filter((t) => machineTags.includes(t))).toEqual([])
  })
})

describe('vector tiles (kept gzip-compressed)', () => {
  const tile = () => `${server.url}/tiles/regions/8/208/101.pbf`

  it('sends gzip to a client that accepts it and the decompressed tile to one that does not', async () => {
    const gz = await rawRequest(tile(), { headers: { 'accept-encoding': 'gzip, deflate' } })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gz.headers.vary).toMatch(/accept-encoding/i)
    for (const accept of ['identity', 'br', undefined]) {
      const plain = await rawRequest(tile(), { headers: accept ? { 'accept-encoding': accept } : {} })
      expect(plain.status).toBe(200)
      expect(plain.headers['content-encoding'], String(accept)).toBeUndefined()
      expect(plain.body.equals(decoded(gz))).toBe(true)
      expect(Number(plain.headers['content-length'])).toBe(plain.body.length)
      expect(plain.headers.etag).toBe(gz.headers.etag!.replace(/-gz"$/, '"'))
    }
    expect(decoded(gz).length).toBeGreaterThan(1000)
    const again = await rawRequest(tile(), { headers: { 'if-none-match': gz.headers.etag! } })
    expect(again.status).toBe(304)
  })
})

describe('Accept-Encoding', () => {
  const url = () => `${server.url}/data/service-points.csv`
  it('follows q-values and refuses what q=0 refuses', async () => {
    const coding = async (accept: string) => (await rawRequest(url(), { headers: { 'accept-encoding': accept } })).headers['content-encoding']
    expect(await coding('gzip;q=1, br;q=0.5')).toBe('gzip')
    expect(await coding('br;q=0, *')).toBe('gzip')
    expect(await coding('*')).toBe('br')
    expect(await coding('identity, *;q=0')).toBeUndefined()
    expect(await coding('deflate')).toBeUndefined()
    expect(await coding('gzip;q=0, br;q=0')).toBeUndefined()
  })
})
