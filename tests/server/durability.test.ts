/**
 * Durability on the embedded database (protects acknowledged edits from a crash): the server
 * process is killed with SIGKILL during a burst of authenticated writes; after a restart every
 * acknowledged write is there, and no write is half there (each point has its audit entry).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { bootstrapDatabase } from '../../db/bootstrap.ts'
import { openDatabase } from '../../db/connect.ts'
import { createToken } from '../../server/src/auth/token.repository.ts'
import { backend } from '../setup/database.ts'
import { ROOT, XINZHENG } from '../setup/templates.ts'

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })

function startServer(dataDir: string, port: number): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0' },
    stdio: 'ignore',
  })
}

async function healthy(port: number): Promise<void> {
  const t0 = Date.now()
  while (Date.now() - t0 < 90_000) {
    if (
      await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.status === 200,
        () => false,
      )
    )
      return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('server did not become healthy')
}

const UPSERT = `mutation ($input: ServicePointInput!) { upsertServicePoint(input: $input) { id } }`

describe.runIf(backend === 'pglite')('kill -9 during a burst of writes', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ip-durability-'))
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it('keeps every acknowledged write and no half-written one', async () => {
    const { db } = await openDatabase({ kind: 'pglite', dataDir })
    await bootstrapDatabase(db, [XINZHENG])
    const { token } = await createToken(db, 'durability-test', 'editor')
    await db.destroy()

    const port = await freePort()
    const server = startServer(dataDir, port)
    const exited = new Promise((r) => server.on('exit', r))
    await healthy(port)

    const acknowledged: string[] = []
    let next = 0
    let killed = false
    const writer = async () => {
      while (!killed) {
        const id = `burst-${next++}`
        try {
          const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({
              query: UPSERT,
              variables: {
                input: {
                  id,
                  nameZh: `压力测试 ${id}`,
                  nameEn: `Burst ${id}`,
                  kind: 'IP_SERVICE_STATION',
                  status: 'PLANNED',
                  lng: 113.7 + (next % 50) * 0.001,
                  lat: 34.4,
                  source: 'durability test',
                },
              },
            }),
          })
          const body = (await res.json()) as any
          if (body.data?.upsertServicePoint?.id === id) acknowledged.push(id)
        } catch {
          // the server was killed mid-request: this write was never acknowledged
        }
      }
    }
    const writers = Array.from({ length: 6 }, writer)
    while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 20))
    server.kill('SIGKILL')
    killed = true
    await exited
    await Promise.all(writers)

    const again = startServer(dataDir, port)
    await healthy(port)
    again.kill('SIGTERM')
    await new Promise((r) => again.on('exit', r))

    const reopened = await openDatabase({ kind: 'pglite', dataDir })
    try {
      const { rows: points } = await sql<{ id: string }>`select id from service_point where id like 'burst-%'`.execute(reopened.db)
      const { rows: audited } = await sql<{
        id: string
      }>`select entity_id as id from audit_log where entity = 'service_point' and entity_id like 'burst-%'`.execute(reopened.db)
      const stored = new Set(points.map((p) => p.id))
      for (const id of acknowledged) expect(stored.has(id), `acknowledged ${id} lost`).toBe(true)
      // All or nothing: a point without its audit entry (or the reverse) would be a half-written transaction.
      expect(audited.map((a) => a.id).sort()).toEqual(points.map((p) => p.id).sort())
      console.info(`acknowledged ${acknowledged.length}, stored ${stored.size} (writes in flight at the kill may or may not have landed, whole)`)
    } finally {
      await reopened.db.destroy()
    }
  }, 180_000)
})
