import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { STRINGS, tIn } from './i18n.ts'
import { LATE_TABLES } from './locale/late.ts'

const SRC = fileURLToPath(new URL('..', import.meta.url))

/** Chinese characters and CJK or full-width punctuation (、，。：；（）“”). */
const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/

/** The locale tables: the only place for user-visible words (enum-labels.ts holds the enum values' labels, keyed by value). */
const TABLES = [...readdirSync(path.join(SRC, 'lib/locale')).map((name) => `lib/locale/${name}`), 'lib/i18n.ts', 'lib/enum-labels.ts']

/**
 * Data-like text that may stay in code, each with its reason: a line with Chinese outside the tables
 * must match one of its file's patterns.
 */
const ALLOWED: { file: string; line: RegExp; reason: string }[] = [
  { file: 'lib/pinyin.ts', line: /^\s+'[^']*' \+?$|^\s+'[^']*'$/, reason: 'the pinyin of the characters in the dataset’s names (search data)' },
  { file: 'map/basemap.ts', line: /^export const TIANDITU_ATTRIBUTION = /, reason: '天地图’s attribution, written as its terms ask' },
  {
    file: 'map/layers.ts',
    line: /^\s+attribution: '县界派生自高德地图数据/,
    reason: 'the boundaries’ attribution, both languages in one (MapLibre shows one per source)',
  },
  {
    file: 'leaders/format.ts',
    line: /^\s+(件|家|个|元|人次|次|场次): '|万\$\{u\.unit\}/,
    reason: 'the plan’s units (件, 家, 万 …), data as the plan writes them',
  },
  {
    file: 'leaders/format.ts',
    line: /^\s+(AT_LEAST|MORE_THAN|EXACT|RANGE): \['/,
    reason: 'enum labels (Comparator): moving to web/src/lib/enum-labels.ts with the other enums',
  },
  {
    file: 'leaders/indicators-page.ts',
    line: /^\s+(CREATION|UTILIZATION|PROTECTION|SERVICE|AWARENESS|MANAGEMENT): \['|STOCK: \['/,
    reason: 'enum labels (IndicatorCategory, accumulation): moving to web/src/lib/enum-labels.ts',
  },
  {
    file: 'leaders/open-data.ts',
    line: /^\s+'?[\w-]+'?: '[^']*',$/,
    reason: 'Chinese names of the bundled package’s resources (their English titles come from the package)',
  },
  {
    file: 'leaders/value-units.ts',
    line: /units\.push\(\{ unit: `(万|亿)\$\{i\.unit\}`/,
    reason: 'the scaled units a value may be typed in (万件, 亿元), as server/src/indicator/units.ts accepts them',
  },
  { file: 'leaders/gi-page.ts', line: /\.match\(\/\[\^。；\]\+\[。；\]\?\/g\)/, reason: 'splits the plan’s Chinese text into sentences at 。 and ；' },
  { file: 'leaders/plan-page.ts', line: /\.join\('、'\)/, reason: 'joins the responsible bodies as the plan writes them (Chinese text only)' },
]

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return sourceFiles(full)
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts') ? [full] : []
  })
}

