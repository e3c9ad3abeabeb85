/**
 * `npm run bench:web`: how fast the county view gets drawn, side by side with a bare MapLibre page
 * drawing the same GeoJSON layers from the same API (the limit), and how much JavaScript it loads.
 *
 * Both pages are built with Vite, served by the platform's own server (embedded database in
 * .tmp/bench-pgdata) and loaded in headless Chromium (software WebGL) with an empty cache, taking
 * turns. "Drawn" is the map's first `idle` once the regions, service points and GI areas are in
 * their sources. Not a test: it prints figures. Options: RUNS (default 7).
 */
import 'reflect-metadata'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { pino } from 'pino'
import { build } from 'vite'
import { startApp } from '../server/src/app.ts'
import { ROOT } from '../server/src/config.ts'
import { launchChromium } from '../tests/setup/browser.ts'

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
  await browser.close()
  await app.close()

  const row = (name: string, xs: number[]) =>
    `  ${name.padEnd(34)} ${`${median(xs).toFixed(0)} ms`.padStart(8)} ${`${Math.min(...xs).toFixed(0)}`.padStart(6)} ${`${Math.max(...xs).toFixed(0)}`.padStart(6)}`
  const ratio = median(county) / median(bare)
  console.log(`Navigation → first idle with the data drawn (${RUNS} runs each, empty cache, headless Chromium + SwiftShader)`)
  console.log(`  ${''.padEnd(34)} ${'median'.padStart(8)} ${'min'.padStart(6)} ${'max'.padStart(6)}`)
  console.log(row('county view  /#/', county))
  console.log(row('bare MapLibre page  /bare/', bare))
  console.log(`  ratio county / bare: ${ratio.toFixed(2)} (goal ≤ 1.30) ${ratio <= 1.3 ? 'ok' : 'OVER'}`)
  console.log(row('compare view  /#/compare (table of 15 on screen)', compare))
  console.log(`  JavaScript the compare view loads: ${kb([...compareScripts.values()].reduce((a, b) => a + b, 0))} gzipped in all (MapLibre included)\n`)

  const maplibre = [...scripts].filter(([file]) => /maplibre/.test(file))
  const own = [...scripts].filter(([file]) => !/maplibre/.test(file))
  const sum = (xs: [string, number][]) => xs.reduce((s, [, n]) => s + n, 0)
  console.log('JavaScript the county view loads (gzip -6 of each response):')
  for (const [file, size] of [...scripts].sort()) console.log(`  ${file.padEnd(48)} ${kb(size).padStart(10)}`)
  console.log(`  MapLibre (main + worker): ${kb(sum(maplibre))}`)
  console.log(`  our own code:             ${kb(sum(own))} (goal ≤ 100 KB) ${sum(own) <= 100 * 1024 ? 'ok' : 'OVER'}`)
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
