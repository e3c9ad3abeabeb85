import { describe, expect, it } from 'vitest'
import { fromHash, toHash } from '../lib/url-state.ts'
import { Cache } from './cache.ts'
import { hrefOf, initialState, pageOf, update, type Action, type State } from './state.ts'

const start = (hash = '#/') => initialState(hash, 'zh', null)
const run = (state: State, ...actions: Action[]) => actions.reduce(update, state)

describe('web state', () => {
  it('starts from the address: the view in it on a first load, else the page’s area, without animation', () => {
    expect(start('#/town/410184109?at=113.7000,34.4500,10.50').camera).toEqual({ n: 0, kind: 'jump', view: { lng: 113.7, lat: 34.45, zoom: 10.5 } })
    expect(start('#/').camera).toEqual({ n: 0, kind: 'fit', animate: false })
    expect(start().visit).toBe(0)
  })

  it('round-trips every page’s address through the state', () => {
    for (const hash of [
      '#/',
      '#/town/410184109?metric=coverage&layers=regions,points&at=113.7000,34.4500,10.50',
      '#/compare?codes=410184001,410184002&radius=3',
      '#/indicators',
      '#/plan?dept=D01',
      '#/data',
      '#/history?entity=region&id=410184109',
      '#/gi/longhu-cherry',
      '#/nowhere',
    ]) {
      expect(toHash(start(hash))).toBe(hash)
      expect(toHash(update(start('#/'), { type: 'navigate', hash }))).toBe(hash)
    }
  })

  it('keeps the page when the metric or a layer changes, and writes them to the address', () => {
    const state = run(start('#/town/410184109'), { type: 'metric', metric: 'per10k' }, { type: 'layer', group: 'gi', on: false })
    expect(toHash(state)).toBe('#/town/410184109?metric=per10k&layers=regions,points')
    expect(pageOf(state)).toBe('/town/410184109')
    expect(state.visit).toBe(0)
    expect(run(state, { type: 'layer', group: 'gi', on: true }).layers).toEqual(new Set(['regions', 'points', 'gi']))
  })

  it('makes a navigation to another page a new visit that fits the page’s area with animation', () => {
    const state = run(start('#/'), { type: 'navigate', hash: '#/town/410184109' })
    expect(state.route).toEqual({ name: 'town', code: '410184109' })
    expect(state.visit).toBe(1)
    expect(state.camera).toEqual({ n: 1, kind: 'fit', animate: true })
  })

  it('jumps to the view of an address that changes only the view (back and forward), without a new visit', () => {
    const state = run(start('#/?at=113.7000,34.4500,10.00'), { type: 'navigate', hash: '#/?at=113.8000,34.5000,11.00' })
    expect(state.visit).toBe(0)
    expect(state.camera).toEqual({ n: 1, kind: 'jump', view: { lng: 113.8, lat: 34.5, zoom: 11 } })
  })

  it('records the user’s moves in the state (and so the address) without moving the camera', () => {
    const state = run(start('#/'), { type: 'moved', view: { lng: 113.7, lat: 34.45, zoom: 10.5 } })
    expect(toHash(state)).toBe('#/?at=113.7000,34.4500,10.50')
    expect(state.camera.n).toBe(0)
  })

  it('keeps the metric and layers on a page opened from a search, but not the view', () => {
    const state = run(start('#/?metric=coverage&at=113.7000,34.4500,10.00'), { type: 'go', route: { name: 'town', code: '410184107' } })
    expect(toHash(state)).toBe('#/town/410184107?metric=coverage')
    expect(hrefOf(state, { name: 'county' })).toBe('#/?metric=coverage')
  })

  it('shows a station: a numbered request, with the points layer switched on', () => {
    const first = run(start('#/?layers=regions'), { type: 'showPoint', id: 'p1' })
    expect(first.selectedPoint).toEqual({ id: 'p1', n: 1 })
    expect(first.layers.has('points')).toBe(true)
    expect(run(first, { type: 'showPoint', id: 'p1' }).selectedPoint).toEqual({ id: 'p1', n: 2 })
  })

  it('goes through the "nearest to here" phases, and flies to the user’s location', () => {
    const at = { lng: 113.7, lat: 34.4 }
    const asked = run(start(), { type: 'nearestAsked', at })
    expect(asked).toMatchObject({ nearest: { phase: 'loading' }, here: at })
    expect(run(asked, { type: 'nearestAnswered', results: [] }).nearest).toEqual({ phase: 'done', results: [] })
    expect(run(asked, { type: 'nearestFailed', message: 'x' }).nearest).toEqual({ phase: 'error', message: 'x' })
    expect(run(start(), { type: 'located', at }).camera).toEqual({ n: 1, kind: 'fly', center: [113.7, 34.4], zoom: 12 })
  })

  it('changes the comparison through its part of the address, leaving defaults out', () => {
    const state = run(
      start('#/compare?codes=410184001,410184002'),
      { type: 'compare', change: { radius: 3 } },
      { type: 'compare', change: { sort: 'servicePointCount', dir: 'desc' } },
    )
    expect(toHash(state)).toBe('#/compare?codes=410184001,410184002&radius=3&sort=servicePointCount&dir=desc')
    expect(run(state, { type: 'compare', change: { codes: null, radius: 5, sort: 'rank', dir: 'asc' } }).route).toEqual({ name: 'compare', query: '' })
    // Elsewhere the action changes nothing.
    const county = start('#/')
    expect(update(county, { type: 'compare', change: { radius: 3 } })).toBe(county)
  })

  it('filters the plan by a body, and back to every task', () => {
    const state = run(start('#/plan'), { type: 'planDept', code: 'D 1' })
    expect(toHash(state)).toBe('#/plan?dept=D%201')
    expect(toHash(run(state, { type: 'planDept', code: null }))).toBe('#/plan')
  })

  it('filters the plan by a status, keeping the body, and back to every task', () => {
    const state = run(start('#/plan?dept=D1&focus=4.2.2'), { type: 'planStatus', status: 'IN_PROGRESS' })
    expect(toHash(state)).toBe('#/plan?dept=D1&status=IN_PROGRESS')
    expect(toHash(run(state, { type: 'planDept', code: null }))).toBe('#/plan?status=IN_PROGRESS')
    expect(toHash(run(state, { type: 'planStatus', status: 'all' }))).toBe('#/plan?dept=D1')
  })

  it('makes every change of a page without the map’s address a new visit, and the same address none', () => {
    const state = run(start('#/data'), { type: 'navigate', hash: '#/data' })
    expect(state.visit).toBe(0)
    expect(run(state, { type: 'navigate', hash: '#/indicators' }).visit).toBe(1)
    expect(fromHash(toHash(run(state, { type: 'navigate', hash: '#/indicators' }))).route).toEqual({ name: 'indicators', query: '' })
  })

  it("opens a GI product's page from the county as a new visit, and writes no map parameter for it", () => {
    const county = start('#/?metric=coverage')
    const gi = update(county, { type: 'go', route: { name: 'gi', code: 'xinzheng-jujube' } })
    expect(gi.route).toEqual({ name: 'gi', code: 'xinzheng-jujube' })
    expect(gi.visit).toBe(county.visit + 1)
    expect(toHash(gi)).toBe('#/gi/xinzheng-jujube')
    expect(update(gi, { type: 'navigate', hash: '#/gi/xinzheng-jujube' })).toBe(gi)
    expect(update(gi, { type: 'navigate', hash: '#/gi/longhu-cherry' }).visit).toBe(gi.visit + 1)
  })

  it('switches the language and the basemap without touching the address', () => {
    const state = run(start('#/town/410184109'), { type: 'lang', lang: 'en' }, { type: 'basemap', id: 'tianditu-vec' })
    expect([state.lang, state.basemapId]).toEqual(['en', 'tianditu-vec'])
    expect(toHash(state)).toBe('#/town/410184109')
  })
})

