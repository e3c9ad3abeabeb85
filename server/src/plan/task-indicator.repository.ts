/** Which indicators the plan's tasks serve (table task_indicator), read for the tasks' and the indicators' loaders. */
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../../db/database.ts'
import { inCountyKeys, type CountyKey } from '../../../db/keys.ts'
import type { Indicator } from '../../../schema/indicator.type.ts'
import type { Task } from '../../../schema/plan.type.ts'

/** One link with both ends, keyed `county/task` and `county/indicator` for the loaders. */
export interface TaskIndicatorRow {
  taskKey: string
  indicatorKey: string
  task: Task
  indicator: Indicator
  source: string
  sourceZh: string | null
}

function selectLinks(db: Kysely<Database>) {
  return db
    .selectFrom('task_indicator as ti')
    .innerJoin('task as t', (j) => j.onRef('t.county_code', '=', 'ti.county_code').onRef('t.code', '=', 'ti.task_code'))
    .innerJoin('indicator as i', (j) => j.onRef('i.county_code', '=', 'ti.county_code').onRef('i.code', '=', 'ti.indicator_code'))
    .select(['ti.county_code', 'ti.source as link_source', 'ti.source_zh as link_source_zh'])
    .select([
      't.code as t_code',
      't.part as t_part',
      't.section_label as t_section_label',
      't.section_title as t_section_title',
      't.number as t_number',
      't.title as t_title',
      't.text as t_text',
      't.responsibility_as_written as t_responsibility_as_written',
      't.source as t_source',
      't.source_zh as t_source_zh',
      't.position as t_position',
    ])
    .select([
      'i.code as i_code',
      'i.name_zh as i_name_zh',
      'i.name_en as i_name_en',
      'i.unit as i_unit',
      'i.display_unit as i_display_unit',
      'i.category as i_category',
      'i.nature as i_nature',
      'i.accumulation as i_accumulation',
      'i.comparator as i_comparator',
      'i.plan_table_row as i_plan_table_row',
      'i.plan_annex_row as i_plan_annex_row',
      'i.source as i_source',
      'i.source_zh as i_source_zh',
      'i.note as i_note',
      'i.note_zh as i_note_zh',
    ])
    .select(sql<number>`i.display_factor::float8`.as('i_display_factor'))
}

type LinkRow = Awaited<ReturnType<ReturnType<typeof selectLinks>['execute']>>[number]

function toLink(r: LinkRow): TaskIndicatorRow {
  const task: Task = {
    countyCode: r.county_code,
    code: r.t_code,
    part: r.t_part,
    sectionLabel: r.t_section_label,
    sectionTitle: r.t_section_title,
    number: r.t_number,
    title: r.t_title,
    text: r.t_text,
    responsibilityAsWritten: r.t_responsibility_as_written,
    source: r.t_source,
    sourceZh: r.t_source_zh,
    position: r.t_position,
  }
  const indicator: Indicator = {
    countyCode: r.county_code,
    code: r.i_code,
    nameZh: r.i_name_zh,
    nameEn: r.i_name_en,
    unit: r.i_unit,
    displayUnit: r.i_display_unit,
    displayFactor: r.i_display_factor,
    category: r.i_category,
    nature: r.i_nature,
    accumulation: r.i_accumulation,
    comparator: r.i_comparator,
    planTableRow: r.i_plan_table_row,
    planAnnexRow: r.i_plan_annex_row,
    source: r.i_source,
    sourceZh: r.i_source_zh,
    note: r.i_note,
    noteZh: r.i_note_zh,
  }
  return {
    taskKey: `${r.county_code}/${r.t_code}`,
    indicatorKey: `${r.county_code}/${r.i_code}`,
    task,
    indicator,
    source: r.link_source,
    sourceZh: r.link_source_zh,
  }
}

/** The indicators the given tasks serve, each task's in the indicators' order. */
export async function listIndicatorLinksOfTasks(db: Kysely<Database>, keys: readonly CountyKey[]): Promise<TaskIndicatorRow[]> {
  if (!keys.length) return []
  const rows = await selectLinks(db)
    .where(inCountyKeys('ti.county_code', 'ti.task_code', keys))
    .orderBy('i.position')
    .orderBy('i.code')
    .execute()
  return rows.map(toLink)
}

/** The tasks that serve the given indicators, each indicator's in the plan's order. */
export async function listTaskLinksOfIndicators(db: Kysely<Database>, keys: readonly CountyKey[]): Promise<TaskIndicatorRow[]> {
  if (!keys.length) return []
  const rows = await selectLinks(db)
    .where(inCountyKeys('ti.county_code', 'ti.indicator_code', keys))
    .orderBy('t.position')
    .orderBy('t.code')
    .execute()
  return rows.map(toLink)
}
