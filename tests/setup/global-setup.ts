import { rmSync } from 'node:fs'
import type { TestProject } from 'vitest/node'
import { createTemplates, dropTemplates, type Backend } from './templates.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    templates: import('./templates.ts').Templates
  }
}

export default async function setup(project: TestProject) {
  const backend = (project.config.env?.TEST_BACKEND ?? 'pglite') as Backend
  const runId = `${process.pid}_${backend}`
  const templates = await createTemplates(backend, runId)
  project.provide('templates', templates)
  return async () => {
    await dropTemplates(templates, runId)
    if (backend === 'pglite') {
      rmSync(templates.empty, { force: true })
      rmSync(templates.seeded, { force: true })
    }
  }
}
