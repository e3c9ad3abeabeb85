/** The offline GraphQL explorer at /graphiql runs an example query in a real browser with the network unplugged. */
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasChromium, launchBrowser, openPage } from '../setup/browser.ts'
import { backend } from '../setup/database.ts'
import { startTestServer, type TestServer } from '../setup/server.ts'
import { ROOT } from '../setup/templates.ts'

/** Whether the built explorer predates its sources (web/graphiql/*.ts, index.html). */
function olderThanSources(): boolean {
  const dir = path.join(ROOT, 'web/graphiql')
  const sources = Math.max(
    ...readdirSync(dir)
      .filter((f) => /\.(ts|html)$/.test(f))
      .map((f) => statSync(path.join(dir, f)).mtimeMs),
  )
  return statSync(path.join(dir, 'dist/index.html')).mtimeMs < sources
}

describe.runIf(backend === 'pglite' && hasChromium)('/graphiql', () => {
  let server: TestServer
  let browser: Browser
  beforeAll(async () => {
    if (!existsSync(path.join(ROOT, 'web/graphiql/dist/index.html')) || olderThanSources()) {
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

  /** Presses the run button until the result shows `expected` (it works once the editors have mounted); returns the result. */
  async function runUntilResult(page: Page, expected: string): Promise<string> {
    const result = page.locator('.result-window')
    await expect
      .poll(
        async () => {
          await page.locator('.graphiql-execute-button').click()
          await page.waitForTimeout(300)
          return result.innerText()
        },
        { timeout: 30_000, interval: 200 },
      )
      .toContain(expected)
    return result.innerText()
  }

  it('loads from our server alone and runs the first example query', async () => {
    const { page, external, consoleErrors } = await openPage(browser)
    await page.goto(`${server.url}/graphiql`)
    await page.locator('.graphiql-execute-button').waitFor({ timeout: 30_000 })
    const result = await runUntilResult(page, 'invention-patents-in-force')
    expect(result).toContain('1775')
    // Every example is there as a tab.
    expect(await page.locator('.graphiql-tab').allInnerTexts()).toEqual(['Indicators', 'StationsInTown', 'Nearest', 'CompareTowns', 'MapLayer'])
    await page.screenshot({ path: path.join(ROOT, '.tmp/screenshots/graphiql.png') })
    expect(external).toEqual([])
    expect(consoleErrors).toEqual([])
  })

  it('opens a query given in its address (?query=, as #/data links) in a tab of its own, and runs it', async () => {
    const { page, external, consoleErrors } = await openPage(browser)
    const query = 'query TaskCodes {\n  tasks { code }\n}\n'
    await page.goto(`${server.url}/graphiql/?${new URLSearchParams({ query }).toString()}`)
    await page.locator('.graphiql-execute-button').waitFor({ timeout: 30_000 })
    await expect(page.locator('.graphiql-tab-active').innerText()).resolves.toBe('TaskCodes')
    // The examples are still there.
    expect(await page.locator('.graphiql-tab').allInnerTexts()).toEqual(['TaskCodes', 'Indicators', 'StationsInTown', 'Nearest', 'CompareTowns', 'MapLayer'])
    await runUntilResult(page, '4.1.1')
    expect(external).toEqual([])
    expect(consoleErrors).toEqual([])
  })
})
