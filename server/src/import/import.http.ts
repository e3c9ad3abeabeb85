/**
 * `POST /import?resource=…&name=…[&dryRun=1][&crs=wgs84|gcj02|bd09][&county=…][&sha256=…]`: the bulk upload
 * of the web app (#/upload). The body is the file's bytes (CSV or GeoJSON, at most {@link IMPORT_MAX_BYTES});
 * the SAME importer as `npm run data:import` reads and checks it (db/import/import.ts) and, without `dryRun`,
 * applies it in one transaction through the one write path, audited with the user's name.
 *
 * Who may: a signed-in user (session cookie, same site, `X-CSRF-Token`) or a bearer token, of at least the
 * township-editor role. A township editor's rows outside their towns, and rows of county-level resources,
 * are problems of their lines with code FORBIDDEN naming the region: the file is refused whole.
 *
 * Answers `200` with the counts (`inserted`, `updated`, `unchanged`, `changes`) and the body's `sha256`,
 * or `422` `IMPORT_PROBLEMS` with every problem (`line`, `column`, `message`, `code`) and nothing written.
 * An apply may name the `sha256` of the dry run it follows: other bytes are refused (409), never applied.
 */
import { createHash } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { Kysely } from 'kysely'
import type { Database } from '../../../db/database.ts'
import { ImportError, importFile } from '../../../db/import/import.ts'
import type { Problem } from '../../../db/records/apply.ts'
import { CRS_NAMES, type Crs } from '../../../db/records/crs.ts'
import { findResource, RESOURCES } from '../../../db/records/resources.ts'
import type { Values } from '../../../db/records/values.ts'
import { refuseCrossSite } from '../auth/auth.http.ts'
import { RequestAuth, type Viewer } from '../auth/authenticate.ts'
import { requireCountyScope, requireRegionScope } from '../auth/scope.ts'
import { CSRF_HEADER, sessionIdFromCookie } from '../auth/session.ts'
import { ForbiddenError } from '../errors.ts'
import type { RouteContext } from '../http/router.ts'
import { HttpError, type Reply } from '../http/send.ts'
import { readBodyBytes } from '../http/body.ts'

/** Largest file accepted, in bytes (4 MiB: the county's whole data package is far smaller). */
export const IMPORT_MAX_BYTES = 4 * 1024 * 1024

export interface ImportRouteOptions {
  db(): Kysely<Database>
  defaultCounty(): string
  /** Called after an import wrote (drops the response cache). */
  changed(): void
  /** Overrides {@link IMPORT_MAX_BYTES}. */
  maxBytes?: number
}

/** The column holding the region of a resource's record; resources without one are county-level. */
const REGION_COLUMN: Record<string, string> = {
  'indicator-values': 'region_code',
  'service-points': 'region_code',
  'region-names': 'region_code',
  regions: 'code',
  seats: 'code',
  'region-boundaries': 'code',
}

const WHAT = 'import'

/**
 * What a viewer may import into `county`: undefined for the whole county, else a check refusing each record
 * outside their towns (its region after derivation, and the stored record's region it would change).
 */
export function importScope(
  viewer: Viewer,
  resourceName: string,
  county: string,
): ((values: Values, old: Values | undefined) => Omit<Problem, 'line'> | null) | undefined {
  if (viewer.regions === null) return undefined
  const column = REGION_COLUMN[resourceName]
  const check = (region: string | null | undefined) => {
    if (!column) requireCountyScope(viewer, `${WHAT} ${resourceName}`, county)
    else if (region === county) requireCountyScope(viewer, WHAT, county)
    else requireRegionScope(viewer, region, WHAT)
  }
  return (values, old) => {
    try {
      check(column ? values[column] : null)
      if (old && column && old[column] !== values[column]) check(old[column])
      return null
    } catch (error) {
      if (error instanceof ForbiddenError) return { column: column ?? null, message: error.message, code: 'FORBIDDEN' }
      throw error
    }
  }
}

/** The file is too large: 413 naming the file field. */
const fileTooLarge = (maxBytes: number) =>
  new HttpError(413, 'PAYLOAD_TOO_LARGE', `文件超过 ${maxBytes} 字节 · The file is larger than ${maxBytes} bytes`, {}, { field: 'file' })

function badParameter(field: string, message: string): HttpError {
  return new HttpError(400, 'BAD_USER_INPUT', message, {}, { field })
}

const header = (req: IncomingMessage, name: string) => {
  const v = req.headers[name]
  return (Array.isArray(v) ? v[0] : v) || undefined
}

