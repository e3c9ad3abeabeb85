/** Region features prepared for drawing: each metric's value and label text as plain properties. */
import type { AreaGeometry, Feature, FeatureCollection, Lang, RegionFigures, RegionProps } from '../api/types.ts'
import { tIn } from '../lib/i18n.ts'
import { formatMetric, METRIC_IDS, metricValue, type MetricId } from './metrics.ts'

/** Properties of a drawn region: the API's, plus `m_<metric>` (a number), `nodata_<metric>`, `pending_<metric>` and `t_<metric>_<lang>`. */
export type DrawnRegionProps = Omit<RegionProps, 'seat'> & Record<string, unknown>

/** Property holding a metric's value when it is known. */
export const valueProperty = (metric: MetricId): string => `m_${metric}`
/** Property that is true while a metric's value is loading. */
export const pendingProperty = (metric: MetricId): string => `pending_${metric}`
/** Property that is true when a metric's value is unknown (drawn as "no data", never as 0). */
export const noDataProperty = (metric: MetricId): string => `nodata_${metric}`
/** Property holding a metric's value as the label writes it. */
export const textProperty = (metric: MetricId, lang: Lang): string => `t_${metric}_${lang}`

/**
 * Adds every metric's value and text to each region. Cells outside the county's statistics
 * (e.g. 郑州航空港区) get no values: their text names the unit that administers them.
 */
export function drawnRegions(
  regions: FeatureCollection<AreaGeometry, RegionProps>,
  figures: Map<string, RegionFigures> | undefined,
): FeatureCollection<AreaGeometry, DrawnRegionProps> {
  return {
    type: 'FeatureCollection',
    features: regions.features.map((f): Feature<AreaGeometry, DrawnRegionProps> => {
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the rest pattern drops seat from the drawn properties; _seat is never read
      const { seat: _seat, ...props } = f.properties
      const drawn: DrawnRegionProps = { ...props }
      for (const metric of METRIC_IDS) {
        if (!props.inCountyStatistics) {
          drawn[textProperty(metric, 'zh')] = tIn('zh', 'administeredLabel', { name: props.administeredByZh ?? '' })
          drawn[textProperty(metric, 'en')] = tIn('en', 'administeredLabel', { name: props.administeredByEn ?? tIn('en', 'administeredElsewhere') })
          continue
        }
        const value = metricValue(metric, f.properties, figures?.get(props.code))
        if (value === undefined) drawn[pendingProperty(metric)] = true
        else if (value === null) drawn[noDataProperty(metric)] = true
        else drawn[valueProperty(metric)] = value
        for (const lang of ['zh', 'en'] as const) drawn[textProperty(metric, lang)] = formatMetric(metric, value, lang)
      }
      return { type: 'Feature', id: f.id, geometry: f.geometry, properties: drawn }
    }),
  }
}

/** Service point properties for drawing: `stackSize` (points at the very same place) and `stackIndex`. */
export function stackCoincident<G extends { coordinates: [number, number] }, P>(
  points: FeatureCollection<G, P>,
): FeatureCollection<G, P & { stackSize: number; stackIndex: number }> {
  const byPlace = new Map<string, number>()
  for (const f of points.features) {
    const key = f.geometry.coordinates.join(',')
    byPlace.set(key, (byPlace.get(key) ?? 0) + 1)
  }
  const seen = new Map<string, number>()
  return {
    type: 'FeatureCollection',
    features: points.features.map((f) => {
      const key = f.geometry.coordinates.join(',')
      const stackIndex = seen.get(key) ?? 0
      seen.set(key, stackIndex + 1)
      return { ...f, properties: { ...f.properties, stackSize: byPlace.get(key)!, stackIndex } }
    }),
  }
}
