/**
 * A region's comparison figures: the raw ones from compareRegionFigures, memoised across requests until
 * the next write (coverage is costly: buffers, unions, intersections), and the rates derived from them.
 * compareRegions and each town's figures in context (town-context.ts) share them, under the same keys.
 */
import type { Context } from '../context.ts'
import { compareRegionFigures, type ComparisonRow } from './compare.repository.ts'

/** The figures a town is compared by, named as the fields of RegionComparison. */
export const FIGURE_METRICS = [
  'servicePointCount',
  'servicePointsPer10k',
  'servicePointsPer100Km2',
  'coverageShare',
  'activeCoverageShare',
  'giProductCount',
  'population',
  'areaKm2',
] as const
export type FigureMetric = (typeof FIGURE_METRICS)[number]

/** Figures divided by a population: compared only between populations of the same year and kind. */
export const PER_CAPITA_FIGURES: readonly FigureMetric[] = ['servicePointsPer10k']

/** The raw figures of `codes` (any order) with stations within `radiusKm`, one statement, memoised until the next write. */
export function memoisedFigures(ctx: Context, codes: readonly string[], radiusKm: number): Promise<ComparisonRow[]> {
  return ctx.memo.get(`compare:${radiusKm}:${[...codes].sort().join(',')}`, () =>
    ctx.gate.run(() => compareRegionFigures(ctx.db, codes, radiusKm * 1000), { cancellable: true }),
  )
}

/** Every figure of a region, by metric; null where unknown (no population, no area, no boundary). */
export function deriveFigures(f: ComparisonRow): Record<FigureMetric, number | null> {
  const servicePointCount = Object.values(f.countsByKind).reduce((a, b) => a + b, 0)
  return {
    servicePointCount,
    servicePointsPer10k: f.population ? (servicePointCount / f.population) * 10_000 : null,
    servicePointsPer100Km2: f.areaKm2 ? (servicePointCount / f.areaKm2) * 100 : null,
    coverageShare: f.coverageShare,
    activeCoverageShare: f.activeCoverageShare,
    giProductCount: f.giProductCount,
    population: f.population,
    areaKm2: f.areaKm2,
  }
}
