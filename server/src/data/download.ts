/**
 * GET /data/…: the open data as files, generated from the live database on each request.
 * `/data/datapackage.json` describes them; `/data/<resource>.csv` and `/data/<resource>.geojson`
 * are the files (`?county=CODE` for another county than the default). Responses carry an ETag
 * (a hash of the body), Last-Modified (the dataset's last change) and a Content-Disposition
 * naming the file; conditional requests get 304.
 */
import { createHash } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Kysely } from 'kysely'
import type { Database } from '../../../db/database.ts'
import { buildDataPackage, findDatasetInfo, findDownload } from './export.ts'

export interface DataSource {
  db: Kysely<Database>
  defaultCounty: string
}

/** Browsers and caches may keep a copy but must revalidate it (cheaply, with the ETag): edits show at once. */
const CACHE_CONTROL = 'public, no-cache'

/** Answers a request under /data; `source` is undefined while the service is starting. */
export async function serveData(req: IncomingMessage, res: ServerResponse, url: URL, source: DataSource | undefined): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase()
  if (method !== 'GET' && method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD')
    return sendText(res, 405, `${method} is not allowed here: the downloads are read-only (edit through the GraphQL API or the importer).`)
  }
  const file = url.pathname.replace(/^\/data\/?/, '')
  if (file === '') {
    res.writeHead(302, { location: `/data/datapackage.json${url.search}`, 'cache-control': 'no-store' })
    return void res.end()
  }
  if (!source) {
    res.setHeader('retry-after', '2')
    return sendText(res, 503, 'The service is starting or unavailable.')
  }
  const county = url.searchParams.get('county') || source.defaultCounty
  const dataset = await findDatasetInfo(source.db, county)
  if (!dataset) return sendText(res, 404, `No dataset for county ${county}.`)

  let body: string
  let type: string
  let disposition: string
  if (file === 'datapackage.json') {
    body = await buildDataPackage(source.db, dataset)
    type = 'application/json; charset=utf-8'
    disposition = 'inline; filename="datapackage.json"'
  } else {
    const download = findDownload(file)
    if (!download) return sendText(res, 404, `Nothing at ${url.pathname}: see /data/datapackage.json for the files.`)
    body = (await download.build(source.db, county)).body
    type = download.format === 'csv' ? 'text/csv; charset=utf-8; header=present' : 'application/geo+json; charset=utf-8'
    disposition = `attachment; filename="${dataset.id}-${download.path}"`
  }

  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`
  // HTTP dates have whole seconds.
  const lastModified = new Date(Math.floor(dataset.updatedAt.getTime() / 1000) * 1000)
  const headers: Record<string, string | number> = {
    'content-type': type,
    'content-disposition': disposition,
    etag,
    'last-modified': lastModified.toUTCString(),
    'cache-control': CACHE_CONTROL,
    'access-control-allow-origin': '*',
    'x-content-type-options': 'nosniff',
  }
  if (notModified(req, etag, lastModified)) {
    res.writeHead(304, headers)
    return void res.end()
  }
  headers['content-length'] = Buffer.byteLength(body)
  res.writeHead(200, headers)
  res.end(method === 'HEAD' ? undefined : body)
}

function notModified(req: IncomingMessage, etag: string, lastModified: Date): boolean {
  const match = req.headers['if-none-match']
  if (match !== undefined) {
    // Weak comparison (RFC 9110 §13.1.2): W/"x" matches "x".
    return match.trim() === '*' || match.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)
  }
  const since = req.headers['if-modified-since']
  if (since) {
    const time = Date.parse(since)
    return !Number.isNaN(time) && lastModified.getTime() <= time
  }
  return false
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' })
  res.end(text)
}
