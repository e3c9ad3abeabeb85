/**
 * `npm run bench:web`: how fast the county view gets drawn, side by side with a bare MapLibre page
 * drawing the same GeoJSON layers from the same API (the limit), how much JavaScript it loads, and
 * the bytes a first visit to each page receives (bench/web-bytes.ts).
 *
 * Both pages are built with Vite, served by the platform's own server (embedded database in
 * .tmp/bench-pgdata) and loaded in headless Chromium (software WebGL) with an empty cache, taking
 * turns. "Drawn" is the map's first `idle` once the regions, service points and GI areas are in
 * their sources. Then Lighthouse (bench/lighthouse.ts) scores every page and the bare page, mobile and
 * desktop, and the figures go to BENCHMARKS-web.md with each goal met or not. Not a test: it prints
 * figures. Options: RUNS (default 7), LIGHTHOUSE=0 to leave Lighthouse out (no file is written then).
 */
import 'reflect-metadata'
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { pino } from 'pino'
import { build } from 'vite'
import { startApp } from '../server/src/app.ts'
import { ROOT } from '../server/src/config.ts'
import { launchChromium } from '../tests/setup/browser.ts'
import { lighthouseMarkdown, runLighthouse, type LighthouseRow } from './lighthouse.ts'
import { bytesReport, measureBytes } from './web-bytes.ts'

const RUNS = Number(process.env.RUNS ?? 7)
const OUT = path.join(ROOT, '.tmp/bench-dist')

/** Records, in the page, when the map first goes idle with all three layers' data in it. */
const HOOK = `(() => {
  let map
  Object.defineProperty(window, 'map', {
    configurable: true,
    get: () => map,
    set(value) {
      map = value
      const ids = ['regions', 'service-points', 'gi-products']
      map.on('idle', () => {
        if (window.__drawnAt) return
        if (ids.every((id) => map.getSource(id) && map.querySourceFeatures(id).length > 0)) window.__drawnAt = performance.now()
      })
    },
  })
})()`

async function buildPages(): Promise<void> {
  const silent = { logLevel: 'warn' as const }
  await build({ ...silent, configFile: path.join(ROOT, 'web/vite.config.ts'), build: { outDir: OUT, emptyOutDir: true } })
  await build({
    ...silent,
    configFile: false,
    root: path.join(ROOT, 'bench/web-bare'),
    base: '/bare/',
    build: { outDir: path.join(OUT, 'bare'), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1200 },
  })
}

/** The pages Lighthouse scores; the bare MapLibre page (same layers, same API) is the limit for the two map pages. */
const TOWN = '410184100'
const LIGHTHOUSE_PAGES = ['/#/', `/#/town/${TOWN}`, '/#/indicators', '/#/compare', '/#/plan', '/#/data', '/bare/']
const NO_MAP = ['/#/indicators', '/#/compare', '/#/plan', '/#/data']
const MAP_PAGES = ['/#/', `/#/town/${TOWN}`]
/** The pages whose first visit's bytes are counted (bench/web-bytes.ts). */
const BYTE_PAGES = [...MAP_PAGES, ...NO_MAP]

