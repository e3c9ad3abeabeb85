/** Colours of the map: Okabe–Ito for service point kinds, a light ColorBrewer GnBu ramp for region figures. */
import { ServicePointKind, valuesOf } from '../../../schema/enum-values.ts'

/**
 * One colour per service point kind (web/src/lib/enum-labels.test.ts checks every declared kind has one), from the Okabe–Ito palette (distinguishable with the common
 * colour-vision deficiencies). Its yellow is left out: it vanishes on the light fills.
 */
export const KIND_COLORS: Record<ServicePointKind, string> = {
  RIGHTS_PROTECTION_STATION: '#D55E00', // vermillion
  IP_SERVICE_STATION: '#0072B2', // blue
  TRADEMARK_BRAND_STATION: '#CC79A7', // reddish purple
  PATENT_NAVIGATION_BASE: '#56B4E9', // sky blue
  RESEARCH_CENTER: '#009E73', // bluish green
  UNIVERSITY: '#E69F00', // orange
  HIGH_VALUE_PATENT_CENTER: '#000000', // black
}

/** The kinds in the order of the emitted schema (alphabetical; legend and lists follow it), from schema/enum-values.ts. */
export const KINDS: ServicePointKind[] = valuesOf(ServicePointKind).sort()

/** Sequential ramp for region figures, light to dark (ColorBrewer GnBu, 5 classes; colour-blind safe). */
export const RAMP = ['#f0f9e8', '#bae4bc', '#7bccc4', '#43a2ca', '#0868ac']

/** Fill of cells administered elsewhere (郑州航空港区). */
export const OUTSIDE_FILL = '#c4c4c4'
/** Background of a "no data" cell; the hatch pattern is drawn over it. */
export const NO_DATA_FILL = '#ffffff'
/** Fill while a figure is still loading. */
export const PENDING_FILL = '#eeeeee'
/** GI origin areas: dots and a dashed outline. */
export const GI_COLOR = '#762a83'
/** Region outlines and label text. */
export const INK = '#333d47'
/** The map's background (no basemap). */
export const BACKGROUND = '#f3f1ea'
/** Clusters of service points (zoomed out): a dark slate no kind uses, white numbers on it (contrast > 7:1). */
export const CLUSTER_FILL = '#3f4660'
