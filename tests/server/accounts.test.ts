/**
 * Accounts and sessions over real HTTP: sign-in (wrong password, lock-out, disabled user), the session
 * cookie and its CSRF token, expiry, sign-out, password change, cross-site POSTs, the admin's user
 * management in GraphQL, and the township editor's scope (FORBIDDEN naming the region).
 */
import { Writable } from 'node:stream'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LOG_REDACT } from '../../server/src/app.ts'
import { SESSION_COOKIE } from '../../server/src/auth/session.ts'
import { createUser, setOwnPassword } from '../../server/src/users/user.repository.ts'
import { startTestServer, type TestServer } from '../setup/server.ts'

let server: TestServer
const TOWN = '410184101' // 新村镇
const OTHER = '410184102' // 辛店镇
const COUNTY = '410184'
const PASSWORD = 'correct horse battery'

beforeAll(async () => {
  server = await startTestServer()
  for (const [username, role, regions, displayName] of [
    ['root', 'admin', [], '管理员 Admin'],
    ['xincun', 'township-editor', [TOWN], '李四 · 新村镇'],
  ] as const) {
    const { user } = await createUser(server.db, { username, role, regions: [...regions], displayName }, 'cli:test')
    await setOwnPassword(server.db, user.id, PASSWORD, undefined, 'cli:test')
  }
})
afterAll(() => server.close())

interface Session {
  cookie: string
  csrf: string
  body: any
}

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: response.status, headers: response.headers, body: (await response.json()) as any }
}

async function signIn(username: string, password = PASSWORD): Promise<Session> {
  const r = await post('/auth/sign-in', { username, password })
  expect(r.status, JSON.stringify(r.body)).toBe(200)
  const cookie = r.headers.get('set-cookie')!.split(';')[0]
  return { cookie, csrf: r.body.csrfToken, body: r.body }
}

async function graphql(session: Session | undefined, query: string, variables: Record<string, unknown> = {}, extra: Record<string, string> = {}) {
  const headers: Record<string, string> = session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}
  return post('/graphql', { query, variables }, { ...headers, ...extra })
}

const UPSERT = `mutation ($input: ServicePointInput!) { upsertServicePoint(input: $input) { id region { code } } }`
const RECORD = `mutation ($input: IndicatorValueInput!) { recordIndicatorValue(input: $input) { value region { code } } }`
const CREATE = `mutation ($input: CreateUserInput!) { createUser(input: $input) { oneTimePassword user { username displayName role regions disabled mustChangePassword } } }`
const UPDATE = `mutation ($username: ID!, $input: UpdateUserInput!) { updateUser(username: $username, input: $input) { username role regions disabled } }`

async function seatOf(code: string): Promise<[number, number]> {
  const r = await server.query(`query ($code: ID!) { region(code: $code) { seat } }`, { code })
  return r.data.region.seat.coordinates
}

