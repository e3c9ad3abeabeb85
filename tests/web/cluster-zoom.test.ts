/** The web map and the tile server agree on the zoom up to which points are clustered (moved here from web/src/map/layers.test.ts: web code imports nothing from the server). */
import { describe, expect, it } from 'vitest'
import { CLUSTER_MAX_ZOOM as SERVER_CLUSTER_MAX_ZOOM } from '../../server/src/tiles/tiles.repository.ts'
import { CLUSTER_MAX_ZOOM } from '../../web/src/map/layers.ts'

describe('point clustering', () => {
  it("stops at the same zoom in the web map (GeoJSON source) and in the server's tiles", () => {
    expect(CLUSTER_MAX_ZOOM).toBe(SERVER_CLUSTER_MAX_ZOOM)
  })
})
