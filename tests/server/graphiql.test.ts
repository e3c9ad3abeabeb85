/** The offline GraphQL explorer at /graphiql runs an example query in a real browser with the network unplugged. */
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasChromium, launchBrowser, openPage } from '../setup/browser.ts'
import { backend } from '../setup/database.ts'
import { startTestServer, type TestServer } from '../setup/server.ts'
import { ROOT } from '../setup/templates.ts'

describe.runIf(backend === 'pglite' && hasChromium)('/graphiql', () => {
  let server: TestServer
  let browser: Browser
  beforeAll(async () => {
    if (!existsSync(path.join(ROOT, 'web/graphiql/dist/index.html'))) {
      const { build } = await import('vite')
      await build({ configFile: path.join(ROOT, 'web/graphiql/vite.config.ts'), logLevel: 'error' })
    }
    server = await startTestServer()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('loads from our server alone and runs the first example query', async () => {
    const { page, external, consoleErrors } = await openPage(browser)
    await page.goto(`${server.url}/graphiql`)
    await page.locator('.graphiql-execute-button').waitFor({ timeout: 30_000 })
    const result = page.locator('.result-window')
    // The button works once the editors have mounted: press it until the result shows.
    await expect
      .poll(
        async () => {
          await page.locator('.graphiql-execute-button').click()
          await page.waitForTimeout(300)
          return result.innerText()
        },
        { timeout: 30_000, interval: 200 },
      )
      .toContain('invention-patents-in-force')
    expect(await result.innerText()).toContain('1775')
    // Every example is there as a tab.
    expect(await page.locator('.graphiql-tab').allInnerTexts()).toEqual(['Indicators', 'StationsInTown', 'Nearest', 'CompareTowns', 'MapLayer'])
    await page.screenshot({ path: path.join(ROOT, '.tmp/screenshots/graphiql.png') })
    expect(external).toEqual([])
    expect(consoleErrors).toEqual([])
  })
})
