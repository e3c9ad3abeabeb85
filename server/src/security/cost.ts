/**
 * What a query will cost, in milliseconds of database (and, on PGlite, server-thread) time, from
 * weights measured on each database by `npm run cost:measure` (field-costs.json): compareRegions by
 * its codes and the square of its radius (the coverage buffers' area), mapLayer by the features and
 * vertices of the layer (as the database holds them now), pages by the number of items asked for,
 * and every other root field by its measured time. Each alias is priced on its own (no cache assumed).
 */
import {
  getArgumentValues,
  getVariableValues,
  Kind,
  OperationTypeNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql'
import weights from './field-costs.json' with { type: 'json' }
import type { LayerSize } from './cost.repository.ts'

export interface LinearCost {
  base: number
  /** Per item of a page (`first`, `limit`). */
  perItem?: number
  /** compareRegions: per region code, and per code × km² of radius. */
  perCode?: number
  perCodeKm2?: number
}
export interface LayerCost {
  /** Counting the layer's features (what maxFeatures alone costs). */
  base: number
  perFeature: number
  perVertex: number
}
export interface FieldCosts {
  [field: string]: LinearCost | Record<string, LayerCost>
}
export interface BackendCosts {
  /** A root field without a measured cost. */
  default: number
  fields: FieldCosts
  /** The layers' sizes when measured (for the record). */
  layerSizesAt?: unknown
}
export type LayerSizes = Record<string, LayerSize>

/** The measured weights of a backend. */
export function measuredCosts(backend: 'pglite' | 'postgres'): BackendCosts {
  return (weights.backends as unknown as Record<string, BackendCosts>)[backend]
}

/** Fields whose work is heavy enough to go through the gate (see gate.ts). */
export const GATED_FIELDS = new Set(['compareRegions', 'mapLayer'])

export interface CostItem {
  /** The response key and field, e.g. `a3: compareRegions`. */
  field: string
  ms: number
}

export interface CostEstimate {
  totalMs: number
  /** Root fields, dearest first. */
  items: CostItem[]
  /** Whether the operation asks for a gated field. */
  gated: boolean
}

/** The cost of one root field with its (coerced) arguments. `sizes` gives the map layers' sizes of a county. */
export function fieldCost(costs: BackendCosts, field: string, args: Record<string, unknown>, sizes?: LayerSizes): number {
  const weight = costs.fields[field]
  if (!weight) return costs.default
  if (field === 'mapLayer') {
    const layer = (weight as Record<string, LayerCost>)[String(args.layer)]
    if (!layer) return costs.default
    const size = sizes?.[String(args.layer)] ?? { features: 0, vertices: 0 }
    const maxFeatures = typeof args.maxFeatures === 'number' ? args.maxFeatures : Infinity
    // Above maxFeatures only the count runs.
    if (size.features > maxFeatures) return layer.base
    return layer.base + layer.perFeature * size.features + layer.perVertex * size.vertices
  }
  const w = weight as LinearCost
  if (field === 'compareRegions') {
    const codes = Array.isArray(args.codes) ? args.codes.length : 0
    const r = typeof args.coverageRadiusKm === 'number' ? args.coverageRadiusKm : 5
    return w.base + (w.perCode ?? 0) * codes + (w.perCodeKm2 ?? 0) * codes * r * r
  }
  const items = typeof args.first === 'number' ? args.first : typeof args.limit === 'number' ? args.limit : 0
  return w.base + (w.perItem ?? 0) * items
}

/**
 * The estimate of an operation: every root field (through fragments), with arguments coerced from
 * the document and `variables`. Returns undefined when the variables do not coerce (execution then
 * refuses them). `sizesOf` is called only when a map layer is asked for.
 */
export async function estimateOperation(
  schema: GraphQLSchema,
  costs: BackendCosts,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  rawVariables: Record<string, unknown> | undefined,
  sizesOf: (county: string | undefined) => Promise<LayerSizes>,
): Promise<CostEstimate | undefined> {
  const root =
    operation.operation === OperationTypeNode.QUERY
      ? schema.getQueryType()
      : operation.operation === OperationTypeNode.MUTATION
        ? schema.getMutationType()
        : undefined
  if (!root) return { totalMs: 0, items: [], gated: false }
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {})
  if (coerced.errors) return undefined
  const variables = coerced.coerced
  const items: CostItem[] = []
  let gated = false
  const sets: SelectionSetNode[] = [operation.selectionSet]
  const seen = new Set<string>()
  while (sets.length) {
    for (const selection of sets.pop()!.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) sets.push(selection.selectionSet)
      else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments[selection.name.value]
        if (fragment && !seen.has(fragment.name.value)) {
          seen.add(fragment.name.value)
          sets.push(fragment.selectionSet)
        }
      } else {
        const name = selection.name.value
        const definition = root.getFields()[name]
        if (!definition) continue
        const args = getArgumentValues(definition, selection, variables)
        if (GATED_FIELDS.has(name)) gated = true
        const sizes = name === 'mapLayer' ? await sizesOf(typeof args.county === 'string' ? args.county : undefined) : undefined
        items.push({ field: `${selection.alias ? `${selection.alias.value}: ` : ''}${name}`, ms: fieldCost(costs, name, args, sizes) })
      }
    }
  }
  items.sort((a, b) => b.ms - a.ms)
  return { totalMs: items.reduce((s, i) => s + i.ms, 0), items, gated }
}
