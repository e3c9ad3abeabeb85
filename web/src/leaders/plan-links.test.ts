import { describe, expect, it } from 'vitest'
import { taskStatusOf, tasksWithStatus } from './plan-links.ts'

type Report = { status: 'NOT_STARTED' | 'IN_PROGRESS' | 'DONE'; date: string }
const task = (code: string, ...statuses: Report[]) => ({ code, statuses: statuses as never })

describe('a task’s progress for the filter', () => {
  it('is its latest report, the whole task’s first on the same day; none when nobody has reported', () => {
    expect(taskStatusOf(task('a'))).toBe('none')
    expect(taskStatusOf(task('b', { status: 'NOT_STARTED', date: '2026-01-05' }, { status: 'DONE', date: '2026-03-01' }))).toBe('DONE')
    expect(taskStatusOf(task('c', { status: 'IN_PROGRESS', date: '2026-03-01' }, { status: 'DONE', date: '2026-03-01' }))).toBe('IN_PROGRESS')
  })

  it('filters in the plan order', () => {
    const tasks = [task('1', { status: 'DONE', date: '2026-01-01' }), task('2'), task('3', { status: 'DONE', date: '2026-02-01' })]
    expect(tasksWithStatus(tasks, 'DONE').map((t) => t.code)).toEqual(['1', '3'])
    expect(tasksWithStatus(tasks, 'none').map((t) => t.code)).toEqual(['2'])
    expect(tasksWithStatus(tasks, 'all')).toHaveLength(3)
  })
})
