/**
 * `npm start`'s last resort: a database connection error that nothing handles (an `error` event
 * with no listener, an unhandled rejection) is logged and the process keeps serving; any other
 * uncaught exception still ends it with exit code 1. A real child process, real signals.
 */
import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../setup/templates.ts'

describe('the last resort against unhandled database driver errors', () => {
  it('logs a lost-connection error nothing handles and keeps serving, but exits 1 on a plain bug', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/setup/last-resort-child.ts'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    try {
      await expect.poll(() => /port (\d+)/.test(stdout), { timeout: 30_000, interval: 50 }).toBe(true)
      const url = `http://127.0.0.1:${/port (\d+)/.exec(stdout)![1]}/`

      child.kill('SIGUSR2')
      await expect.poll(() => (stdout.match(/still serving/g) ?? []).length, { timeout: 5000, interval: 50 }).toBe(2)
      expect(stdout).toContain('57P01')
      expect(stdout).toContain('ECONNRESET')
      expect(child.exitCode).toBeNull()
      expect(await (await fetch(url)).text()).toBe('still here')

      child.kill('SIGWINCH')
      expect(await exit).toBe(1)
      expect(stderr).toMatch(/Uncaught exception: TypeError: a plain bug/)
    } finally {
      child.kill('SIGKILL')
    }
  })
})
