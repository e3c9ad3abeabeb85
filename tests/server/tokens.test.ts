/** Tokens: only a hash is stored; `npm run token` creates (printing the token once), lists and revokes. */
import { spawnSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashToken } from '../../server/src/auth/token.ts'
import { createToken, listTokens, revokeToken } from '../../server/src/auth/token.repository.ts'
import { backend, cloneTemplate, openTestDatabase, type TestDatabase } from '../setup/database.ts'
import { startTestServer, type TestServer } from '../setup/server.ts'
import { ROOT } from '../setup/templates.ts'

let t: TestDatabase
beforeAll(async () => {
  t = await openTestDatabase('seeded')
})
afterAll(() => t.close())

describe('stored tokens', () => {
  it('keep only a hash of the token, and their creation is audited without it', async () => {
    const { id, token } = await createToken(t.db, 'hash-check', 'editor')
    const row = await t.db.selectFrom('api_token').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    expect(row.token_hash).toBe(hashToken(token))
    expect(JSON.stringify(row)).not.toContain(token.slice(21))
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity', '=', 'api_token').execute()
    expect(audit.map((a) => [a.action, a.entity_id, a.after])).toEqual([
      ['CREATE_TOKEN', 'hash-check', { name: 'hash-check', role: 'editor', purpose: null, public_name: false }],
    ])
    await expect(createToken(t.db, 'hash-check', 'admin')).rejects.toThrow(/already named hash-check/)
    expect((await listTokens(t.db)).map((x) => x.name)).toEqual(['hash-check'])
  })
})

// The command opens the configured database; on PostgreSQL that costs nothing (a fresh embedded folder takes ~10 s per run).
describe.runIf(backend === 'postgres')('npm run token', () => {
  it('creates a token (printed once, as the last line), lists it, and revokes it', async () => {
    const clone = await cloneTemplate('seeded')
    try {
      const run = (...args: string[]) =>
        spawnSync(process.execPath, ['--import', 'tsx', 'server/src/auth/token-cli.ts', ...args], {
          cwd: ROOT,
          env: { ...process.env, DATABASE_URL: (clone.options as { url: string }).url },
          encoding: 'utf8',
        })
      const created = run('create', '--name', 'li-si', '--role', 'admin', '--purpose', '平台维护 platform upkeep')
      expect(created.status).toBe(0)
      expect(created.stdout).toMatch(/the public audit log shows "平台维护 platform upkeep" \(not the name\)/)
      const token = created.stdout.trim().split('\n').at(-1)!
      expect(token).toMatch(/^ipt_[0-9a-f]{16}_[\w-]{43}$/)
      const named = run('create', '--name', 'wang-wu', '--purpose', 'station updates', '--show-name')
      expect(named.stdout).toMatch(/the public audit log shows its holder's name, wang-wu/)
      const listed = run('list')
      expect(listed.stdout).toMatch(/^li-si\tadmin\tcreated /m)
      expect(listed.stdout).toMatch(/^li-si\t.*\tshown as 平台维护 platform upkeep$/m)
      expect(listed.stdout).toMatch(/^wang-wu\teditor\t.*\tname shown$/m)
      expect(listed.stdout).not.toContain(token)
      expect(run('revoke', 'li-si').stdout).toMatch(/Revoked the token "li-si"/)
      expect(run('revoke', 'li-si').status).toBe(1)
      expect(run('create', '--name', 'x', '--role', 'boss', '--purpose', 'p').status).toBe(2)
      const noPurpose = run('create', '--name', 'x', '--role', 'editor')
      expect(noPurpose.status).toBe(2)
      expect(noPurpose.stderr).toMatch(/--purpose/)
    } finally {
      await clone.drop()
    }
  }, 300_000) // seven runs of the command, each starting tsx (slow on a busy machine)
})

describe('the public audit log', () => {
  const AUDIT = `query ($entity: String, $entityId: ID) { auditLog(entity: $entity, entityId: $entityId, first: 50) {
    totalCount edges { node { actor action entity entityId before after } } } }`
  const EDIT = `mutation ($input: ServicePointInput!) { upsertServicePoint(input: $input) { id } }`

  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(() => server?.close())

  it("shows a token's purpose, not its holder's name, unless the holder chose to be named; old tokens read as API token #id", async () => {
    const hidden = await createToken(server.db, '赵六 (private person)', 'editor', { purpose: '站点地址核对 station address checks' })
    const named = await createToken(server.db, '钱七', 'editor', { purpose: 'whatever', publicName: true })
    const old = await createToken(server.db, 'legacy-holder', 'editor')
    const edit = async (token: string, address: string) => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: EDIT, variables: { input: { id: 'ip-service-410184101', address } } }),
      })
      expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined()
    }
    await edit(hidden.token, '地址一')
    await edit(named.token, '地址二')
    await edit(old.token, '地址三')
    await revokeToken(server.db, '赵六 (private person)')

    const points = await server.query(AUDIT, { entity: 'service_point', entityId: 'ip-service-410184101' })
    expect(points.data.auditLog.edges.map((e: any) => e.node.actor)).toEqual([`API token #${old.id}`, '钱七', '站点地址核对 station address checks'])

    const tokens = await server.query(AUDIT, { entity: 'api_token' })
    const nodes = tokens.data.auditLog.edges.map((e: any) => e.node)
    expect(nodes.map((n: any) => [n.action, n.entityId])).toEqual([
      ['REVOKE_TOKEN', '站点地址核对 station address checks'],
      ['CREATE_TOKEN', `API token #${old.id}`],
      ['CREATE_TOKEN', '钱七'],
      ['CREATE_TOKEN', '站点地址核对 station address checks'],
    ])
    expect(nodes[0].before).toEqual({ role: 'editor', purpose: '站点地址核对 station address checks', public_name: false })
    expect(nodes[2].after).toMatchObject({ name: '钱七', public_name: true })
    // Nothing in the public log names the hidden holders, nor can a filter find them by name.
    expect(JSON.stringify([points.data, tokens.data])).not.toMatch(/赵六|legacy-holder/)
    for (const entityId of ['赵六 (private person)', 'legacy-holder']) {
      expect((await server.query(AUDIT, { entityId })).data.auditLog.totalCount).toBe(0)
    }
    expect((await server.query(AUDIT, { entity: 'api_token', entityId: '站点地址核对 station address checks' })).data.auditLog.totalCount).toBe(2)
  })

  it('refuses an empty, overlong or multi-line purpose and a name reserved for imports, naming the field, and stores nothing', async () => {
    const count = async () =>
      (
        await t.db
          .selectFrom('api_token')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n
    const before = Number(await count())
    await expect(createToken(t.db, 'p1', 'editor', { purpose: '  ' })).rejects.toThrow("The token's purpose is empty")
    await expect(createToken(t.db, 'p2', 'editor', { purpose: 'x'.repeat(201) })).rejects.toThrow("The token's purpose is 201 characters long: at most 200.")
    await expect(createToken(t.db, 'p3', 'editor', { purpose: 'two\nlines' })).rejects.toThrow("The token's purpose holds a control character")
    await expect(createToken(t.db, 'import:stations.csv', 'editor', { purpose: 'p' })).rejects.toThrow(/name "import:stations.csv" looks like an import/)
    expect(Number(await count())).toBe(before)
  })
})
