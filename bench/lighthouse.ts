/**
 * Lighthouse 12.2.3 (pinned: 13 needs Node 22) on the web app's pages, mobile and desktop presets, in
 * Debian's Chromium started by chrome-launcher with the tests' flags (software WebGL, nothing in the
 * background). Each page gets a fresh navigation with an empty cache (Lighthouse's default). Used by
 * `npm run bench:web`, which writes the scores and the top audits into BENCHMARKS-web.md.
 */
import * as chromeLauncher from 'chrome-launcher'
import lighthouse, { desktopConfig, type Flags, type RunnerResult } from 'lighthouse'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/setup/browser.ts'

export type Preset = 'mobile' | 'desktop'

/** One page's scores (0–100; null when Lighthouse could not compute one) and its top opportunities. */
export interface LighthouseRow {
  page: string
  preset: Preset
  performance: number | null
  accessibility: number | null
  bestPractices: number | null
  fcpMs: number | null
  lcpMs: number | null
  tbtMs: number | null
  cls: number | null
  /** Failed audits with the most weight, titles as Lighthouse gives them. */
  top: string[]
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices']

function score(result: RunnerResult, category: string): number | null {
  const s = result.lhr.categories[category]?.score
  return typeof s === 'number' ? Math.round(s * 100) : null
}

function numeric(result: RunnerResult, audit: string): number | null {
  const v = result.lhr.audits[audit]?.numericValue
  return typeof v === 'number' ? v : null
}

/** The failed audits (score < 0.9) that weigh most in the page's categories, at most `n`. */
function topAudits(result: RunnerResult, n = 4): string[] {
  const weights = new Map<string, number>()
  for (const id of CATEGORIES) for (const ref of result.lhr.categories[id]?.auditRefs ?? []) weights.set(ref.id, (weights.get(ref.id) ?? 0) + ref.weight)
  return Object.values(result.lhr.audits)
    .filter((a) => typeof a.score === 'number' && a.score < 0.9 && (weights.get(a.id) ?? 0) > 0)
    .sort((a, b) => (weights.get(b.id) ?? 0) - (weights.get(a.id) ?? 0))
    .slice(0, n)
    .map((a) => `${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`)
}

/** Runs Lighthouse on each of `pages` (paths with their hash, e.g. `/#/indicators`) under `base`, in both presets. */
export async function runLighthouse(base: string, pages: string[], presets: Preset[] = ['mobile', 'desktop']): Promise<LighthouseRow[]> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] })
  const rows: LighthouseRow[] = []
  try {
    for (const preset of presets) {
      for (const page of pages) {
        const flags: Flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES }
        // A run Lighthouse could not finish (lhr.runtimeError, e.g. a protocol timeout on a loaded machine) is run
        // once more; if it fails again, its error is what the row reports.
        let result: RunnerResult | undefined
        for (let attempt = 0; attempt < 2 && (!result || result.lhr.runtimeError); attempt++) {
          result = await lighthouse(`${base}${page}`, flags, preset === 'desktop' ? desktopConfig : undefined)
        }
        if (!result) throw new Error(`Lighthouse gave no result for ${page} (${preset})`)
        const failed = result.lhr.runtimeError
        rows.push({
          page,
          preset,
          performance: score(result, 'performance'),
          accessibility: score(result, 'accessibility'),
          bestPractices: score(result, 'best-practices'),
          fcpMs: numeric(result, 'first-contentful-paint'),
          lcpMs: numeric(result, 'largest-contentful-paint'),
          tbtMs: numeric(result, 'total-blocking-time'),
          cls: numeric(result, 'cumulative-layout-shift'),
          top: failed ? [`Lighthouse could not finish the run twice: ${failed.code} (${failed.message})`] : topAudits(result),
        })
      }
    }
  } finally {
    chrome.kill()
  }
  return rows
}

const ms = (v: number | null) => (v === null ? '–' : `${Math.round(v)} ms`)
const num = (v: number | null) => (v === null ? '–' : String(v))

/** The rows as a Markdown table, then each page's top audits. */
export function lighthouseMarkdown(rows: LighthouseRow[]): string {
  const head = '| page | preset | performance | accessibility | best practices | FCP | LCP | TBT | CLS |\n|---|---|---|---|---|---|---|---|---|'
  const body = rows.map(
    (r) =>
      `| \`${r.page}\` | ${r.preset} | ${num(r.performance)} | ${num(r.accessibility)} | ${num(r.bestPractices)} | ${ms(r.fcpMs)} | ${ms(r.lcpMs)} | ${ms(r.tbtMs)} | ${r.cls === null ? '–' : r.cls.toFixed(3)} |`,
  )
  const audits = rows.filter((r) => r.top.length).map((r) => `- \`${r.page}\` (${r.preset}): ${r.top.join('; ')}`)
  return [head, ...body, '', 'Top failed audits (by weight):', '', ...(audits.length ? audits : ['- none'])].join('\n')
}
