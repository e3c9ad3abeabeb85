import { describe, expect, it } from 'vitest'
import { toHash, historyRoute, fromHash, nextHashOf, signInHash, formatPlanQuery, parsePlanQuery } from './url-state.ts'

describe('url state', () => {
  it('reads the county view with defaults from an empty hash', () => {
    for (const hash of ['', '#', '#/']) {
      const state = fromHash(hash)
      expect(state).toMatchObject({ route: { name: 'county' }, metric: 'servicePoints', view: null })
      expect([...state.layers]).toEqual(['regions', 'points', 'gi'])
      expect(toHash(state)).toBe('#/')
    }
  })

  it('round-trips a town page with a metric, some layers and a view', () => {
    const hash = '#/town/410184109?metric=coverage&layers=regions,points&at=113.7000,34.4500,10.50'
    const state = fromHash(hash)
    expect(state.route).toEqual({ name: 'town', code: '410184109' })
    expect(state.metric).toBe('coverage')
    expect([...state.layers]).toEqual(['regions', 'points'])
    expect(state.view).toEqual({ lng: 113.7, lat: 34.45, zoom: 10.5 })
    expect(toHash(state)).toBe(hash)
  })

  it('keeps "no layer" distinct from "every layer"', () => {
    const state = fromHash('#/?layers=')
    expect(state.layers.size).toBe(0)
    expect(toHash(state)).toBe('#/?layers=')
  })

  it('falls back to defaults for what it cannot read, and names unknown pages', () => {
    const state = fromHash('#/?metric=nonsense&layers=regions,bogus&at=1,2')
    expect(state).toMatchObject({ metric: 'servicePoints', view: null })
    expect([...state.layers]).toEqual(['regions'])
    expect(fromHash('#/nowhere').route).toEqual({ name: 'notFound', path: '/nowhere' })
    expect(fromHash('#/?at=500,20,10').view).toBeNull()
  })

  it('reads #/data, a page without a map', () => {
    expect(fromHash('#/data').route).toEqual({ name: 'data', query: '' })
    expect(toHash(fromHash('#/data'))).toBe('#/data')
  })

  it("reads a record's #/history with its entity and id, and writes them back", () => {
    const hash = toHash({ ...fromHash('#/'), route: historyRoute('service_point', 'ip-service/1 a') })
    expect(hash).toBe('#/history?entity=service_point&id=ip-service%2F1+a')
    const params = new URLSearchParams((fromHash(hash).route as { query: string }).query)
    expect([params.get('entity'), params.get('id')]).toEqual(['service_point', 'ip-service/1 a'])
  })

  it("reads the stewards' pages #/sign-in, #/account and #/users, keeping their query", () => {
    expect(fromHash('#/sign-in?next=%23%2Fusers').route).toEqual({ name: 'sign-in', query: 'next=%23%2Fusers' })
    expect(toHash(fromHash('#/sign-in?next=%23%2Fusers'))).toBe('#/sign-in?next=%23%2Fusers')
    expect(fromHash('#/account').route).toEqual({ name: 'account', query: '' })
    expect(fromHash('#/users/').route).toEqual({ name: 'users', query: '' })
  })

  it('sends the user back only to an address of the app after signing in', () => {
    expect(nextHashOf('next=%23%2Ftown%2F410184101%3Fmetric%3Dcoverage')).toBe('#/town/410184101?metric=coverage')
    expect(nextHashOf('')).toBe('#/')
    for (const bad of ['https://evil.example/', 'javascript:alert(1)', '//evil.example', '#/sign-in?next=%23%2Fusers', '#\\evil'])
      expect(nextHashOf(new URLSearchParams({ next: bad }).toString()), bad).toBe('#/')
    expect(signInHash('#/users')).toBe('#/sign-in?next=%23%2Fusers')
    expect(fromHash(signInHash('#/history?entity=region&id=410184101')).route).toEqual({
      name: 'sign-in',
      query: 'next=%23%2Fhistory%3Fentity%3Dregion%26id%3D410184101',
    })
    expect(signInHash('#/')).toBe('#/sign-in')
    expect(signInHash('#/sign-in')).toBe('#/sign-in')
  })

  it("reads a GI product's page #/gi/<code> and writes it back without the map's parameters", () => {
    expect(fromHash('#/gi/longhu-cherry').route).toEqual({ name: 'gi', code: 'longhu-cherry' })
    expect(fromHash('#/gi/longhu-cherry/').route).toEqual({ name: 'gi', code: 'longhu-cherry' })
    expect(fromHash('#/gi/a%2Fb').route).toEqual({ name: 'gi', code: 'a/b' })
    const state = fromHash('#/gi/xinzheng-jujube?metric=coverage&layers=regions&at=113.7000,34.4500,10.50')
    expect(toHash(state)).toBe('#/gi/xinzheng-jujube')
    expect(toHash({ ...fromHash('#/'), route: { name: 'gi', code: 'a/b' } })).toBe('#/gi/a%2Fb')
    expect(fromHash('#/gi').route).toEqual({ name: 'notFound', path: '/gi' })
  })

  it("reads the county's brief #/brief and a town's #/brief/<code>, and writes them back without the map's parameters", () => {
    expect(fromHash('#/brief').route).toEqual({ name: 'brief', code: null })
    expect(fromHash('#/brief/').route).toEqual({ name: 'brief', code: null })
    expect(fromHash('#/brief/410184109').route).toEqual({ name: 'brief', code: '410184109' })
    expect(toHash(fromHash('#/brief/410184109?metric=coverage&at=113.7000,34.4500,10.50'))).toBe('#/brief/410184109')
    expect(toHash({ ...fromHash('#/'), route: { name: 'brief', code: null } })).toBe('#/brief')
    expect(toHash({ ...fromHash('#/'), route: { name: 'brief', code: 'a/b' } })).toBe('#/brief/a%2Fb')
    expect(fromHash('#/brief/1/2').route).toEqual({ name: 'notFound', path: '/brief/1/2' })
  })
})

describe("#/plan's query", () => {
  it('reads and writes the body, the status and the task to focus, leaving out the defaults', () => {
    expect(parsePlanQuery('')).toEqual({ dept: null, status: 'all', focus: null })
    expect(parsePlanQuery('dept=market&status=IN_PROGRESS')).toEqual({ dept: 'market', status: 'IN_PROGRESS', focus: null })
    expect(parsePlanQuery('status=none&focus=4.2.2')).toEqual({ dept: null, status: 'none', focus: '4.2.2' })
    expect(formatPlanQuery({ dept: 'D 1', status: 'DONE', focus: null })).toBe('dept=D%201&status=DONE')
    expect(formatPlanQuery({ dept: null, status: 'all', focus: null })).toBe('')
  })

  it('reads an unknown status as every task', () => {
    expect(parsePlanQuery('status=finished').status).toBe('all')
  })
})
