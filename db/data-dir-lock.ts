/**
 * A lock file in the embedded database's folder: one process at a time may open it (PGlite is
 * in-process, and two processes writing one data folder would corrupt it). The file holds the
 * holder's pid; a lock whose process is gone is stale and taken over.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/** The lock file's name inside DATA_DIR. */
export const LOCK_FILE = 'ip-platform.lock'

interface LockContent {
  pid: number
  /** What holds it: `server`, `importer`, `token`, … */
  holder: string
  since: string
}

/** Folders this process holds (a second open in the same process is refused too). */
const held = new Set<string>()

/** The data folder is in use by another live process (or already open in this one). */
export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError'
  constructor(
    readonly dir: string,
    readonly lock: LockContent,
  ) {
    const who = lock.holder === 'server' ? 'a running server' : `a running ${lock.holder}`
    super(
      `The embedded database in DATA_DIR ${dir} is in use by ${who} (pid ${lock.pid}, since ${lock.since}): ` +
        'stop it and try again (PGlite allows one process at a time; with DATABASE_URL there is no such limit).',
    )
  }
}

/** Whether a process with this id is running (ours or another user's). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readLock(file: string): LockContent | undefined {
  try {
    const content = JSON.parse(readFileSync(file, 'utf8')) as LockContent
    return Number.isInteger(content.pid) ? content : undefined
  } catch {
    return undefined
  }
}

/**
 * Takes the lock on `dir` for this process, or throws {@link DataDirLockedError}.
 * Returns the function that releases it (it removes the file only while it is still ours).
 */
export function acquireDataDirLock(dir: string, holder: string): () => void {
  const resolved = path.resolve(dir)
  const file = path.join(resolved, LOCK_FILE)
  const mine: LockContent = { pid: process.pid, holder, since: new Date().toISOString() }
  if (held.has(resolved)) throw new DataDirLockedError(resolved, readLock(file) ?? mine)
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(mine) + '\n', { flag: 'wx' })
      held.add(resolved)
      const release = () => {
        process.off('exit', release)
        held.delete(resolved)
        if (readLock(file)?.pid === process.pid) rmSync(file, { force: true })
      }
      // Also on process.exit() without closing the database (a stale lock would be taken over anyway).
      process.on('exit', release)
      return release
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const other = readLock(file)
      // Our own pid in a lock we do not hold is a previous incarnation's (e.g. pid 1 in a container).
      if (other && other.pid !== process.pid && isAlive(other.pid)) throw new DataDirLockedError(resolved, other)
      rmSync(file, { force: true })
    }
  }
  throw new Error(`Could not take the lock ${file}`)
}
