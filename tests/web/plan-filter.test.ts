/**
 * #/plan's filter by progress and the task ↔ indicator links in Chromium: a steward reports one task's
 * status through the API; the chips count each status, filtering shows that task alone and announces
 * "显示 1 / 19 项", the choice stays in the address across a reload and back from another page, a task's indicator link
 * opens its card on #/indicators and the card's task link comes back. axe (WCAG 2 A/AA) finds nothing serious.
 */
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createToken } from '../../server/src/auth/token.repository.ts'
import { openBrowserSuite, type BrowserSuite } from '../setup/browser-suite.ts'
import { backend } from '../setup/database.ts'
import { openPage, waitForPage } from '../setup/stewards.ts'

describe.runIf(backend === 'pglite')('#/plan: filter by progress, tasks linked to their indicators', () => {
  let suite: BrowserSuite
  let page: Page
  let total: number

  beforeAll(async () => {
    suite = await openBrowserSuite()
    page = suite.page
    const editor = (await createToken(suite.server.db, 'browser-plan-filter', 'editor', { purpose: '市场监管局' })).token
    total = (await suite.server.query('{ tasks { code } }')).data.tasks.length
    const response = await fetch(`${suite.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${editor}` },
      body: JSON.stringify({
        query: `mutation ($input: PlanTaskStatusInput!) { setPlanTaskStatus(input: $input) { code statuses { status } } }`,
        variables: { input: { task: '4.2.2', status: 'IN_PROGRESS', date: '2026-11-30', note: '浏览器测试 browser test' } },
      }),
    })
    const body = (await response.json()) as { data?: { setPlanTaskStatus: { statuses: { status: string }[] } }; errors?: unknown }
    expect(body.errors).toBeUndefined()
    expect(body.data!.setPlanTaskStatus.statuses.map((s) => s.status)).toEqual(['IN_PROGRESS'])
  }, 240_000)
  afterAll(() => suite?.close())

  const chip = (status: string) => page.locator(`.plan-status-filter button[data-status="${status}"]`)
  const shownCodes = () => page.locator('li.task').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.code))

  it('counts each status on its chip and filters by one, announcing how many are shown', async () => {
    await openPage(page, suite.server.url, '#/plan')
    await expect(chip('all').innerText()).resolves.toBe(`全部 (${total})`)
    await expect(chip('none').innerText()).resolves.toBe(`未更新 (${total - 1})`)
    await expect(chip('IN_PROGRESS').innerText()).resolves.toBe('进行中 (1)')
    await expect(chip('DONE').innerText()).resolves.toBe('已完成 (0)')
    await expect(page.locator('#plan-count').innerText()).resolves.toBe(`显示 ${total} / ${total} 项`)

    // By keyboard: focus the chip and press Enter.
    await chip('IN_PROGRESS').focus()
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => location.hash === '#/plan?status=IN_PROGRESS')
    await waitForPage(page, 'plan')
    await expect(shownCodes()).resolves.toEqual(['4.2.2'])
    await expect(page.locator('#plan-count').innerText()).resolves.toBe(`显示 1 / ${total} 项`)
    await expect(chip('IN_PROGRESS').getAttribute('aria-pressed')).resolves.toBe('true')

    await chip('none').click()
    await page.waitForFunction(() => location.hash === '#/plan?status=none')
    await waitForPage(page, 'plan')
    const unreported = await shownCodes()
    expect(unreported).toHaveLength(total - 1)
    expect(unreported).not.toContain('4.2.2')
  })

  it('keeps the filter in the address across a reload, and back from another page', async () => {
    await openPage(page, suite.server.url, '#/plan?status=IN_PROGRESS')
    await page.reload()
    await waitForPage(page, 'plan')
    await expect(shownCodes()).resolves.toEqual(['4.2.2'])
    await expect(page.locator('#plan-count').innerText()).resolves.toBe(`显示 1 / ${total} 项`)
    // A chip replaces the address (a filter is no new page); leaving for another page and coming back keeps it.
    await page.locator('li.task[data-code="4.2.2"] .task-indicators a').first().click()
    await waitForPage(page, 'indicators')
    await page.goBack()
    await page.waitForFunction(() => location.hash === '#/plan?status=IN_PROGRESS')
    await waitForPage(page, 'plan')
    await expect(shownCodes()).resolves.toEqual(['4.2.2'])
    await expect(chip('IN_PROGRESS').getAttribute('aria-pressed')).resolves.toBe('true')
  })

  it('links a task to its indicators with their status, says 未关联指标 where none, and the card links back', async () => {
    await openPage(page, suite.server.url, '#/plan')
    await expect(page.locator('li.task[data-code="4.1.1"] .task-indicators').innerText()).resolves.toContain('未关联指标')
    const link = page.locator('li.task[data-code="4.2.2"] .task-indicators a[data-indicator="high-tech-enterprises"]')
    await expect(link.innerText()).resolves.toBe('高新技术企业')
    await expect(page.locator('li.task[data-code="4.2.2"] .task-indicators li').first().innerText()).resolves.toContain('无数据')
    const violations = (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()).violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    )
    expect(violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`)).toEqual([])

    await link.click()
    await page.waitForFunction(() => location.hash === '#/indicators?focus=high-tech-enterprises')
    await waitForPage(page, 'indicators')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('ind-high-tech-enterprises-title')
    const back = page.locator('article#ind-high-tech-enterprises .indicator-tasks a[data-task="4.2.2"]')
    await expect(back.innerText()).resolves.toContain('实施知识产权强企培育工程')
    await expect(page.locator('article#ind-pct-applications .indicator-tasks').innerText()).resolves.toContain('未关联任务')

    await back.click()
    await page.waitForFunction(() => location.hash === '#/plan?focus=4.2.2')
    await waitForPage(page, 'plan')
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('li.task')?.getAttribute('data-code'))).toBe('4.2.2')
  })
})
