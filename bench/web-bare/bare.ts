/// <reference types="vite/client" />
// The benchmark's baseline: MapLibre alone drawing the same three GeoJSON layers from the same API,
// with plain paint values, no UI and no second request. The county view is measured against it.
import 'maplibre-gl/dist/maplibre-gl.css'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import { Map as MapLibreMap, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl'

setWorkerUrl(workerUrl)

const query = '{ regions: mapLayer(layer: REGIONS) points: mapLayer(layer: SERVICE_POINTS) gi: mapLayer(layer: GI_PRODUCTS) }'
const data = fetch(`/graphql?query=${encodeURIComponent(query)}`).then((r) => r.json())
const empty: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] }
const font = ['WenQuanYi Micro Hei', 'sans-serif']

const map = new MapLibreMap({
  container: 'map',
  center: [0, 0],
  zoom: 1,
  style: {
    version: 8,
    sources: {
      regions: { type: 'geojson', data: empty },
      'service-points': { type: 'geojson', data: empty },
      'gi-products': { type: 'geojson', data: empty },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#f3f1ea' } },
      { id: 'regions-fill', type: 'fill', source: 'regions', paint: { 'fill-color': '#bae4bc', 'fill-opacity': 0.85 } },
      { id: 'gi-fill', type: 'fill', source: 'gi-products', paint: { 'fill-color': '#762a83', 'fill-opacity': 0.3 } },
      { id: 'regions-outline', type: 'line', source: 'regions', paint: { 'line-color': '#333d47' } },
      { id: 'points', type: 'circle', source: 'service-points', paint: { 'circle-color': '#0072B2', 'circle-radius': 7 } },
      { id: 'labels', type: 'symbol', source: 'regions', layout: { 'text-field': ['get', 'nameZh'], 'text-font': font, 'text-size': 13 } },
    ],
  },
})
;(window as unknown as { map: MapLibreMap }).map = map

map.once('load', () => void show())

/** Draws the three layers and fits the map to the regions (not waiting for MapLibre to have drawn the data). */
async function show(): Promise<void> {
  const { data: d } = await data
  void (map.getSource('regions') as GeoJSONSource).setData(d.regions)
  void (map.getSource('service-points') as GeoJSONSource).setData(d.points)
  void (map.getSource('gi-products') as GeoJSONSource).setData(d.gi)
  const coords: number[][] = d.regions.features.flatMap((f: { geometry: { coordinates: number[][][][] } }) => f.geometry.coordinates.flat(2))
  const lngs = coords.map((c) => c[0])
  const lats = coords.map((c) => c[1])
  map.fitBounds([Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)], { padding: 36, duration: 0 })
}
