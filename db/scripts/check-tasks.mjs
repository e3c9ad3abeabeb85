#!/usr/bin/env node
// Checks db/data/xinzheng/{departments,tasks,task-departments,task-indicators}.csv against the plan text.
// Usage: node db/scripts/check-tasks.mjs [path/to/work-plan.zh.txt]
//   (or set PLAN_TEXT; default ../shared/source/work-plan.zh.txt beside the repository)
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'csv-parse/sync'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const dataDir = path.join(root, 'db', 'data', 'xinzheng')
const planPath = process.argv[2] ?? process.env.PLAN_TEXT ?? new URL('../../../shared/source/work-plan.zh.txt', import.meta.url).pathname

// Department names that are labels built from the plan's wording rather than verbatim
// names; each must still be backed by a phrase that does occur in the plan.
const CONSTRUCTED_NAMES = {
  'leading-group-office': { name: '领导小组办公室', backedBy: '领导小组下设办公室' },
}

const failures = []
const fail = (msg) => failures.push(msg)
const flat = (s) => s.replace(/\s+/g, '')

const plan = fs.readFileSync(planPath, 'utf8')
const planFlat = flat(plan)
const inPlan = (s) => s !== '' && planFlat.includes(flat(s))

function load(file, header) {
  const raw = fs.readFileSync(path.join(dataDir, file), 'utf8')
  if (raw.charCodeAt(0) === 0xfeff) fail(`${file}: starts with a BOM`)
  if (raw.includes('\r')) fail(`${file}: contains CR characters (expected LF line endings)`)
  const rows = parse(raw, { columns: false, skip_empty_lines: true })
  const got = rows[0] ?? []
  if (got.join(',') !== header.join(',')) fail(`${file}: header is "${got.join(',')}", expected "${header.join(',')}"`)
  return rows.slice(1).map((r, i) => {
    if (r.length !== header.length) fail(`${file} row ${i + 2}: ${r.length} fields, expected ${header.length}`)
    return Object.fromEntries(header.map((h, j) => [h, r[j] ?? '']))
  })
}

function unique(rows, key, file) {
  const seen = new Set()
  for (const r of rows) {
    const k = typeof key === 'function' ? key(r) : r[key]
    if (seen.has(k)) fail(`${file}: duplicate key ${k}`)
    seen.add(k)
  }
}

const depts = load('departments.csv', ['code', 'name_zh', 'name_en', 'kind', 'member_of', 'aliases', 'source', 'note'])
const tasks = load('tasks.csv', ['code', 'part', 'section_label', 'section_title', 'number', 'title', 'text', 'responsibility_as_written', 'source'])
const links = load('task-departments.csv', ['task_code', 'department_code', 'as_written', 'source'])
const indicatorCodes = new Set(
  load('indicators.csv', [
    'code',
    'position',
    'name_zh',
    'name_en',
    'unit',
    'display_unit',
    'display_factor',
    'category',
    'nature',
    'accumulation',
    'comparator',
    'plan_table_row',
    'plan_annex_row',
    'source',
    'note',
  ]).map((i) => i.code),
)
const taskIndicators = load('task-indicators.csv', ['task_code', 'indicator_code', 'source'])

// --- departments ---
unique(depts, 'code', 'departments.csv')
const deptCodes = new Set(depts.map((d) => d.code))
const KINDS = new Set(['LEADING_GROUP', 'OFFICE', 'UNIT', 'TOWNSHIPS'])
const nameOwner = new Map()
for (const d of depts) {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(d.code)) fail(`departments.csv ${d.code}: code is not lowercase kebab-case`)
  if (!KINDS.has(d.kind)) fail(`departments.csv ${d.code}: unknown kind ${d.kind}`)
  if (d.member_of && !deptCodes.has(d.member_of)) fail(`departments.csv ${d.code}: member_of ${d.member_of} is not a department code`)
  if (!d.name_en) fail(`departments.csv ${d.code}: empty name_en`)
  if (!d.source) fail(`departments.csv ${d.code}: empty source`)
  const names = [d.name_zh, ...(d.aliases ? d.aliases.split('|') : [])]
  for (const n of names) {
    if (nameOwner.has(n) && nameOwner.get(n) !== d.code) fail(`departments.csv: name/alias ${n} used by both ${nameOwner.get(n)} and ${d.code}`)
    nameOwner.set(n, d.code)
    const c = CONSTRUCTED_NAMES[d.code]
    if (c && c.name === n) {
      if (!inPlan(c.backedBy)) fail(`departments.csv ${d.code}: constructed name ${n} is not backed by "${c.backedBy}" in the plan`)
      continue
    }
    if (!inPlan(n)) fail(`departments.csv ${d.code}: name/alias "${n}" does not occur in the plan`)
  }
}

