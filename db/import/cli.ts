/**
 * `npm run data:import -- <resource> <file> [--crs wgs84|gcj02|bd09] [--dry-run] [--county CODE]`:
 * checks every record of the file, then applies it in one transaction (or, with problems, lists
 * them all and writes nothing). Uses DATABASE_URL or the embedded database in DATA_DIR.
 */
import { existsSync } from 'node:fs'
import { bootstrapDatabase } from '../bootstrap.ts'
import { ConfigError, openDatabase } from '../connect.ts'
import { CRS_NAMES, type Crs } from '../records/crs.ts'
import { findResource, RESOURCES } from '../records/resources.ts'
import { databaseConfigFromEnv } from '../config.ts'
import { ImportError, importFile } from './import.ts'

const USAGE = `Usage: npm run data:import -- <resource> <file> [--crs wgs84|gcj02|bd09] [--dry-run] [--county CODE]
  resource: ${RESOURCES.map((r) => r.name).join(', ')}
  file: .csv (the columns of the download), or .geojson for service-points, gi-products and region-boundaries`

function usage(problem: string): never {
  process.stderr.write(`${problem}\n${USAGE}\n`)
  process.exit(2)
}

const positional: string[] = []
let crs: Crs = 'wgs84'
let dryRun = false
let county: string | undefined
const args = process.argv.slice(2)
for (let i = 0; i < args.length; i++) {
  const arg = args[i]
  if (arg === '--dry-run') dryRun = true
  else if (arg === '--crs' || arg.startsWith('--crs=')) {
    const value = arg.includes('=') ? arg.split('=')[1] : args[++i]
    if (!CRS_NAMES.includes(value as Crs)) usage(`--crs must be one of ${CRS_NAMES.join(', ')}, not ${value ?? 'nothing'}`)
    crs = value as Crs
  } else if (arg === '--county' || arg.startsWith('--county=')) county = arg.includes('=') ? arg.split('=')[1] : args[++i]
  else if (arg === '--help' || arg === '-h') usage('')
  else if (arg.startsWith('--')) usage(`Unknown option ${arg}`)
  else positional.push(arg)
}
if (positional.length !== 2) usage('Give a resource and a file.')
const [resource, file] = positional
if (!findResource(resource)) usage(`There is no resource "${resource}".`)
if (!existsSync(file)) {
  process.stderr.write(`Cannot read ${file}: no such file.\n`)
  process.exit(1)
}

try {
  const config = databaseConfigFromEnv()
  const { db, describe } = await openDatabase(config.database, { holder: 'importer' })
  try {
    const boot = await bootstrapDatabase(db, config.packages)
    const target = county ?? config.defaultCounty ?? boot.packages[0]?.countyCode
    if (!target) throw new ConfigError('No county to import into: pass --county CODE or set DATA_PACKAGES.')
    const report = await importFile(db, { resource, file, county: target, crs, dryRun })
    for (const c of report.changes) {
      const where = report.format === 'csv' ? `line ${c.line}` : `feature ${c.line}`
      console.log(`  ${where}: ${c.action === 'INSERT' ? 'new' : 'changed'} ${c.key}${c.action === 'UPDATE' ? ` (${c.fields.join(', ')})` : ''}`)
    }
    console.log(
      `${resource} from ${file} into ${describe}, county ${target}: ` +
        `${report.inserted} inserted, ${report.updated} updated, ${report.unchanged} unchanged` +
        (dryRun ? ' (dry run: nothing was written)' : ''),
    )
  } finally {
    await db.destroy()
  }
} catch (error) {
  if (error instanceof ImportError || error instanceof ConfigError) process.stderr.write(`${error.message}\n`)
  else process.stderr.write(`Import failed: ${(error as Error).message}\n`)
  process.exit(1)
}
