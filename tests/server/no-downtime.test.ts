/**
 * No downtime for stewardship commands: the real server (`server/src/main.ts`, what `npm start` runs)
 * on the embedded database in a DATA_DIR of its own; meanwhile the real commands (`npm run user -- create`,
 * `npm run token -- create`, `npm run data:import`) run and are handed to it over the command channel,
 * and /healthz and a GraphQL read are polled throughout: every answer must be 200 (the figures are printed).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHANNEL_FILE } from '../../db/command-channel.ts'
import { backend } from '../setup/database.ts'
import { ROOT } from '../setup/templates.ts'

const FIXTURE = path.join(ROOT, 'tests/fixtures/stewardship/indicator-values.csv')

async function freePort(): Promise<number> {
  const s = createServer()
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', () => resolve()))
  const port = (s.address() as { port: number }).port
  await new Promise<void>((resolve) => s.close(() => resolve()))
  return port
}

function run(dataDir: string, script: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script, '--', ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

// The embedded database only: with DATABASE_URL the commands open their own connection (nothing to hand over).
describe.runIf(backend === 'pglite')('commands beside a running server on the embedded database', () => {
  let dataDir: string
  let server: ChildProcess
  let url: string

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'no-downtime-'))
    const port = await freePort()
    url = `http://127.0.0.1:${port}`
    server = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        DATABASE_URL: '',
        PORT: String(port),
        LOG_LEVEL: 'warn',
        RATE_LIMIT_PER_MINUTE: '0',
        TSX_TSCONFIG_PATH: 'tsconfig.node.json',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    const deadline = Date.now() + 240_000
    for (;;) {
      const ok = await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
      if (ok && existsSync(path.join(dataDir, CHANNEL_FILE))) break
      if (Date.now() > deadline) throw new Error('the server did not become ready')
      await new Promise((r) => setTimeout(r, 250))
    }
  }, 300_000)

  afterAll(async () => {
    server.kill('SIGTERM')
    await new Promise((resolve) => server.once('exit', resolve))
    expect(existsSync(path.join(dataDir, CHANNEL_FILE))).toBe(false)
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('keeps the channel secret readable by its owner only', () => {
    expect(statSync(path.join(dataDir, CHANNEL_FILE)).mode & 0o777).toBe(0o600)
  })

  it('creates a user, a token and imports a file while the site answers throughout', async () => {
    const samples: { what: string; status: number; ms: number }[] = []
    let polling = true
    const query = `${url}/graphql?query=${encodeURIComponent('{ indicators { code } }')}`
    const poller = (async () => {
      while (polling) {
        for (const [what, target] of [
          ['healthz', `${url}/healthz`],
          ['graphql', query],
        ] as const) {
          const start = performance.now()
          const status = await fetch(target, { headers: { 'cache-control': 'no-cache' } }).then(
            (r) => (r.body?.cancel(), r.status),
            () => 0,
          )
          samples.push({ what, status, ms: performance.now() - start })
        }
        await new Promise((r) => setTimeout(r, 50))
      }
    })()
    const user = await run(dataDir, 'user', [
      'create',
      '--username',
      'xincun-clerk',
      '--role',
      'township-editor',
      '--region',
      '410184101',
      '--display-name',
      '新村镇 王五',
    ])
    const token = await run(dataDir, 'token', ['create', '--name', 'script', '--role', 'editor', '--purpose', 'nightly import'])
    const imported = await run(dataDir, 'data:import', ['indicator-values', FIXTURE])
    const list = await run(dataDir, 'user', ['list'])
    polling = false
    await poller

    expect(user.code, user.stderr).toBe(0)
    expect(user.stdout.trim().split('\n').at(-1)).toMatch(/^\w{16}$/)
    expect(token.code, token.stderr).toBe(0)
    expect(token.stdout.trim().split('\n').at(-1)).toMatch(/^ipt_/)
    expect(imported.code, imported.stderr).toBe(0)
    expect(imported.stdout).toMatch(/1 inserted|1 updated/)
    expect(list.stdout).toMatch(/^xincun-clerk\ttownship-editor\t新村镇 王五\t410184101\tactive$/m)

    // The user signs in with the printed password: the command wrote into the server's own database.
    const signIn = await fetch(`${url}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'xincun-clerk', password: user.stdout.trim().split('\n').at(-1) }),
    })
    expect(signIn.status).toBe(200)

    const failed = samples.filter((s) => s.status !== 200)
    for (const what of ['healthz', 'graphql']) {
      const ms = samples
        .filter((s) => s.what === what)
        .map((s) => s.ms)
        .sort((a, b) => a - b)
      console.log(
        `${what} during the commands: ${ms.length} requests, median ${ms[ms.length >> 1].toFixed(0)} ms, max ${ms.at(-1)!.toFixed(0)} ms, ${failed.filter((s) => s.what === what).length} not 200`,
      )
    }
    expect(samples.length).toBeGreaterThan(10)
    expect(failed).toEqual([])
  }, 300_000)

  it('refuses a request to the channel without the secret', async () => {
    const { port } = JSON.parse((await import('node:fs')).readFileSync(path.join(dataDir, CHANNEL_FILE), 'utf8')) as { port: number }
    const r = await fetch(`http://127.0.0.1:${port}/command`, {
      method: 'POST',
      headers: { authorization: 'Bearer wrong' },
      body: '{"command":"user","args":["list"]}',
    })
    expect(r.status).toBe(401)
  })
})
