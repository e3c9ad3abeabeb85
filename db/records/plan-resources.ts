/** The plan's own records: indicators and their values, departments, tasks and who is responsible for which. */
import { sql } from 'kysely'
import { RESOURCE_FIELDS } from '../dataset/schemas.ts'
import type { FieldSchema } from '../dataset/package.ts'
import { TaskStatus, ValueStatus, valuesOf } from '../../schema/enum-values.ts'
import { int, list, nullable, text, type Resource } from './resource.ts'

const byCode = (county: string, v: { code?: string | null }) => ({ county_code: county, code: text(v.code) })

export const indicators: Resource = {
  name: 'indicators',
  title: 'Indicators: every quantitative goal of the plan',
  entity: 'indicator',
  fields: RESOURCE_FIELDS.indicators,
  key: ['code'],
  table: 'indicator',
  positioned: true,
  select: (county) => sql`
      select code, position, name_zh, name_en, unit, display_unit, display_factor::text as display_factor, category, nature,
             accumulation, comparator, plan_table_row, plan_annex_row, source, source_zh, note, note_zh
        from indicator where county_code = ${county} order by position, code`,
  match: (county, v) => byCode(county, v),
  row(county, { values: v }, existing) {
    const row = {
      name_zh: text(v.name_zh),
      name_en: text(v.name_en),
      unit: text(v.unit),
      display_unit: v.display_unit ?? text(v.unit),
      display_factor: v.display_factor ?? '1',
      category: text(v.category),
      nature: nullable(v.nature),
      accumulation: nullable(v.accumulation),
      comparator: nullable(v.comparator),
      plan_table_row: int(v.plan_table_row),
      plan_annex_row: int(v.plan_annex_row),
      source: text(v.source),
      source_zh: nullable(v.source_zh),
      note: nullable(v.note),
      note_zh: nullable(v.note_zh),
    }
    if (existing) return { ...row, position: int(v.position) ?? Number(existing.values.position) }
    return { ...row, ...byCode(county, v), position: int(v.position) }
  },
}

const VALUE_STATUS_FIELD: FieldSchema = {
  name: 'status',
  type: 'string',
  description: "How settled an ACTUAL is: PROVISIONAL (暂定), FINAL (最终) or REVISED (修订, its note says why); empty: not stated (the plan's own figures).",
  constraints: { enum: valuesOf(ValueStatus) },
}

const VALUE_KIND_ORDER = sql.raw(`array_position(array['BASELINE', 'MILESTONE', 'TARGET', 'ACTUAL'], v.kind)`)

export const indicatorValues: Resource = {
  name: 'indicator-values',
  title: 'Indicator values: baselines, milestones, targets and actual values by region and year',
  entity: 'indicator_value',
  // `status` is the editing API's (and the importer's), not the bundled package's: its values have none.
  fields: [...RESOURCE_FIELDS['indicator-values'], VALUE_STATUS_FIELD],
  key: ['indicator_code', 'region_code', 'year', 'kind'],
  table: 'indicator_value',
  deletable: true,
  select: (county) => sql`
      select v.indicator_code, v.region_code, v.year, v.kind, v.value::text as value, v.value_max::text as value_max, v.source, v.source_zh, v.note, v.note_zh, v.status
        from indicator_value v join indicator i on i.county_code = v.county_code and i.code = v.indicator_code
       where v.county_code = ${county}
       order by i.position, v.indicator_code, v.region_code, v.year, ${VALUE_KIND_ORDER}`,
  match: (county, v) => ({
    county_code: county,
    indicator_code: text(v.indicator_code),
    region_code: text(v.region_code),
    year: Number(v.year),
    kind: text(v.kind),
  }),
  row(county, { values: v }, existing) {
    const row = {
      value: text(v.value),
      value_max: nullable(v.value_max),
      source: text(v.source),
      source_zh: nullable(v.source_zh),
      note: nullable(v.note),
      note_zh: nullable(v.note_zh),
      status: nullable(v.status),
    }
    return existing ? row : { ...row, ...this.match(county, v) }
  },
}

/**
 * Related series: a symmetric relation stored once, the smaller code first (`indicator_code` < `related_code`),
 * with a note in English and Chinese saying how the two series differ.
 */
export const indicatorRelations: Resource = {
  name: 'indicator-relations',
  title: 'Related indicator series: rows of the plan that measure the same thing on a different basis',
  entity: 'indicator_relation',
  fields: RESOURCE_FIELDS['indicator-relations'],
  key: ['indicator_code', 'related_code'],
  table: 'indicator_relation',
  deletable: true,
  select: (county) => sql`
      select indicator_code, related_code, kind, note, note_zh, source, source_zh
        from indicator_relation where county_code = ${county} order by indicator_code, related_code`,
  match: (county, v) => ({ county_code: county, indicator_code: text(v.indicator_code), related_code: text(v.related_code) }),
  row(county, { values: v }, existing) {
    const row = { kind: text(v.kind), note: text(v.note), note_zh: text(v.note_zh), source: text(v.source), source_zh: nullable(v.source_zh) }
    return existing ? row : { ...row, ...this.match(county, v) }
  },
}

