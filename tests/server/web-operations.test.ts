/**
 * Every operation the web app sends (web/src/api/generated*.ts) is answered by the server as it is sent:
 * the public queries by GET (within the query limits, no errors); the stewards' queue and every mutation
 * by POST, with an editor's credentials where they need them, in the order a steward's work runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createToken } from '../../server/src/auth/token.repository.ts'
import * as leaders from '../../web/src/api/generated-leaders.ts'
import * as map from '../../web/src/api/generated.ts'
import { startTestServer, type TestServer } from '../setup/server.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())

/** Variables to send each document with (a document missing here fails the test, naming it). */
const VARIABLES: Record<string, Record<string, unknown>> = {
  CountyLayersDocument: { maxPoints: 5000 },
  ServicePointDocument: { id: 'xinzheng-rights-protection-station' },
  RegionFiguresDocument: { codes: ['410184101', '410184109'], r: 5 },
  TownDocument: { code: '410184109' },
  NearestDocument: { lng: 113.74, lat: 34.4, limit: 5 },
  LeaderIndicatorsDocument: {},
  LeaderReportingDocument: {},
  LeaderTownsDocument: {},
  LeaderCompareDocument: { codes: ['410184101'], all: ['410184101', '410184109'], county: ['410184'], r: 5 },
  LeaderPlanDocument: {},
  GiProductsDocument: {},
  ValueEntryRegionsDocument: {},
  OpenDataDocument: {},
  HistoryDocument: { entity: 'region', id: '410184109', after: null, first: 20, point: false, region: true },
  PublishedFeedbackDocument: {
    subjects: [
      { type: 'SERVICE_POINT', id: 'ip-service-410184107' },
      { type: 'INDICATOR', id: 'trainees' },
    ],
  },
}

/** Documents sent by POST (web/src/api/send.ts, client.ts mutate): not part of the GET run above. */
const POSTED = [
  'SendFeedbackDocument',
  'FeedbackQueueDocument',
  'AnswerFeedbackDocument',
  'CloseFeedbackDocument',
  'RevertChangeDocument',
  // The value and task forms' (a signed-in steward's session; sent as the forms send them in tests/web/value-entry.test.ts).
  'CheckIndicatorValueDocument',
  'EnterIndicatorValueDocument',
  'SetPlanTaskStatusDocument',
]

describe("the web app's operations", () => {
  it('are answered without errors, sent as the client sends them (GET, whitespace collapsed)', async () => {
    const documents = [...Object.entries(map), ...Object.entries(leaders)].filter(([name]) => name.endsWith('Document'))
    expect(documents.filter(([name]) => !(name in VARIABLES) && !POSTED.includes(name)).map(([name]) => `${name} has no sample variables here`)).toEqual([])
    const failed: string[] = []
    for (const [name, document] of documents.filter(([name]) => !POSTED.includes(name))) {
      const response = await server.get(String(document).replace(/\s+/g, ' ').trim(), VARIABLES[name])
      if (response.status !== 200 || response.errors?.length)
        failed.push(`${name}: HTTP ${response.status} ${response.errors?.map((e) => `${e.extensions?.code}: ${e.message}`).join('; ') ?? ''}`)
    }
    expect(failed).toEqual([])
  })

  it("are answered as the stewards' pages post them: a resident's correction answered and closed, a change reverted", async () => {
    const documents = Object.fromEntries([...Object.entries(map), ...Object.entries(leaders)].map(([name, d]) => [name, String(d)]))
    const { token } = await createToken(server.db, 'web-operations', 'admin')
    const post = async (name: string, variables: Record<string, unknown>, withToken = true) => {
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(withToken ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query: documents[name], variables }),
      })
      const body = (await res.json()) as { data?: any; errors?: { message: string }[] }
      expect(body.errors, `${name}: ${JSON.stringify(body.errors)}`).toBeUndefined()
      expect(res.status, name).toBe(200)
      return body.data
    }
    const subject = { type: 'SERVICE_POINT', id: 'ip-service-410184107' }
    const sent = await post('SendFeedbackDocument', { input: { kind: 'CORRECTION', subject, message: '地址有误', publish: true } }, false)
    const id = sent.sendFeedback.id as string
    const queue = await post('FeedbackQueueDocument', { statuses: ['OPEN'] })
    expect(queue.feedbackQueue.map((f: { id: string }) => f.id)).toContain(id)
    await post('AnswerFeedbackDocument', { id, message: '已更正，谢谢' })
    expect((await post('CloseFeedbackDocument', { id })).closeFeedback.status).toBe('DONE')
    // A change to revert: a value recorded through the API, found in the history as the web app reads it.
    const change = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: 'mutation ($i: IndicatorValueInput!) { recordIndicatorValue(input: $i) { year } }',
        variables: { i: { indicator: 'mediation-cases', region: '410184', year: 2024, kind: 'ACTUAL', value: 12, source: 'web-operations test' } },
      }),
    })
    expect(((await change.json()) as { errors?: unknown }).errors).toBeUndefined()
    const log = await server.query('{ auditLog(entity: "indicator_value", first: 1) { edges { node { id } } } }')
    const auditId = log.data.auditLog.edges[0].node.id as string
    expect((await post('RevertChangeDocument', { auditId, reason: '测试撤销' })).revertChange.reverts).toBe(auditId)
  })
})
