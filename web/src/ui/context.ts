/** What the views share: the county's data, looked up by id, and how to link to a page. */
import type { CountyLayers } from '../api/operations.ts'
import type { GIProductProps, RegionFigures, RegionProps, ServicePointItem, ServicePointProps } from '../api/types.ts'
import type { Route } from '../lib/url-state.ts'
import type { MetricId } from '../map/metrics.ts'

/** The county's layers, indexed by id, and the figures from compareRegions once loaded. */
export interface Lookup {
  layers: CountyLayers
  regions: Map<string, RegionProps>
  points: Map<string, ServicePointProps>
  items: Map<string, ServicePointItem>
  gi: Map<string, GIProductProps>
  figures: Map<string, RegionFigures> | undefined
}

/** Indexes the county's layers by region code, service point id and GI product code. */
export function buildLookup(layers: CountyLayers, figures?: Map<string, RegionFigures>): Lookup {
  return {
    layers,
    regions: new Map(layers.regions.features.map((f) => [f.properties.code, f.properties])),
    points: new Map(layers.servicePoints.features.map((f) => [f.properties.id, f.properties])),
    items: new Map(layers.allServicePoints.map((p) => [p.id, p])),
    gi: new Map(layers.giProducts.features.map((f) => [f.properties.code, f.properties])),
    figures,
  }
}

/** What every view needs: the data, the metric shown, links and "show on the map". */
export interface ViewContext {
  lookup: Lookup
  metric: MetricId
  /** A link to a page that keeps the chosen metric and layers. */
  href(route: Route): string
  /** Flies to a service point and opens its popup. */
  showPoint(id: string): void
}
