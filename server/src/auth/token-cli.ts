/**
 * `npm run token -- create --name <who> --role editor|admin --purpose "<what for>" [--show-name]` (prints
 * the new token once, as the last line), `npm run token -- list`, `npm run token -- revoke <name>`. The public
 * audit log shows the purpose, not the name, unless --show-name. Uses DATABASE_URL or the
 * embedded database in DATA_DIR (stop the server first: the embedded database has one user at a time).
 */
import { ConfigError, openDatabase } from '../../../db/connect.ts'
import { migrateToLatest } from '../../../db/migrate.ts'
import { configFromEnv } from '../config.ts'
import { ROLES, type Role } from './token.ts'
import { createToken, listTokens, publicLabelOf, revokeToken, TokenInputError, TokenNameTaken } from './token.repository.ts'

const USAGE = `Usage:
  npm run token -- create --name <who> --role editor|admin --purpose "<what it is for>" [--show-name]
    (the public audit log shows the purpose; with --show-name it shows the name instead)
  npm run token -- list
  npm run token -- revoke <name>`

function usage(problem: string): never {
  process.stderr.write(`${problem ? problem + '\n' : ''}${USAGE}\n`)
  process.exit(2)
}

function option(args: string[], name: string): string | undefined {
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`))
  if (i < 0) return undefined
  return args[i].includes('=') ? args[i].slice(args[i].indexOf('=') + 1) : args[i + 1]
}

const [command, ...args] = process.argv.slice(2)
if (!['create', 'list', 'revoke'].includes(command ?? '')) usage(command ? `Unknown command ${command}.` : '')
const name = command === 'revoke' ? args[0] : option(args, 'name')
const role = option(args, 'role') ?? 'editor'
const purpose = option(args, 'purpose')
const showName = args.includes('--show-name')
if (command === 'create') {
  if (!name?.trim()) usage('Give the token a --name (who holds it).')
  if (!ROLES.includes(role as Role)) usage(`--role must be ${ROLES.join(' or ')}.`)
  if (!purpose?.trim())
    usage('Give the token a --purpose (what it is for, e.g. "新郑市市场监督管理局 station updates"): the public audit log shows it instead of the name.')
}
if (command === 'revoke' && !name) usage('Name the token to revoke.')

try {
  const { db, describe } = await openDatabase(configFromEnv().database, { holder: 'token command' })
  try {
    await migrateToLatest(db)
    if (command === 'create') {
      const { id, token } = await createToken(db, name!, role as Role, { purpose, publicName: showName })
      const shown = showName ? `its holder's name, ${name!.trim()}` : `"${purpose!.trim()}" (not the name)`
      console.log(`Created the ${role} token "${name!.trim()}" (#${id}) in ${describe}; the public audit log shows ${shown}.`)
      console.log('It is shown only now; keep it secret and send it as')
      console.log('  Authorization: Bearer <token>')
      console.log(token)
    } else if (command === 'list') {
      const tokens = await listTokens(db)
      if (!tokens.length) console.log('No tokens.')
      for (const t of tokens) {
        const shown = t.publicName ? 'name shown' : `shown as ${publicLabelOf(t)}`
        console.log(`${t.name}\t${t.role}\tcreated ${t.createdAt.toISOString()}${t.revokedAt ? `\trevoked ${t.revokedAt.toISOString()}` : ''}\t${shown}`)
      }
    } else {
      if (await revokeToken(db, name!)) console.log(`Revoked the token "${name}".`)
      else {
        process.stderr.write(`No live token is named "${name}".\n`)
        process.exitCode = 1
      }
    }
  } finally {
    await db.destroy()
  }
} catch (error) {
  if (error instanceof ConfigError || error instanceof TokenNameTaken || error instanceof TokenInputError) process.stderr.write(`${error.message}\n`)
  else process.stderr.write(`Failed: ${(error as Error).message}\n`)
  process.exit(1)
}
