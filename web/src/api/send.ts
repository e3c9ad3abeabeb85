/**
 * Writes (and the stewards' reads) go by POST, never cached: GraphQL mutations, and queries that need a
 * steward's credentials. A signed-in user's request carries the session cookie and its CSRF header
 * (`X-CSRF-Token`, from session.ts); a bearer token kept in sessionStorage under `ipc.token` (scripts,
 * tests) is sent when present, and the server then goes by the token. Errors are ApiErrors, as for
 * `request`, with the offending argument and Retry-After when the server gives them.
 */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core'
import { ApiError } from './client.ts'
import { csrfHeaders, currentUser } from './session.ts'

/** Where the web app keeps a steward's bearer token for this tab. */
export const TOKEN_KEY = 'ipc.token'

/** The stored bearer token, or null. */
export function storedToken(): string | null {
  try {
    return globalThis.sessionStorage?.getItem(TOKEN_KEY) || null
  } catch {
    return null
  }
}

/** Whether this tab can send a steward's writes: a stored bearer token, or a signed-in user. */
export async function hasStewardCredentials(): Promise<boolean> {
  return storedToken() !== null || (await currentUser()) !== null
}

/** An ApiError with the argument a BAD_USER_INPUT names, and the seconds to wait after RATE_LIMITED. */
export class SendError extends ApiError {
  constructor(
    message: string,
    code: string,
    readonly argument: string | null,
    readonly retryAfter: number | null,
  ) {
    super(message, code)
  }
}

/** Runs an operation with POST (with the session's CSRF header, and the stored token, if any); returns its `data` or throws a SendError. */
export async function send<R, V>(document: DocumentTypeDecoration<R, V> & { toString(): string }, variables: V): Promise<R> {
  const token = storedToken()
  let response: Response
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(token ? { authorization: `Bearer ${token}` } : await csrfHeaders()),
      },
      credentials: 'same-origin',
      body: JSON.stringify({ query: document.toString(), variables }),
    })
  } catch (error) {
    throw new SendError((error as Error).message, 'NETWORK_ERROR', null, null)
  }
  let body: { data?: R | null; errors?: { message: string; extensions?: { code?: string; argument?: string } }[] }
  try {
    body = (await response.json()) as typeof body
  } catch {
    throw new SendError(`HTTP ${response.status}`, 'BAD_RESPONSE', null, null)
  }
  const retry = Number(response.headers.get('retry-after'))
  if (body.errors?.length) {
    const [first] = body.errors
    throw new SendError(first.message, first.extensions?.code ?? 'GRAPHQL_ERROR', first.extensions?.argument ?? null, retry > 0 ? retry : null)
  }
  if (!response.ok || body.data == null) throw new SendError(`HTTP ${response.status}`, 'BAD_RESPONSE', null, null)
  return body.data
}
