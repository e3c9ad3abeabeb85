/**
 * Apollo Server set-up for the public API: document limits (GraphQL Armor), error masking and
 * logging. The HTTP side (caching of GET responses, ETag, 304, CORS, compression) is graphql-route.ts
 * and the shared rules in http/.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server'
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled'
import { unwrapResolverError } from '@apollo/server/errors'
import { ApolloArmor } from '@escape.tech/graphql-armor'
import { GraphQLError, OperationTypeNode, type GraphQLFormattedError, type GraphQLSchema } from 'graphql'
import type { Logger } from 'pino'
import { isDatabaseUnavailable } from '../../db/connection-errors.ts'
import { DEFAULT_LIMITS, type QueryLimits } from './config.ts'
import type { Context } from './context.ts'
import { ServiceUnavailableError } from './errors.ts'
import { jitGateway } from './jit-executor.ts'
import { documentLimitsPlugin } from './security/document-limits.ts'
import { requestGuardPlugin } from './security/request-guard.ts'

/** Codes of errors we raise on purpose; anything else reaching a client is masked. */
const EXPOSED = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'QUERY_TOO_COMPLEX',
  'SERVICE_UNAVAILABLE',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'RATE_LIMITED',
])

/** GraphQL Armor reports a limit as "… limit of N exceeded …"; graphql-js's parser its token limit as "Document contains more than N tokens". */
const LIMIT_EXCEEDED = /limit of \d+ exceeded|Document contains more th(?:an|at) \d+ tokens/i

/** Apollo's own refusals of a request (e.g. a persisted query's hash that does not match) carry a 4xx status but no code. */
function isRequestError(error: unknown): boolean {
  const status = (error as GraphQLError | undefined)?.extensions?.http as { status?: number } | undefined
  return !(error as GraphQLError | undefined)?.extensions?.code && !!status?.status && status.status >= 400 && status.status < 500
}

/** `onWrite` runs after every mutation, before its response is sent (the response cache is cleared there). */
export function createApolloServer(
  schema: GraphQLSchema,
  logger: Logger,
  given: Partial<QueryLimits> = DEFAULT_LIMITS,
  onWrite: () => void = () => {},
): ApolloServer<Context> {
  const limits: QueryLimits = { ...DEFAULT_LIMITS, ...given }
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true },
    // A fragment costs what its fields would cost written in place (by default a spread counts as one level deeper, ×1.5).
    costLimit: { maxCost: limits.maxCost, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: limits.maxAliases },
    // The token limit is graphql-js's parser option (parseOptions below): Armor's re-parses the document first.
    maxTokens: { enabled: false },
    maxDirectives: { n: limits.maxDirectives },
    // An open API helps its users: keep "Did you mean …?" suggestions.
    blockFieldSuggestion: { enabled: false },
  })
  const protection = armor.protect()
  const logUnexpected: ApolloServerPlugin<Context> = {
    requestDidStart() {
      return Promise.resolve({
        // eslint-disable-next-line @typescript-eslint/require-await -- Apollo types the hook as returning a Promise; async keeps a throw in it a rejection, as Apollo expects
        async didEncounterErrors({ errors, operationName }) {
          for (const error of errors) {
            const code = error.extensions?.code
            if (typeof code === 'string' && EXPOSED.has(code)) continue
            const original = unwrapResolverError(error)
            if (isDatabaseUnavailable(original) || isRequestError(error)) continue
            if (original instanceof GraphQLError && typeof original.extensions?.code === 'string' && EXPOSED.has(original.extensions.code)) continue
            logger.error({ err: original, operationName: operationName ?? null, path: error.path }, 'unexpected error in a GraphQL request')
          }
        },
      })
    },
  }
  const clearOnWrite: ApolloServerPlugin<Context> = {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ operation, contextValue }) {
          if (operation?.operation === OperationTypeNode.MUTATION) contextValue.writing = true
          return Promise.resolve()
        },
        // eslint-disable-next-line @typescript-eslint/require-await -- Apollo types the hook as returning a Promise; async keeps a throw in it a rejection, as Apollo expects
        async willSendResponse({ operation, response }) {
          if (operation?.operation === OperationTypeNode.MUTATION) onWrite()
          // A database outage is the service's state, not the request's fault: 503 with a hint when to retry.
          const body = response.body
          if (body.kind === 'single' && body.singleResult.errors?.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) {
            response.http.status = 503
            response.http.headers.set('retry-after', '2')
          }
        },
      })
    },
  }
  return new ApolloServer<Context>({
    // The schema is served by a "gateway" only so that operations run on graphql-jit (jit-executor.ts).
    gateway: jitGateway(schema),
    introspection: true,
    // Reads are open and GET queries must be cacheable by plain clients (no preflight header needed).
    csrfPrevention: false,
    // main.ts owns SIGTERM: it stops Apollo, then closes the database.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: process.env.NODE_ENV === 'development',
    // Armor is typed against the CJS build of @apollo/server; the plugin objects are the same at run time.
    // graphql-route.ts sets Cache-Control itself; Apollo's cache-control plugin would only add a
    // hook around every field resolver of every request (no @cacheControl hints are used).
    plugins: [
      documentLimitsPlugin<Context>(limits),
      requestGuardPlugin(schema, limits),
      ...(protection.plugins as unknown as ApolloServerPlugin<Context>[]),
      logUnexpected,
      clearOnWrite,
      ApolloServerPluginCacheControlDisabled(),
    ],
    validationRules: protection.validationRules,
    parseOptions: { maxTokens: limits.maxTokens },
    // Apollo's own log lines (e.g. an unexpected error) go to our logger.
    logger,
    formatError: (formatted, error) => formatError(formatted, error),
  })
}

function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (isDatabaseUnavailable(unwrapResolverError(error))) {
    return { ...new ServiceUnavailableError().toJSON(), path: formatted.path }
  }
  const code = formatted.extensions?.code
  if (LIMIT_EXCEEDED.test(formatted.message)) {
    return { message: formatted.message, extensions: { code: 'QUERY_TOO_COMPLEX' } }
  }
  if (isRequestError(error)) return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } }
  if (typeof code === 'string' && EXPOSED.has(code)) return formatted
  return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } }
}
