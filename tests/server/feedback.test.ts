/**
 * Public feedback: anyone sends a correction or a data request about a subject that exists; every bad
 * input is refused naming its field with nothing written; one client is limited to a few sends in ten
 * minutes (429, Retry-After); editors see the queue, answer and close (audited); answered items the
 * sender agreed to publish are public with their answers, never with the contact.
 */
import { sql } from 'kysely'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createToken } from '../../server/src/auth/token.repository.ts'
import { FEEDBACK_LIMIT } from '../../server/src/feedback/feedback-limit.ts'
import { startTestServer, type GraphQLResponse, type TestServer } from '../setup/server.ts'

let server: TestServer
let editor: string
let clients = 0
beforeAll(async () => {
  // One trusted proxy: each test speaks as a client of its own (X-Forwarded-For), as the rate limit sees clients.
  server = await startTestServer({ config: { rateLimit: { perMinute: 0, burst: 0, trustedProxies: 1 } } })
  editor = (await createToken(server.db, 'steward-1', 'editor', { purpose: '市场监管局知识产权科' })).token
})
afterAll(() => server.close())

let client: string
beforeEach(async () => {
  client = `198.51.100.${++clients}`
  await sql`truncate feedback, feedback_answer`.execute(server.db)
})

async function post<T = any>(query: string, variables: Record<string, unknown>, options: { token?: string; from?: string } = {}): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': options.from ?? client,
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  })
  const body = (await response.json()) as any
  return { status: response.status, data: body.data ?? undefined, errors: body.errors, headers: response.headers }
}

const SEND = `mutation ($input: SendFeedbackInput!) { sendFeedback(input: $input) { id status publish remaining } }`
const QUEUE = `query ($statuses: [FeedbackStatus!]) { feedbackQueue(statuses: $statuses) {
  id kind subjectType subjectId message status contact mayContact publish closedAt answers { message author } } }`
const PUBLIC = `query ($subject: FeedbackSubjectInput!) { publicFeedback(subject: $subject) { id kind message status answers { message author at } } }`
const ANSWER = `mutation ($id: ID!, $message: String!) { answerFeedback(id: $id, message: $message) { id status answers { message author } } }`
const CLOSE = `mutation ($id: ID!) { closeFeedback(id: $id) { id status closedAt } }`

const STATION = { type: 'SERVICE_POINT', id: 'ip-service-410184101' }
const good = (extra: Record<string, unknown> = {}) => ({
  kind: 'CORRECTION',
  subject: STATION,
  message: '这个站点已搬到镇政府东侧。The station has moved east of the town hall.',
  ...extra,
})
const count = async () => (await sql<{ n: number }>`select count(*)::int as n from feedback`.execute(server.db)).rows[0].n