async function countRows(table: 'app_user' | 'user_session' | 'audit_log' | 'service_point'): Promise<number> {
  return Number((await server.db.selectFrom(table).select(server.db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
}

describe('sign-in', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and returns the user and a CSRF token', async () => {
    const r = await post('/auth/sign-in', { username: 'XinCun ', password: PASSWORD })
    expect(r.status).toBe(200)
    const cookie = r.headers.get('set-cookie')!
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[\\w-]{43}; Max-Age=43200; Path=/; HttpOnly; SameSite=Strict$`))
    expect(r.body.user).toEqual({ username: 'xincun', displayName: '李四 · 新村镇', role: 'township-editor', regions: [TOWN], mustChangePassword: false })
    expect(r.body.csrfToken).toMatch(/^[\w-]{43}$/)
    expect(r.headers.get('cache-control')).toBe('no-store')
    // The database keeps a hash of the id, never the id.
    const id = cookie.split(';')[0].split('=')[1]
    const rows = await server.db.selectFrom('user_session').select('id_hash').execute()
    expect(rows.map((s) => s.id_hash).join()).not.toContain(id)
  })

  it('does not believe X-Forwarded-Proto without a trusted proxy (no Secure)', async () => {
    const r = await post('/auth/sign-in', { username: 'root', password: PASSWORD }, { 'x-forwarded-proto': 'https' })
    expect(r.headers.get('set-cookie')).not.toMatch(/Secure/)
  })

  it('refuses a wrong password and an unknown user alike (401), and the unknown one takes as long', async () => {
    const timed = async (username: string) => {
      const start = performance.now()
      const r = await post('/auth/sign-in', { username, password: 'not the password' })
      return { ms: performance.now() - start, r }
    }
    await createUser(server.db, { username: 'timing', role: 'editor' }, 'cli:test')
    const wrong = [await timed('timing'), await timed('timing')]
    const unknown = [await timed('nobody-here'), await timed('nobody-here')]
    for (const { r } of [...wrong, ...unknown]) {
      expect(r.status).toBe(401)
      expect(r.body.errors[0]).toMatchObject({ extensions: { code: 'WRONG_CREDENTIALS' }, message: expect.stringMatching(/Wrong username or password/) })
    }
    const fastest = (xs: { ms: number }[]) => Math.min(...xs.map((x) => x.ms))
    console.log(`sign-in refusal: wrong password ${fastest(wrong).toFixed(0)} ms, unknown user ${fastest(unknown).toFixed(0)} ms`)
    expect(fastest(unknown)).toBeGreaterThan(fastest(wrong) * 0.4)
  })

  it('locks an account after 5 failed sign-ins (429 with Retry-After), even for the right password', async () => {
    await createUser(server.db, { username: 'locked', role: 'editor' }, 'cli:test')
    const { id } = await server.db.selectFrom('app_user').select('id').where('username', '=', 'locked').executeTakeFirstOrThrow()
    await setOwnPassword(server.db, String(id), PASSWORD, undefined, 'cli:test')
    for (let i = 0; i < 5; i++) expect((await post('/auth/sign-in', { username: 'locked', password: 'wrong' + i })).status).toBe(401)
    const r = await post('/auth/sign-in', { username: 'locked', password: PASSWORD })
    expect(r.status).toBe(429)
    expect(r.body.errors[0].extensions.code).toBe('ACCOUNT_LOCKED')
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(50)
  })

  it('refuses a disabled user (403), and disabling ends their sessions', async () => {
    await createUser(server.db, { username: 'leaver', role: 'editor' }, 'cli:test')
    const { id } = await server.db.selectFrom('app_user').select('id').where('username', '=', 'leaver').executeTakeFirstOrThrow()
    await setOwnPassword(server.db, String(id), PASSWORD, undefined, 'cli:test')
    const session = await signIn('leaver')
    const admin = await signIn('root')
    expect((await graphql(admin, UPDATE, { username: 'leaver', input: { disabled: true } })).body.data.updateUser.disabled).toBe(true)
    const again = await post('/auth/sign-in', { username: 'leaver', password: PASSWORD })
    expect(again.status).toBe(403)
    expect(again.body.errors[0].extensions.code).toBe('ACCOUNT_DISABLED')
    const write = await graphql(session, RECORD, { input: { indicator: 'x', year: 2024, kind: 'ACTUAL', value: 1, source: 's' } })
    expect(write.body.errors[0].extensions.code).toBe('UNAUTHENTICATED')
  })

  it('names the field of a bad body and writes nothing', async () => {
    const before = await countRows('user_session')
    for (const [body, field] of [
      [{ password: PASSWORD }, 'username'],
      [{ username: 'root' }, 'password'],
      [{ username: 3, password: PASSWORD }, 'username'],
      [{ username: 'root', password: 'x'.repeat(5000) }, 'password'],
      [{ username: 'root\u0000', password: PASSWORD }, 'username'],
      [[1, 2], 'username'],
    ] as const) {
      const r = await post('/auth/sign-in', body)
      expect(r.status, JSON.stringify(body)).toBe(400)
      expect(r.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field })
    }
    expect((await post('/auth/sign-in', '{"username":')).status).toBe(400)
    const text = await fetch(`${server.url}/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'username=root' })
    expect(text.status).toBe(415)
    expect(await countRows('user_session')).toBe(before)
  })
})

