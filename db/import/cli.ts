/**
 * `npm run data:import -- <resource> <file> [--crs wgs84|gcj02|bd09] [--dry-run] [--county CODE]`:
 * checks every record of the file, then applies it in one transaction (or, with problems, lists
 * them all and writes nothing). Uses DATABASE_URL or the embedded database in DATA_DIR; while a
 * server runs on the embedded database, the import is handed to it (db/command-channel.ts).
 */
import { bootstrapDatabase } from '../bootstrap.ts'
import { CommandPrinter, findChannel, printOutput, sendCommand } from '../command-channel.ts'
import { ConfigError, openDatabase } from '../connect.ts'
import { databaseConfigFromEnv } from '../config.ts'
import { ImportError } from './import.ts'
import { IMPORT_USAGE, importArgsToList, parseImportArgs, runImport } from './command.ts'

const parsed = parseImportArgs(process.argv.slice(2))
if (typeof parsed === 'string') {
  process.stderr.write(`${parsed}\n${IMPORT_USAGE}\n`)
  process.exit(2)
}

try {
  const config = databaseConfigFromEnv()
  const channel = config.database.kind === 'pglite' && 'dataDir' in config.database ? findChannel(config.database.dataDir) : undefined
  if (channel) {
    printOutput(await sendCommand(channel, 'import', importArgsToList(parsed)))
  } else {
    const { db, describe } = await openDatabase(config.database, { holder: 'importer' })
    try {
      const boot = await bootstrapDatabase(db, config.packages)
      const out = new CommandPrinter()
      const code = await runImport(db, describe, parsed, config.defaultCounty ?? boot.packages[0]?.countyCode, out)
      printOutput({ ...out, code })
    } finally {
      await db.destroy()
    }
  }
} catch (error) {
  if (error instanceof ImportError || error instanceof ConfigError) process.stderr.write(`${error.message}\n`)
  else process.stderr.write(`Import failed: ${(error as Error).message}\n`)
  process.exit(1)
}
