import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec'
import type { LayerSpecification } from 'maplibre-gl'
import { describe, expect, it } from 'vitest'
import { BASEMAP_PREFIX, type BasemapOption } from './basemap.ts'
import { buildStyle, CLUSTER_MAX_ZOOM, GROUP_LAYERS, LAYER_GROUPS, LAYERS, POINT_TILE_LAYER, regionFillColor, SOURCES, type StyleOptions } from './layers.ts'
import { classify } from './metrics.ts'

const options = (over: Partial<StyleOptions> = {}): StyleOptions => ({
  lang: 'zh',
  metric: 'servicePoints',
  classes: classify('servicePoints', [1, 1, 3], 'zh'),
  visible: new Set(LAYER_GROUPS),
  selectedCode: null,
  basemap: null,
  ...over,
})
const tianditu: BasemapOption = { id: 'tianditu-vec', kind: 'tianditu', layer: 'vec', token: 'abcdef0123456789' }
const layer = (style: { layers: LayerSpecification[] }, id: string) => style.layers.find((l) => l.id === id)!

describe('buildStyle', () => {
  it('is a valid MapLibre style for every metric, language and basemap', () => {
    for (const metric of ['servicePoints', 'per10k', 'coverage', 'giProducts'] as const) {
      for (const lang of ['zh', 'en'] as const) {
        for (const basemap of [null, tianditu]) {
          const style = buildStyle(options({ metric, lang, basemap, classes: classify(metric, [0.1, 0.5, null], lang) }))
          expect(validateStyleMin(style)).toEqual([])
        }
      }
    }
  })

  it('fetches nothing without a basemap: no glyphs, no sprite, no URL anywhere (labels use local fonts)', () => {
    const style = buildStyle(options())
    expect(style.glyphs).toBeUndefined()
    expect(style.sprite).toBeUndefined()
    expect(JSON.stringify(style)).not.toMatch(/https?:\/\//)
    const labels = style.layers.filter((l) => l.type === 'symbol')
    expect(labels.length).toBeGreaterThan(0)
    for (const l of labels) expect((l.layout as Record<string, unknown>)['text-font']).toContain('sans-serif')
  })

  it('draws every layer from one of its four sources, and every toggle switches existing layers', () => {
    const style = buildStyle(options())
    for (const l of style.layers) if ('source' in l) expect(Object.keys(style.sources)).toContain(l.source)
    expect(Object.keys(style.sources).sort()).toEqual(Object.values(SOURCES).sort())
    for (const group of LAYER_GROUPS) for (const id of GROUP_LAYERS[group]) expect(layer(style, id)).toBeDefined()
  })

  it('hides the layers of groups switched off', () => {
    const style = buildStyle(options({ visible: new Set(['regions']) }))
    for (const id of GROUP_LAYERS.points) expect(layer(style, id).layout).toMatchObject({ visibility: 'none' })
    for (const id of GROUP_LAYERS.gi) expect(layer(style, id).layout).toMatchObject({ visibility: 'none' })
    for (const id of GROUP_LAYERS.regions) expect(layer(style, id).layout).toMatchObject({ visibility: 'visible' })
  })

  it('dims every region but the selected town on its page, and nothing on the county view', () => {
    const town = buildStyle(options({ selectedCode: '410184109' }))
    expect(layer(town, LAYERS.regionsDim)).toMatchObject({ filter: ['!=', ['get', 'code'], '410184109'], layout: { visibility: 'visible' } })
    expect(layer(town, LAYERS.regionsSelected)).toMatchObject({ filter: ['==', ['get', 'code'], '410184109'] })
    expect(layer(buildStyle(options()), LAYERS.regionsDim).layout).toMatchObject({ visibility: 'none' })
  })

  it('shows planned service points hollow and active ones solid, coloured by kind', () => {
    const style = buildStyle(options())
    const planned = layer(style, LAYERS.pointsPlanned)
    const active = layer(style, LAYERS.pointsActive)
    const single = ['!', ['has', 'point_count']]
    expect(planned).toMatchObject({ filter: ['all', single, ['==', ['get', 'status'], 'PLANNED']], paint: { 'circle-color': '#ffffff' } })
    expect((planned.paint as Record<string, unknown>)['circle-stroke-color']).toEqual((active.paint as Record<string, unknown>)['circle-color'])
    expect(active).toMatchObject({ filter: ['all', single, ['==', ['get', 'status'], 'ACTIVE']] })
  })

  it('clusters points zoomed out, from GeoJSON and from tiles alike, at CLUSTER_MAX_ZOOM (tests/web/cluster-zoom.test.ts checks the server clusters tiles up to the same zoom)', () => {
    const geojson = buildStyle(options())
    expect(geojson.sources[SOURCES.points]).toMatchObject({ type: 'geojson', cluster: true, clusterMaxZoom: CLUSTER_MAX_ZOOM })
    for (const id of [LAYERS.pointsCluster, LAYERS.pointsClusterCount]) expect(layer(geojson, id)).toMatchObject({ filter: ['has', 'point_count'] })
    expect(GROUP_LAYERS.points).toEqual(expect.arrayContaining([LAYERS.pointsCluster, LAYERS.pointsClusterCount]))
  })

  it("draws the points from vector tiles when told to: same layers, reading the tiles' layer", () => {
    const style = buildStyle(options({ pointTiles: true }))
    expect(validateStyleMin(style)).toEqual([])
    expect(style.sources[SOURCES.points]).toMatchObject({ type: 'vector', tiles: ['/tiles/service-points/{z}/{x}/{y}.pbf'], promoteId: 'id' })
    const pointLayers = style.layers.filter((l) => 'source' in l && l.source === SOURCES.points)
    expect(pointLayers.map((l) => l.id).sort()).toEqual([...GROUP_LAYERS.points].sort())
    for (const l of pointLayers) expect(l).toMatchObject({ 'source-layer': POINT_TILE_LAYER })
    // Everything else stays GeoJSON, without a source-layer.
    expect(style.layers.filter((l) => 'source-layer' in l)).toHaveLength(pointLayers.length)
  })

  it('greys the cells administered elsewhere and hatches unknown values instead of colouring them as 0', () => {
    const style = buildStyle(options({ metric: 'per10k', classes: classify('per10k', [0.2, 0.4], 'zh') }))
    expect(layer(style, LAYERS.regionsOutside)).toMatchObject({ filter: ['!=', ['get', 'inCountyStatistics'], true] })
    expect(layer(style, LAYERS.regionsNoData)).toMatchObject({
      filter: ['all', ['==', ['get', 'inCountyStatistics'], true], ['==', ['get', 'nodata_per10k'], true]],
    })
    expect(layer(style, LAYERS.regionsFill)).toMatchObject({ filter: ['==', ['get', 'inCountyStatistics'], true] })
  })

  it('puts a basemap under the data layers, with its attribution', () => {
    const style = buildStyle(options({ basemap: tianditu, lang: 'en' }))
    const ids = style.layers.map((l) => l.id)
    expect(ids.slice(0, 3)).toEqual([LAYERS.background, `${BASEMAP_PREFIX}base`, `${BASEMAP_PREFIX}labels`])
    expect(style.sources[`${BASEMAP_PREFIX}base`]).toMatchObject({ type: 'raster', attribution: expect.stringContaining('天地图') })
    expect(JSON.stringify(style.sources[`${BASEMAP_PREFIX}labels`])).toContain('/eva_w/')
  })

  it('labels regions in the chosen language with the metric value below the name', () => {
    const en = layer(buildStyle(options({ lang: 'en', metric: 'coverage' })), LAYERS.regionsLabel)
    expect((en.layout as Record<string, unknown>)['text-field']).toEqual([
      'format',
      ['get', 'nameEn'],
      {},
      '\n',
      {},
      ['get', 't_coverage_en'],
      { 'font-scale': 0.85 },
    ])
  })
})

describe('regionFillColor', () => {
  it('checks "loading" and "no data" before the classes', () => {
    const expression = regionFillColor('per10k', classify('per10k', [0.1, 0.2], 'zh'))
    expect(expression).toEqual([
      'case',
      ['==', ['get', 'pending_per10k'], true],
      '#eeeeee',
      ['==', ['get', 'nodata_per10k'], true],
      '#ffffff',
      ['step', ['to-number', ['get', 'm_per10k']], '#f0f9e8', 0.2, '#0868ac'],
    ])
  })
})