describe('sessions', () => {
  it('GET /auth/me says who is signed in, with the CSRF token; nobody without a cookie', async () => {
    const s = await signIn('xincun')
    const me = await fetch(`${server.url}/auth/me`, { headers: { cookie: s.cookie } })
    expect(await me.json()).toMatchObject({ user: { username: 'xincun', displayName: '李四 · 新村镇' }, csrfToken: s.csrf })
    expect(await (await fetch(`${server.url}/auth/me`)).json()).toEqual({ user: null })
  })

  it('an expired session is not signed in: UNAUTHENTICATED', async () => {
    const s = await signIn('xincun')
    await server.db
      .updateTable('user_session')
      .set({ expires_at: new Date(Date.now() - 1000), created_at: new Date(Date.now() - 2000) })
      .execute()
    const r = await graphql(s, RECORD, { input: { indicator: 'x', year: 2024, kind: 'ACTUAL', value: 1, source: 's', region: TOWN } })
    expect(r.body.errors[0].extensions.code).toBe('UNAUTHENTICATED')
    expect(r.body.errors[0].message).toMatch(/session has ended/)
    expect(await (await fetch(`${server.url}/auth/me`, { headers: { cookie: s.cookie } })).json()).toEqual({ user: null })
  })

  it('a signed-in write without the CSRF token is FORBIDDEN, and nothing is written', async () => {
    const s = await signIn('xincun')
    const [lng, lat] = await seatOf(TOWN)
    const before = await countRows('service_point')
    const input = { id: 'csrf-test', nameZh: '测试站', nameEn: 'Test', kind: 'IP_SERVICE_STATION', status: 'PLANNED', lng, lat, source: 'test' }
    const r = await post('/graphql', { query: UPSERT, variables: { input } }, { cookie: s.cookie })
    expect(r.body.errors[0].extensions.code).toBe('FORBIDDEN')
    expect(r.body.errors[0].message).toMatch(/X-CSRF-Token/)
    const wrong = await post('/graphql', { query: UPSERT, variables: { input } }, { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(43) })
    expect(wrong.body.errors[0].extensions.code).toBe('FORBIDDEN')
    expect(await countRows('service_point')).toBe(before)
    expect((await post('/auth/sign-out', {}, { cookie: s.cookie })).body.errors[0].extensions.code).toBe('CSRF_TOKEN_MISSING')
  })

  it('refuses a cross-site POST (Origin of another site, or Sec-Fetch-Site: cross-site) with 403', async () => {
    const s = await signIn('xincun')
    const evil = { origin: 'https://evil.example' }
    for (const [path, body] of [
      ['/auth/sign-in', { username: 'xincun', password: PASSWORD }],
      ['/auth/sign-out', {}],
      ['/auth/password', { currentPassword: PASSWORD, newPassword: 'another long password' }],
      ['/graphql', { query: RECORD, variables: { input: { indicator: 'x', year: 2024, kind: 'ACTUAL', value: 1, source: 's', region: TOWN } } }],
    ] as const) {
      const r = await post(path, body, { cookie: s.cookie, 'x-csrf-token': s.csrf, ...evil })
      expect(r.status, path).toBe(403)
      expect(r.body.errors[0].extensions.code).toBe('CROSS_SITE')
      const fetchSite = await post(path, body, { cookie: s.cookie, 'x-csrf-token': s.csrf, 'sec-fetch-site': 'cross-site' })
      expect(fetchSite.status, path).toBe(403)
    }
    // Our own origin is fine.
    const own = await post('/auth/sign-out', {}, { cookie: s.cookie, 'x-csrf-token': s.csrf, origin: server.url })
    expect(own.status).toBe(200)
  })

  it('sign-out deletes the session and clears the cookie', async () => {
    const s = await signIn('xincun')
    const before = await countRows('user_session')
    const r = await post('/auth/sign-out', {}, { cookie: s.cookie, 'x-csrf-token': s.csrf })
    expect(r.status).toBe(200)
    expect(r.headers.get('set-cookie')).toMatch(new RegExp(`^${SESSION_COOKIE}=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict`))
    expect(await countRows('user_session')).toBe(before - 1)
    expect(await (await fetch(`${server.url}/auth/me`, { headers: { cookie: s.cookie } })).json()).toEqual({ user: null })
    expect((await post('/auth/sign-out', {}, { cookie: s.cookie, 'x-csrf-token': s.csrf })).status).toBe(401)
  })

  it('a password change needs the current password, checks the new one, and ends the other sessions', async () => {
    await createUser(server.db, { username: 'changer', role: 'editor' }, 'cli:test')
    const { id } = await server.db.selectFrom('app_user').select('id').where('username', '=', 'changer').executeTakeFirstOrThrow()
    await setOwnPassword(server.db, String(id), PASSWORD, undefined, 'cli:test')
    const here = await signIn('changer')
    const elsewhere = await signIn('changer')
    const change = (body: unknown) => post('/auth/password', body, { cookie: here.cookie, 'x-csrf-token': here.csrf })
    for (const [body, field] of [
      [{ currentPassword: 'wrong password', newPassword: 'a new long password' }, 'currentPassword'],
      [{ currentPassword: PASSWORD, newPassword: 'short' }, 'newPassword'],
      [{ currentPassword: PASSWORD, newPassword: PASSWORD }, 'newPassword'],
      [{ currentPassword: PASSWORD }, 'newPassword'],
    ] as const) {
      const r = await change(body)
      expect(r.status, JSON.stringify(body)).toBe(400)
      expect(r.body.errors[0].extensions.field).toBe(field)
    }
    expect((await post('/auth/sign-in', { username: 'changer', password: PASSWORD })).status).toBe(200)
    expect((await change({ currentPassword: PASSWORD, newPassword: 'a new long password' })).status).toBe(200)
    expect((await post('/auth/sign-in', { username: 'changer', password: PASSWORD })).status).toBe(401)
    expect((await post('/auth/sign-in', { username: 'changer', password: 'a new long password' })).status).toBe(200)
    expect(((await (await fetch(`${server.url}/auth/me`, { headers: { cookie: here.cookie } })).json()) as any).user.username).toBe('changer')
    expect(await (await fetch(`${server.url}/auth/me`, { headers: { cookie: elsewhere.cookie } })).json()).toEqual({ user: null })
  })
})

