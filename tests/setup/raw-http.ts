/** HTTP requests that show the bytes as sent (fetch decodes gzip and br itself, and always asks for them). */
import { request, type IncomingHttpHeaders } from 'node:http'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'

export interface RawResponse {
  status: number
  headers: IncomingHttpHeaders
  /** The body as it came over the wire (still encoded). */
  body: Buffer
}

export function rawRequest(url: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(options.body)
  })
}

/** The body decoded by its Content-Encoding. */
export function decoded(res: RawResponse): Buffer {
  const coding = res.headers['content-encoding']
  if (coding === 'br') return brotliDecompressSync(res.body)
  if (coding === 'gzip') return gunzipSync(res.body)
  if (coding === undefined) return res.body
  throw new Error(`unexpected Content-Encoding ${coding}`)
}
