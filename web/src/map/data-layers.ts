/** Every layer drawn from the platform's data, and the expressions that colour and label them. */
import type { DataDrivenPropertyValueSpecification, ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl'
import type { Lang } from '../api/types.ts'
import { FONT_STACK, IMAGES, LAYERS, POINT_TILE_LAYER, SOURCES, type LayerGroup } from './layer-ids.ts'
import type { StyleOptions } from './layers.ts'
import type { MetricClass, MetricId } from './metrics.ts'
import { CLUSTER_FILL, GI_COLOR, INK, KIND_COLORS, NO_DATA_FILL, OUTSIDE_FILL, PENDING_FILL } from './palette.ts'
import { noDataProperty, pendingProperty, textProperty, valueProperty } from './region-features.ts'

const hovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false]

/** Every layer drawn from the platform's data, bottom first. */
export function dataLayers(options: StyleOptions): LayerSpecification[] {
  const { lang, metric, classes, visible, selectedCode, basemap, pointTiles } = options
  // Point layers read the tiles' layer when the points come from vector tiles.
  const pointSource = pointTiles ? { source: SOURCES.points, 'source-layer': POINT_TILE_LAYER } : { source: SOURCES.points }
  const single: FilterSpecification = ['!', ['has', 'point_count']]
  const visibility = (group: LayerGroup) => (visible.has(group) ? 'visible' : 'none')
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
  return ['case', ['==', ['get', pendingProperty(metric)], true], PENDING_FILL, ['==', ['get', noDataProperty(metric)], true], NO_DATA_FILL, known]
}

/** A region's label: its name, and below it the metric's value (or "no data", or the unit that administers it). */
export function regionLabelField(metric: MetricId, lang: Lang): ExpressionSpecification {
  return ['format', ['get', lang === 'zh' ? 'nameZh' : 'nameEn'], {}, '\n', {}, ['get', textProperty(metric, lang)], { 'font-scale': 0.85 }]
}

/** Circle colour by service point kind (Okabe–Ito). */
export function kindColor(): ExpressionSpecification {
  return ['match', ['get', 'kind'], ...Object.entries(KIND_COLORS).flat(), '#000000'] as unknown as ExpressionSpecification
}
