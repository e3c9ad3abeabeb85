/**
 * The web app's runtime configuration, served as /config.json: the basemaps it may offer.
 * Nothing here is secret: a 天地图 browser key is sent to every browser that uses it.
 */
import { ConfigError } from '../../db/connect.ts'
import type { Reply } from './http/send.ts'

/** A basemap the web app can draw under its own layers; none is drawn unless the user picks it. */
export type BasemapOption =
  | { id: 'tianditu-vec' | 'tianditu-img'; kind: 'tianditu'; layer: 'vec' | 'img'; token: string }
  | { id: 'custom-style'; kind: 'style'; url: string }
  | { id: 'custom-xyz'; kind: 'xyz'; tiles: string[]; attribution: string }

/** What /config.json answers. */
export interface ClientConfig {
  basemaps: BasemapOption[]
  /**
   * The web map draws service points from GeoJSON (mapLayer) up to this many, and from vector tiles
   * (/tiles/service-points) above it.
   */
  pointTileThreshold: number
}

/** Default of MAP_POINT_TILE_THRESHOLD: a few thousand points are still quick as one GeoJSON download. */
export const DEFAULT_POINT_TILE_THRESHOLD = 5000

/** Environment variables read here, their defaults and meaning (for the README). */
export const CLIENT_ENVIRONMENT = {
  TIANDITU_TOKEN: '(unset): a 天地图 (tianditu.gov.cn) browser key; offers its vector (vec_w + cva_w) and imagery (img_w + cia_w) basemaps.',
  BASEMAP_STYLE_URL: "(unset): URL of a MapLibre style drawn under the platform's layers.",
  BASEMAP_TILES: '(unset): XYZ raster template(s), comma-separated, e.g. https://tiles.example/{z}/{x}/{y}.png.',
  BASEMAP_ATTRIBUTION: '(unset): attribution shown with BASEMAP_TILES.',
  MAP_POINT_TILE_THRESHOLD: `${DEFAULT_POINT_TILE_THRESHOLD}: the web map draws service points as vector tiles when a county has more than this many.`,
} as const

/** Reads the basemap settings; throws a ConfigError naming the variable when one is malformed. */
export function clientConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ClientConfig {
  const basemaps: BasemapOption[] = []
  const token = env.TIANDITU_TOKEN?.trim()
  if (token) {
    if (!/^[A-Za-z0-9]{16,64}$/.test(token)) {
      throw new ConfigError('TIANDITU_TOKEN is not a 天地图 key: set it to the key (letters and digits) from console.tianditu.gov.cn, or unset it.')
    }
    basemaps.push({ id: 'tianditu-vec', kind: 'tianditu', layer: 'vec', token }, { id: 'tianditu-img', kind: 'tianditu', layer: 'img', token })
  }
  const styleUrl = env.BASEMAP_STYLE_URL?.trim()
  if (styleUrl) basemaps.push({ id: 'custom-style', kind: 'style', url: checkHttpUrl('BASEMAP_STYLE_URL', styleUrl) })
  const tiles = (env.BASEMAP_TILES ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
  if (tiles.length > 0) {
    for (const t of tiles) {
      checkHttpUrl('BASEMAP_TILES', t)
      if (!/\{z\}/.test(t) || !/\{x\}/.test(t) || !/\{y\}/.test(t)) {
        throw new ConfigError(`BASEMAP_TILES=${t} has no {z}, {x} and {y}: write it as https://host/{z}/{x}/{y}.png.`)
      }
    }
    basemaps.push({ id: 'custom-xyz', kind: 'xyz', tiles, attribution: env.BASEMAP_ATTRIBUTION?.trim() ?? '' })
  }
  const thresholdText = env.MAP_POINT_TILE_THRESHOLD?.trim()
  const pointTileThreshold = thresholdText ? Number(thresholdText) : DEFAULT_POINT_TILE_THRESHOLD
  if (!Number.isInteger(pointTileThreshold) || pointTileThreshold < 0) {
    throw new ConfigError(
      `MAP_POINT_TILE_THRESHOLD=${thresholdText} is not a whole number: set it to a number of points (default ${DEFAULT_POINT_TILE_THRESHOLD}).`,
    )
  }
  return { basemaps, pointTileThreshold }
}

function checkHttpUrl(name: string, value: string): string {
  let protocol: string
  try {
    protocol = new URL(value.replaceAll(/[{}]/g, '')).protocol
  } catch {
    throw new ConfigError(`${name} is not a valid URL: write it as https://….`)
  }
  if (protocol !== 'https:' && protocol !== 'http:') throw new ConfigError(`${name} uses ${protocol}// : write it as https://….`)
  return value
}

/** The reply to GET /config.json: the app's configuration (`AppConfig.client`), else read from the environment once. */
export function clientConfigReply(config?: ClientConfig): Reply {
  const text = config ? JSON.stringify(config) : (fromEnv ??= JSON.stringify(clientConfigFromEnv()))
  return { body: text, headers: { 'cache-control': 'no-cache' } }
}
let fromEnv: string | undefined

/**
 * Origins the configured basemaps load from, for the Content-Security-Policy (img-src, connect-src).
 * A style URL may name further origins inside it (tiles, glyphs): list those in BASEMAP_TILES too, or
 * prefer an XYZ template.
 */
export function basemapOrigins(config: Pick<ClientConfig, 'basemaps'>): string[] {
  const origins = new Set<string>()
  for (const b of config.basemaps) {
    if (b.kind === 'tianditu') for (let i = 0; i < 8; i++) origins.add(`https://t${i}.tianditu.gov.cn`)
    if (b.kind === 'style') origins.add(new URL(b.url).origin)
    if (b.kind === 'xyz') for (const t of b.tiles) origins.add(new URL(t.replaceAll(/[{}]/g, '')).origin)
  }
  return [...origins]
}
