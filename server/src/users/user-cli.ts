/**
 * `npm run user -- create --username U --role township-editor|editor|admin [--region CODE…] [--display-name N]`
 * (prints a one-time password on its last line), `disable`, `enable`, `reset-password`, `list`. Uses
 * DATABASE_URL, or the embedded database in DATA_DIR: while a server runs on it, the command is handed
 * to that server over loopback (db/command-channel.ts), so nothing has to stop.
 */
import { CommandPrinter, findChannel, printOutput, sendCommand } from '../../../db/command-channel.ts'
import { ConfigError, openDatabase } from '../../../db/connect.ts'
import { migrateToLatest } from '../../../db/migrate.ts'
import { configFromEnv } from '../config.ts'
import { parseUserArgs, runUserCommand, USER_USAGE, userArgsToList } from './user.command.ts'

const parsed = parseUserArgs(process.argv.slice(2))
if (typeof parsed === 'string') {
  process.stderr.write(`${parsed ? parsed + '\n' : ''}${USER_USAGE}\n`)
  process.exit(2)
}

try {
  const { database } = configFromEnv()
  const channel = database.kind === 'pglite' && 'dataDir' in database ? findChannel(database.dataDir) : undefined
  if (channel) printOutput(await sendCommand(channel, 'user', userArgsToList(parsed)))
  else {
    const { db, describe } = await openDatabase(database, { holder: 'user command' })
    try {
      await migrateToLatest(db)
      const out = new CommandPrinter()
      printOutput({ ...out, code: await runUserCommand(db, describe, parsed, out) })
    } finally {
      await db.destroy()
    }
  }
} catch (error) {
  process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `Failed: ${(error as Error).message}\n`)
  process.exit(1)
}