// --- tasks ---
unique(tasks, 'code', 'tasks.csv')
const taskByCode = new Map(tasks.map((t) => [t.code, t]))
for (const t of tasks) {
  if (!t.title || !t.text) fail(`tasks.csv ${t.code}: empty title or text`)
  if (!inPlan(t.title + '。' + t.text)) fail(`tasks.csv ${t.code}: title + "。" + text does not occur verbatim in the plan`)
  if (t.part === '四、重点工作' && !t.responsibility_as_written) fail(`tasks.csv ${t.code}: missing responsibility_as_written`)
  if (t.responsibility_as_written && !inPlan(t.responsibility_as_written))
    fail(`tasks.csv ${t.code}: responsibility_as_written does not occur verbatim in the plan`)
  if (t.section_title && !inPlan(t.section_title)) fail(`tasks.csv ${t.code}: section_title does not occur in the plan`)
}

// --- task-departments ---
unique(links, (l) => `${l.task_code}|${l.department_code}|${l.as_written}`, 'task-departments.csv')
for (const l of links) {
  const where = `task-departments.csv ${l.task_code}/${l.department_code}`
  if (!deptCodes.has(l.department_code)) fail(`${where}: unknown department_code`)
  const t = taskByCode.get(l.task_code)
  if (!t) {
    fail(`${where}: unknown task_code`)
    continue
  }
  // Where the task has a responsibility parenthetical, as_written must come from it;
  // otherwise (五、保障措施) it must come from the task's own text.
  const hay = t.responsibility_as_written || t.title + '。' + t.text
  if (!flat(hay).includes(flat(l.as_written)))
    fail(`${where}: as_written "${l.as_written}" not found in the task's ${t.responsibility_as_written ? 'responsibility text' : 'text'}`)
}
for (const t of tasks) {
  if (t.responsibility_as_written && !links.some((l) => l.task_code === t.code)) fail(`tasks.csv ${t.code}: has a responsibility but no task-departments rows`)
}

// --- task-indicators ---
// A link's source is `<section>：「quoted words」…「more words」 · why`: every quoted piece must occur in that task's own text.
unique(taskIndicators, (l) => `${l.task_code}|${l.indicator_code}`, 'task-indicators.csv')
for (const l of taskIndicators) {
  const where = `task-indicators.csv ${l.task_code}/${l.indicator_code}`
  if (!indicatorCodes.has(l.indicator_code)) fail(`${where}: unknown indicator_code`)
  const t = taskByCode.get(l.task_code)
  if (!t) {
    fail(`${where}: unknown task_code`)
    continue
  }
  const quotes = [...l.source.matchAll(/「([^」]+)」/g)].map((m) => m[1])
  if (!quotes.length) fail(`${where}: source quotes none of the task's words (「…」)`)
  for (const q of quotes) if (!flat(t.title + '。' + t.text).includes(flat(q))) fail(`${where}: 「${q}」 is not in the task's text`)
  if (!l.source.includes(' · ')) fail(`${where}: source gives no reason after " · "`)
}

console.log(`plan: ${planPath}`)
console.log(
  `departments: ${depts.length} rows; tasks: ${tasks.length} rows; task-departments: ${links.length} rows; task-indicators: ${taskIndicators.length} rows`,
)
for (const [code, c] of Object.entries(CONSTRUCTED_NAMES)) console.log(`note: ${code} name "${c.name}" is constructed from "${c.backedBy}"`)
if (failures.length) {
  console.error(`FAILED: ${failures.length} problem(s)`)
  for (const f of failures) console.error(`  - ${f}`)
  process.exit(1)
}
console.log('OK: all checks passed')
