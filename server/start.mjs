/**
 * `npm start`: runs build/server.mjs (bundled by `npm run build`, which `npm ci` runs) when none of the
 * files it was made from has changed since; otherwise the TypeScript sources through tsx, as before,
 * and says why on stderr. Plain JavaScript, so that deciding costs no transpiling.
 */
import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const BUNDLE = path.join(ROOT, 'build', 'server.mjs')

/** Why build/server.mjs cannot be used, or null when it is fresh. */
function staleReason() {
  let manifest, built
  try {
    manifest = JSON.parse(readFileSync(path.join(ROOT, 'build', 'server.json'), 'utf8'))
    built = statSync(BUNDLE).mtimeMs
  } catch {
    return 'there is no build/server.mjs'
  }
  for (const input of manifest.inputs) {
    let changed
    try {
      changed = statSync(path.join(ROOT, input)).mtimeMs
    } catch {
      return `${input} is gone`
    }
    if (changed > built) return `${input} changed after build/server.mjs was made`
  }
  return null
}

const reason = staleReason()
if (reason === null) {
  await import(pathToFileURL(BUNDLE).href)
} else {
  process.stderr.write(`Running the TypeScript sources with tsx: ${reason} (npm run build makes a fresh one).\n`)
  const { register } = await import('tsx/esm/api')
  register({ tsconfig: path.join(ROOT, 'tsconfig.node.json') })
  await import(pathToFileURL(path.join(ROOT, 'server', 'src', 'main.ts')).href)
}
