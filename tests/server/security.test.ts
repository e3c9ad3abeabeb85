/** Rate limits and security headers; each test names what it protects against. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../setup/server.ts'

const QUERY = `/graphql?${new URLSearchParams({ query: '{ __typename }' }).toString()}`

describe('rate limit (protects the public API from one client flooding it)', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({ config: { rateLimit: { perMinute: 60, burst: 5, trustedProxies: 1 } } })
  })
  afterAll(() => server.close())

  it('answers a burst within the limit with RateLimit headers, then 429 with Retry-After', async () => {
    const statuses: number[] = []
    let last: Response | undefined
    for (let i = 0; i < 7; i++) {
      last = await fetch(server.url + QUERY, { headers: { 'x-forwarded-for': '203.0.113.7' } })
      statuses.push(last.status)
      if (i === 0) {
        expect(last.headers.get('ratelimit-limit')).toBe('5')
        expect(last.headers.get('ratelimit-remaining')).toBe('4')
      }
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429])
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(((await last!.json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED')
  })

  it("counts each client apart, as identified by the trusted proxy's X-Forwarded-For", async () => {
    const other = await fetch(server.url + QUERY, { headers: { 'x-forwarded-for': '198.51.100.9' } })
    expect(other.status).toBe(200)
    // A client cannot dodge the limit by writing its own X-Forwarded-For entries in front of the proxy's.
    const spoofed = await fetch(server.url + QUERY, { headers: { 'x-forwarded-for': '192.0.2.1, 203.0.113.7' } })
    expect(spoofed.status).toBe(429)
  })

  it('leaves /healthz and the web app unlimited', async () => {
    for (let i = 0; i < 8; i++) expect((await fetch(`${server.url}/healthz`, { headers: { 'x-forwarded-for': '203.0.113.7' } })).status).toBe(200)
  })
})

describe('security headers', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({ config: { headers: { frameAncestors: "'none'", extraOrigins: [], hstsMaxAge: 600, trustProxy: true } } })
  })
  afterAll(() => server.close())

  it('sends a CSP that allows no inline or foreign scripts, and workers from blob: (protects against script injection)', async () => {
    const res = await fetch(`${server.url}/healthz`)
    const csp = res.headers.get('content-security-policy')!
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
    expect(csp).toContain("worker-src 'self' blob:")
    expect(csp).toContain("frame-ancestors 'none'")
  })

  it('sends nosniff and a referrer policy (protects against MIME confusion and leaking URLs)', async () => {
    const res = await fetch(server.url + QUERY)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
  })

  it('sends Strict-Transport-Security only over HTTPS (as told by the trusted proxy)', async () => {
    expect((await fetch(`${server.url}/healthz`)).headers.get('strict-transport-security')).toBeNull()
    const https = await fetch(`${server.url}/healthz`, { headers: { 'x-forwarded-proto': 'https' } })
    expect(https.headers.get('strict-transport-security')).toBe('max-age=600; includeSubDomains')
  })
})

describe('CSP and basemaps', () => {
  it('lets the browser load a configured basemap and nothing else from outside', async () => {
    const { configFromEnv } = await import('../../server/src/config.ts')
    const { contentSecurityPolicy } = await import('../../server/src/security/headers.ts')
    const none = contentSecurityPolicy(configFromEnv({}).headers!)
    expect(none).toContain("img-src 'self' data: blob:;")
    const tdt = contentSecurityPolicy(
      configFromEnv({ TIANDITU_TOKEN: 'abcdef0123456789abcdef0123456789', BASEMAP_TILES: 'https://tiles.example.org/{z}/{x}/{y}.png' }).headers!,
    )
    expect(tdt).toMatch(/img-src 'self' data: blob: https:\/\/t0\.tianditu\.gov\.cn .*https:\/\/tiles\.example\.org/)
    expect(tdt).toMatch(/connect-src 'self' https:\/\/t0\.tianditu\.gov\.cn/)
  })
})

describe('request timeout (protects the server from clients that trickle their requests, e.g. slowloris)', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({ config: { requestTimeoutMs: 1500 } })
  })
  afterAll(() => server.close())

  it('answers 408 and closes a connection whose request does not arrive in time', async () => {
    const { connect } = await import('node:net')
    const port = Number(new URL(server.url).port)
    const t0 = Date.now()
    const reply = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"query":'))
      let text = ''
      socket.on('data', (d) => (text += d.toString()))
      socket.on('close', () => resolve(text))
    })
    expect(reply).toMatch(/^HTTP\/1\.1 408/)
    expect(Date.now() - t0).toBeLessThan(5000)
  })
})
