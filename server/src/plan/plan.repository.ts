import { sql, type Kysely, type Selectable } from 'kysely'
import type { Database } from '../../../db/database.ts'
import { inCountyKeys, type CountyKey } from '../../../db/keys.ts'
import type { Department, Task } from '../../../schema/plan.type.ts'
import { camelRow } from '../rows.ts'
import type { TaskProgress } from '../../../schema/stewardship.type.ts'

type TaskRow = Selectable<Database['task']>
type DepartmentRow = Selectable<Database['department']>

function toTask(r: TaskRow): Task {
  return camelRow(r)
}

function toDepartment(r: DepartmentRow): Department {
  return { ...camelRow(r), memberOfCode: r.member_of }
}

/** A county's tasks in the plan's order. */
export async function listTasks(db: Kysely<Database>, county: string): Promise<Task[]> {
  return (await db.selectFrom('task').selectAll().where('county_code', '=', county).orderBy('position').execute()).map(toTask)
}

/** A county's departments in the order the data lists them (leading group, office, members). */
export async function listDepartments(db: Kysely<Database>, county: string): Promise<Department[]> {
  return (await db.selectFrom('department').selectAll().where('county_code', '=', county).orderBy('position').execute()).map(toDepartment)
}

/** Departments by (county, code). */
export async function findDepartments(db: Kysely<Database>, keys: readonly CountyKey[]): Promise<Department[]> {
  if (!keys.length) return []
  const rows = await db
    .selectFrom('department')
    .selectAll()
    .where(inCountyKeys('county_code', 'code', keys))
    .execute()
  return rows.map(toDepartment)
}

/** Members of the given groups, in list order. */
export async function listMembersOf(db: Kysely<Database>, keys: readonly CountyKey[]): Promise<Department[]> {
  if (!keys.length) return []
  const rows = await db
    .selectFrom('department')
    .selectAll()
    .where(inCountyKeys('county_code', 'member_of', keys))
    .orderBy('position')
    .execute()
  return rows.map(toDepartment)
}

/** Responsibilities (task, department, words as written) of the given tasks, in the plan's order. */
export async function listResponsibilitiesOfTasks(
  db: Kysely<Database>,
  keys: readonly CountyKey[],
): Promise<{ taskKey: string; department: Department; asWritten: string }[]> {
  if (!keys.length) return []
  const rows = await db
    .selectFrom('task_department as td')
    .innerJoin('department as d', (j) => j.onRef('d.county_code', '=', 'td.county_code').onRef('d.code', '=', 'td.department_code'))
    .selectAll('d')
    .select(['td.task_code', 'td.as_written'])
    .where(inCountyKeys('td.county_code', 'td.task_code', keys))
    .orderBy('td.position')
    .execute()
  return rows.map((r) => ({ taskKey: `${r.county_code}/${r.task_code}`, department: toDepartment(r), asWritten: r.as_written }))
}

/** Tasks the given departments are named for directly, in the plan's order. */
export async function listTasksOfDepartments(db: Kysely<Database>, keys: readonly CountyKey[]): Promise<{ departmentKey: string; task: Task }[]> {
  if (!keys.length) return []
  const rows = await db
    .selectFrom('task_department as td')
    .innerJoin('task as t', (j) => j.onRef('t.county_code', '=', 'td.county_code').onRef('t.code', '=', 'td.task_code'))
    .selectAll('t')
    .select('td.department_code')
    .where(inCountyKeys('td.county_code', 'td.department_code', keys))
    .orderBy('t.position')
    .execute()
  return rows.map((r) => ({ departmentKey: `${r.county_code}/${r.department_code}`, task: toTask(r) }))
}

/** The latest reported statuses of the given tasks: the task as a whole first, then by unit code. */
export async function listStatusesOfTasks(db: Kysely<Database>, keys: readonly CountyKey[]): Promise<TaskProgress[]> {
  if (!keys.length) return []
  const rows = await db
    .selectFrom('task_status')
    .select(['county_code', 'task_code', 'department_code', 'status', 'progress_note', 'evidence_url'])
    .select(sql<string>`to_char(status_date, 'YYYY-MM-DD')`.as('date'))
    .where(inCountyKeys('county_code', 'task_code', keys))
    .orderBy(sql`department_code <> '*'`)
    .orderBy('department_code')
    .execute()
  return rows.map((r) => ({
    countyCode: r.county_code,
    taskCode: r.task_code,
    departmentCode: r.department_code === '*' ? null : r.department_code,
    status: r.status,
    date: r.date,
    note: r.progress_note,
    evidenceUrl: r.evidence_url,
  }))
}

/** Codes of the units the plan makes responsible for a task, in the plan's order. */
export async function listResponsibleDepartmentCodes(db: Kysely<Database>, county: string, task: string): Promise<string[]> {
  const rows = await db
    .selectFrom('task_department')
    .select('department_code')
    .where('county_code', '=', county)
    .where('task_code', '=', task)
    .orderBy('position')
    .execute()
  return rows.map((r) => r.department_code)
}
