/**
 * The one path to the platform's data: GraphQL over HTTP (GET, so answers are cacheable). Every operation is
 * a typed document from ./generated*.ts (written by `npm run codegen` from ./*.graphql), so its variables and
 * result are checked against schema/schema.graphql; network, HTTP and GraphQL errors are handled here once.
 */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core'
import { csrfHeaders } from './session.ts'

/** A failed request: the network, the HTTP status or a GraphQL error, with its `extensions.code` (and the rest of its extensions, e.g. `argument`). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    /** The error's `extensions` (e.g. `argument` naming the input field, `warnings`), when the server gave them. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** An operation's variables: optional when it has none. */
type VariablesArgs<V> = Record<string, never> extends V ? [variables?: V, signal?: AbortSignal] : [variables: V, signal?: AbortSignal]

/**
 * Runs a GraphQL query with GET and returns its `data`; throws an ApiError on any failure.
 * @example const data = await request(TownDocument, { code: '410184101' })
 */
export async function request<R, V>(document: DocumentTypeDecoration<R, V> & { toString(): string }, ...[variables, signal]: VariablesArgs<V>): Promise<R> {
  const params = new URLSearchParams({ query: document.toString().replace(/\s+/g, ' ').trim() })
  if (variables) params.set('variables', JSON.stringify(variables))
  let response: Response
  try {
    response = await fetch(`/graphql?${params}`, { headers: { accept: 'application/graphql-response+json, application/json' }, signal })
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error
    throw new ApiError((error as Error).message, 'NETWORK_ERROR')
  }
  return readAnswer<R>(response, true)
}

/**
 * Runs a GraphQL mutation with POST (never cached), sending the session's CSRF header when someone is
 * signed in; returns its `data`, throws an ApiError (its code: UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT…).
 */
export async function mutate<R, V>(document: DocumentTypeDecoration<R, V> & { toString(): string }, ...[variables, signal]: VariablesArgs<V>): Promise<R> {
  let response: Response
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...(await csrfHeaders()) },
      credentials: 'same-origin',
      body: JSON.stringify({ query: document.toString(), variables }),
      signal,
    })
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error
    throw new ApiError((error as Error).message, 'NETWORK_ERROR')
  }
  return readAnswer<R>(response)
}

/** The answer's `data`, or the ApiError of its first error (with `requireOk`, an answer without errors must also be a 2xx). */
async function readAnswer<R>(response: Response, requireOk = false): Promise<R> {
  let body: { data?: R | null; errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[] }
  try {
    body = (await response.json()) as typeof body
  } catch {
    throw new ApiError(`HTTP ${response.status}`, response.status === 503 ? 'SERVICE_UNAVAILABLE' : 'BAD_RESPONSE')
  }
  if (body.errors?.length) {
    const [first] = body.errors
    throw new ApiError(first.message, first.extensions?.code ?? 'GRAPHQL_ERROR', first.extensions ?? {})
  }
  if ((requireOk && !response.ok) || body.data == null) throw new ApiError(`HTTP ${response.status}`, 'BAD_RESPONSE')
  return body.data
}

/** The server's runtime configuration (/config.json) over `fallback` (used whole when it cannot be read). */
export async function fetchClientConfig<T extends object>(fallback: T): Promise<T> {
  try {
    const response = await fetch('/config.json', { headers: { accept: 'application/json' } })
    return response.ok ? { ...fallback, ...((await response.json()) as Partial<T>) } : fallback
  } catch {
    return fallback
  }
}
