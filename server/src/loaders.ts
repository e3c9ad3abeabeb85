/**
 * Per-request DataLoaders: every relation a list can ask for is fetched in one query
 * for all its parents, so no field runs one query per row.
 */
import DataLoader from 'dataloader'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.ts'
import type { CountyKey } from '../../db/keys.ts'
import type { Region } from '../../schema/region.type.ts'
import { listGIProductsOfRegions, listOriginAreas, listOriginRegionCodes } from './gi-product/gi-product.repository.ts'
import { listRelatedOfIndicators, listValuesOfIndicators, listValuesOfRegions } from './indicator/indicator.repository.ts'
import { findDepartments, listMembersOf, listResponsibilitiesOfTasks, listTasksOfDepartments } from './plan/plan.repository.ts'
import { listIndicatorLinksOfTasks, listTaskLinksOfIndicators } from './plan/task-indicator.repository.ts'
import { findRegionsByCodes, listBoundaries, listChildrenOf, listRegionNames } from './region/region.repository.ts'
import { listServicePointsOfRegions } from './service-point/service-point.repository.ts'
import type { Memo } from './memo.ts'

const countyKey = (k: CountyKey) => `${k.countyCode}/${k.code}`

/** A loader that answers each key with the list of values whose `keyOf` equals it. */
function grouped<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (value: V) => string, cacheKey: (key: K) => string): DataLoader<K, V[], string> {
  return new DataLoader<K, V[], string>(
    async (keys) => {
      const groups = new Map<string, V[]>()
      for (const value of await fetch(keys)) {
        const k = keyOf(value)
        const list = groups.get(k)
        if (list) list.push(value)
        else groups.set(k, [value])
      }
      return keys.map((k) => groups.get(cacheKey(k)) ?? [])
    },
    { cacheKeyFn: cacheKey },
  )
}

/** A loader that answers each key with the one value whose `keyOf` equals it, or undefined. */
function single<K, V>(
  fetch: (keys: readonly K[]) => Promise<V[]>,
  keyOf: (value: V) => string,
  cacheKey: (key: K) => string,
): DataLoader<K, V | undefined, string> {
  return new DataLoader<K, V | undefined, string>(
    async (keys) => {
      const byKey = new Map((await fetch(keys)).map((v) => [keyOf(v), v]))
      return keys.map((k) => byKey.get(cacheKey(k)))
    },
    { cacheKeyFn: cacheKey },
  )
}

const same = (s: string) => s

/**
 * Regions by code, read through `memo` (shared across requests, cleared on every write) while
 * `useMemo()` is true: most requests look up a few regions (the county asked for, a point's town),
 * and those change only with the data. The codes missing from the memo are fetched in one query.
 */
function memoisedRegions(db: Kysely<Database>, memo: Memo | undefined, useMemo: () => boolean) {
  const fetch = async (codes: readonly string[]) => {
    const byCode = new Map((await findRegionsByCodes(db, codes)).map((r) => [r.code, r]))
    return codes.map((c) => byCode.get(c))
  }
  return new DataLoader<string, Region | undefined>(async (codes) => {
    if (!memo || !useMemo()) return fetch(codes)
    const missing: string[] = []
    let settle!: (batch: Promise<(Region | undefined)[]>) => void
    const batch = new Promise<(Region | undefined)[]>((resolve) => (settle = resolve))
    const results = codes.map((code) =>
      memo.get(`region:${code}`, () => {
        const i = missing.push(code) - 1
        return batch.then((regions) => regions[i])
      }),
    )
    settle(missing.length ? fetch(missing) : Promise.resolve([]))
    return Promise.all(results)
  })
}

/**
 * `memo` serves region look-ups across requests while `useMemo()` says so (not in a mutation,
 * which must see its own writes).
 */
