/** Every query about public feedback and its answers. The contact is read only for the stewards' queue. */
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../../db/database.ts'
import { writeAudit } from '../../../db/records/audit.ts'
import type { FeedbackAnswer, FeedbackItem } from '../../../schema/feedback.type.ts'
import type { FeedbackKind, FeedbackStatus, FeedbackSubjectType } from '../../../schema/enum-values.ts'

const iso = (column: string) => sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

/** The county of a feedback subject, or undefined when there is no such subject (SITE: `site` in the given county). */
export async function findSubjectCounty(db: Kysely<Database>, type: FeedbackSubjectType, id: string, county: string): Promise<string | undefined> {
  switch (type) {
    case 'SERVICE_POINT':
      return (await db.selectFrom('service_point').select('county_code').where('id', '=', id).executeTakeFirst())?.county_code
    case 'REGION':
      return (await db.selectFrom('region').select('county_code').where('code', '=', id).executeTakeFirst())?.county_code
    case 'INDICATOR':
      return (await db.selectFrom('indicator').select('county_code').where('county_code', '=', county).where('code', '=', id).executeTakeFirst())?.county_code
    case 'SITE':
      return id === 'site' ? county : undefined
  }
}

export interface NewFeedback {
  county: string
  kind: FeedbackKind
  subjectType: FeedbackSubjectType
  subjectId: string
  message: string
  contact: string | null
  mayContact: boolean
  publish: boolean
}

/** Stores a new piece of feedback (OPEN); returns its id. */
export async function insertFeedback(db: Kysely<Database>, f: NewFeedback): Promise<string> {
  const row = await db
    .insertInto('feedback')
    .values({
      county_code: f.county,
      kind: f.kind,
      subject_type: f.subjectType,
      subject_id: f.subjectId,
      message: f.message,
      contact: f.contact,
      may_contact: f.mayContact,
      publish: f.publish,
      status: 'OPEN',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return String(row.id)
}

export interface FeedbackFilter {
  statuses?: FeedbackStatus[] | null
  /** Only what the public may see: answered (or done after an answer) and agreed to be published. */
  publicOnly?: boolean
  subject?: { type: FeedbackSubjectType; id: string }
  /** Any of these subjects (one query for a page that shows feedback under many cards). */
  subjects?: { type: FeedbackSubjectType; id: string }[]
  ids?: string[]
  first: number
}

/** Feedback items newest first (by id), with their answers oldest first. The contact is null unless the sender agreed. */
export async function listFeedback(db: Kysely<Database>, filter: FeedbackFilter): Promise<FeedbackItem[]> {
  let query = db
    .selectFrom('feedback')
    .select([
      'id',
      'county_code',
      'kind',
      'subject_type',
      'subject_id',
      'message',
      'status',
      'may_contact',
      'publish',
      iso('created_at').as('at'),
      iso('closed_at').as('closed_at'),
    ])
    .select(sql<string | null>`case when may_contact then contact end`.as('contact'))
  if (filter.statuses?.length) query = query.where('status', 'in', filter.statuses)
  if (filter.publicOnly)
    query = query.where('publish', '=', true).where(sql<boolean>`exists (select 1 from feedback_answer a where a.feedback_id = feedback.id)`)
  if (filter.ids) query = query.where('id', 'in', filter.ids.length ? filter.ids : ['0'])
  if (filter.subject) query = query.where('subject_type', '=', filter.subject.type).where('subject_id', '=', filter.subject.id)
  const subjects = filter.subjects
  if (subjects)
    query = query.where((eb) =>
      subjects.length ? eb.or(subjects.map((s) => eb.and([eb('subject_type', '=', s.type), eb('subject_id', '=', s.id)]))) : eb.val(false),
    )
  const rows = await query.orderBy('id', 'desc').limit(filter.first).execute()
  const answers = await listAnswers(
    db,
    rows.map((r) => String(r.id)),
  )
  return rows.map((r) => ({
    id: String(r.id),
    county: r.county_code,
    kind: r.kind,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    message: r.message,
    status: r.status,
    at: r.at,
    closedAt: r.closed_at,
    contact: r.contact,
    mayContact: r.may_contact,
    publish: r.publish,
    answers: answers.get(String(r.id)) ?? [],
  }))
}

async function listAnswers(db: Kysely<Database>, ids: string[]): Promise<Map<string, FeedbackAnswer[]>> {
  const byItem = new Map<string, FeedbackAnswer[]>()
  if (!ids.length) return byItem
  const rows = await db
    .selectFrom('feedback_answer')
    .select(['id', 'feedback_id', 'author', 'message', iso('created_at').as('at')])
    .where('feedback_id', 'in', ids)
    .orderBy('id')
    .execute()
  for (const r of rows) {
    const list = byItem.get(String(r.feedback_id)) ?? []
    list.push({ id: String(r.id), author: r.author, message: r.message, at: r.at })
    byItem.set(String(r.feedback_id), list)
  }
  return byItem
}

/** One item, or undefined. */
export async function findFeedback(db: Kysely<Database>, id: string): Promise<FeedbackItem | undefined> {
  if (!/^[0-9]{1,18}$/.test(id)) return undefined
  return (await listFeedback(db, { ids: [id], first: 1 }))[0]
}

/**
 * Adds an answer and marks the item ANSWERED (a DONE item stays DONE), in one transaction with its
 * audit entry. The log records the status and the number of answers, never the sender's text or contact.
 */
export async function answerFeedback(db: Kysely<Database>, id: string, answer: { message: string; author: string; actor: string }): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('feedback').select(['status']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow()
    const before = await countAnswers(tx, id)
    await tx.insertInto('feedback_answer').values({ feedback_id: id, author: answer.author, message: answer.message }).execute()
    const status: FeedbackStatus = row.status === 'DONE' ? 'DONE' : 'ANSWERED'
    await tx.updateTable('feedback').set({ status }).where('id', '=', id).execute()
    await writeAudit(tx, [
      {
        actor: answer.actor,
        action: 'ANSWER',
        entity: 'feedback',
        entityId: id,
        before: { status: row.status, answers: before },
        after: { status, answers: before + 1 },
      },
    ])
  })
}

/** Marks an item DONE (who and when), with its audit entry; false when it was DONE already. */
export async function closeFeedback(db: Kysely<Database>, id: string, actor: string): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('feedback').select(['status']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow()
    if (row.status === 'DONE') return false
    const answers = await countAnswers(tx, id)
    await tx
      .updateTable('feedback')
      .set({ status: 'DONE', closed_at: sql<Date>`now()`, closed_by: actor })
      .where('id', '=', id)
      .execute()
    await writeAudit(tx, [
      { actor, action: 'CLOSE', entity: 'feedback', entityId: id, before: { status: row.status, answers }, after: { status: 'DONE', answers } },
    ])
    return true
  })
}

async function countAnswers(db: Kysely<Database>, id: string): Promise<number> {
  const { n } = await db
    .selectFrom('feedback_answer')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('feedback_id', '=', id)
    .executeTakeFirstOrThrow()
  return n
}
