/**
 * `npm run user -- …`: the arguments and the run over an open database, shared by the command line
 * (user-cli.ts) and the running server (the command channel, db/command-channel.ts).
 */
import type { Kysely } from 'kysely'
import type { CommandPrinter } from '../../../db/command-channel.ts'
import type { Database } from '../../../db/database.ts'
import { USER_ROLES } from '../../../db/roles.ts'
import { createUser, listUsers, resetPassword, updateUser, UserInputError, UserNotFound } from './user.repository.ts'

export const USER_USAGE = `Usage:
  npm run user -- create --username <name> --role ${USER_ROLES.join('|')} [--region <code>…] [--display-name <name>]
    (prints a one-time password on its last line; the user changes it after signing in)
  npm run user -- disable --username <name>
  npm run user -- enable --username <name>
  npm run user -- reset-password --username <name>   (prints a new one-time password on its last line)
  npm run user -- list`

export type UserCommand =
  | { command: 'create'; username: string; role: string; regions: string[]; displayName?: string }
  | { command: 'disable' | 'enable' | 'reset-password'; username: string }
  | { command: 'list' }

/** The arguments, checked; a string is the problem to print with the usage (exit 2). */
export function parseUserArgs(argv: string[]): UserCommand | string {
  const [command, ...args] = argv
  const options = new Map<string, string[]>()
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (!arg.startsWith('--')) return `Unexpected argument ${arg}.`
    const [name, inline] = arg.includes('=') ? [arg.slice(2, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg.slice(2), undefined]
    const values = options.get(name) ?? []
    if (inline !== undefined) values.push(inline)
    // --region takes every value up to the next option; the others one.
    while (inline === undefined && i + 1 < args.length && !args[i + 1].startsWith('--')) {
      values.push(args[++i])
      if (name !== 'region') break
    }
    options.set(name, values)
  }
  const one = (name: string) => options.get(name)?.[0]
  const known = command === 'create' ? ['username', 'role', 'region', 'display-name'] : command === 'list' ? [] : ['username']
  for (const name of options.keys()) if (!known.includes(name)) return `Unknown option --${name} for ${command}.`
  if (command === 'list') return { command }
  if (command === 'create') {
    if (!one('username')) return 'Give the new user a --username.'
    if (!one('role') || !USER_ROLES.includes(one('role') as (typeof USER_ROLES)[number])) return `--role must be one of ${USER_ROLES.join(', ')}.`
    return { command, username: one('username')!, role: one('role')!, regions: options.get('region') ?? [], displayName: one('display-name') }
  }
  if (command === 'disable' || command === 'enable' || command === 'reset-password') {
    if (!one('username')) return `Name the user: --username <name>.`
    return { command, username: one('username')! }
  }
  return command ? `Unknown command ${command}.` : ''
}

/** The arguments as a list again (what travels over the command channel). */
export function userArgsToList(c: UserCommand): string[] {
  if (c.command === 'list') return ['list']
  if (c.command === 'create')
    return [
      'create',
      '--username',
      c.username,
      '--role',
      c.role,
      ...c.regions.flatMap((r) => ['--region', r]),
      ...(c.displayName ? ['--display-name', c.displayName] : []),
    ]
  return [c.command, '--username', c.username]
}

const ACTOR = 'cli:user'

/** Runs the command; returns the exit code (1 for a value that cannot be stored, naming it). */
export async function runUserCommand(db: Kysely<Database>, describe: string, c: UserCommand, out: CommandPrinter): Promise<number> {
  try {
    if (c.command === 'list') {
      const users = await listUsers(db)
      if (!users.length) out.log('No users.')
      for (const u of users)
        out.log([u.username, u.role, u.displayName, u.regions.join(',') || '(whole county)', u.disabled ? 'disabled' : 'active'].join('\t'))
    } else if (c.command === 'create') {
      const { user, password } = await createUser(db, { username: c.username, role: c.role, regions: c.regions, displayName: c.displayName }, ACTOR)
      const scope = user.regions.length ? `regions ${user.regions.join(', ')}` : 'the whole county'
      out.log(`Created the ${user.role} "${user.username}" (${user.displayName}, ${scope}) in ${describe}.`)
      out.log('Their one-time password follows; hand it over privately. They change it after signing in at #/sign-in.')
      out.log(password)
    } else if (c.command === 'reset-password') {
      const password = await resetPassword(db, c.username, ACTOR)
      out.log(`Reset the password of "${c.username.trim().toLowerCase()}" in ${describe}; their sessions have ended. The new one-time password:`)
      out.log(password)
    } else {
      const user = await updateUser(db, c.username, { disabled: c.command === 'disable' }, ACTOR)
      out.log(
        `${c.command === 'disable' ? 'Disabled' : 'Enabled'} "${user.username}" in ${describe}${c.command === 'disable' ? '; their sessions have ended' : ''}.`,
      )
    }
    return 0
  } catch (error) {
    if (error instanceof UserInputError) {
      out.error(
        `--${error.field === 'displayName' ? 'display-name' : error.field === 'regions' ? 'region' : error.field} ${error.message.slice(error.field.length + 2)}`,
      )
      return 1
    }
    if (error instanceof UserNotFound) {
      out.error(error.message)
      return 1
    }
    throw error
  }
}
