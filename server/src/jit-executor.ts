/**
 * Executes GraphQL operations with graphql-jit: each document is compiled once into a function that
 * walks exactly its selection, instead of graphql-js interpreting the selection for every field of
 * every row (its per-field bookkeeping was most of a list query's time). Plugged into Apollo Server
 * as a gateway executor, so parsing, validation (GraphQL Armor's limits included), the document
 * cache, plugins and error formatting stay Apollo's. Everything else goes to graphql-js, so that
 * its answers and errors stay exactly as they were: mutations (rare, and their inputs have field
 * defaults, which graphql-jit does not fill in from variables), introspection, documents graphql-jit
 * cannot compile, variables of an input type with field defaults, and requests whose variables
 * graphql-jit refuses (graphql-js then words the error).
 */
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface'
import {
  execute,
  getOperationAST,
  GraphQLError,
  type SourceLocation,
  Kind,
  OperationTypeNode,
  printSchema,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLInputType,
  type GraphQLSchema,
  type SelectionSetNode,
  getNamedType,
  isInputObjectType,
  typeFromAST,
} from 'graphql'
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit'

/** Operations executed so far by each engine (tests check that queries run on graphql-jit and the rest do not). */
export const executions = { jit: 0, graphqlJs: 0 }

/** An Apollo Server "gateway" that serves `schema` itself and executes with graphql-jit. */
export function jitGateway(schema: GraphQLSchema): GatewayInterface {
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>()

  const compiledFor = (document: DocumentNode, operationName: string | null | undefined): CompiledQuery | null => {
    let byName = compiled.get(document)
    if (!byName) compiled.set(document, (byName = new Map<string, CompiledQuery | null>()))
    const key = operationName ?? ''
    let query = byName.get(key)
    if (query === undefined) {
      const operation = getOperationAST(document, operationName)
      query = null
      const variableTypes = (operation?.variableDefinitions ?? []).map((d) => typeFromAST(schema, d.type) as GraphQLInputType | undefined)
      if (
        operation?.operation === OperationTypeNode.QUERY &&
        !asksForIntrospection(document, operation.selectionSet) &&
        variableTypes.every((type) => type && !hasFieldDefaults(type))
      ) {
        const result = compileQuery(schema, document, operationName ?? undefined)
        if (isCompiledQuery(result)) query = result
      }
      byName.set(key, query)
    }
    return query
  }

  const executor: GatewayExecutor = async (requestContext) => {
    const { document, operationName, context } = requestContext
    const variables = requestContext.request.variables ?? {}
    const query = compiledFor(document, operationName)
    const viaGraphqlJs = () => {
      executions.graphqlJs++
      return execute({ schema, document, operationName, variableValues: variables, contextValue: context }) as Promise<ExecutionResult>
    }
    if (!query) return viaGraphqlJs()
    executions.jit++
    const result = (await query.query(undefined, context, variables)) as ExecutionResult
    // Invalid variables: graphql-jit answers errors and no `data` before executing anything; let
    // graphql-js say what is wrong, in its words (valid variables are coerced once, by graphql-jit).
    if (!('data' in result)) return viaGraphqlJs()
    if (result.errors) result.errors = result.errors.map(asGraphQLError)
    return result
  }

  return {
    load() {
      return Promise.resolve({ executor })
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) })
      return () => {}
    },
    async stop() {},
  }
}

/**
 * graphql-jit's errors are not quite graphql-js `GraphQLError`s (no `extensions` object when the
 * original error has none, which Apollo's error handling needs). Make them what graphql-js would
 * have made: same message, locations, path, original error and extensions.
 */
function asGraphQLError(error: unknown): GraphQLError {
  // (graphql-jit's errors pass `instanceof GraphQLError` but lack what Apollo reads, e.g. `extensions: {}`.)
  const e = error as { message: string; locations?: SourceLocation[]; path?: (string | number)[]; originalError?: Error; extensions?: Record<string, unknown> }
  if (e.originalError instanceof GraphQLError && e.originalError.path) return e.originalError
  const converted = new GraphQLError(e.message, { path: e.path, originalError: e.originalError, extensions: e.extensions })
  ;(converted as { locations?: SourceLocation[] }).locations = e.locations
  return converted
}

/** Whether an input type (or one nested in it) has a field with a default value. */
function hasFieldDefaults(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const named = getNamedType(type)
  if (!isInputObjectType(named) || seen.has(named.name)) return false
  seen.add(named.name)
  return Object.values(named.getFields()).some((f) => f.defaultValue !== undefined || hasFieldDefaults(f.type, seen))
}

/** Whether a selection (through fragments) reaches __schema or __type. */
function asksForIntrospection(document: DocumentNode, set: SelectionSetNode, seen = new Set<string>()): boolean {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === '__schema' || selection.name.value === '__type') return true
      if (selection.selectionSet && asksForIntrospection(document, selection.selectionSet, seen)) return true
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (asksForIntrospection(document, selection.selectionSet, seen)) return true
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value)
      const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value)
      if (fragment && fragment.kind === Kind.FRAGMENT_DEFINITION && asksForIntrospection(document, fragment.selectionSet, seen)) return true
    }
  }
  return false
}
