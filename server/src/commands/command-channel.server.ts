/**
 * The server's end of the command channel (see db/command-channel.ts for the design): a second HTTP
 * server on 127.0.0.1 with a random port, whose one route `POST /command` runs `user`, `token` or
 * `import` over the server's own database connection. A request must carry the secret from
 * `DATA_DIR/ip-platform.command.json` (mode 0600, written at start, removed at stop) as a bearer token.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { Kysely } from 'kysely'
import type { Logger } from 'pino'
import { CHANNEL_FILE, CommandPrinter, type CommandName, type CommandOutput } from '../../../db/command-channel.ts'
import type { Database } from '../../../db/database.ts'
import { parseImportArgs, runImport } from '../../../db/import/command.ts'
import { parseTokenArgs, runTokenCommand } from '../auth/token.command.ts'
import { readJsonBody } from '../http/body.ts'
import { parseUserArgs, runUserCommand } from '../users/user.command.ts'

export interface ChannelServices {
  db: Kysely<Database>
  describe: string
  defaultCounty: string
  logger: Logger
  /** Called after a command that may have written (clears the caches). */
  changed(): void
}

/** Runs one command as the command line would, collecting what it prints. */
export async function runCommand(services: ChannelServices, command: CommandName, args: string[]): Promise<CommandOutput> {
  const out = new CommandPrinter()
  const usage = (problem: string): CommandOutput => ({ stdout: [], stderr: [problem || 'Give a command.'], code: 2 })
  let code: number
  if (command === 'user') {
    const parsed = parseUserArgs(args)
    if (typeof parsed === 'string') return usage(parsed)
    code = await runUserCommand(services.db, services.describe, parsed, out)
  } else if (command === 'token') {
    const parsed = parseTokenArgs(args)
    if (typeof parsed === 'string') return usage(parsed)
    code = await runTokenCommand(services.db, services.describe, parsed, out)
  } else {
    const parsed = parseImportArgs(args)
    if (typeof parsed === 'string') return usage(parsed)
    code = await runImport(services.db, `${services.describe} (through the running server)`, parsed, services.defaultCounty, out)
  }
  services.changed()
  return { stdout: out.stdout, stderr: out.stderr, code }
}

/** Starts the channel and writes its file; the function returned stops it and removes the file. */
export async function startCommandChannel(dataDir: string, services: ChannelServices): Promise<() => Promise<void>> {
  const secret = randomBytes(32).toString('base64url')
  const expected = Buffer.from(`Bearer ${secret}`)
  const server = createServer((req, res) => {
    const answer = (status: number, out: CommandOutput) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(out))
    }
    const presented = Buffer.from(req.headers.authorization ?? '')
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return answer(401, { stdout: [], stderr: ['wrong secret'], code: 1 })
    if (req.method !== 'POST' || req.url !== '/command') return answer(404, { stdout: [], stderr: ['POST /command only'], code: 1 })
    void (async () => {
      try {
        const body = (await readJsonBody(req)) as { command?: unknown; args?: unknown } | undefined
        const command = body?.command
        const args = body?.args
        if (!['user', 'token', 'import'].includes(command as string) || !Array.isArray(args) || args.some((a) => typeof a !== 'string')) {
          return answer(400, { stdout: [], stderr: ['the body must be { command: user|token|import, args: string[] }'], code: 2 })
        }
        // Only the command's name is logged: its arguments may hold a name someone wants kept out of logs.
        services.logger.info({ command }, 'running a command from the command line')
        answer(200, await runCommand(services, command as CommandName, args as string[]))
      } catch (error) {
        services.logger.error({ err: error }, 'a command failed')
        answer(500, { stdout: [], stderr: [`Failed: ${(error as Error).message}`], code: 1 })
      }
    })()
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const file = path.join(path.resolve(dataDir), CHANNEL_FILE)
  rmSync(file, { force: true })
  // wx + 0600: created new, readable and writable by the server's user only.
  writeFileSync(file, JSON.stringify({ pid: process.pid, port: (server.address() as AddressInfo).port, secret }) + '\n', { mode: 0o600, flag: 'wx' })
  return async () => {
    rmSync(file, { force: true })
    const closed = new Promise<void>((resolve) => server.close(() => resolve()))
    // A command in flight is cut: the server is stopping (its database closes next).
    server.closeAllConnections()
    await closed
  }
}
