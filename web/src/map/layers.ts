/**
 * The map's style as plain data: sources (filled with data later), layers and the expressions
 * that colour and label them. No `glyphs` and no `sprite`: MapLibre draws text with local fonts
 * and the patterns are made in code, so nothing is fetched unless a basemap is chosen.
 * The ids are in layer-ids.ts, the data layers in data-layers.ts (both re-exported here).
 */
import type { SourceSpecification, StyleSpecification } from 'maplibre-gl'
import type { Lang } from '../api/types.ts'
import { basemapParts, type BasemapOption } from './basemap.ts'
import { dataLayers } from './data-layers.ts'
import { POINT_TILE_LAYER, SOURCES, CLUSTER_MAX_ZOOM, LAYERS, type LayerGroup } from './layer-ids.ts'
import type { MetricClass, MetricId } from './metrics.ts'
import { BACKGROUND } from './palette.ts'

export * from './layer-ids.ts'
export { dataLayers, kindColor, regionFillColor, regionLabelField } from './data-layers.ts'

/** Everything the style depends on. */
export interface StyleOptions {
  lang: Lang
  metric: MetricId
  classes: MetricClass[]
  visible: ReadonlySet<LayerGroup>
  /** The town whose page is open (others are dimmed), or null on the county view. */
  selectedCode: string | null
  basemap: BasemapOption | null
  /**
   * Service points come from vector tiles (/tiles) rather than one GeoJSON collection: the app
   * switches when the county holds more points than the server's threshold (see /config.json).
   */
  pointTiles?: boolean
}

const emptyCollection: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] }

/** The whole style; sources start empty (see `SOURCES`). */
export function buildStyle(options: StyleOptions): StyleSpecification {
  const base = options.basemap ? basemapParts(options.basemap, options.lang) : { sources: {}, layers: [] }
  return {
    version: 8,
    sources: { ...base.sources, ...dataSources(options) },
    layers: [{ id: LAYERS.background, type: 'background', paint: { 'background-color': BACKGROUND } }, ...base.layers, ...dataLayers(options)],
  }
}

/**
 * The data sources: GeoJSON, empty until the data arrives, or for service points vector tiles when
 * `pointTiles`; `promoteId` makes the codes usable with feature-state. Points cluster at low zoom.
 */
export function dataSources(options: { pointTiles?: boolean } = {}): Record<string, SourceSpecification> {
  return {
    [SOURCES.regions]: {
      type: 'geojson',
      data: emptyCollection,
      promoteId: 'code',
      attribution: '县界派生自高德地图数据 (AMap); 乡镇边界为示意 · township boundaries schematic',
    },
    [SOURCES.gi]: { type: 'geojson', data: emptyCollection, promoteId: 'code' },
    [SOURCES.points]: options.pointTiles
      ? {
          type: 'vector',
          tiles: [`${globalThis.location?.origin ?? ''}/tiles/${POINT_TILE_LAYER}/{z}/{x}/{y}.pbf`],
          maxzoom: 14,
          promoteId: 'id',
        }
      : { type: 'geojson', data: emptyCollection, promoteId: 'id', cluster: true, clusterMaxZoom: CLUSTER_MAX_ZOOM, clusterRadius: 40 },
    [SOURCES.here]: { type: 'geojson', data: emptyCollection },
  }
}
