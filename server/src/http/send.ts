/**
 * Writing responses, once for every route: the one error body shape, content coding by
 * `Accept-Encoding` (with `Vary` and an ETag per coding), conditional GET (304), Content-Length and HEAD.
 */
import { createReadStream } from 'node:fs'
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import { isNotModified } from './conditional.ts'
import { EncodedBody, etagFor, negotiate, type Coding } from './encoding.ts'

/** A file to stream, with the precompressed files beside it (`app.js.br`, `app.js.gz`) when there are. */
export interface FileBody {
  kind: 'file'
  contentType: string
  files: Partial<Record<Coding, { path: string; size: number }>> & { identity: { path: string; size: number } }
}

/** What a handler answers: the router sends it through `sendReply`. */
export interface Reply {
  /** Default 200. */
  status?: number
  headers?: OutgoingHttpHeaders
  /** Text is UTF-8; a string or Buffer is compressed on the fly when it is compressible and ≥ 1 KB. */
  body: string | Buffer | EncodedBody | FileBody
  /** `Content-Type` of a string or Buffer body (default JSON). */
  contentType?: string
  /** Strong ETag (quoted) of the identity bytes; each coding is sent with its own tag (see `etagFor`). */
  etag?: string
  lastModified?: Date
}

/** An error a client caused or should know about, answered in the one error body shape. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: OutgoingHttpHeaders = {},
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message)
  }
}

const JSON_TYPE = 'application/json; charset=utf-8'

/** The body of every error answer, on every route: `{ "errors": [{ "message", "extensions": { "code" } }] }`. */
export function errorBody(message: string, code: string, extensions: Record<string, unknown> = {}): string {
  return JSON.stringify({ errors: [{ message, extensions: { code, ...extensions } }] })
}

/** Sends JSON that must not be cached (health, errors). */
export function sendJson(req: IncomingMessage, res: ServerResponse, status: number, value: unknown, headers: OutgoingHttpHeaders = {}): Promise<void> {
  return sendReply(req, res, { status, headers: { 'cache-control': 'no-store', ...headers }, body: JSON.stringify(value) })
}

/** Sends an error in the one error body shape. */
export function sendError(req: IncomingMessage, res: ServerResponse, error: HttpError): Promise<void> {
  return sendReply(req, res, {
    status: error.status,
    headers: { 'cache-control': 'no-store', ...error.headers },
    body: errorBody(error.message, error.code, error.extensions),
  })
}

/** Sends bytes of a type (a tile, a CSV, a page). */
export function sendBytes(
  req: IncomingMessage,
  res: ServerResponse,
  contentType: string,
  body: string | Buffer,
  reply: Omit<Reply, 'body'> = {},
): Promise<void> {
  return sendReply(req, res, { ...reply, contentType, body })
}

/** Adds names to the response's `Vary` header (once each). */
export function addVary(res: ServerResponse, ...names: string[]): void {
  const header = res.getHeader('vary')
  if (header === undefined) return void res.setHeader('vary', [...new Set(names)].join(', '))
  const current = String(header)
  const have = new Set(
    current
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  )
  const add = names.filter((n) => !have.has(n.toLowerCase()))
  if (add.length) res.setHeader('vary', [current, ...add].filter(Boolean).join(', '))
}

/**
 * Sends a reply: picks the coding the client accepts among those the body is offered in, sets
 * `Vary: Accept-Encoding` when there was a choice, the coding's ETag, and answers 304 to a matching
 * conditional GET (any coding's tag of the same representation matches).
 */
export async function sendReply(req: IncomingMessage, res: ServerResponse, reply: Reply): Promise<void> {
  const status = reply.status ?? 200
  for (const [name, value] of Object.entries(reply.headers ?? {})) if (value !== undefined) res.setHeader(name, value)
  const body = reply.body
  const file = typeof body === 'object' && 'kind' in body ? body : undefined
  const encoded = file ? undefined : body instanceof EncodedBody ? body : EncodedBody.of(reply.contentType ?? JSON_TYPE, body as string | Buffer)
  const contentType = file?.contentType ?? encoded!.contentType
  const offered: Coding[] = file ? (Object.keys(file.files) as Coding[]) : [...encoded!.offered]
  if (offered.length > 1) addVary(res, 'accept-encoding')
  const coding = negotiate(req.headers['accept-encoding'], offered)
  if (reply.etag) res.setHeader('etag', etagFor(reply.etag, coding))
  if (reply.lastModified) res.setHeader('last-modified', reply.lastModified.toUTCString())
  if (status === 200 && (reply.etag || reply.lastModified) && isNotModified(req, reply.etag, reply.lastModified)) {
    res.removeHeader('content-type')
    res.removeHeader('content-length')
    res.writeHead(304)
    res.end()
    return
  }
  res.setHeader('content-type', contentType)
  if (coding !== 'identity') res.setHeader('content-encoding', coding)
  else res.removeHeader('content-encoding')
  const head = req.method === 'HEAD'
  if (file) {
    const chosen = file.files[coding]!
    res.writeHead(status, { 'content-length': chosen.size })
    if (head) return void res.end()
    await new Promise<void>((resolve, reject) => {
      const stream = createReadStream(chosen.path)
      stream.on('error', reject)
      res.on('close', () => resolve())
      stream.pipe(res)
    })
    return
  }
  const bytes = await encoded!.get(coding)
  res.writeHead(status, { 'content-length': bytes.length })
  res.end(head ? undefined : bytes)
}
