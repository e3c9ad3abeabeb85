/** Reading request bodies with a size limit; malformed JSON is the client's error (400), never a 500. */
import type { IncomingMessage } from 'node:http'
import { HttpError } from './send.ts'

/** Largest request body accepted, in bytes. */
export const MAX_BODY_BYTES = 1024 * 1024

/**
 * The body parsed as JSON when its Content-Type says JSON, its raw text otherwise (a GraphQL server
 * answers an unsupported type itself), undefined when empty. Throws 413 PAYLOAD_TOO_LARGE and 400 BAD_REQUEST.
 */
export async function readJsonBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const type = req.headers['content-type'] ?? ''
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > maxBytes) throw tooLarge(maxBytes)
    chunks.push(chunk as Buffer)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  if (!/^application\/(graphql-response\+)?json\b/i.test(type) && !/^application\/json/i.test(type)) return text
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new HttpError(400, 'BAD_REQUEST', `请求体不是有效的 JSON · The request body is not valid JSON: ${(error as Error).message}`)
  }
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(413, 'PAYLOAD_TOO_LARGE', `请求体超过 ${maxBytes} 字节 · The request body is larger than ${maxBytes} bytes`)
}
