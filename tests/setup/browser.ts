/**
 * Headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core, with every request
 * that leaves 127.0.0.1 blocked and counted, and console errors collected.
 */
import { existsSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const hasChromium = existsSync(CHROMIUM)

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run',
    ],
  })
}

export interface WatchedPage {
  page: Page
  /** Requests to anything but 127.0.0.1 / localhost, which were blocked. */
  external: string[]
  consoleErrors: string[]
}

export async function openPage(browser: Browser): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  const external: string[] = []
  const consoleErrors: string[] = []
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url())
    const local = ['127.0.0.1', 'localhost'].includes(url.hostname) || ['data:', 'blob:'].includes(url.protocol)
    if (local) return route.continue()
    external.push(url.href)
    return route.abort()
  })
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text())
  })
  page.on('pageerror', (e) => consoleErrors.push(String(e)))
  return { page, external, consoleErrors }
}