describe('sending feedback', () => {
  it('needs no account, stores the message and answers a receipt', async () => {
    const { data, errors } = await post(SEND, { input: good({ contact: 'li@example.org', mayContact: true, publish: true }) })
    expect(errors).toBeUndefined()
    expect(data.sendFeedback).toMatchObject({ status: 'OPEN', publish: true, remaining: FEEDBACK_LIMIT.count - 1 })
    const { rows } = await sql<any>`select kind, subject_type, subject_id, contact, may_contact, publish, status from feedback`.execute(server.db)
    expect(rows).toEqual([
      {
        kind: 'CORRECTION',
        subject_type: 'SERVICE_POINT',
        subject_id: 'ip-service-410184101',
        contact: 'li@example.org',
        may_contact: true,
        publish: true,
        status: 'OPEN',
      },
    ])
  })

  it('accepts a region, an indicator and the site as subjects', async () => {
    for (const subject of [
      { type: 'REGION', id: '410184101' },
      { type: 'INDICATOR', id: 'invention-patents-in-force' },
      { type: 'SITE', id: 'site' },
    ]) {
      const { errors } = await post(SEND, { input: good({ kind: 'DATA_REQUEST', subject }) })
      expect(errors, subject.type).toBeUndefined()
    }
    expect(await count()).toBe(3)
  })

  it.each([
    ['an unknown station', { subject: { type: 'SERVICE_POINT', id: 'no-such-station' } }, 'input.subject.id'],
    ['an unknown region', { subject: { type: 'REGION', id: '410184999' } }, 'input.subject.id'],
    ['an unknown indicator', { subject: { type: 'INDICATOR', id: 'no-such-indicator' } }, 'input.subject.id'],
    ['a site subject other than site', { subject: { type: 'SITE', id: 'home' } }, 'input.subject.id'],
    ['an empty message', { message: '   ' }, 'input.message'],
    ['a message too long', { message: '长'.repeat(2001) }, 'input.message'],
    ['an HTML tag', { message: '<img src=x onerror=alert(1)> wrong address' }, 'input.message'],
    ['an HTML comment', { message: 'hi <!-- x -->' }, 'input.message'],
    ['a control character', { message: 'bell \u0007 rings' }, 'input.message'],
    ['a contact without consent to be contacted', { contact: '13800000000', mayContact: false }, 'input.contact'],
    ['consent to be contacted without a contact', { mayContact: true }, 'input.contact'],
    ['a contact too long', { contact: 'x'.repeat(201), mayContact: true }, 'input.contact'],
  ])('refuses %s, naming the field, and writes nothing', async (_what, change, argument) => {
    const { errors } = await post(SEND, { input: good(change) })
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument })
    expect(await count()).toBe(0)
  })

  it('refuses a NUL character before anything runs (400), writing nothing', async () => {
    const { status, errors } = await post(SEND, { input: good({ message: 'a\u0000b' }) })
    expect(status).toBe(400)
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT')
    expect(errors?.[0].extensions?.argument).toBe('$input.message')
    expect(await count()).toBe(0)
  })

  it('refuses an unknown kind as a GraphQL error, writing nothing', async () => {
    const { errors } = await post(SEND, { input: good({ kind: 'COMPLAINT' }) })
    expect(errors?.[0].message).toMatch(/kind/)
    expect(await count()).toBe(0)
  })

  it('keeps a lone < and & as text (no tag), returned as written', async () => {
    const message = 'distance < 5 km & 地址 > 旧址'
    const { errors } = await post(SEND, { input: good({ message, publish: true }) })
    expect(errors).toBeUndefined()
    const { data } = await post(QUEUE, {}, { token: editor })
    expect(data.feedbackQueue[0].message).toBe(message)
  })

  it(`limits one client to ${FEEDBACK_LIMIT.count} in 10 minutes: 429 RATE_LIMITED with Retry-After; others are not affected`, async () => {
    for (let i = 0; i < FEEDBACK_LIMIT.count; i++) expect((await post(SEND, { input: good() })).errors).toBeUndefined()
    const refused = await post(SEND, { input: good() })
    expect(refused.status).toBe(429)
    expect(refused.errors?.[0].extensions?.code).toBe('RATE_LIMITED')
    const retryAfter = Number(refused.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(500)
    expect(retryAfter).toBeLessThanOrEqual(600)
    expect(await count()).toBe(FEEDBACK_LIMIT.count)
    expect((await post(SEND, { input: good() }, { from: '203.0.113.77' })).errors).toBeUndefined()
  })
})

