import type { Kysely, Selectable } from 'kysely'
import type { Database } from '../../../db/database.ts'
import { inCountyKeys, type CountyKey } from '../../../db/keys.ts'
import type { Department, Task } from '../../../schema/plan.type.ts'
import { camelRow } from '../rows.ts'

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