/** The viewer of the request (role township-editor or above), or 401 / 403 as the GraphQL API refuses. */
async function importer(db: Kysely<Database>, req: IncomingMessage): Promise<Viewer> {
  const authorization = header(req, 'authorization')
  // A browser's session: refused from another site before anything is read.
  if (!authorization && sessionIdFromCookie(req.headers.cookie)) refuseCrossSite(req)
  const auth = new RequestAuth(db, { authorization, cookie: req.headers.cookie, csrfToken: header(req, CSRF_HEADER), method: 'POST' })
  try {
    return await auth.require('township-editor', WHAT)
  } catch (error) {
    const code = (error as { extensions?: { code?: string } }).extensions?.code
    if (code === 'UNAUTHENTICATED') throw new HttpError(401, code, (error as Error).message)
    if (code === 'FORBIDDEN') throw new HttpError(403, code, (error as Error).message)
    throw error
  }
}

/** The handler of the `/import` row. */
export function importHandler(options: ImportRouteOptions) {
  const maxBytes = options.maxBytes ?? IMPORT_MAX_BYTES
  return async ({ req, query }: RouteContext): Promise<Reply> => {
    const db = options.db()
    const viewer = await importer(db, req)
    const resourceName = query.get('resource') ?? ''
    const resource = findResource(resourceName)
    if (!resource) {
      throw badParameter('resource', `没有资源 "${resourceName}" · There is no resource "${resourceName}" (one of: ${RESOURCES.map((r) => r.name).join(', ')})`)
    }
    const name = (query.get('name') ?? '').trim() || 'upload.csv'
    if (!/\.(csv|geojson|json)$/i.test(name) || name.length > 200 || /[/\\]/.test(name)) {
      throw badParameter('name', `文件须为 .csv 或 .geojson · The file "${name.slice(0, 200)}" must be a .csv or .geojson file`)
    }
    const crs = (query.get('crs') ?? 'wgs84') as Crs
    if (!CRS_NAMES.includes(crs)) throw badParameter('crs', `crs 须为 ${CRS_NAMES.join('、')} · crs must be one of ${CRS_NAMES.join(', ')}`)
    const dryRunParam = query.get('dryRun')
    if (dryRunParam !== null && !['0', '1', 'true', 'false'].includes(dryRunParam)) throw badParameter('dryRun', 'dryRun must be 1 or 0')
    const dryRun = dryRunParam === '1' || dryRunParam === 'true'
    const county = query.get('county') || options.defaultCounty()
    if (viewer.regions !== null && !viewer.regions.some((r) => r === county || r.startsWith(county))) {
      throw new HttpError(
        403,
        'FORBIDDEN',
        `${WHAT}: county ${county} is outside the regions ${viewer.name} may edit (${viewer.regions.join(', ')})`,
        {},
        {
          region: county,
        },
      )
    }
    const bytes = await readBodyBytes(req, maxBytes, fileTooLarge)
    if (!bytes.length) throw badParameter('file', '文件为空 · The file is empty')
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    const expected = query.get('sha256')
    if (expected && expected.toLowerCase() !== sha256) {
      throw new HttpError(
        409,
        'CONFLICT',
        '文件与试运行时不同，请重新试运行 · The file differs from the one of the dry run: run the dry run again',
        {},
        { field: 'file' },
      )
    }
    const common = { resource: resource.name, file: name, dryRun, sha256 }
    try {
      const report = await importFile(db, {
        resource: resource.name,
        file: name,
        bytes,
        county,
        crs,
        dryRun,
        actor: viewer.name,
        allow: importScope(viewer, resource.name, county),
      })
      if (!dryRun && report.changes.length) options.changed()
      const { inserted, updated, unchanged, changes, format } = report
      return json(200, { ...common, resource: report.resource, format, inserted, updated, unchanged, changes, problems: [] })
    } catch (error) {
      if (!(error instanceof ImportError)) throw error
      const problems = error.details.map((p) => ({ line: p.line, column: p.column, message: p.message, code: p.code ?? 'BAD_USER_INPUT' }))
      return json(422, {
        ...common,
        format: error.format,
        problems,
        errors: [{ message: error.message, extensions: { code: 'IMPORT_PROBLEMS', field: 'file' } }],
      })
    }
  }
}

const json = (status: number, value: unknown): Reply => ({
  status,
  headers: { 'cache-control': 'no-store' },
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify(value),
})
