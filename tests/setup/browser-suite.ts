/** One browser, one server and one watched page for a browser test file (tests/web/). */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { blockExternal, collectErrors, freshWebBuild, launchChromium } from './browser.ts'
import { startTestServer, type TestServer } from './server.ts'
import { ROOT } from './templates.ts'

/** Where browser tests save their screenshots. */
export const SCREENSHOTS = path.join(ROOT, '.tmp/screenshots')

export interface BrowserSuite {
  /** The fresh web build the server serves. */
  webRoot: string
  browser: Browser
  server: TestServer
  context: BrowserContext
  page: Page
  /** Requests that tried to leave 127.0.0.1 (all blocked). */
  external: string[]
  /** Console errors and uncaught page errors. */
  errors: string[]
  close(): Promise<void>
}

/**
 * Builds the web app (when stale), launches Chromium and starts a server over a clone of the
 * seeded database; the page's context blocks every request off 127.0.0.1 and counts it.
 */
export async function openBrowserSuite(
  options: { server?: (webRoot: string) => Parameters<typeof startTestServer>[0]; context?: BrowserContextOptions } = {},
): Promise<BrowserSuite> {
  const [webRoot, browser] = await Promise.all([freshWebBuild(), launchChromium()])
  let server: TestServer
  try {
    server = await startTestServer(options.server?.(webRoot) ?? { webRoot })
  } catch (error) {
    await browser.close()
    throw error
  }
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, locale: 'zh-CN', ...options.context })
  const external = await blockExternal(context)
  const page = await context.newPage()
  const errors = collectErrors(page)
  mkdirSync(SCREENSHOTS, { recursive: true })
  return {
    webRoot,
    browser,
    server,
    context,
    page,
    external,
    errors,
    async close() {
      await browser.close()
      await server.close()
    },
  }
}
