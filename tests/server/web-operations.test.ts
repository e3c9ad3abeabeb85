/** Every operation the web app sends (web/src/api/generated*.ts) is answered by the server as it is sent: GET, within the query limits, no errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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
  LeaderTownsDocument: {},
  LeaderCompareDocument: { codes: ['410184101'], all: ['410184101', '410184109'], r: 5 },
  LeaderPlanDocument: {},
  OpenDataDocument: {},
  HistoryDocument: { entity: 'region', id: '410184109', after: null, first: 20, point: false, region: true },
}

describe("the web app's operations", () => {
  it('are answered without errors, sent as the client sends them (GET, whitespace collapsed)', async () => {
    const documents = [...Object.entries(map), ...Object.entries(leaders)].filter(([name]) => name.endsWith('Document'))
    expect(documents.filter(([name]) => !(name in VARIABLES)).map(([name]) => `${name} has no sample variables here`)).toEqual([])
    const failed: string[] = []
    for (const [name, document] of documents) {
      const response = await server.get(String(document).replace(/\s+/g, ' ').trim(), VARIABLES[name])
      if (response.status !== 200 || response.errors?.length)
        failed.push(`${name}: HTTP ${response.status} ${response.errors?.map((e) => `${e.extensions?.code}: ${e.message}`).join('; ') ?? ''}`)
    }
    expect(failed).toEqual([])
  })
})
