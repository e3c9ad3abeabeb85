/** The one path to the platform's data: GraphQL over HTTP (GET, so answers are cacheable). */

/** A failed request: the network, the HTTP status or a GraphQL error, with its `extensions.code`. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** Runs a GraphQL query with GET and returns its `data`; throws an ApiError on any failure. */
export async function graphql<T>(query: string, variables?: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
  const params = new URLSearchParams({ query: query.replace(/\s+/g, ' ').trim() })
  if (variables) params.set('variables', JSON.stringify(variables))
  let response: Response
  try {
    response = await fetch(`/graphql?${params}`, { headers: { accept: 'application/graphql-response+json, application/json' }, signal })
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error
    throw new ApiError((error as Error).message, 'NETWORK_ERROR')
  }
  let body: { data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] }
  try {
    body = await response.json()
  } catch {
    throw new ApiError(`HTTP ${response.status}`, response.status === 503 ? 'SERVICE_UNAVAILABLE' : 'BAD_RESPONSE')
  }
  if (body.errors?.length) {
    const [first] = body.errors
    throw new ApiError(first.message, first.extensions?.code ?? 'GRAPHQL_ERROR')
  }
  if (!response.ok || body.data == null) throw new ApiError(`HTTP ${response.status}`, 'BAD_RESPONSE')
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
