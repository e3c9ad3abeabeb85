/**
 * The per-request checks that run once the operation is known, before anything executes: text
 * PostgreSQL cannot store (input-text.ts), the estimated cost against the request's budget of
 * database time (cost.ts: refused with QUERY_TOO_COMPLEX naming the dearest field), and, for an
 * expensive request, a slot of the shared gate for its client (gate.ts: 429 with Retry-After when
 * the client already has one running, 503 when the server is full), held until it is answered.
 */
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server'
import { HeaderMap } from '@apollo/server'
import { GraphQLError, Kind, OperationTypeNode, type FragmentDefinitionNode, type GraphQLSchema } from 'graphql'
import type { Context } from '../context.ts'
import { Busy, ClientBusy } from '../gate.ts'
import { layerSizes } from './cost.repository.ts'
import { estimateOperation, measuredCosts, type BackendCosts, type LayerSizes } from './cost.ts'
import { DocumentTooComplex } from './document-limits.ts'
import { findUnstorableText } from './input-text.ts'

export interface GuardOptions {
  /** The request's budget of (estimated, and on PostgreSQL also measured) database time in ms; 0 turns it off. */
  maxDbMs: number
  /** A request estimated at this many ms or more (or asking for a map layer or a comparison) takes a gate slot. */
  expensiveMs: number
}

export function requestGuardPlugin(
  schema: GraphQLSchema,
  options: GuardOptions,
  costsOf: (kind: 'pglite' | 'postgres') => BackendCosts = measuredCosts,
): ApolloServerPlugin<Context> {
  return {
    requestDidStart(): Promise<GraphQLRequestListener<Context>> {
      return Promise.resolve({
        async didResolveOperation({ document, operation, request, contextValue: ctx }) {
          const unstorable = findUnstorableText(document, operation, request.variables)
          if (unstorable) throw unstorable
          // A mutation is an authenticated editor's, bounded by the input limits and written in one transaction:
          // the budget for anonymous reads does not apply (stopping it halfway would only roll it back, and
          // under a load deeper than the pool the summed time includes waiting for a connection).
          if (operation?.operation === OperationTypeNode.MUTATION) ctx.budget.lift()
          if (!operation || operation.operation !== OperationTypeNode.QUERY || isIntrospectionOnly(operation)) return
          const fragments: Record<string, FragmentDefinitionNode> = {}
          for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d
          const sizesOf = (county: string | undefined): Promise<LayerSizes> => layerSizesOf(ctx, county ?? ctx.defaultCounty)
          const estimate = await estimateOperation(schema, costsOf(ctx.kind), operation, fragments, request.variables ?? undefined, sizesOf)
          if (!estimate) return
          ctx.cost = estimate
          if (options.maxDbMs > 0 && estimate.totalMs > options.maxDbMs) {
            const dearest = estimate.items[0]
            throw new DocumentTooComplex(
              `查询过于复杂 · Query too complex: its estimated database time is ${Math.round(estimate.totalMs)} ms, over the budget of ${options.maxDbMs} ms; ` +
                `the dearest field is ${dearest.field} at about ${Math.round(dearest.ms)} ms (${estimate.items.length} root fields): ask for less in one request`,
              { limit: 'maxDbMs', max: options.maxDbMs, estimatedMs: Math.round(estimate.totalMs), field: dearest.field, fieldMs: Math.round(dearest.ms) },
            )
          }
          if (!estimate.gated && estimate.totalMs < options.expensiveMs) return
          ctx.request.view = ctx
          try {
            ctx.request.slot = await ctx.gate.acquireSlot()
          } catch (error) {
            throw asHttpError(error)
          }
          let chain: Promise<unknown> = Promise.resolve()
          ctx.request.oneAtATime = <T>(work: () => T | Promise<T>): Promise<T> => {
            const next = chain.then(work, work)
            chain = next.catch(() => undefined)
            return next
          }
        },
        // eslint-disable-next-line @typescript-eslint/require-await -- Apollo types the hook as returning a Promise; async keeps a throw in it a rejection, as Apollo expects
        async willSendResponse({ contextValue }) {
          contextValue.request.slot?.()
        },
      })
    },
    // eslint-disable-next-line @typescript-eslint/require-await -- Apollo types the hook as returning a Promise; async keeps a throw in it a rejection, as Apollo expects
    async unexpectedErrorProcessingRequest({ requestContext }) {
      requestContext.contextValue.request?.slot?.()
    },
  }
}

/** Layer sizes per server (keyed by its memo) and county, with the data generation they were counted at. */
type HeldSizes = Map<string, { generation: number; sizes: Promise<LayerSizes> }>
const heldSizes = new WeakMap<object, HeldSizes>()

/**
 * The sizes change only with the data: counted once per write and county (one statement outside the budget),
 * kept by the data generation rather than in the memo, so that a request's statements stay those of its own work.
 */
function layerSizesOf(ctx: Context, county: string): Promise<LayerSizes> {
  const generation = ctx.dataGeneration?.()
  if (generation === undefined) return ctx.memo.get(`layer-sizes:${county}`, () => layerSizes(ctx.db, county))
  let byCounty = heldSizes.get(ctx.memo)
  if (!byCounty) heldSizes.set(ctx.memo, (byCounty = new Map() as HeldSizes))
  const held = byCounty.get(county)
  if (held && held.generation === generation) return held.sizes
  const sizes = layerSizes(ctx.db, county)
  byCounty.set(county, { generation, sizes })
  sizes.catch(() => byCounty.delete(county))
  return sizes
}

/** Whether the operation asks only for __schema, __type or __typename. */
function isIntrospectionOnly(operation: { selectionSet: { selections: readonly { kind: Kind; name?: { value: string } }[] } }): boolean {
  return operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name!.value.startsWith('__'))
}

/** The gate's refusals as Apollo answers them: 429 with Retry-After, or 503. */
function asHttpError(error: unknown): unknown {
  if (error instanceof ClientBusy) {
    return new GraphQLError(error.message, {
      extensions: { ...error.extensions, http: { status: 429, headers: new HeaderMap([['retry-after', String(error.retryAfterSeconds)]]) } },
    })
  }
  if (error instanceof Busy) {
    return new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 503, headers: new HeaderMap([['retry-after', '1']]) } } })
  }
  return error
}
