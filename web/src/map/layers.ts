/**
 * The map's style as plain data: sources (filled with data later), layers and the expressions
 * that colour and label them. No `glyphs` and no `sprite`: MapLibre draws text with local fonts
 * and the patterns are made in code, so nothing is fetched unless a basemap is chosen.
 */
import type {
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from 'maplibre-gl'
import type { Lang } from '../api/types.ts'
import { basemapParts, type BasemapOption } from './basemap.ts'
import type { MetricClass, MetricId } from './metrics.ts'
import { BACKGROUND, CLUSTER_FILL, GI_COLOR, INK, KIND_COLORS, NO_DATA_FILL, OUTSIDE_FILL, PENDING_FILL } from './palette.ts'
import { noDataProperty, pendingProperty, textProperty, valueProperty } from './region-features.ts'

/** Ids of the GeoJSON sources: regions, service points, GI areas and the place clicked. */
export const SOURCES = { regions: 'regions', points: 'service-points', gi: 'gi-products', here: 'here' } as const

/**
 * Service points are clustered up to this zoom, from GeoJSON (MapLibre's clustering) and from
 * vector tiles alike (the server's grid clustering, server/src/tiles: CLUSTER_MAX_ZOOM, the same value).
 */
export const CLUSTER_MAX_ZOOM = 8

/** Name of the service points' layer inside their vector tiles (/tiles/service-points/…). */
export const POINT_TILE_LAYER = 'service-points'

/** Images the style uses; `map.addImage` adds them (see patterns.ts) before any data is drawn. */
export const IMAGES = { hatch: 'pattern-hatch', giIcon: 'icon-gi' } as const

/**
 * Local fonts for labels, as a CSS font-family list (Windows, macOS, Android/Noto, Linux).
 * With no `glyphs` URL, MapLibre renders every label with TinySDF in the browser from these.
 */
export const FONT_STACK = ['Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'sans-serif']

/** Layers a user can switch on and off, by group. */
export type LayerGroup = 'regions' | 'points' | 'gi'
/** The groups in the order of the toggles. */
export const LAYER_GROUPS: LayerGroup[] = ['regions', 'points', 'gi']

/** Ids of every data layer. */
export const LAYERS = {
  background: 'background',
  regionsFill: 'regions-fill',
  regionsNoData: 'regions-nodata',
  regionsOutside: 'regions-outside',
  giFill: 'gi-fill',
  regionsOutline: 'regions-outline',
  giOutline: 'gi-outline',
  pointsPlanned: 'points-planned',
  pointsActive: 'points-active',
  pointsStack: 'points-stack',
  pointsCluster: 'points-cluster',
  pointsClusterCount: 'points-cluster-count',
  regionsDim: 'regions-dim',
  regionsSelected: 'regions-selected',
  here: 'here',
  regionsLabel: 'regions-label',
  giLabel: 'gi-label',
} as const

/** Which layers each group switches. */
export const GROUP_LAYERS: Record<LayerGroup, string[]> = {
  regions: [LAYERS.regionsFill, LAYERS.regionsNoData, LAYERS.regionsOutside, LAYERS.regionsOutline, LAYERS.regionsLabel],
  points: [LAYERS.pointsPlanned, LAYERS.pointsActive, LAYERS.pointsStack, LAYERS.pointsCluster, LAYERS.pointsClusterCount],
  gi: [LAYERS.giFill, LAYERS.giOutline, LAYERS.giLabel],
}

/** Layers a click or hover can pick, top first. */
export const INTERACTIVE_LAYERS = {
  points: [LAYERS.pointsActive, LAYERS.pointsPlanned],
  clusters: [LAYERS.pointsCluster],
  gi: [LAYERS.giFill],
  regions: [LAYERS.regionsFill, LAYERS.regionsNoData, LAYERS.regionsOutside],
}

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

const hovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false]
const emptyCollection : GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] }

