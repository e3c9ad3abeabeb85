/** Hostile or broken input and shutdown; each test names what it protects. */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile, ImportError } from '../../db/import/import.ts'
import { createToken } from '../../server/src/auth/token.repository.ts'
import { createUser, setOwnPassword } from '../../server/src/users/user.repository.ts'
import { backend } from '../setup/database.ts'
import { startTestServer, type TestServer } from '../setup/server.ts'
import { ROOT } from '../setup/templates.ts'

let server: TestServer
let admin: string
beforeAll(async () => {
  server = await startTestServer()
  admin = (await createToken(server.db, 'hardening-admin', 'admin')).token
})
afterAll(() => server.close())

const post = (body: object, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }).then(
    async (r) => ({ status: r.status, body: (await r.json()) as any }),
  )

describe('writes', () => {
  it('refuses a mutation from a foreign web page that carries no token (protects against CSRF)', async () => {
    const res = await post(
      { query: 'mutation { deleteServicePoint(id: "ip-service-410184101") }' },
      { origin: 'https://evil.example', cookie: 'session=whatever' },
    )
    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED')
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from service_point where id = 'ip-service-410184101'`.execute(server.db)
    expect(rows[0].n).toBe(1)
  })

  it('refuses a signed-in write from another site, and one without the CSRF token (protects sessions against CSRF)', async () => {
    const { user } = await createUser(server.db, { username: 'hardening-clerk', role: 'editor' }, 'cli:test')
    await setOwnPassword(server.db, user.id, 'a long enough password', undefined, 'cli:test')
    const signIn = await fetch(`${server.url}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'hardening-clerk', password: 'a long enough password' }),
    })
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]
    const { csrfToken } = (await signIn.json()) as { csrfToken: string }
    const mutation = { query: 'mutation { deleteServicePoint(id: "ip-service-410184101") }' }
    const foreign = await post(mutation, { origin: 'https://evil.example', cookie, 'x-csrf-token': csrfToken })
    expect(foreign.status).toBe(403)
    expect(foreign.body.errors[0].extensions.code).toBe('CROSS_SITE')
    const noToken = await post(mutation, { cookie })
    expect(noToken.body.errors[0].extensions.code).toBe('FORBIDDEN')
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from service_point where id = 'ip-service-410184101'`.execute(server.db)
    expect(rows[0].n).toBe(1)
  })

  it('keeps sign-in slow for guessers: 5 wrong passwords lock the account (protects against password guessing)', async () => {
    await createUser(server.db, { username: 'guessed', role: 'editor' }, 'cli:test')
    const attempt = () =>
      fetch(`${server.url}/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'guessed', password: 'guess' }),
      })
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) statuses.push((await attempt()).status)
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429])
  })

  it('refuses GeoJSON with NaN coordinates or a self-intersecting ring, naming the field (protects the map from broken geometry)', async () => {
    const REPLACE = 'mutation ($b: GeoJSON!) { replaceRegionBoundary(code: "410184101", boundary: $b) { code } }'
    const auth = { authorization: `Bearer ${admin}` }
    const nan = await post(
      {
        query: REPLACE,
        variables: {
          b: {
            type: 'Polygon',
            coordinates: [
              [
                [113.7, 34.4],
                [113.8, 'NaN'],
                [113.8, 34.5],
                [113.7, 34.4],
              ],
            ],
          },
        },
      },
      auth,
    )
    expect(nan.body.errors[0].extensions.code).toBe('BAD_USER_INPUT')
    const bowtie = await post(
      {
        query: REPLACE,
        variables: {
          b: {
            type: 'Polygon',
            coordinates: [
              [
                [113.7, 34.4],
                [113.8, 34.5],
                [113.8, 34.4],
                [113.7, 34.5],
                [113.7, 34.4],
              ],
            ],
          },
        },
      },
      auth,
    )
    expect(bowtie.body.errors[0].extensions.code).toBe('BAD_USER_INPUT')
    expect(JSON.stringify(bowtie.body.errors[0])).toMatch(/boundary/)
    const { rows } = await sql<{ q: string }>`select boundary_quality as q from region where code = '410184101'`.execute(server.db)
    expect(rows[0].q).toBe('APPROXIMATE')
  })

  it('refuses a CSV saved in GBK with a sentence saying to save it as UTF-8, and writes nothing (protects against garbled Chinese)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gbk-'))
    try {
      const file = path.join(dir, 'service-points.csv')
      // "id,name_zh" then a row with 新郑 encoded in GBK (0xD0C2 0xD6A3): not valid UTF-8.
      writeFileSync(file, Buffer.concat([Buffer.from('id,name_zh\nip-service-410184101,'), Buffer.from([0xd0, 0xc2, 0xd6, 0xa3]), Buffer.from('\n')]))
      const error = await importFile(server.db, { resource: 'service-points', file, county: '410184' }).catch((e) => e)
      expect(error).toBeInstanceOf(ImportError)
      expect(error.problems.join(' ')).toMatch(/not UTF-8.*CSV UTF-8/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe.runIf(backend === 'pglite')('SIGTERM (protects requests in flight and the data folder at shutdown)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ip-drain-'))
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it('stops accepting, answers the request in flight, closes the database and exits 0', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const { port } = s.address() as { port: number }
        s.close(() => resolve(port))
      })
    })
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
      stdio: 'ignore',
    })
    const exit = new Promise<number | null>((r) => child.on('exit', (code) => r(code)))
    for (let t0 = Date.now(); Date.now() - t0 < 90_000; await new Promise((r) => setTimeout(r, 100))) {
      if (
        await fetch(`http://127.0.0.1:${port}/healthz`).then(
          (r) => r.status === 200,
          () => false,
        )
      )
        break
    }
    // A request whose body is still arriving when SIGTERM comes.
    const body = JSON.stringify({ query: '{ region(code: "410184") { name } }' })
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/graphql',
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          let text = ''
          res.on('data', (d) => (text += d))
          res.on('end', () => resolve({ status: res.statusCode!, text }))
        },
      )
      req.on('error', reject)
      req.write(body.slice(0, 10))
      setTimeout(() => {
        child.kill('SIGTERM')
        setTimeout(() => {
          void (async () => {
            // New connections are refused by now.
            const refused = await fetch(`http://127.0.0.1:${port}/healthz`).then(
              () => false,
              () => true,
            )
            expect(refused).toBe(true)
            req.end(body.slice(10))
          })()
        }, 500)
      }, 200)
    })
    const { status, text } = await answer
    expect(status).toBe(200)
    expect(JSON.parse(text).data.region.name).toBe('新郑市')
    expect(await exit).toBe(0)
  }, 150_000)
})
