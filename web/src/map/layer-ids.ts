/** Ids of the map's sources, layers and images, and the groups a user switches: plain constants. */

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
