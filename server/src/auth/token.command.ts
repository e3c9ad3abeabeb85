/**
 * `npm run token -- …`: the arguments and the run over an open database, shared by the command line
 * (token-cli.ts) and the running server (the command channel, db/command-channel.ts).
 */
import type { Kysely } from 'kysely'
import type { CommandPrinter } from '../../../db/command-channel.ts'
import type { Database } from '../../../db/database.ts'
import { ROLES, type Role } from './token.ts'
import { createToken, listTokens, publicLabelOf, revokeToken, TokenInputError, TokenNameTaken } from './token.repository.ts'

export const TOKEN_USAGE = `Usage:
  npm run token -- create --name <who> --role editor|admin --purpose "<what it is for>" [--show-name]
    (the public audit log shows the purpose; with --show-name it shows the name instead)
  npm run token -- list
  npm run token -- revoke <name>`

export type TokenCommand =
  { command: 'create'; name: string; role: Role; purpose: string; showName: boolean } | { command: 'list' } | { command: 'revoke'; name: string }

function option(args: string[], name: string): string | undefined {
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`))
  if (i < 0) return undefined
  return args[i].includes('=') ? args[i].slice(args[i].indexOf('=') + 1) : args[i + 1]
}

/** The arguments, checked; a string is the problem to print with the usage (exit 2). */
export function parseTokenArgs(argv: string[]): TokenCommand | string {
  const [command, ...args] = argv
  if (!['create', 'list', 'revoke'].includes(command ?? '')) return command ? `Unknown command ${command}.` : ''
  if (command === 'list') return { command }
  if (command === 'revoke') return args[0] ? { command, name: args[0] } : 'Name the token to revoke.'
  const name = option(args, 'name')
  const role = option(args, 'role') ?? 'editor'
  const purpose = option(args, 'purpose')
  if (!name?.trim()) return 'Give the token a --name (who holds it).'
  if (!ROLES.includes(role as Role)) return `--role must be ${ROLES.join(' or ')}.`
  if (!purpose?.trim())
    return 'Give the token a --purpose (what it is for, e.g. "新郑市市场监督管理局 station updates"): the public audit log shows it instead of the name.'
  return { command: 'create', name, role: role as Role, purpose, showName: args.includes('--show-name') }
}

/** The arguments as a list again (what travels over the command channel). */
export function tokenArgsToList(c: TokenCommand): string[] {
  if (c.command === 'list') return ['list']
  if (c.command === 'revoke') return ['revoke', c.name]
  return ['create', '--name', c.name, '--role', c.role, '--purpose', c.purpose, ...(c.showName ? ['--show-name'] : [])]
}

/** Runs the command; returns the exit code. */
export async function runTokenCommand(db: Kysely<Database>, describe: string, c: TokenCommand, out: CommandPrinter): Promise<number> {
  try {
    if (c.command === 'create') {
      const { id, token } = await createToken(db, c.name, c.role, { purpose: c.purpose, publicName: c.showName })
      const shown = c.showName ? `its holder's name, ${c.name.trim()}` : `"${c.purpose.trim()}" (not the name)`
      out.log(`Created the ${c.role} token "${c.name.trim()}" (#${id}) in ${describe}; the public audit log shows ${shown}.`)
      out.log('It is shown only now; keep it secret and send it as')
      out.log('  Authorization: Bearer <token>')
      out.log(token)
    } else if (c.command === 'list') {
      const tokens = await listTokens(db)
      if (!tokens.length) out.log('No tokens.')
      for (const t of tokens) {
        const shown = t.publicName ? 'name shown' : `shown as ${publicLabelOf(t)}`
        out.log(`${t.name}\t${t.role}\tcreated ${t.createdAt.toISOString()}${t.revokedAt ? `\trevoked ${t.revokedAt.toISOString()}` : ''}\t${shown}`)
      }
    } else {
      if (await revokeToken(db, c.name)) out.log(`Revoked the token "${c.name}".`)
      else {
        out.error(`No live token is named "${c.name}".`)
        return 1
      }
    }
    return 0
  } catch (error) {
    if (error instanceof TokenNameTaken || error instanceof TokenInputError) {
      out.error(error.message)
      return 1
    }
    throw error
  }
}