export const departments: Resource = {
  name: 'departments',
  title: 'Responsible departments (责任单位), the leading group and its office',
  entity: 'department',
  fields: RESOURCE_FIELDS.departments,
  key: ['code'],
  table: 'department',
  positioned: true,
  select: (county) => sql`
      select code, name_zh, name_en, kind, member_of, aliases, source, note, note_zh from department where county_code = ${county} order by position, code`,
  match: (county, v) => byCode(county, v),
  row(county, { values: v }, existing) {
    const row = {
      name_zh: text(v.name_zh),
      name_en: text(v.name_en),
      kind: text(v.kind),
      member_of: nullable(v.member_of),
      aliases: list(v.aliases),
      source: text(v.source),
      note: nullable(v.note),
      note_zh: nullable(v.note_zh),
    }
    return existing ? row : { ...row, ...byCode(county, v), position: null }
  },
}

export const tasks: Resource = {
  name: 'tasks',
  title: 'Key tasks (重点工作) and safeguards (保障措施) of the plan',
  entity: 'task',
  fields: RESOURCE_FIELDS.tasks,
  key: ['code'],
  table: 'task',
  positioned: true,
  select: (county) => sql`
      select code, part, section_label, section_title, number, title, text, responsibility_as_written, source, source_zh
        from task where county_code = ${county} order by position, code`,
  match: (county, v) => byCode(county, v),
  row(county, { values: v }, existing) {
    const row = {
      part: text(v.part),
      section_label: nullable(v.section_label),
      section_title: nullable(v.section_title),
      number: int(v.number),
      title: text(v.title),
      text: text(v.text),
      responsibility_as_written: nullable(v.responsibility_as_written),
      source: text(v.source),
      source_zh: nullable(v.source_zh),
    }
    return existing ? row : { ...row, ...byCode(county, v), position: null }
  },
}

export const taskDepartments: Resource = {
  name: 'task-departments',
  title: 'Which departments are responsible for which task',
  entity: 'task_department',
  fields: RESOURCE_FIELDS['task-departments'],
  key: ['task_code', 'department_code'],
  table: 'task_department',
  positioned: true,
  deletable: true,
  select: (county) => sql`
      select task_code, department_code, as_written, source from task_department where county_code = ${county} order by position, task_code, department_code`,
  match: (county, v) => ({ county_code: county, task_code: text(v.task_code), department_code: text(v.department_code) }),
  row(county, { values: v }, existing) {
    const row = { as_written: text(v.as_written), source: text(v.source) }
    return existing ? row : { ...row, ...this.match(county, v), position: null }
  },
}

/**
 * Which indicators a task serves, where the plan's text ties them; `source` quotes the task's words
 * that name the indicator's subject (「…」) and says why (db/scripts/check-tasks.mjs checks the quotes).
 */
export const taskIndicators: Resource = {
  name: 'task-indicators',
  title: 'Which indicators each task serves, where the plan says so',
  entity: 'task_indicator',
  fields: RESOURCE_FIELDS['task-indicators'],
  key: ['task_code', 'indicator_code'],
  table: 'task_indicator',
  positioned: true,
  deletable: true,
  select: (county) => sql`
      select ti.task_code, ti.indicator_code, ti.source, ti.source_zh
        from task_indicator ti join task t on t.county_code = ti.county_code and t.code = ti.task_code
       where ti.county_code = ${county} order by t.position, ti.position, ti.indicator_code`,
  match: (county, v) => ({ county_code: county, task_code: text(v.task_code), indicator_code: text(v.indicator_code) }),
  row(county, { values: v }, existing) {
    const row = { source: text(v.source), source_zh: nullable(v.source_zh) }
    return existing ? row : { ...row, ...this.match(county, v), position: null }
  },
}

/** `department_code` of a status for the task as a whole (no single responsible unit named). */
export const WHOLE_TASK = '*'

const TASK_STATUS_FIELDS: FieldSchema[] = [
  { name: 'task_code', type: 'string', constraints: { required: true } },
  { name: 'department_code', type: 'string', constraints: { required: true } },
  { name: 'status', type: 'string', constraints: { required: true, enum: valuesOf(TaskStatus) } },
  { name: 'status_date', type: 'date', constraints: { required: true } },
  { name: 'progress_note', type: 'string' },
  { name: 'evidence_url', type: 'string' },
]

/**
 * The latest reported progress of a task, per responsible unit (`department_code`, or {@link WHOLE_TASK}).
 * Written by the editing API only (not part of the data package); who reported it, and the earlier
 * reports, are in the audit log.
 */
export const taskStatuses: Resource = {
  name: 'task-statuses',
  title: "Reported progress of the plan's tasks, per responsible unit",
  entity: 'task_status',
  fields: TASK_STATUS_FIELDS,
  key: ['task_code', 'department_code'],
  table: 'task_status',
  deletable: true,
  select: (county) => sql`
      select s.task_code, s.department_code, s.status, to_char(s.status_date, 'YYYY-MM-DD') as status_date, s.progress_note, s.evidence_url
        from task_status s join task t on t.county_code = s.county_code and t.code = s.task_code
       where s.county_code = ${county} order by t.position, s.task_code, s.department_code`,
  match: (county, v) => ({ county_code: county, task_code: text(v.task_code), department_code: text(v.department_code) }),
  row(county, { values: v }, existing) {
    const row = { status: text(v.status), status_date: text(v.status_date), progress_note: nullable(v.progress_note), evidence_url: nullable(v.evidence_url) }
    return existing ? row : { ...row, ...this.match(county, v) }
  },
}
