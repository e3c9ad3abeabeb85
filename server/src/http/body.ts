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
  // Read with events, not for-await: leaving a for-await loop early destroys the socket, and the 413 could not be sent.
  const chunks = await new Promise<Buffer[]>((resolve, reject) => {
    const received: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= maxBytes) return void received.push(chunk)
      // Too large: stop keeping it, but let the client finish sending (discarded) so that it reads the answer.
      req.off('data', onData)
      req.resume()
      reject(tooLarge(maxBytes))
    }
    req.on('data', onData)
    req.once('end', () => resolve(received))
    req.once('error', reject)
  })
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