describe('the data cache', () => {
  it('loads a key once, keeps the value, and forgets a failure so the next read asks again', async () => {
    let settled = 0
    const cache = new Cache(() => settled++)
    let calls = 0
    const load = () => Promise.resolve(++calls)
    await Promise.all([cache.get('a', load), cache.get('a', load)])
    expect([cache.value('a'), calls]).toEqual([1, 1])
    await cache.get('b', () => Promise.reject(new Error('down'))).catch(() => undefined)
    await Promise.resolve()
    expect(cache.peek('b')?.status).toBe('error')
    expect(await cache.get('b', () => Promise.resolve('up'))).toBe('up')
    expect(settled).toBe(3)
  })

  it('drops the oldest entries beyond its size, and forgets by prefix', () => {
    const cache = new Cache(undefined, 2)
    for (const key of ['town:1', 'town:2', 'plan']) cache.put(key, key)
    expect(cache.peek('town:1')).toBeUndefined()
    cache.forgetPrefix('town:')
    expect([cache.value('town:2'), cache.value('plan')]).toEqual([undefined, 'plan'])
  })

  it('knows who is signed in once the server says, and changes only when the answer does', () => {
    const admin = { username: 'root', displayName: '管理员甲', role: 'admin' as const, regions: [], mustChangePassword: false }
    const first = start('#/users')
    expect(first.user).toBeUndefined()
    const signedIn = update(first, { type: 'session', user: admin })
    expect(signedIn.user).toEqual(admin)
    expect(signedIn.route).toEqual(first.route)
    expect(signedIn.visit).toBe(first.visit)
    // The same user again (a refreshed /auth/me) is no change: nothing redraws.
    expect(update(signedIn, { type: 'session', user: { ...admin, regions: [] } })).toBe(signedIn)
    expect(update(signedIn, { type: 'session', user: { ...admin, mustChangePassword: true } }).user?.mustChangePassword).toBe(true)
    const signedOut = update(signedIn, { type: 'session', user: null })
    expect(signedOut.user).toBeNull()
    expect(update(signedOut, { type: 'session', user: null })).toBe(signedOut)
    expect(update(first, { type: 'session', user: null }).user).toBeNull()
  })
})
