/**
 * Commands beside a running server on the embedded database. PGlite lives inside one process, so
 * while `npm start` holds DATA_DIR no command can open it. The server therefore listens on loopback
 * (a port of its own, 127.0.0.1 only) and writes `DATA_DIR/ip-platform.command.json` (mode 0600:
 * its owner only) holding the port and a 256-bit secret; it removes the file when it stops. A command
 * (`npm run user`, `npm run token`, `npm run data:import`) that finds the file and its live process
 * sends its arguments there; the server runs the same command code over its own connection, through
 * the same write path and audit log, and hands back what to print. With no server (no file, or a
 * file whose process is gone) the command opens the database itself as before; with DATABASE_URL
 * it always does (PostgreSQL has no one-process limit).
 */
import { readFileSync } from 'node:fs'
import { request } from 'node:http'
import path from 'node:path'
import { isAlive } from './data-dir-lock.ts'

/** The channel file's name inside DATA_DIR. */
export const CHANNEL_FILE = 'ip-platform.command.json'

export interface Channel {
  pid: number
  port: number
  secret: string
}

/** What a command run by the server prints, and its exit code. */
export interface CommandOutput {
  stdout: string[]
  stderr: string[]
  code: number
}

/** The commands the channel carries. */
export type CommandName = 'user' | 'token' | 'import'

/** The running server's channel in `dataDir`, or undefined when no live server wrote one. */
export function findChannel(dataDir: string): Channel | undefined {
  try {
    const c = JSON.parse(readFileSync(path.join(path.resolve(dataDir), CHANNEL_FILE), 'utf8')) as Channel
    if (!Number.isInteger(c.pid) || !Number.isInteger(c.port) || typeof c.secret !== 'string') return undefined
    return isAlive(c.pid) ? c : undefined
  } catch {
    return undefined
  }
}

/**
 * Hands a command to the running server and returns what it printed. `args` are the command's own
 * arguments; file paths among them must be absolute (the server's working folder may differ).
 */
export function sendCommand(channel: Channel, command: CommandName, args: string[]): Promise<CommandOutput> {
  const body = JSON.stringify({ command, args })
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: channel.port,
        method: 'POST',
        path: '/command',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${channel.secret}` },
        timeout: 10 * 60_000,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          try {
            const out = JSON.parse(text) as CommandOutput
            if (res.statusCode === 200) resolve(out)
            else reject(new Error(`the running server refused the command (HTTP ${res.statusCode}): ${out.stderr?.join(' ') ?? text}`))
          } catch {
            reject(new Error(`the running server answered HTTP ${res.statusCode}: ${text.slice(0, 200)}`))
          }
        })
      },
    )
    req.on('timeout', () => req.destroy(new Error('the running server did not answer within 10 minutes')))
    req.on('error', reject)
    req.end(body)
  })
}

/** Collects what a command prints, for the channel (or prints it, for a local run). */
export class CommandPrinter {
  readonly stdout: string[] = []
  readonly stderr: string[] = []
  log(line: string): void {
    this.stdout.push(line)
  }
  error(line: string): void {
    this.stderr.push(line)
  }
}

/** Prints a command's output and sets the exit code. */
export function printOutput(out: CommandOutput): void {
  for (const line of out.stdout) process.stdout.write(line + '\n')
  for (const line of out.stderr) process.stderr.write(line + '\n')
  process.exitCode = out.code
}
