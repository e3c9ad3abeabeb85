/**
 * `npm start` as a person runs it: a real process, its exit code and what it prints.
 * First start migrates and loads; a restart loads nothing twice; SIGTERM stops it cleanly;
 * bad configuration stops it with one sentence naming the problem and the fix.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { backend, cloneTemplate } from '../setup/database.ts'
import { ROOT } from '../setup/templates.ts'

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })
}

interface Started {
  child: ChildProcess
  port: number
  output: () => { stdout: string; stderr: string }
  exit: Promise<number | null>
}

function start(env: Record<string, string>, port?: number): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'info', HOST: '127.0.0.1', PORT: String(port ?? 0), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => (stdout += d))
  child.stderr.on('data', (d) => (stderr += d))
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, port: port ?? 0, output: () => ({ stdout, stderr }), exit }
}

/** Milliseconds until /healthz answers 200. */
async function untilHealthy(s: Started, timeoutMs = 60_000): Promise<number> {
  const t0 = Date.now()
  while (Date.now() - t0 < timeoutMs) {
    if (s.child.exitCode !== null) throw new Error(`server exited: ${s.output().stderr}`)
    try {
      const res = await fetch(`http://127.0.0.1:${s.port}/healthz`)
      if (res.status === 200) return Date.now() - t0
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`not healthy after ${timeoutMs} ms: ${s.output().stderr}`)
}

async function query(port: number, q: string): Promise<any> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: q }),
  })
  return ((await res.json()) as any).data
}

const SNAPSHOT = `{ regions { code name } indicators { code baseline { value } target { value } milestones { year value } }
  datasets { resources { name rowCount } } }`

const dirs: string[] = []
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

describe.runIf(backend === 'pglite')('npm start on the embedded database', () => {
  it('serves /healthz 200 on first start, stops cleanly on SIGTERM, and a restart loads nothing twice', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ipdata-'))
    dirs.push(dataDir)
    const port = await freePort()

    const first = start({ DATA_DIR: dataDir }, port)
    const firstMs = await untilHealthy(first)
    const before = await query(port, SNAPSHOT)
    expect(before.regions).toHaveLength(15)
    first.child.kill('SIGTERM')
    expect(await first.exit).toBe(0)

    const second = start({ DATA_DIR: dataDir }, port)
    const secondMs = await untilHealthy(second)
    expect(await query(port, SNAPSHOT)).toEqual(before)
    second.child.kill('SIGTERM')
    expect(await second.exit).toBe(0)

    const logs = second.output().stdout
    expect(logs).toMatch(/"loaded":\[\]/) // nothing loaded on the restart
    console.info(`start-up: first ${firstMs} ms, restart ${secondMs} ms (DATA_DIR on local disk)`)
  }, 120_000)
})

describe.runIf(backend === 'postgres')('npm start against DATABASE_URL', () => {
  it('migrates and loads an empty PostgreSQL database and serves the same answers', async () => {
    const clone = await cloneTemplate('empty')
    try {
      const port = await freePort()
      const s = start({ DATABASE_URL: (clone.options as { url: string }).url }, port)
      await untilHealthy(s)
      const data = await query(port, SNAPSHOT)
      expect(data.regions).toHaveLength(15)
      expect(data.indicators.find((i: any) => i.code === 'ip-pledge-financing').baseline.value).toBe(57_500_000)
      s.child.kill('SIGTERM')
      expect(await s.exit).toBe(0)
    } finally {
      await clone.drop()
    }
  }, 120_000)
})

describe.runIf(backend === 'pglite')('bad configuration stops start-up with one clear sentence', () => {
  async function failure(env: Record<string, string>): Promise<string> {
    const s = start({ PORT: String(await freePort()), ...env })
    expect(await s.exit).toBe(1)
    const { stderr } = s.output()
    expect(stderr.trim().split('\n')).toHaveLength(1) // one sentence, no stack trace
    expect(stderr).not.toMatch(/\n\s+at /)
    return stderr.trim()
  }

  it('an unreachable DATABASE_URL, without showing its password', async () => {
    const message = await failure({ DATABASE_URL: 'postgres://someone:s3cret@127.0.0.1:1/nothing' })
    expect(message).toMatch(/^Cannot start: Cannot connect to PostgreSQL at 127\.0\.0\.1:1\/nothing \(DATABASE_URL\).*start the server or correct DATABASE_URL/)
    expect(message).not.toContain('s3cret')
  })

  it('a DATABASE_URL that is not a postgres URL', async () => {
    expect(await failure({ DATABASE_URL: 'mysql://localhost/db' })).toMatch(/DATABASE_URL uses mysql:.*postgres:\/\//)
  })

  it('an unwritable DATA_DIR', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'ipfile-')), 'a-file')
    dirs.push(path.dirname(file))
    writeFileSync(file, 'not a folder')
    expect(await failure({ DATA_DIR: path.join(file, 'pgdata') })).toMatch(
      /DATA_DIR .* is not a writable folder .*set DATA_DIR to a folder this user can write/,
    )
  })

  it('a PORT that is not a number', async () => {
    expect(await failure({ PORT: 'abc' })).toMatch(/PORT=abc is not a port number/)
  })
})
