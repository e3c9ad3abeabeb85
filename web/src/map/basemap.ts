/** Basemaps drawn under the platform's layers, only when configured and chosen: none by default. */
import type { LayerSpecification, SourceSpecification } from 'maplibre-gl'
import type { BasemapOption } from '../../../server/src/client-config.ts'
import type { Lang } from '../api/types.ts'

/** A basemap the server offers, and what /config.json answers: the server's own types. */
export type { BasemapOption, ClientConfig } from '../../../server/src/client-config.ts'

/** The server's default (DEFAULT_POINT_TILE_THRESHOLD in server/src/client-config.ts), for when /config.json cannot be read. */
export const DEFAULT_POINT_TILE_THRESHOLD = 5000

/** Prefix of every basemap source and layer id. */
export const BASEMAP_PREFIX = 'basemap-'

/** Shown with 天地图 tiles, as its terms ask. */
export const TIANDITU_ATTRIBUTION = '<a href="https://www.tianditu.gov.cn/" target="_blank" rel="noopener">天地图</a> © 国家地理信息公共服务平台'

/**
 * Tile URLs of a 天地图 Web-Mercator (`_w`) layer over its eight hosts t0–t7, e.g. `vec` (vector),
 * `cva` (Chinese labels), `eva` (English labels), `img` (imagery), `cia`/`eia` (labels for imagery).
 */
export function tiandituTiles(layer: string, token: string): string[] {
  return Array.from(
    { length: 8 },
    (_, i) =>
      `https://t${i}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}` +
      `&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(token)}`,
  )
}

/** Raster sources and layers of a tile basemap (not for `style` basemaps, which replace the style's base). */
export function basemapParts(option: BasemapOption, lang: Lang): { sources: Record<string, SourceSpecification>; layers: LayerSpecification[] } {
  const raster = (id: string, tiles: string[], attribution: string, maxzoom: number) => ({
    source: { type: 'raster', tiles, tileSize: 256, maxzoom, attribution } satisfies SourceSpecification,
    layer: { id: BASEMAP_PREFIX + id, type: 'raster', source: BASEMAP_PREFIX + id } satisfies LayerSpecification,
  })
  let parts: ReturnType<typeof raster>[]
  if (option.kind === 'tianditu') {
    // Labels follow the page's language: cva/cia are Chinese, eva/eia English.
    const labels = (option.layer === 'vec' ? 'va' : 'ia').replace(/^/, lang === 'zh' ? 'c' : 'e')
    parts = [raster('base', tiandituTiles(option.layer, option.token), TIANDITU_ATTRIBUTION, 18), raster('labels', tiandituTiles(labels, option.token), '', 18)]
  } else if (option.kind === 'xyz') {
    parts = [raster('base', option.tiles, option.attribution, 19)]
  } else {
    parts = []
  }
  return {
    sources: Object.fromEntries(parts.map((p) => [p.layer.source, p.source])),
    layers: parts.map((p) => p.layer),
  }
}
