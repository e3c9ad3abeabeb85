/**
 * The bytes a first visit to each page receives (part of `npm run bench:web`): every response's body
 * as sent (brotli or gzip where the server compresses it; Chromium asks for both), counted from an
 * empty cache until the network is idle after the page is drawn, MapLibre's own files apart. Response
 * headers are counted too but shown apart: the goals are about what is compressed.
 */
import type { Browser } from 'playwright-core'

export interface BytesRow {
  page: string
  /** Bodies of MapLibre's files (its script, worker and style sheet). */
  maplibre: number
  /** Bodies of everything else: our JavaScript, CSS, HTML, fonts and the data. */
  rest: number
  headers: number
  requests: number
  /** The five largest responses of `rest`: path (GraphQL: its operation) and body bytes. */
  largest: [string, number][]
}

const GOAL = 60 * 1024
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

/** Loads each page once in a fresh context and adds up what came over the wire. */
export async function measureBytes(browser: Browser, base: string, pages: readonly string[]): Promise<BytesRow[]> {
  const rows: BytesRow[] = []
  for (const hash of pages) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()))
    const page = await context.newPage()
    const pending: Promise<void>[] = []
    const row: BytesRow = { page: hash, maplibre: 0, rest: 0, headers: 0, requests: 0, largest: [] }
    const all: [string, number][] = []
    page.on('requestfinished', (request) => {
      pending.push(
        request.sizes().then((sizes) => {
          const url = new URL(request.url())
          let name = url.pathname
          if (request.method() === 'POST' && name === '/graphql') {
            name += ` ${(JSON.parse(request.postData() ?? '{}') as { operationName?: string }).operationName ?? ''}`
          }
          row.requests++
          row.headers += sizes.responseHeadersSize
          if (/maplibre/.test(name)) row.maplibre += sizes.responseBodySize
          else {
            row.rest += sizes.responseBodySize
            all.push([name, sizes.responseBodySize])
          }
        }),
      )
    })
    const name = hash.replace(/^\/#\//, '').split(/[/?]/)[0]
    await page.goto(`${base}${hash}`)
    await page.waitForFunction(
      (route) => {
        const data = (globalThis as unknown as { document: { documentElement: { dataset: Record<string, string | undefined> } } }).document.documentElement
          .dataset
        return route === '' || route === 'town' ? data.ready === 'true' : data.page === route && data.pageReady === 'true'
      },
      name,
      { timeout: 90_000 },
    )
    await page.waitForLoadState('networkidle')
    await Promise.all(pending)
    row.largest = all.sort((a, b) => b[1] - a[1]).slice(0, 5)
    rows.push(row)
    await context.close()
  }
  return rows
}

/** The table, each page's goal stated as met or not: map pages ≤ 60 KB besides MapLibre's files, others ≤ 60 KB in all and no MapLibre. */
export function bytesReport(rows: BytesRow[], mapPages: readonly string[]): string[] {
  const lines = [
    'Bytes of a first visit (response bodies as sent, brotli; empty cache, until the network is idle):',
    `  ${'page'.padEnd(22)} ${'MapLibre'.padStart(10)} ${'the rest'.padStart(10)} ${'headers'.padStart(9)} ${'requests'.padStart(8)}  goal`,
  ]
  for (const r of rows) {
    const map = mapPages.includes(r.page)
    const ok = r.rest <= GOAL && (map || r.maplibre === 0)
    const goal = map ? 'rest ≤ 60 KB' : 'all ≤ 60 KB, no MapLibre'
    lines.push(
      `  ${r.page.padEnd(22)} ${kb(r.maplibre).padStart(10)} ${kb(r.rest).padStart(10)} ${kb(r.headers).padStart(9)} ${String(r.requests).padStart(8)}  ${goal}: ${ok ? 'met' : 'NOT met'}`,
    )
    lines.push(`  ${''.padEnd(22)} largest: ${r.largest.map(([n, b]) => `${n} ${kb(b)}`).join(', ')}`)
  }
  return lines
}
