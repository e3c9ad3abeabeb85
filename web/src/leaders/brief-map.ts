/**
 * The brief's small schematic map (示意图): an inline SVG drawn from the county's cells (the REGIONS layer,
 * simplified) and the stations' points, without MapLibre or tiles, so it prints as it shows. Longitudes are
 * scaled by the cosine of the middle latitude (an equirectangular view: fine at a county's size). The region
 * briefed is filled, the others outlined; active stations are filled circles, planned ones rings, and only
 * located stations are drawn (those placed at a town seat are drawn as they are listed: approximate).
 */
import type { AreaGeometry, Position, RegionCollection } from '../api/types.ts'
import { addStrings, lang, statusName, t, tf } from '../lib/i18n.ts'
import { s } from './common.ts'
import type { BriefStation } from './brief-data.ts'
import { BRIEF_STRINGS } from '../lib/locale/brief.ts'

addStrings(BRIEF_STRINGS)

const W = 320
const H = 240
const PAD = 10

/** The outer and inner rings of an area, whatever its type. */
function ringsOf(g: AreaGeometry): Position[][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat()
}

/** [minLng, minLat, maxLng, maxLat] of some rings; null for none. */
export function boundsOf(rings: Position[][]): [number, number, number, number] | null {
  const points = rings.flat()
  if (!points.length) return null
  return [
    Math.min(...points.map((p) => p[0])),
    Math.min(...points.map((p) => p[1])),
    Math.max(...points.map((p) => p[0])),
    Math.max(...points.map((p) => p[1])),
  ]
}

/** A projection of [lng, lat] into the map's box, fitted to `bounds` with its aspect kept. */
export function fitProjection(bounds: [number, number, number, number], width = W, height = H, pad = PAD): (p: Position) => [number, number] {
  const [x0, y0, x1, y1] = bounds
  const k = Math.cos((((y0 + y1) / 2) * Math.PI) / 180)
  const spanX = Math.max((x1 - x0) * k, 1e-9)
  const spanY = Math.max(y1 - y0, 1e-9)
  const scale = Math.min((width - 2 * pad) / spanX, (height - 2 * pad) / spanY)
  const offX = (width - spanX * scale) / 2
  const offY = (height - spanY * scale) / 2
  return ([lng, lat]) => [offX + (lng - x0) * k * scale, offY + (y1 - lat) * scale]
}

const pathOf = (rings: Position[][], project: (p: Position) => [number, number]) =>
  rings
    .map(
      (ring) =>
        `M${ring
          .map(project)
          .map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`)
          .join('L')}Z`,
    )
    .join('')

/**
 * The map of `code` (the county: every cell; a town: fitted to it, its neighbours around it) with `stations`;
 * null when the cells hold no geometry for it.
 */
export function renderBriefMap(cells: RegionCollection, code: string, county: string, stations: BriefStation[]): SVGSVGElement | null {
  const own = cells.features.filter((f) => f.properties.code === code)
  const focus = code === county ? cells.features : own
  const bounds = boundsOf(focus.flatMap((f) => ringsOf(f.geometry)))
  if (!bounds) return null
  // A town's map shows a margin of its surroundings (a fifth of its size on each side).
  const [x0, y0, x1, y1] = bounds
  const mx = code === county ? 0 : (x1 - x0) * 0.2
  const my = code === county ? 0 : (y1 - y0) * 0.2
  const project = fitProjection([x0 - mx, y0 - my, x1 + mx, y1 + my])
  const located = stations.filter((st): st is BriefStation & { location: Position } => st.location !== null)
  const svg = s('svg', {
    viewBox: `0 0 ${W} ${H}`,
    width: W,
    height: H,
    class: 'brief-map',
    role: 'img',
    'aria-labelledby': 'brief-map-title',
  })
  svg.append(s('title', { id: 'brief-map-title' }, tf('brief.mapTitle', { n: located.length })))
  const clip = s('clipPath', { id: 'brief-map-clip' }, s('rect', { x: 0, y: 0, width: W, height: H }))
  svg.append(s('defs', {}, clip))
  const layer = s('g', { 'clip-path': 'url(#brief-map-clip)' })
  for (const f of cells.features) {
    const mine = f.properties.code === code
    const outside = !f.properties.inCountyStatistics
    layer.append(
      s('path', {
        d: pathOf(ringsOf(f.geometry), project),
        'fill-rule': 'evenodd',
        fill: mine && code !== county ? '#c6dbef' : outside ? '#f3f4f6' : '#ffffff',
        stroke: mine ? '#08519c' : '#6b7280',
        'stroke-width': mine ? 1.6 : 0.6,
        'stroke-dasharray': outside ? '3 2' : 'none',
        'data-code': f.properties.code,
      }),
    )
  }
  for (const st of located) {
    const [x, y] = project(st.location)
    const active = st.status === 'ACTIVE'
    layer.append(
      s(
        'circle',
        {
          cx: x.toFixed(1),
          cy: y.toFixed(1),
          r: 3.2,
          fill: active ? '#b35806' : '#ffffff',
          stroke: '#b35806',
          'stroke-width': 1.4,
          'data-station': st.id,
        },
        s('title', {}, `${lang() === 'zh' ? st.nameZh : st.nameEn} · ${statusName(st.status)}`),
      ),
    )
  }
  svg.append(layer)
  // The label the brief demands of approximate geometry, on the map itself (it prints with it).
  const labelWidth = lang() === 'zh' ? 48 : 112
  svg.append(s('rect', { x: 4, y: 4, width: labelWidth, height: 18, fill: '#ffffff', stroke: '#374151', 'stroke-width': 0.6 }))
  svg.append(s('text', { x: 4 + labelWidth / 2, y: 17, 'text-anchor': 'middle', 'font-size': 11, fill: '#111827' }, t('brief.schematic')))
  return svg
}