/** The whole style; sources start empty (see `SOURCES`). */
export function buildStyle(options: StyleOptions): StyleSpecification {
  const base = options.basemap ? basemapParts(options.basemap, options.lang) : { sources: {}, layers: [] }
  return {
    version: 8,
    sources: { ...base.sources, ...dataSources(options) },
    layers: [
      { id: LAYERS.background, type: 'background', paint: { 'background-color': BACKGROUND } },
      ...base.layers,
      ...dataLayers(options),
    ],
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

/** Every layer drawn from the platform's data, bottom first. */
export function dataLayers(options: StyleOptions): LayerSpecification[] {
  const { lang, metric, classes, visible, selectedCode, basemap, pointTiles } = options
  // Point layers read the tiles' layer when the points come from vector tiles.
  const pointSource = pointTiles ? { source: SOURCES.points, 'source-layer': POINT_TILE_LAYER } : { source: SOURCES.points }
  const single: FilterSpecification = ['!', ['has', 'point_count']]
  const visibility = (group: LayerGroup) => (visible.has(group) ? 'visible' : 'none') as 'visible' | 'none'
  const inCounty: FilterSpecification = ['==', ['get', 'inCountyStatistics'], true]
  const fillOpacity = basemap ? 0.55 : 0.85
  const selected = selectedCode ?? ''
  return [
    {
      id: LAYERS.regionsFill,
      type: 'fill',
      source: SOURCES.regions,
      filter: inCounty,
      layout: { visibility: visibility('regions') },
      paint: {
        'fill-color': regionFillColor(metric, classes),
        'fill-opacity': ['case', hovered, Math.min(1, fillOpacity + 0.1), fillOpacity],
      },
    },
    {
      id: LAYERS.regionsNoData,
      type: 'fill',
      source: SOURCES.regions,
      filter: ['all', inCounty, ['==', ['get', noDataProperty(metric)], true]],
      layout: { visibility: visibility('regions') },
      paint: { 'fill-pattern': IMAGES.hatch },
    },
    {
      id: LAYERS.regionsOutside,
      type: 'fill',
      source: SOURCES.regions,
      filter: ['!=', ['get', 'inCountyStatistics'], true],
      layout: { visibility: visibility('regions') },
      paint: { 'fill-color': OUTSIDE_FILL, 'fill-opacity': basemap ? 0.6 : 0.9 },
    },
    {
      id: LAYERS.giFill,
      type: 'fill',
      source: SOURCES.gi,
      layout: { visibility: visibility('gi') },
      // Translucent, so the township's colour shows through; the dashed outline and the symbol mark it too.
      paint: { 'fill-color': GI_COLOR, 'fill-opacity': ['case', hovered, 0.38, 0.22] },
    },
    {
      id: LAYERS.regionsOutline,
      type: 'line',
      source: SOURCES.regions,
      layout: { visibility: visibility('regions'), 'line-join': 'round' },
      paint: { 'line-color': INK, 'line-width': ['case', hovered, 3, 1], 'line-opacity': ['case', hovered, 1, 0.7] },
    },
    {
      id: LAYERS.giOutline,
      type: 'line',
      source: SOURCES.gi,
      layout: { visibility: visibility('gi'), 'line-join': 'round' },
      paint: { 'line-color': GI_COLOR, 'line-width': ['case', hovered, 3.5, 2], 'line-dasharray': [2, 1.5], 'line-offset': 1.5 },
    },
    {
      id: LAYERS.pointsPlanned,
      type: 'circle',
      ...pointSource,
      filter: ['all', single, ['==', ['get', 'status'], 'PLANNED']],
      layout: { visibility: visibility('points') },
      // Planned: hollow (white centre, ring in the kind's colour).
      paint: {
        'circle-color': '#ffffff',
        'circle-radius': ['case', hovered, 9, 6],
        'circle-stroke-color': kindColor(),
        'circle-stroke-width': 3,
      },
    },
    {
      id: LAYERS.pointsActive,
      type: 'circle',
      ...pointSource,
      filter: ['all', single, ['==', ['get', 'status'], 'ACTIVE']],
      layout: { visibility: visibility('points') },
      // Active: solid, with a white rim so it stands out on any fill.
      paint: {
        'circle-color': kindColor(),
        'circle-radius': ['case', hovered, 10, 7],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
    {
      id: LAYERS.pointsStack,
      type: 'symbol',
      ...pointSource,
      // Tiles carry no stackSize: then nothing matches.
      filter: ['all', single, ['>', ['coalesce', ['get', 'stackSize'], 0], 1], ['==', ['get', 'stackIndex'], 0]],
      layout: {
        visibility: visibility('points'),
        'text-field': ['concat', '×', ['to-string', ['get', 'stackSize']]],
        'text-font': FONT_STACK,
        'text-size': 12,
        'text-anchor': 'bottom-left',
        'text-offset': [0.6, -0.4],
        'text-allow-overlap': true,
      },
      paint: { 'text-color': INK, 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    },
    {
      // Zoomed out (≤ CLUSTER_MAX_ZOOM): points close together drawn as one circle with their number.
      id: LAYERS.pointsCluster,
      type: 'circle',
      ...pointSource,
      filter: ['has', 'point_count'],
      layout: { visibility: visibility('points') },
      paint: {
        'circle-color': CLUSTER_FILL,
        'circle-opacity': 0.9,
        'circle-radius': ['step', ['get', 'point_count'], 13, 10, 16, 100, 20, 1000, 25],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
    {
      id: LAYERS.pointsClusterCount,
      type: 'symbol',
      ...pointSource,
      filter: ['has', 'point_count'],
      layout: {
        visibility: visibility('points'),
        'text-field': ['number-format', ['get', 'point_count'], { locale: lang === 'zh' ? 'zh-CN' : 'en' }],
        'text-font': FONT_STACK,
        'text-size': 12,
        'text-allow-overlap': true,
      },
      paint: { 'text-color': '#ffffff' },
    },
    {
      id: LAYERS.regionsDim,
      type: 'fill',
      source: SOURCES.regions,
      filter: ['!=', ['get', 'code'], selected],
      layout: { visibility: selectedCode ? 'visible' : 'none' },
      paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.6 },
    },
    {
      id: LAYERS.regionsSelected,
      type: 'line',
      source: SOURCES.regions,
      filter: ['==', ['get', 'code'], selected],
      layout: { visibility: selectedCode ? 'visible' : 'none', 'line-join': 'round' },
      paint: { 'line-color': INK, 'line-width': 3.5 },
    },
    {
      id: LAYERS.here,
      type: 'circle',
      source: SOURCES.here,
      paint: { 'circle-color': '#ffd400', 'circle-radius': 6, 'circle-stroke-color': '#000000', 'circle-stroke-width': 2 },
    },
    {
      id: LAYERS.regionsLabel,
      type: 'symbol',
      source: SOURCES.regions,
      layout: {
        visibility: visibility('regions'),
        'text-field': regionLabelField(metric, lang),
        'text-font': FONT_STACK,
        'text-size': 13,
        'text-max-width': lang === 'zh' ? 6 : 8,
        'text-line-height': 1.25,
        // Above the cell's centre: a township's station usually sits near it, at the seat.
        'text-anchor': 'bottom',
        'text-offset': [0, -0.5],
        'text-padding': 1,
      },
      paint: { 'text-color': INK, 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 },
    },
    {
      id: LAYERS.giLabel,
      type: 'symbol',
      source: SOURCES.gi,
      layout: {
        visibility: visibility('gi'),
        'icon-image': IMAGES.giIcon,
        'icon-offset': [0, 12],
        'text-field': ['get', lang === 'zh' ? 'nameZh' : 'nameEn'],
        'text-font': FONT_STACK,
        'text-size': 12,
        'text-anchor': 'top',
        'text-offset': [0, 1.9],
        'text-max-width': 8,
      },
      paint: { 'text-color': GI_COLOR, 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 },
    },
  ]
}

/** Fill colour of a region for a metric: its class, "pending" grey while loading, white (hatched) when unknown. */
export function regionFillColor(metric: MetricId, classes: MetricClass[]): DataDrivenPropertyValueSpecification<string> {
  const known: ExpressionSpecification | string =
    classes.length === 0
      ? NO_DATA_FILL
      : classes.length === 1
        ? classes[0].color
        : ([
            'step',
            ['to-number', ['get', valueProperty(metric)]],
            classes[0].color,
            ...classes.slice(1).flatMap((c) => [c.from, c.color]),
          ] as ExpressionSpecification)
  return [
    'case',
    ['==', ['get', pendingProperty(metric)], true],
    PENDING_FILL,
    ['==', ['get', noDataProperty(metric)], true],
    NO_DATA_FILL,
    known,
  ]
}

/** A region's label: its name, and below it the metric's value (or "no data", or the unit that administers it). */
export function regionLabelField(metric: MetricId, lang: Lang): ExpressionSpecification {
  return ['format', ['get', lang === 'zh' ? 'nameZh' : 'nameEn'], {}, '\n', {}, ['get', textProperty(metric, lang)], { 'font-scale': 0.85 }]
}

/** Circle colour by service point kind (Okabe–Ito). */
export function kindColor(): ExpressionSpecification {
  return ['match', ['get', 'kind'], ...Object.entries(KIND_COLORS).flat(), '#000000'] as unknown as ExpressionSpecification
}
