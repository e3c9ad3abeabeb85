/**
 * A bounded load of real GraphQL requests that reach the database (nothing memoised or cached:
 * POSTs with varying arguments), from `clients` concurrent loops, recording what came back.
 */
import { Agent, request } from 'node:http'

export interface LoadOutcome {
  status: number
  /** `extensions.code` of the first error, if any. */
  code?: string
  retryAfter?: string
  /** When it was sent and when it was answered (Date.now()). */
  sent: number
  at: number
}

export interface Load {
  outcomes: LoadOutcome[]
  /** Requests that got no HTTP response at all (socket hang-up, reset, refused), with the reason. */
  failures: string[]
  /** Answers with status 200 so far. */
  ok(): number
  /** Stops the loops and waits for the requests in flight. */
  stop(): Promise<void>
}

/** The i-th request body: one of three DB-bound queries, its arguments varying with i. */
export function uncachedQuery(i: number): string {
  const d = (i % 97) / 1000
  switch (i % 3) {
    case 0:
      return JSON.stringify({
        query: 'query ($b: BBoxInput) { servicePoints(bbox: $b, first: 20) { totalCount edges { node { id } } } }',
        variables: { b: { minLng: 113.5 + d, minLat: 34.3, maxLng: 113.9 + d, maxLat: 34.6 } },
      })
    case 1:
      return JSON.stringify({ query: `{ nearestServicePoints(lng: ${113.7 + d}, lat: ${34.4 + d}, limit: 3) { distanceMeters servicePoint { id } } }` })
    default:
      // coverageRadiusKm keys the memo of comparisons: a new radius each time computes it again.
      return JSON.stringify({
        query: `{ compareRegions(codes: ["410184101", "410184102"], coverageRadiusKm: ${1 + (i % 4999) / 1000}) { rank coverageShare } }`,
      })
  }
}

/** Posts one GraphQL body; resolves with the outcome, or rejects when no response came. */
export function postGraphQL(baseUrl: string, body: string, agent?: Agent, headers: Record<string, string> = {}): Promise<LoadOutcome> {
  const url = new URL('/graphql', baseUrl)
  const sent = Date.now()
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('error', reject)
        res.on('end', () => {
          let code: string | undefined
          try {
            code = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code
          } catch {
            code = 'UNPARSEABLE_BODY'
          }
          const retryAfter = res.headers['retry-after']
          resolve({ status: res.statusCode ?? 0, code, retryAfter: typeof retryAfter === 'string' ? retryAfter : undefined, sent, at: Date.now() })
        })
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

/**
 * Starts `clients` loops, each posting {@link uncachedQuery}s one after another, until stopped (or `maxSeconds`).
 * Each loop is a client of its own as a server behind one trusted proxy sees it (its own X-Forwarded-For
 * address), so the per-client fairness of expensive work holds each loop, not the whole load, to one at a time.
 */
export function startLoad(baseUrl: string, clients = 50, maxSeconds = 60): Load {
  const outcomes: LoadOutcome[] = []
  const failures: string[] = []
  const agent = new Agent({ keepAlive: true, maxSockets: clients })
  const deadline = Date.now() + maxSeconds * 1000
  let stopped = false
  let n = 0
  let ok = 0
  const loop = async (_: unknown, k: number) => {
    const headers = { 'x-forwarded-for': `10.77.${k >> 8}.${k & 255}` }
    while (!stopped && Date.now() < deadline) {
      try {
        const outcome = await postGraphQL(baseUrl, uncachedQuery(n++), agent, headers)
        outcomes.push(outcome)
        if (outcome.status === 200) ok++
      } catch (error) {
        failures.push((error as Error).message)
      }
    }
  }
  const loops = Array.from({ length: clients }, loop)
  return {
    outcomes,
    failures,
    ok: () => ok,
    async stop() {
      stopped = true
      await Promise.all(loops)
      agent.destroy()
    },
  }
}