/** Issue 14's Lighthouse goals (mobile), each stated as met or not. */
function lighthouseGoals(rows: LighthouseRow[]): string[] {
  const mobile = rows.filter((r) => r.preset === 'mobile')
  const at = (page: string) => mobile.find((r) => r.page === page)
  const bare = at('/bare/')
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met')
  const lines = ['Goals (mobile preset):', '']
  for (const page of NO_MAP) {
    const r = at(page)
    lines.push(`- \`${page}\` performance ≥ 90: ${r?.performance ?? '–'}, ${met((r?.performance ?? 0) >= 90)}`)
  }
  for (const page of ['/#/', `/#/town/${TOWN}`]) {
    const r = at(page)
    const within = (ours: number | null | undefined, limit: number | null | undefined) =>
      ours != null && limit != null && limit > 0 ? `${(ours / limit).toFixed(2)}× the bare page` : '–'
    const ok = (ours: number | null | undefined, limit: number | null | undefined) => ours != null && limit != null && ours <= 1.2 * Math.max(limit, 1)
    lines.push(
      `- \`${page}\` TBT and LCP within 1.2× of the bare page: TBT ${within(r?.tbtMs, bare?.tbtMs)}, LCP ${within(r?.lcpMs, bare?.lcpMs)}, ` +
        met(ok(r?.tbtMs, bare?.tbtMs) && ok(r?.lcpMs, bare?.lcpMs)),
    )
  }
  const ours = rows.filter((r) => r.page !== '/bare/')
  const below = (key: 'accessibility' | 'bestPractices') => ours.filter((r) => r[key] !== 100).map((r) => `${r.page} ${r.preset} ${r[key] ?? '–'}`)
  lines.push(`- accessibility 100 on every page: ${below('accessibility').length ? `NOT met (${below('accessibility').join(', ')})` : 'met'}`)
  lines.push(`- best practices 100 on every page: ${below('bestPractices').length ? `NOT met (${below('bestPractices').join(', ')})` : 'met'}`)
  return lines
}

