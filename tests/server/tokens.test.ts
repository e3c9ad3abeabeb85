/** Tokens: only a hash is stored; `npm run token` creates (printing the token once), lists and revokes. */
import { spawnSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashToken } from '../../server/src/auth/token.ts'
import { createToken, listTokens } from '../../server/src/auth/token.repository.ts'
import { backend, cloneTemplate, openTestDatabase, type TestDatabase } from '../setup/database.ts'
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
    expect(audit.map((a) => [a.action, a.entity_id, a.after])).toEqual([['CREATE_TOKEN', 'hash-check', { name: 'hash-check', role: 'editor' }]])
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
          cwd: ROOT, env: { ...process.env, DATABASE_URL: (clone.options as { url: string }).url }, encoding: 'utf8',
        })
      const created = run('create', '--name', 'li-si', '--role', 'admin')
      expect(created.status).toBe(0)
      const token = created.stdout.trim().split('\n').at(-1)!
      expect(token).toMatch(/^ipt_[0-9a-f]{16}_[\w-]{43}$/)
      const listed = run('list')
      expect(listed.stdout).toMatch(/^li-si\tadmin\tcreated /m)
      expect(listed.stdout).not.toContain(token)
      expect(run('revoke', 'li-si').stdout).toMatch(/Revoked the token "li-si"/)
      expect(run('revoke', 'li-si').status).toBe(1)
      expect(run('create', '--name', 'x', '--role', 'boss').status).toBe(2)
    } finally {
      await clone.drop()
    }
  })
})