describe('scope', () => {
  it("lets a township editor place a point in their town, audited with their name; another town's is FORBIDDEN naming it", async () => {
    const s = await signIn('xincun')
    const [lng, lat] = await seatOf(TOWN)
    const input = { id: 'xincun-station', nameZh: '新村镇测试站', nameEn: 'Test', kind: 'IP_SERVICE_STATION', status: 'PLANNED', lng, lat, source: 'test' }
    const ok = await graphql(s, UPSERT, { input })
    expect(ok.body.errors).toBeUndefined()
    expect(ok.body.data.upsertServicePoint.region.code).toBe(TOWN)
    const audit = await server.db.selectFrom('audit_log').select(['actor']).where('entity_id', '=', 'xincun-station').execute()
    expect(audit.map((a) => a.actor)).toEqual(['李四 · 新村镇'])

    const [olng, olat] = await seatOf(OTHER)
    const before = await countRows('service_point')
    const other = await graphql(s, UPSERT, { input: { ...input, id: 'xindian-station', lng: olng, lat: olat } })
    expect(other.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', region: OTHER })
    expect(other.body.errors[0].message).toContain(OTHER)
    expect(await countRows('service_point')).toBe(before)
    // Moving their own point into another town is refused too, and the point stays.
    const moved = await graphql(s, UPSERT, { input: { id: 'xincun-station', lng: olng, lat: olat } })
    expect(moved.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', region: OTHER })
  })

  it("refuses a township editor another town's and the county's indicator values", async () => {
    const s = await signIn('xincun')
    const indicator = (await server.query(`{ indicators { code } }`)).data.indicators[0].code
    const value = { indicator, year: 2024, kind: 'ACTUAL', value: 5, source: 'test' }
    const town = await graphql(s, RECORD, { input: { ...value, region: OTHER } })
    expect(town.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', region: OTHER })
    const county = await graphql(s, RECORD, { input: value })
    expect(county.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', region: COUNTY })
    expect(county.body.errors[0].message).toMatch(/county-level/)
    const own = await graphql(s, RECORD, { input: { ...value, region: TOWN } })
    expect(own.body.errors).toBeUndefined()
  })
})

describe('user management', () => {
  it('an admin creates a township editor (one-time password) who signs in; audited with the admin as actor', async () => {
    const admin = await signIn('root')
    const r = await graphql(admin, CREATE, { input: { username: 'Zhang.San', displayName: '张三 · 辛店镇', role: 'TOWNSHIP_EDITOR', regions: [OTHER] } })
    expect(r.body.errors).toBeUndefined()
    const created = r.body.data.createUser
    expect(created.user).toEqual({
      username: 'zhang.san',
      displayName: '张三 · 辛店镇',
      role: 'TOWNSHIP_EDITOR',
      regions: [OTHER],
      disabled: false,
      mustChangePassword: true,
    })
    const s = await signIn('zhang.san', created.oneTimePassword)
    expect(s.body.user.mustChangePassword).toBe(true)
    const audit = await server.db
      .selectFrom('audit_log')
      .select(['actor', 'action', 'after'])
      .where('entity', '=', 'app_user')
      .where('entity_id', '=', 'zhang.san')
      .execute()
    expect(audit).toEqual([
      {
        actor: '管理员 Admin',
        action: 'CREATE_USER',
        after: { username: 'zhang.san', display_name: '张三 · 辛店镇', role: 'township-editor', regions: [OTHER], disabled: false },
      },
    ])
    expect(JSON.stringify(audit)).not.toContain(created.oneTimePassword)
  })

  it('names the field of every bad value and writes nothing', async () => {
    const admin = await signIn('root')
    const users = await countRows('app_user')
    const audit = await countRows('audit_log')
    for (const [input, argument] of [
      [{ username: 'x', role: 'EDITOR' }, 'input.username'],
      [{ username: 'Ünïcode', role: 'EDITOR' }, 'input.username'],
      [{ username: 'root', role: 'EDITOR' }, 'input.username'],
      [{ username: 'new-one', role: 'TOWNSHIP_EDITOR' }, 'input.regions'],
      [{ username: 'new-one', role: 'TOWNSHIP_EDITOR', regions: ['999999999'] }, 'input.regions'],
      [{ username: 'new-one', role: 'ADMIN', regions: [TOWN] }, 'input.regions'],
      [{ username: 'new-one', role: 'EDITOR', displayName: '  ' }, 'input.displayName'],
      [{ username: 'new-one', role: 'EDITOR', displayName: 'x'.repeat(65) }, 'input.displayName'],
      [{ username: 'new-one', role: 'EDITOR', displayName: 'cli:user' }, 'input.displayName'],
    ] as const) {
      const r = await graphql(admin, CREATE, { input })
      expect(r.body.errors?.[0].extensions, JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', argument })
    }
    const badRole = await graphql(admin, CREATE, { input: { username: 'new-one', role: 'BOSS' } })
    expect(badRole.body.errors[0].extensions.code).toBe('BAD_USER_INPUT')
    for (const [username, input, argument] of [
      ['xincun', { regions: ['123'] }, 'input.regions'],
      ['xincun', { regions: [] }, 'input.regions'],
      ['xincun', { displayName: '' }, 'input.displayName'],
      ['NOT A NAME', { disabled: true }, 'username'],
      ['root', { disabled: true }, 'input'],
    ] as const) {
      const r = await graphql(admin, UPDATE, { username, input })
      expect(r.body.errors?.[0].extensions, JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', argument })
    }
    expect((await graphql(admin, UPDATE, { username: 'ghost', input: { disabled: true } })).body.errors[0].extensions.code).toBe('NOT_FOUND')
    expect(await countRows('app_user')).toBe(users)
    expect(await countRows('audit_log')).toBe(audit)
  })

  it('re-scopes a township editor, whose sessions then end', async () => {
    const admin = await signIn('root')
    await createUser(server.db, { username: 'rescoped', role: 'township-editor', regions: [TOWN] }, 'cli:test')
    const r = await graphql(admin, UPDATE, { username: 'rescoped', input: { regions: [OTHER, TOWN] } })
    expect(r.body.data.updateUser.regions).toEqual([TOWN, OTHER].sort())
  })

  it('users and user changes are for admins only', async () => {
    const editor = await signIn('xincun')
    const list = await graphql(
      editor,
      `
        {
          users {
            username
          }
        }
      `,
    )
    expect(list.body.errors[0].extensions.code).toBe('FORBIDDEN')
    expect((await server.query(`{ users { username } }`)).errors![0].extensions!.code).toBe('UNAUTHENTICATED')
    expect((await graphql(editor, CREATE, { input: { username: 'sneaky', role: 'ADMIN' } })).body.errors[0].extensions.code).toBe('FORBIDDEN')
    const admin = await signIn('root')
    const all = await graphql(
      admin,
      `
        {
          users {
            username
          }
        }
      `,
    )
    expect(all.body.data.users.map((u: any) => u.username)).toContain('xincun')
    // A signed-in GET is never cached for others.
    const get = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ users { username } }')}`, { headers: { cookie: admin.cookie } })
    expect(get.headers.get('cache-control')).toBe('no-store')
    expect((await server.get(`{ users { username } }`)).errors![0].extensions!.code).toBe('UNAUTHENTICATED')
  })

  it('resetPassword gives a new one-time password and ends the sessions', async () => {
    const admin = await signIn('root')
    const user = await createUser(server.db, { username: 'forgetful', role: 'editor' }, 'cli:test')
    const s = await signIn('forgetful', user.password)
    const r = await graphql(
      admin,
      `
        mutation {
          resetPassword(username: "forgetful")
        }
      `,
    )
    const fresh = r.body.data.resetPassword as string
    expect(fresh).toMatch(/^\w{16}$/)
    expect(await (await fetch(`${server.url}/auth/me`, { headers: { cookie: s.cookie } })).json()).toEqual({ user: null })
    await signIn('forgetful', fresh)
  })
})

describe('logging', () => {
  it('redacts cookies, authorization, CSRF tokens and passwords', () => {
    const lines: string[] = []
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) })
    const logger = pino({ redact: LOG_REDACT }, sink)
    logger.info(
      {
        req: { headers: { cookie: `${SESSION_COOKIE}=secret-session`, authorization: 'Bearer ipt_secret', 'x-csrf-token': 'secret-csrf' } },
        body: { password: 'secret-pw' },
      },
      'x',
    )
    expect(lines.join('')).not.toMatch(/secret/)
  })
})
