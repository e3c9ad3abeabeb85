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
  const text = (await readBodyBytes(req, maxBytes)).toString('utf8')
  if (!/^application\/(graphql-response\+)?json\b/i.test(type) && !/^application\/json/i.test(type)) return text
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new HttpError(400, 'BAD_REQUEST', `请求体不是有效的 JSON · The request body is not valid JSON: ${(error as Error).message}`)
  }
}

/**
 * The body's bytes, at most `maxBytes`; past that it rejects with `tooLarge(maxBytes)` (413) once the client
 * finished sending (discarded), so that it reads the answer. Read with events, not for-await: leaving a
 * for-await loop early destroys the socket, and the 413 could not be sent.
 */
export function readBodyBytes(req: IncomingMessage, maxBytes: number, refuse: (maxBytes: number) => HttpError = tooLarge): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const received: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= maxBytes) return void received.push(chunk)
      req.off('data', onData)
      req.resume()
      reject(refuse(maxBytes))
    }
    req.on('data', onData)
    req.once('end', () => resolve(Buffer.concat(received)))
    req.once('error', reject)
  })
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(413, 'PAYLOAD_TOO_LARGE', `请求体超过 ${maxBytes} 字节 · The request body is larger than ${maxBytes} bytes`)
}