/** The code of a file without its comments (`//` to the end of a line outside strings, and `/* … *\/`). */
function withoutComments(text: string): string[] {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .split('\n')
    .map((line) => line.replace(/(^|[^:'"`\\])\/\/.*$/, '$1'))
}

describe('i18n', () => {
  it('has every key in both languages, with the same placeholders', () => {
    const problems: string[] = []
    for (const [key, text] of Object.entries({ ...STRINGS, ...Object.assign({}, ...Object.values(LATE_TABLES)) } as Record<
      string,
      { zh: string; en: string }
    >)) {
      if (!text.zh?.trim() || !text.en?.trim()) problems.push(`${key}: missing ${!text.zh?.trim() ? 'zh' : 'en'}`)
      const names = (s: string) =>
        [...s.matchAll(/\{(\w+)\}/g)]
          .map((m) => m[1])
          .sort()
          .join()
      if (names(text.zh ?? '') !== names(text.en ?? '')) problems.push(`${key}: placeholders differ (${names(text.zh)} / ${names(text.en)})`)
    }
    expect(problems).toEqual([])
  })

  it('knows a late table (progress) once the module that uses it has loaded, and shows its keys as themselves before', async () => {
    expect(Object.keys(STRINGS).some((key) => key.startsWith('progress.'))).toBe(false)
    expect(tIn('en', 'progress.status.ACHIEVED')).toBe('progress.status.ACHIEVED')
    await import('../leaders/indicator-summary.ts')
    expect(tIn('en', 'progress.status.ACHIEVED')).toBe('Achieved')
    expect(tIn('zh', 'progress.status.ACHIEVED')).toBe('已实现目标')
  })

  it('fills placeholders in the language asked for', async () => {
    await import('../leaders/history-page.ts')
    expect(tIn('zh', 'history.count', { n: 22 })).toBe('共 22 条修改记录，最新的在前')
    expect(tIn('en', 'history.count', { n: 22 })).toBe('22 changes, newest first')
  })

  it('has no user-visible Chinese outside the locale tables (web/src/**/*.ts), but for the allowed data-like text', () => {
    const found: string[] = []
    for (const file of sourceFiles(SRC)) {
      const rel = path.relative(SRC, file).split(path.sep).join('/')
      if (TABLES.includes(rel)) continue
      const allowed = ALLOWED.filter((a) => a.file === rel)
      withoutComments(readFileSync(file, 'utf8')).forEach((line, i) => {
        if (CJK.test(line) && !allowed.some((a) => a.line.test(line))) found.push(`${rel}:${i + 1}: ${line.trim().slice(0, 100)}`)
      })
    }
    expect(found).toEqual([])
  })

  it('has no inline two-language text (L(zh, en)) outside the tables', () => {
    const found: string[] = []
    for (const file of sourceFiles(SRC)) {
      const rel = path.relative(SRC, file).split(path.sep).join('/')
      if (TABLES.includes(rel)) continue
      withoutComments(readFileSync(file, 'utf8')).forEach((line, i) => {
        if (/\bL\(/.test(line)) found.push(`${rel}:${i + 1}: ${line.trim().slice(0, 100)}`)
      })
    }
    expect(found).toEqual([])
  })

  it('has each late table added by every module that uses its words (so that none shows a key for a word)', () => {
    // A key is used by a string literal holding it, or by a template starting with its beginning (`feedback.kind.${k}`).
    const uses = (code: string, key: string) =>
      code.includes(`'${key}'`) ||
      code.includes(`"${key}"`) ||
      code.includes(`\`${key}\``) ||
      [...code.matchAll(/`([\w.-]+)\$\{/g)].some((m) => key.startsWith(m[1]))
    const missing: string[] = []
    for (const file of sourceFiles(SRC)) {
      const rel = path.relative(SRC, file).split(path.sep).join('/')
      if (TABLES.includes(rel)) continue
      const code = withoutComments(readFileSync(file, 'utf8')).join('\n')
      for (const [name, table] of Object.entries(LATE_TABLES)) {
        const used = Object.keys(table).filter((key) => uses(code, key))
        if (used.length && !code.includes(`addStrings(${name})`)) missing.push(`${rel} uses ${used[0]} but does not add ${name}`)
      }
    }
    expect(missing).toEqual([])
    // And the check can fail: a module using a late word without its table is found.
    expect(uses("t('compare.title')", 'compare.title')).toBe(true)
  })

  it("keeps the late tables out of the shell: the shell's table holds none of their keys", () => {
    const late = new Set(Object.values(LATE_TABLES).flatMap((table) => Object.keys(table)))
    expect(Object.keys(STRINGS).filter((key) => late.has(key))).toEqual([])
  })
})
