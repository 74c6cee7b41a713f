// Everything that opens, reloads or locks a case. Each load remembers which
// unlocked session it belongs to, so an answer that arrives after the case
// was locked is dropped instead of bringing case data back.
import type { CaseInput } from '../../../shared/domain'
import { checkPicture } from '../../../shared/image-size'
import type { Input } from '../../../shared/ipc/contract'
import { call } from '../ipc'
import { base64ToBytes } from '../lib/base64'
import { INITIAL_SESSION, useSession, type CaseData, type CaseList } from './session'

let sessionGeneration = 0
const pendingEvidenceUrls = new Map<number, Promise<string>>()

const LOADERS = {
  organizations: () => call('organizations:list'),
  events: () => call('events:list', undefined),
  references: () => call('references:list'),
  losses: () => call('losses:list'),
  tasks: () => call('tasks:list'),
  policeRecords: () => call('policeRecords:list'),
  evidence: () => call('evidence:list'),
  plan: () => call('plan:get'),
} satisfies { [K in CaseList]: () => Promise<CaseData[K]> }

const ALL_LISTS = Object.keys(LOADERS) as CaseList[]

async function loadLists(lists: readonly CaseList[]): Promise<Partial<CaseData>> {
  const values = await Promise.all(lists.map((list) => LOADERS[list]()))
  return Object.fromEntries(lists.map((list, i) => [list, values[i]]))
}

async function enterCase(opened: { path: string; case: CaseData['record']; history?: CaseData['history'] }): Promise<void> {
  const generation = ++sessionGeneration
  const lists = (await loadLists(ALL_LISTS)) as Omit<CaseData, 'path' | 'record' | 'history'>
  if (generation !== sessionGeneration) return
  // Another file asked for while this one was opening (requestOpen moved to its unlock screen): asked about, not lost.
  const { screen } = useSession.getState()
  const waiting = screen.name === 'unlock' && screen.path !== opened.path ? screen.path : null
  useSession.setState({
    ...INITIAL_SESSION,
    screen: { name: 'case' },
    caseData: { path: opened.path, record: opened.case, history: opened.history, ...lists },
    openRequest: waiting,
  })
}

/** `remember`: the main process also keeps the passphrase, sealed by the OS keyring (only offered where it has a real one). */
export async function unlockCase(path: string, passphrase: string, remember = false): Promise<void> {
  await enterCase(await call('case:open', { path, passphrase, remember }))
}

/** Opens with the passphrase remembered on this device; it stays in the main process, the page never sees it. */
export async function unlockRemembered(path: string): Promise<void> {
  await enterCase(await call('case:openRemembered', { path }))
}

export async function createCase(path: string, passphrase: string, input: CaseInput, plan?: Input<'case:create'>['plan']): Promise<void> {
  await enterCase(await call('case:create', { path, passphrase, case: input, plan }))
}

/** Re-reads the given lists of the open case (after a change). */
export async function reload(...lists: CaseList[]): Promise<void> {
  const generation = sessionGeneration
  const fresh = await loadLists(lists)
  const { caseData } = useSession.getState()
  if (generation !== sessionGeneration || !caseData) return
  useSession.setState({ caseData: { ...caseData, ...fresh } })
}

export async function updateCase(input: CaseInput): Promise<void> {
  const generation = sessionGeneration
  const record = await call('case:update', input)
  const { caseData } = useSession.getState()
  if (generation !== sessionGeneration || !caseData) return
  useSession.setState({ caseData: { ...caseData, record } })
}

/**
 * Clears every piece of case data from the page first (so it is gone even
 * if the main process is slow to answer), then closes the file. `restore`:
 * the unlock screen opens straight on "Restore from a backup" (a case is
 * closed before one of its backups replaces it).
 */
export async function lockCase(options: { idle?: boolean; restore?: boolean } = {}): Promise<void> {
  const { caseData, evidenceUrls, openRequest } = useSession.getState()
  sessionGeneration++
  pendingEvidenceUrls.clear()
  for (const url of Object.values(evidenceUrls)) URL.revokeObjectURL(url)
  // A file the user asked to open and not yet answered about is where they land once this case is closed.
  const next = openRequest && !options.restore ? openRequest : caseData?.path
  useSession.setState({
    ...INITIAL_SESSION,
    screen: next ? { name: 'unlock', path: next, lockedAfterIdle: options.idle, restoreBackup: options.restore } : { name: 'start' },
  })
  await call('case:close').catch(() => undefined) // nothing more to clear if the file was already closed
}

export function goToStart(): void {
  useSession.setState({ ...INITIAL_SESSION })
}

export function goToUnlock(path: string): void {
  useSession.setState({ ...INITIAL_SESSION, screen: { name: 'unlock', path } })
}

/**
 * A case file the OS asked to open (double-click, command line). With nothing
 * open it goes straight to Unlock; over an open case it waits for the user's
 * answer (CaseScreen asks); the file already shown is left as it is.
 */
export function requestOpen(path: string): void {
  const { screen, caseData } = useSession.getState()
  if (caseData) {
    if (caseData.path !== path) useSession.setState({ openRequest: path })
  } else if (!(screen.name === 'unlock' && screen.path === path)) {
    goToUnlock(path)
  }
}

/** An object URL for an evidence item's bytes, fetched once per unlocked session. */
export function evidenceUrl(id: number): Promise<string> {
  const known = useSession.getState().evidenceUrls[id]
  if (known) return Promise.resolve(known)
  const pending = pendingEvidenceUrls.get(id)
  if (pending) return pending
  const generation = sessionGeneration
  const loading = call('evidence:content', { id }).then(({ mimeType, base64 }) => {
    if (generation !== sessionGeneration) throw new Error('locked')
    const bytes = base64ToBytes(base64)
    // Intake refuses pictures too large to decode, but an older case file may
    // still hold one: the browser never gets a picture whose header does not
    // give a size within the limit.
    if (mimeType.startsWith('image/') && !checkPicture(bytes).ok) throw new Error('picture not shown')
    const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }))
    useSession.setState((s) => ({ evidenceUrls: { ...s.evidenceUrls, [id]: url } }))
    return url
  })
  pendingEvidenceUrls.set(id, loading)
  loading.catch(() => pendingEvidenceUrls.delete(id))
  return loading
}
