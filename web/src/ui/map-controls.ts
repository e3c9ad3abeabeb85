/** The box on the map: what colours the towns, which layers show, and a legend for every symbol. */
import type { ServicePointKind } from '../api/types.ts'
import { kindName, metricName, t } from '../lib/i18n.ts'
import type { LayerGroup } from '../map/layers.ts'
import { LAYER_GROUPS } from '../map/layer-ids.ts'
import { METRIC_IDS, needsFigures, type MetricClass, type MetricId } from '../map/metrics.ts'
import { GI_COLOR, KIND_COLORS, KINDS } from '../map/palette.ts'
import { h, swatch } from './dom.ts'

/** Inputs of the control box on the map. */
export interface MapControlsProps {
  metric: MetricId
  layers: ReadonlySet<LayerGroup>
  classes: MetricClass[]
  /** Whether some town's value is unknown for this metric. */
  hasNoData: boolean
  /** Whether the metric's figures are still loading. */
  pending: boolean
  /** Kinds of the located service points (others are listed under the map). */
  kinds: ServicePointKind[]
  /** Whether several places share a spot (the ×n label). */
  hasStacks: boolean
  onMetric(metric: MetricId): void
  onLayer(group: LayerGroup, on: boolean): void
}

/** The metric selector, the layer toggles and the legend. */
export function renderMapControls(props: MapControlsProps): HTMLElement {
  const metricSelect = h(
    'select',
    { id: 'metric', name: 'metric', onchange: (e: Event) => props.onMetric((e.target as HTMLSelectElement).value as MetricId) },
    METRIC_IDS.map((m) => h('option', { value: m, selected: m === props.metric }, metricName(m))),
  )
  const toggles = h(
    'fieldset',
    { class: 'toggles' },
    h('legend', {}, t('layers')),
    LAYER_GROUPS.map((group) =>
      h(
        'label',
        {},
        h('input', {
          type: 'checkbox',
          name: 'layer',
          value: group,
          checked: props.layers.has(group),
          onchange: (e: Event) => props.onLayer(group, (e.target as HTMLInputElement).checked),
        }),
        ' ',
        t(`layer.${group}`),
      ),
    ),
  )
  return h(
    'div',
    { class: 'map-controls' },
    h('label', { for: 'metric', class: 'control-label' }, t('metric')),
    metricSelect,
    toggles,
    h('details', { class: 'legend', open: true }, h('summary', {}, t('legend')), renderLegend(props)),
  )
}

function item(symbol: SVGElement, text: string): HTMLLIElement {
  return h('li', {}, symbol, h('span', {}, text))
}

/** Every symbol on the map, explained in words (its headings are h2: the box comes before the panel's h2 in the page). */
export function renderLegend(props: MapControlsProps): HTMLElement {
  const regionItems: HTMLLIElement[] = props.pending
    ? [item(swatch('fill', '#eeeeee'), t('pendingFigures'))]
    : props.classes.map((c) => item(swatch('fill', c.color), c.label))
  if (props.hasNoData && !props.pending) regionItems.push(item(swatch('hatch'), t('noData')))
  regionItems.push(item(swatch('outside'), t('outside')))
  const notes = [t('schematic'), props.metric === 'per10k' ? t('populationYears') : '', props.metric === 'coverage' ? t('coverageNote') : ''].filter(Boolean)
  return h(
    'div',
    { class: 'legend-body' },
    props.layers.has('regions')
      ? h(
          'section',
          {},
          h('h2', {}, metricName(props.metric)),
          h('ul', {}, regionItems),
          notes.map((n) => h('p', { class: 'note' }, n)),
        )
      : null,
    props.layers.has('points')
      ? h(
          'section',
          {},
          h('h2', {}, t('layer.points')),
          h(
            'ul',
            {},
            KINDS.filter((k) => props.kinds.includes(k)).map((k) => item(swatch('circle', KIND_COLORS[k]), kindName(k))),
            item(swatch('circle', '#555'), t('active')),
            item(swatch('ring', '#555'), t('planned')),
            props.hasStacks ? h('li', {}, h('span', { class: 'stack-sample', 'aria-hidden': 'true' }, '×3'), h('span', {}, t('stacked'))) : null,
            h('li', {}, h('span', { class: 'cluster-sample', 'aria-hidden': 'true' }, '12'), h('span', {}, t('clustered'))),
            item(swatch('here'), t('hereSymbol')),
          ),
        )
      : null,
    props.layers.has('gi')
      ? h('section', {}, h('h2', {}, t('layer.gi')), h('ul', {}, item(swatch('area', GI_COLOR), t('giArea')), item(swatch('diamond', GI_COLOR), t('giSymbol'))))
      : null,
  )
}

/** Whether a metric's figures are loading, given whether compareRegions has answered. */
export const isPending = (metric: MetricId, figuresLoaded: boolean): boolean => needsFigures(metric) && !figuresLoaded