describe('the stewards’ queue', () => {
  it('is for editors only', async () => {
    expect((await post(QUEUE, {})).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED')
    const { errors } = await post(QUEUE, {}, { token: 'ipt_bogus' })
    expect(errors?.[0].extensions?.code).toBe('UNAUTHENTICATED')
  })

  it('lists newest first, filters by status, shows the contact only when the sender agreed', async () => {
    await post(SEND, { input: good({ message: 'first', contact: 'wang@example.org', mayContact: true }) })
    await post(SEND, { input: good({ message: 'second' }) })
    const { data } = await post(QUEUE, { statuses: ['OPEN'] }, { token: editor })
    expect(data.feedbackQueue.map((f: any) => [f.message, f.contact])).toEqual([
      ['second', null],
      ['first', 'wang@example.org'],
    ])
    await post(ANSWER, { id: data.feedbackQueue[0].id, message: 'Thanks' }, { token: editor })
    const open = await post(QUEUE, { statuses: ['OPEN'] }, { token: editor })
    expect(open.data.feedbackQueue.map((f: any) => f.message)).toEqual(['first'])
    const answered = await post(QUEUE, { statuses: ['ANSWERED'] }, { token: editor })
    expect(answered.data.feedbackQueue.map((f: any) => f.message)).toEqual(['second'])
  })

  it('answers (ANSWERED) and closes (DONE), each audited without the message or the contact', async () => {
    const sent = await post(SEND, { input: good({ contact: 'secret@example.org', mayContact: true }) })
    const id = sent.data.sendFeedback.id
    const answered = await post(ANSWER, { id, message: '已核实，地址已更正。Checked; the address is corrected.' }, { token: editor })
    expect(answered.errors).toBeUndefined()
    expect(answered.data.answerFeedback).toMatchObject({ status: 'ANSWERED', answers: [{ author: '市场监管局知识产权科' }] })
    const closed = await post(CLOSE, { id }, { token: editor })
    expect(closed.data.closeFeedback.status).toBe('DONE')
    expect(closed.data.closeFeedback.closedAt).toMatch(/^\d{4}-/)
    expect((await post(CLOSE, { id }, { token: editor })).errors?.[0].extensions?.code).toBe('CONFLICT')
    const { rows } =
      await sql<any>`select actor, action, entity, entity_id, before, after from audit_log where entity = 'feedback' and entity_id = ${id} order by id`.execute(
        server.db,
      )
    expect(rows).toEqual([
      {
        actor: 'steward-1',
        action: 'ANSWER',
        entity: 'feedback',
        entity_id: id,
        before: { status: 'OPEN', answers: 0 },
        after: { status: 'ANSWERED', answers: 1 },
      },
      {
        actor: 'steward-1',
        action: 'CLOSE',
        entity: 'feedback',
        entity_id: id,
        before: { status: 'ANSWERED', answers: 1 },
        after: { status: 'DONE', answers: 1 },
      },
    ])
    expect(JSON.stringify(rows)).not.toContain('secret@')
  })

  it('refuses an answer without a token, an empty or HTML answer, and an unknown item, writing nothing', async () => {
    const id = (await post(SEND, { input: good() })).data.sendFeedback.id
    expect((await post(ANSWER, { id, message: 'x' })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED')
    expect((await post(ANSWER, { id, message: ' ' }, { token: editor })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'message' })
    expect((await post(ANSWER, { id, message: '<b>x</b>' }, { token: editor })).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'message',
    })
    expect((await post(ANSWER, { id: '999999', message: 'x' }, { token: editor })).errors?.[0].extensions?.code).toBe('NOT_FOUND')
    expect((await post(CLOSE, { id: 'abc' }, { token: editor })).errors?.[0].extensions?.code).toBe('NOT_FOUND')
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from feedback_answer`.execute(server.db)
    expect(rows[0].n).toBe(0)
    expect((await post(QUEUE, {}, { token: editor })).data.feedbackQueue[0].status).toBe('OPEN')
  })
})

describe('public feedback', () => {
  it('shows answered items the sender agreed to publish, with answers, never the contact; nothing unanswered or unpublished', async () => {
    const published = (await post(SEND, { input: good({ message: 'published', publish: true, contact: 'me@example.org', mayContact: true }) })).data
      .sendFeedback.id
    const privately = (await post(SEND, { input: good({ message: 'private', publish: false }) })).data.sendFeedback.id
    await post(SEND, { input: good({ message: 'not answered yet', publish: true }) })
    const before = await post(PUBLIC, { subject: STATION })
    expect(before.data.publicFeedback).toEqual([])
    await post(ANSWER, { id: published, message: 'Corrected.' }, { token: editor })
    await post(ANSWER, { id: privately, message: 'Corrected too.' }, { token: editor })
    const { data, errors } = await post(PUBLIC, { subject: STATION })
    expect(errors).toBeUndefined()
    expect(data.publicFeedback).toMatchObject([{ id: published, message: 'published', status: 'ANSWERED', answers: [{ message: 'Corrected.' }] }])
    expect(JSON.stringify(data)).not.toContain('me@example.org')
    // The type has no contact field at all.
    const asked = await post(`query ($s: FeedbackSubjectInput!) { publicFeedback(subject: $s) { contact } }`, { s: STATION })
    expect(asked.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED')
    expect((await post(PUBLIC, { subject: { type: 'REGION', id: '410184101' } })).data.publicFeedback).toEqual([])
  })

  it('answers for many subjects in one request what publicFeedback gives for each, and names a bad subjects list', async () => {
    const ABOUT = `query ($s: [FeedbackSubjectInput!]!) { publicFeedbackAbout(subjects: $s) { id subjectType subjectId message } }`
    const region = { type: 'REGION', id: '410184101' }
    const sent = (await post(SEND, { input: good({ message: 'about the station', publish: true }) })).data.sendFeedback.id
    await post(ANSWER, { id: sent, message: 'Checked.' }, { token: editor })
    const one = (await post(PUBLIC, { subject: STATION })).data.publicFeedback.map((f: { id: string }) => f.id)
    expect(one).toContain(sent)
    const { data, errors } = await post(ABOUT, { s: [region, STATION, { type: 'INDICATOR', id: 'trainees' }] })
    expect(errors).toBeUndefined()
    expect(data.publicFeedbackAbout.map((f: { id: string }) => f.id)).toEqual(one)
    expect(data.publicFeedbackAbout.every((f: { subjectId: string }) => f.subjectId === STATION.id)).toBe(true)
    for (const s of [[], Array.from({ length: 101 }, (_, i) => ({ type: 'INDICATOR', id: `x${i}` }))]) {
      const refused = await post(ABOUT, { s })
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'subjects' })
      expect(refused.errors?.[0].message).toContain(`got ${s.length}`)
    }
  })

  it('never puts feedback into the downloads', async () => {
    await post(SEND, { input: good({ message: 'unique-marker-text', contact: 'dl@example.org', mayContact: true, publish: true }) })
    for (const file of ['service-points.csv', 'service-points.geojson']) {
      const text = await (await fetch(`${server.url}/data/${file}`)).text()
      expect(text).not.toContain('unique-marker-text')
      expect(text).not.toContain('dl@example.org')
    }
  })
})
