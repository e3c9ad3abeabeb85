import { describe, expect, it } from 'vitest'
import { ConfigError } from '../../db/connect.ts'
import { clientConfigFromEnv } from '../../server/src/client-config.ts'

describe('clientConfigFromEnv', () => {
  it('offers no basemap when nothing is configured, so the web map requests nothing external', () => {
    expect(clientConfigFromEnv({})).toEqual({ basemaps: [], pointTileThreshold: 5000 })
  })

  it("takes the web map's GeoJSON-to-tiles threshold from MAP_POINT_TILE_THRESHOLD", () => {
    expect(clientConfigFromEnv({ MAP_POINT_TILE_THRESHOLD: '200' }).pointTileThreshold).toBe(200)
    expect(() => clientConfigFromEnv({ MAP_POINT_TILE_THRESHOLD: 'many' })).toThrow(/MAP_POINT_TILE_THRESHOLD=many is not a whole number/)
  })

  it('offers 天地图 vector and imagery with a key, then a style and XYZ tiles', () => {
    const config = clientConfigFromEnv({
      TIANDITU_TOKEN: 'abcdef0123456789abcdef0123456789',
      BASEMAP_STYLE_URL: 'https://tiles.example/style.json',
      BASEMAP_TILES: 'https://a.tiles.example/{z}/{x}/{y}.png, https://b.tiles.example/{z}/{x}/{y}.png',
      BASEMAP_ATTRIBUTION: '© Example',
    })
    expect(config.basemaps.map((b) => b.id)).toEqual(['tianditu-vec', 'tianditu-img', 'custom-style', 'custom-xyz'])
    expect(config.basemaps[3]).toEqual({
      id: 'custom-xyz',
      kind: 'xyz',
      tiles: ['https://a.tiles.example/{z}/{x}/{y}.png', 'https://b.tiles.example/{z}/{x}/{y}.png'],
      attribution: '© Example',
    })
  })

  it('refuses malformed settings with a sentence naming the variable', () => {
    expect(() => clientConfigFromEnv({ TIANDITU_TOKEN: 'not a key!' })).toThrow(/TIANDITU_TOKEN/)
    expect(() => clientConfigFromEnv({ BASEMAP_STYLE_URL: 'file:///etc/passwd' })).toThrow(ConfigError)
    expect(() => clientConfigFromEnv({ BASEMAP_TILES: 'https://tiles.example/tile.png' })).toThrow(/\{z\}/)
  })
})
