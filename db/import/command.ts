/**
 * The import command's arguments and its run over an open database: shared by the command line
 * (db/import/cli.ts) and the running server (which gets the arguments over the command channel, see
 * db/command-channel.ts).
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Kysely } from 'kysely'
import type { CommandPrinter } from '../command-channel.ts'
import type { Database } from '../database.ts'
import { CRS_NAMES, type Crs } from '../records/crs.ts'
import { findResource, RESOURCES } from '../records/resources.ts'
import { ImportError, importFile } from './import.ts'

export const IMPORT_USAGE = `Usage: npm run data:import -- <resource> <file> [--crs wgs84|gcj02|bd09] [--dry-run] [--county CODE]
  resource: ${RESOURCES.map((r) => r.name).join(', ')}
  file: .csv (the columns of the download), or .geojson for service-points, gi-products and region-boundaries`

export interface ImportArgs {
  resource: string
  /** Absolute path. */
  file: string
  crs: Crs
  dryRun: boolean
  county?: string
}

/** The arguments, checked; a string is the problem to print with the usage (exit 2). */
export function parseImportArgs(args: string[]): ImportArgs | string {
  const positional: string[] = []
  let crs: Crs = 'wgs84'
  let dryRun = false
  let county: string | undefined
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (arg === '--dry-run') dryRun = true
    else if (arg === '--crs' || arg.startsWith('--crs=')) {
      const value = arg.includes('=') ? arg.split('=')[1] : args[++i]
      if (!CRS_NAMES.includes(value as Crs)) return `--crs must be one of ${CRS_NAMES.join(', ')}, not ${value ?? 'nothing'}`
      crs = value as Crs
    } else if (arg === '--county' || arg.startsWith('--county=')) county = arg.includes('=') ? arg.split('=')[1] : args[++i]
    else if (arg === '--help' || arg === '-h') return ''
    else if (arg.startsWith('--')) return `Unknown option ${arg}`
    else positional.push(arg)
  }
  if (positional.length !== 2) return 'Give a resource and a file.'
  const [resource, file] = positional
  if (!findResource(resource)) return `There is no resource "${resource}".`
  return { resource, file: path.resolve(file), crs, dryRun, county }
}

/** The arguments as they travel over the command channel (the file as an absolute path). */
export function importArgsToList(a: ImportArgs): string[] {
  return [a.resource, a.file, '--crs', a.crs, ...(a.dryRun ? ['--dry-run'] : []), ...(a.county ? ['--county', a.county] : [])]
}

/** Runs an import into `county` (the args' --county wins); prints what changed; returns the exit code. */
export async function runImport(
  db: Kysely<Database>,
  describe: string,
  a: ImportArgs,
  defaultCounty: string | undefined,
  out: CommandPrinter,
): Promise<number> {
  if (!existsSync(a.file)) {
    out.error(`Cannot read ${a.file}: no such file.`)
    return 1
  }
  const target = a.county ?? defaultCounty
  if (!target) {
    out.error('No county to import into: pass --county CODE or set DATA_PACKAGES.')
    return 1
  }
  try {
    const report = await importFile(db, { resource: a.resource, file: a.file, county: target, crs: a.crs, dryRun: a.dryRun })
    for (const c of report.changes) {
      const where = report.format === 'csv' ? `line ${c.line}` : `feature ${c.line}`
      out.log(`  ${where}: ${c.action === 'INSERT' ? 'new' : 'changed'} ${c.key}${c.action === 'UPDATE' ? ` (${c.fields.join(', ')})` : ''}`)
    }
    out.log(
      `${a.resource} from ${a.file} into ${describe}, county ${target}: ` +
        `${report.inserted} inserted, ${report.updated} updated, ${report.unchanged} unchanged` +
        (a.dryRun ? ' (dry run: nothing was written)' : ''),
    )
    return 0
  } catch (error) {
    if (error instanceof ImportError) {
      out.error(error.message)
      return 1
    }
    throw error
  }
}
