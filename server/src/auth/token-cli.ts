/**
 * `npm run token -- create --name <who> --role editor|admin --purpose "<what for>" [--show-name]` (prints
 * the new token once, as the last line), `npm run token -- list`, `npm run token -- revoke <name>`. The public
 * audit log shows the purpose, not the name, unless --show-name. Uses DATABASE_URL or the embedded
 * database in DATA_DIR; while a server runs on it, the command is handed to that server (db/command-channel.ts).
 */
import { CommandPrinter, findChannel, printOutput, sendCommand } from '../../../db/command-channel.ts'
import { ConfigError, openDatabase } from '../../../db/connect.ts'
import { migrateToLatest } from '../../../db/migrate.ts'
import { configFromEnv } from '../config.ts'
import { parseTokenArgs, runTokenCommand, TOKEN_USAGE, tokenArgsToList } from './token.command.ts'

const parsed = parseTokenArgs(process.argv.slice(2))
if (typeof parsed === 'string') {
  process.stderr.write(`${parsed ? parsed + '\n' : ''}${TOKEN_USAGE}\n`)
  process.exit(2)
}

try {
  const { database } = configFromEnv()
  const channel = database.kind === 'pglite' && 'dataDir' in database ? findChannel(database.dataDir) : undefined
  if (channel) printOutput(await sendCommand(channel, 'token', tokenArgsToList(parsed)))
  else {
    const { db, describe } = await openDatabase(database, { holder: 'token command' })
    try {
      await migrateToLatest(db)
      const out = new CommandPrinter()
      printOutput({ ...out, code: await runTokenCommand(db, describe, parsed, out) })
    } finally {
      await db.destroy()
    }
  }
} catch (error) {
  process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `Failed: ${(error as Error).message}\n`)
  process.exit(1)
}
