/**
 * The one place where "may this viewer edit there?" is answered. Call after `ctx.auth.require(role, what)`:
 *
 * ```ts
 * const viewer = await ctx.auth.require('township-editor', 'upsertServicePoint')
 * requireRegionScope(viewer, point.regionCode, 'upsertServicePoint')   // a town's record
 * requireCountyScope(viewer, 'recordIndicatorValue', county)           // a county-level record
 * ```
 *
 * A viewer's `regions` is null for the whole county (tokens, editors, admins). Otherwise it lists NBS
 * codes: a town code (9 digits) allows that town; a county code (6 digits, an editor scoped to one of
 * several loaded counties) allows the county and every town whose code starts with it.
 */
import { ForbiddenError } from '../errors.ts'
import type { Viewer } from './authenticate.ts'

function covers(scope: string, code: string): boolean {
  return scope === code || (scope.length === 6 && code.length === 9 && code.startsWith(scope))
}

function scopeText(viewer: Viewer): string {
  return viewer.regions!.join(', ')
}

/**
 * Throws FORBIDDEN unless `viewer` may edit records of region `regionCode` (a town's, or, for a
 * county code, the county's own). `null` is a record placed in no region (no location): county scope.
 */
export function requireRegionScope(viewer: Viewer, regionCode: string | null | undefined, what: string): void {
  if (viewer.regions === null) return
  if (!regionCode) {
    throw new ForbiddenError(`${what}: a record outside any town needs the whole county; ${viewer.name} may edit only region ${scopeText(viewer)}`)
  }
  if (viewer.regions.some((scope) => covers(scope, regionCode))) return
  throw new ForbiddenError(`${what}: region ${regionCode} is outside the regions ${viewer.name} may edit (${scopeText(viewer)})`, { region: regionCode })
}

/**
 * Throws FORBIDDEN unless `viewer` may edit county-level records (the county's own indicator values,
 * GI products, boundaries) of `county` (any county when not given: then only a whole-county viewer passes).
 */
export function requireCountyScope(viewer: Viewer, what: string, county?: string): void {
  if (viewer.regions === null) return
  if (county && viewer.regions.includes(county)) return
  throw new ForbiddenError(
    `${what}: county-level records${county ? ` of county ${county}` : ''} need the whole county; ${viewer.name} may edit only region ${scopeText(viewer)}`,
    { region: county ?? null },
  )
}