export function createLoaders(db: Kysely<Database>, memo?: Memo, useMemo: () => boolean = () => true) {
  const region = memoisedRegions(db, memo, useMemo)
  return {
    region,
    /** A region by code: at once when the memo has it (no promise for a list's rows to wait on), else through `region`. */
    regionNow(code: string): Region | undefined | Promise<Region | undefined> {
      const known = memo && useMemo() ? memo.peek<Region | undefined>(`region:${code}`) : undefined
      return known ? known.value : region.load(code)
    },
    childrenOfRegion: grouped(
      (codes: readonly string[]) => listChildrenOf(db, codes),
      (r) => r.parentCode ?? '',
      same,
    ),
    namesOfRegion: grouped(
      (codes: readonly string[]) => listRegionNames(db, codes),
      (n) => n.regionCode,
      same,
    ),
    /** Keyed by region code and simplification tolerance; one query per distinct tolerance. */
    boundary: new DataLoader<{ code: string; simplifyMeters: number }, object | null, string>(
      async (keys) => {
        const byTolerance = new Map<number, string[]>()
        for (const k of keys) byTolerance.set(k.simplifyMeters, [...(byTolerance.get(k.simplifyMeters) ?? []), k.code])
        const results = new Map<string, object | null>()
        for (const [tolerance, codes] of byTolerance) {
          for (const [code, geometry] of await listBoundaries(db, codes, tolerance)) results.set(`${code}|${tolerance}`, geometry)
        }
        return keys.map((k) => results.get(`${k.code}|${k.simplifyMeters}`) ?? null)
      },
      { cacheKeyFn: (k) => `${k.code}|${k.simplifyMeters}` },
    ),
    servicePointsOfRegion: grouped(
      (codes: readonly string[]) => listServicePointsOfRegions(db, codes),
      (p) => p.regionCode ?? '',
      same,
    ),
    giProductsOfRegion: grouped(
      (codes: readonly string[]) => listGIProductsOfRegions(db, codes),
      (g) => g.regionCode,
      same,
    ),
    valuesOfRegion: grouped(
      (codes: readonly string[]) => listValuesOfRegions(db, codes),
      (v) => v.regionCode,
      same,
    ),
    valuesOfIndicator: grouped(
      (keys: readonly CountyKey[]) => listValuesOfIndicators(db, keys),
      (v) => `${v.countyCode}/${v.indicatorCode}`,
      countyKey,
    ),
    relatedOfIndicator: grouped(
      (keys: readonly CountyKey[]) => listRelatedOfIndicators(db, keys),
      (r) => `${r.countyCode}/${r.fromCode}`,
      countyKey,
    ),
    originRegionCodes: grouped(
      (keys: readonly CountyKey[]) => listOriginRegionCodes(db, keys),
      (o) => o.key,
      countyKey,
    ),
    originArea: new DataLoader<CountyKey, object | null, string>(
      async (keys) => {
        const areas = await listOriginAreas(db, keys)
        return keys.map((k) => areas.get(countyKey(k)) ?? null)
      },
      { cacheKeyFn: countyKey },
    ),
    department: single(
      (keys: readonly CountyKey[]) => findDepartments(db, keys),
      (d) => `${d.countyCode}/${d.code}`,
      countyKey,
    ),
    membersOfDepartment: grouped(
      (keys: readonly CountyKey[]) => listMembersOf(db, keys),
      (d) => `${d.countyCode}/${d.memberOfCode}`,
      countyKey,
    ),
    responsibilitiesOfTask: grouped(
      (keys: readonly CountyKey[]) => listResponsibilitiesOfTasks(db, keys),
      (r) => r.taskKey,
      countyKey,
    ),
    tasksOfDepartment: grouped(
      (keys: readonly CountyKey[]) => listTasksOfDepartments(db, keys),
      (t) => t.departmentKey,
      countyKey,
    ),
    indicatorLinksOfTask: grouped(
      (keys: readonly CountyKey[]) => listIndicatorLinksOfTasks(db, keys),
      (l) => l.taskKey,
      countyKey,
    ),
    taskLinksOfIndicator: grouped(
      (keys: readonly CountyKey[]) => listTaskLinksOfIndicators(db, keys),
      (l) => l.indicatorKey,
      countyKey,
    ),
  }
}

export type Loaders = ReturnType<typeof createLoaders>
