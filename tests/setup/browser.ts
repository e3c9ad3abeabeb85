/**
 * Headless Chromium (Debian's, never a downloaded one) and a fresh build of the web app, for the
 * end-to-end tests and `npm run bench:web`.
 */
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { ROOT } from './templates.ts'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Software WebGL (SwiftShader), no GPU, nothing in the background that would reach the network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
]

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS })
}

/** Latest change of a file or folder of the app's sources (unit tests left out). */
function newestMtime(target: string): number {
  const info = statSync(target)
  if (!info.isDirectory()) return target.endsWith('.test.ts') ? 0 : info.mtimeMs
  return Math.max(info.mtimeMs, ...readdirSync(target).map((name) => newestMtime(path.join(target, name))))
}

/**
 * A build of the web app no older than its sources: web/dist when it is fresh, otherwise a new
 * build into `fallbackOutDir` (web/dist is left alone: a running server may be serving it).
 * Returns the folder to serve.
 */
export async function freshWebBuild(fallbackOutDir = path.join(ROOT, '.tmp/web-dist-test')): Promise<string> {
  const sources = Math.max(...['web/index.html', 'web/src', 'web/vite.config.ts', 'package-lock.json'].map((p) => newestMtime(path.join(ROOT, p))))
  const dist = path.join(ROOT, 'web/dist')
  try {
    if (statSync(path.join(dist, 'index.html')).mtimeMs >= sources) return dist
  } catch {
    // no build yet
  }
  // One build per state of the sources, shared by the test files running at once: each builds into its
  // own folder and renames it into place, so that none serves (or empties) a folder another is writing.
  const target = `${fallbackOutDir}-${Math.floor(sources)}`
  if (existsSync(path.join(target, 'index.html'))) return target
  const scratch = `${target}.${process.pid}-${Math.random().toString(36).slice(2)}`
  const { build } = await import('vite')
  await build({ configFile: path.join(ROOT, 'web/vite.config.ts'), logLevel: 'warn', build: { outDir: scratch, emptyOutDir: true } })
  try {
    renameSync(scratch, target)
  } catch {
    // Another file's build got there first: use it.
    rmSync(scratch, { recursive: true, force: true })
  }
  return target
}

/** Whether Debian's Chromium is installed here (browser tests are skipped without it). */
export const hasChromium = existsSync(CHROMIUM_PATH)

/** The same as {@link launchChromium}. */
export const launchBrowser = launchChromium

export interface WatchedPage {
  page: Page
  /** Requests to anything but 127.0.0.1 / localhost, which were blocked. */
  external: string[]
  consoleErrors: string[]
}

/** Blocks every request of `context` that would leave this machine; returns the list of those blocked. */
export async function blockExternal(context: BrowserContext): Promise<string[]> {
  const external: string[] = []
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url())
    if (['127.0.0.1', 'localhost'].includes(url.hostname) || ['data:', 'blob:'].includes(url.protocol)) return route.continue()
    external.push(url.href)
    return route.abort()
  })
  return external
}

/** Collects the page's console errors and uncaught exceptions. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  page.on('pageerror', (e) => errors.push(String(e)))
  return errors
}

/** A page in a fresh context, with every request that leaves 127.0.0.1 blocked and counted, and console errors collected. */
export async function openPage(browser: Browser): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const external = await blockExternal(context)
  const page = await context.newPage()
  return { page, external, consoleErrors: collectErrors(page) }
}
