/** Opening a page of the web app in a language, for the browser tests of what each language shows (tests/web/*-language.test.ts). */
import type { Page } from 'playwright-core'
import { expect } from 'vitest'

export type Lang = 'zh' | 'en'

const langOf = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en')

/** The route name app.ts writes to `data-page` when a page without a map is drawn (`#/gi/x` → `gi`). */
export const routeName = (hash: string) => hash.slice(2).split(/[/?]/)[0]

/**
 * Opens `hash` in `lang` as a returning visitor arrives with it (the stored choice, then a fresh load), so the page
 * is drawn once in that language; a town page with its first station's popup open (the popup shows the station's
 * facts). Returns the page's visible text. The generous timeouts are for a loaded CI machine.
 */
export async function openInLanguage(page: Page, base: string, hash: string, lang: Lang): Promise<string> {
  // Through another document, so that the page is loaded afresh: from the app's own address, a goto that
  // changes only the hash would be a navigation inside the page the test before left behind.
  await page.goto(`${base}/healthz`)
  await page.evaluate((l) => localStorage.setItem('ipmap.lang', l), lang)
  await page.goto(`${base}/?lang-${lang}${hash}`)
  const town = hash.startsWith('#/town/')
  if (town) {
    await page.waitForSelector(`[data-town-code="${hash.split('/')[2]}"]`, { timeout: 90_000 })
    // Until the app sets it, `window.map` is the map's <div id="map"> (named access), which has no loaded().
    await page.waitForFunction(() => (window as any).map?.loaded?.(), undefined, { timeout: 90_000 })
  } else {
    // This page's own name and its readiness: a flag left by the page before is not taken for this one's.
    await page.waitForFunction(
      (name) => document.documentElement.dataset.page === name && document.documentElement.dataset.pageReady === 'true',
      routeName(hash),
      { timeout: 90_000 },
    )
  }
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(langOf(lang))
  if (town) {
    await page
      .locator('.point-list button', { hasText: lang === 'zh' ? '在地图上显示' : 'Show on the map' })
      .first()
      .click()
    await page.locator('.maplibregl-popup').waitFor()
  }
  return page.evaluate(() => document.body.innerText)
}
