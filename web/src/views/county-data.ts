/** The county's map data every map page and the search box share: the layers, indexed, and the figures from compareRegions. */
import { fetchClientConfig } from '../api/client.ts'
import { fetchCountyLayers, fetchRegionFigures, type CountyLayers } from '../api/operations.ts'
import type { RegionFigures } from '../api/types.ts'
import { buildSearchIndex, type SearchIndex } from '../lib/search-index.ts'
import { DEFAULT_POINT_TILE_THRESHOLD, type ClientConfig } from '../map/basemap.ts'
import { touchingNeighbours } from '../map/geometry.ts'
import type { Cache } from '../state/cache.ts'
import { buildLookup, type Lookup } from '../ui/context.ts'

/** Cache keys of the shared data. */
export const KEYS = { config: 'config', county: 'county', figures: 'figures' } as const

/** The county's layers, indexed by id, the search index and (computed on first need) each cell's neighbours. */
export interface CountyData {
  layers: CountyLayers
  lookup: Lookup
  searchIndex: SearchIndex
  neighbours(): Map<string, string[]>
}

/** The server's runtime configuration (/config.json, over the defaults when it cannot be read). */
export function loadConfig(cache: Cache): Promise<ClientConfig> {
  return cache.get(KEYS.config, () => fetchClientConfig<ClientConfig>({ basemaps: [], pointTileThreshold: DEFAULT_POINT_TILE_THRESHOLD }))
}

/** The county's layers (the threshold for drawing points from tiles comes from the server's configuration). */
export function loadCounty(cache: Cache): Promise<CountyData> {
  return cache.get(KEYS.county, () => buildCounty(cache))
}

/** Loads the county's layers again (after an edit) and replaces them in the cache once loaded, so nothing shows "loading" meanwhile. */
export async function reloadCounty(cache: Cache): Promise<CountyData> {
  const county = await buildCounty(cache)
  cache.put(KEYS.county, county)
  return county
}

async function buildCounty(cache: Cache): Promise<CountyData> {
  const config = await loadConfig(cache)
  const layers = await fetchCountyLayers(config.pointTileThreshold)
  let neighbours: Map<string, string[]> | undefined
  return {
    layers,
    lookup: buildLookup(layers),
    searchIndex: buildSearchIndex([
      ...layers.regions.features.map((f) => ({ kind: 'region' as const, id: f.properties.code, nameZh: f.properties.nameZh, nameEn: f.properties.nameEn })),
      ...layers.allGiProducts.map((g) => ({ kind: 'gi' as const, id: g.code, nameZh: g.nameZh, nameEn: g.nameEn })),
      ...layers.allServicePoints.map((p) => ({ kind: 'point' as const, id: p.id, nameZh: p.nameZh, nameEn: p.nameEn })),
    ]),
    neighbours: () => (neighbours ??= touchingNeighbours(layers.regions.features.map((f) => ({ id: f.properties.code, geometry: f.geometry })))),
  }
}

/** The figures of the county's towns (per 10k, coverage), after the layers. */
export function loadFigures(cache: Cache, county: CountyData): Promise<Map<string, RegionFigures>> {
  const codes = county.layers.regions.features.filter((f) => f.properties.inCountyStatistics).map((f) => f.properties.code)
  return cache.get(KEYS.figures, () => fetchRegionFigures(codes))
}