/** BENCHMARKS-web.md: this run's figures, where and when they were measured. */
function writeBenchmarks(timings: string[], lighthouse: string): void {
  const cpus = os.cpus()
  const text = [
    '# Web benchmarks',
    '',
    `Written by \`npm run bench:web\` (bench/web-map.ts, bench/lighthouse.ts) on ${new Date().toISOString().slice(0, 10)}: ` +
      `${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, Debian's Chromium headless with software WebGL (SwiftShader), ` +
      'the embedded database, the production build served by the platform itself. Map pages are slow in absolute terms without a GPU, ' +
      'so they are compared with the bare MapLibre page (bench/web-bare) drawing the same layers from the same API in the same run.',
    '',
    '## Navigation to the map drawn, the JavaScript loaded, and the bytes of a first visit',
    '',
    '```',
    ...timings,
    '```',
    '',
    '## Lighthouse 12.2.3',
    '',
    lighthouse,
    '',
  ].join('\n')
  writeFileSync(path.join(ROOT, 'BENCHMARKS-web.md'), text)
  console.log('\nwrote BENCHMARKS-web.md')
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

async function main(): Promise<void> {
  process.stdout.write('building the county view and the bare page… ')
  await buildPages()
  mkdirSync(path.join(ROOT, '.tmp/bench-pgdata'), { recursive: true })
  process.stdout.write('starting the server… ')
  const app = await startApp(
    {
      host: '127.0.0.1',
      port: 0,
      database: { kind: 'pglite', dataDir: path.join(ROOT, '.tmp/bench-pgdata') },
      packages: [path.join(ROOT, 'db/data/xinzheng')],
      webRoot: OUT,
      logLevel: 'silent',
    },
    { logger: pino({ level: 'silent' }) },
  )
  await app.ready
  const browser = await launchChromium()
  console.log('measuring.\n')

  const scripts = new Map<string, number>()
  async function measure(url: string, recordScripts: boolean): Promise<number> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 })
    await context.addInitScript(HOOK)
    await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()))
    const page = await context.newPage()
    if (recordScripts) {
      page.on('response', async (response) => {
        const file = new URL(response.url()).pathname
        if (/\.m?js$/.test(file)) scripts.set(file, gzipSync(await response.body()).length)
      })
    }
    await page.goto(url, { waitUntil: 'commit' })
    await page.waitForFunction(() => (window as unknown as { __drawnAt?: number }).__drawnAt !== undefined, null, { timeout: 60_000 })
    const drawnAt = await page.evaluate(() => (window as unknown as { __drawnAt: number }).__drawnAt)
    await context.close()
    return drawnAt
  }

  /** The compare view: navigation → its table of all 15 towns on screen (data from compareRegions). */
  const compareScripts = new Map<string, number>()
  async function measureCompare(record: boolean): Promise<number> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 })
    await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()))
    const page = await context.newPage()
    if (record) {
      page.on('response', async (response) => {
        const file = new URL(response.url()).pathname
        if (/\.m?js$/.test(file)) compareScripts.set(file, gzipSync(await response.body()).length)
      })
    }
    await page.goto(`${app.url}/#/compare`, { waitUntil: 'commit' })
    await page.waitForFunction(
      () =>
        document.documentElement.dataset.page === 'compare' &&
        document.documentElement.dataset.pageReady === 'true' &&
        document.querySelectorAll('table tbody tr').length >= 15,
      null,
      { timeout: 60_000, polling: 10 },
    )
    const readyAt = await page.evaluate(() => performance.now())
    await context.close()
    return readyAt
  }

  const county: number[] = []
  const bare: number[] = []
  const compare: number[] = []
  // One warm-up each (the server's and Chromium's first time), then alternate.
  await measure(`${app.url}/#/`, false)
  await measure(`${app.url}/bare/`, false)
  for (let i = 0; i < RUNS; i++) {
    county.push(await measure(`${app.url}/#/`, i === 0))
    bare.push(await measure(`${app.url}/bare/`, false))
  }
  await measureCompare(false)
  for (let i = 0; i < RUNS; i++) compare.push(await measureCompare(i === 0))
  const bytes = await measureBytes(browser, app.url, BYTE_PAGES)
  await browser.close()
  const lighthouseRows = process.env.LIGHTHOUSE === '0' ? [] : await runLighthouse(app.url, LIGHTHOUSE_PAGES)
  await app.close()

  const out: string[] = []
  const log = (line = '') => {
    console.log(line)
    out.push(line)
  }
  const row = (name: string, xs: number[]) =>
    `  ${name.padEnd(34)} ${`${median(xs).toFixed(0)} ms`.padStart(8)} ${`${Math.min(...xs).toFixed(0)}`.padStart(6)} ${`${Math.max(...xs).toFixed(0)}`.padStart(6)}`
  const ratio = median(county) / median(bare)
  log(`Navigation → first idle with the data drawn (${RUNS} runs each, empty cache, headless Chromium + SwiftShader)`)
  log(`  ${''.padEnd(34)} ${'median'.padStart(8)} ${'min'.padStart(6)} ${'max'.padStart(6)}`)
  log(row('county view  /#/', county))
  log(row('bare MapLibre page  /bare/', bare))
  log(`  ratio county / bare: ${ratio.toFixed(2)} (goal ≤ 1.30) ${ratio <= 1.3 ? 'ok' : 'OVER'}`)
  log(row('compare view  /#/compare (table of 15 on screen)', compare))
  log(
    `  JavaScript the compare view loads: ${kb([...compareScripts.values()].reduce((a, b) => a + b, 0))} gzipped in all (MapLibre's files counted too, if any load)\n`,
  )

  const maplibre = [...scripts].filter(([file]) => /maplibre/.test(file))
  const own = [...scripts].filter(([file]) => !/maplibre/.test(file))
  const sum = (xs: [string, number][]) => xs.reduce((s, [, n]) => s + n, 0)
  log('JavaScript the county view loads (gzip -6 of each response):')
  for (const [file, size] of [...scripts].sort()) log(`  ${file.padEnd(48)} ${kb(size).padStart(10)}`)
  log(`  MapLibre (main + worker): ${kb(sum(maplibre))}`)
  log(`  our own code:             ${kb(sum(own))} (goal ≤ 100 KB) ${sum(own) <= 100 * 1024 ? 'ok' : 'OVER'}`)
  log('')
  for (const line of bytesReport(bytes, MAP_PAGES)) log(line)
  if (lighthouseRows.length) {
    const report = [lighthouseMarkdown(lighthouseRows), '', ...lighthouseGoals(lighthouseRows)].join('\n')
    console.log(`\n${report}`)
    writeBenchmarks(out, report)
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
