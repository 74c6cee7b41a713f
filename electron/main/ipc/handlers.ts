// The handlers behind every channel of the contract. They hold the one open
// case file of the window and delegate to the core. Pure: the Electron-only
// parts (dialogs, app name, locale) come in through `Platform`, so the same
// handlers serve Electron and the browser tests.
import fs from 'node:fs'
import path from 'node:path'
import {
  BackgroundReading,
  NOTHING_TO_READ,
  InvalidInputError,
  KirokuError,
  addEvidence,
  createTextRecogniser,
  createCaseFile,
  dossierMissing,
  letterMissing,
  letterWords,
  makeDossier,
  mergeCaseFile,
  openCaseFile,
  shareCaseFile,
  verifyPassphrase,
  writeBundle,
  writeDossierFile,
  writeLetterFile,
  planLibrary,
  providerDirectory,
  type CaseFile,
  type CaseFileOptions,
  type ReadingProgress,
  type TextRecogniser,
} from '../core'
import { evidenceTextHandlers } from './evidence-text-handlers'
import { planHandlers } from './plan-handlers'
import { backupHandlers } from './backup-handlers'
import { PathGrants } from './path-grants'
import { rememberHandlers, rememberOrClose, usableStore } from './remember-handlers'
import type { RememberedPassphrases } from './remembered-passphrases'
import type { Handlers } from './router'
import type { RecentFiles } from './recent-files'

/** What the user is saving: the dialog's file type and default name follow from it. */
export type SaveKind = 'case' | 'dossier' | 'bundle' | 'share'

export interface Platform {
  appInfo(): { name: string; version: string; locale: string }
  /** A path given on the command line or by the OS, handed out once. */
  takeFileToOpen(): string | undefined
  chooseCaseToOpen(): Promise<string | undefined>
  /** A native save dialog (which asks before replacing a file); undefined when cancelled. */
  chooseSavePath(kind: SaveKind, suggestedName: string): Promise<string | undefined>
  recentFiles: RecentFiles
  /** Passphrases sealed by the OS keyring (remembered-passphrases.ts); absent: this device remembers none. */
  rememberedPassphrases?: RememberedPassphrases
  caseFileOptions: CaseFileOptions
  /** The recovery plans (resources/plans); default: the nearest resources/plans above the program. */
  plansDir?: string
  /** resources/directory of the app (default: the nearest one, for tests). */
  directoryDir?: string
  /** Opens the file manager on the folder of `file`, with the file selected. */
  showInFolder(file: string): void
}

export class CaseSession {
  private current: CaseFile | undefined
  /** Checks every few minutes whether an hourly automatic backup is due (none unless backups are set up). */
  private backupTimer: ReturnType<typeof setInterval> | undefined
  /** Reads the open case's pictures (and mails or PDFs that came by import or merge) in the background. */
  private reading: BackgroundReading | undefined
  private recogniser: TextRecogniser | undefined

  /**
   * `createRecogniser`: the text recognition the background reading uses (its worker starts with the
   * first picture); one that gives none leaves pictures unread (tests that are not about reading).
   */
  constructor(private readonly createRecogniser: () => TextRecogniser | undefined = createTextRecogniser) {}

  /** The open case's path, if any. */
  get path(): string | undefined {
    return this.current?.path
  }

  get open(): CaseFile {
    if (!this.current) throw new KirokuError('not_found', 'No case file is open.')
    return this.current
  }

  set(caseFile: CaseFile): void {
    this.close()
    this.current = caseFile
    this.backupTimer = setInterval(() => this.current?.backupIfDue(), 5 * 60 * 1000)
    this.backupTimer.unref?.()
    this.recogniser = this.createRecogniser()
    this.reading = new BackgroundReading(caseFile, { recogniser: this.recogniser })
    // A case from before Kiroku read evidence, or closed while pictures waited.
    this.reading.nudge()
  }

  /** Something may have brought evidence with no text yet (intake, import, merge): read it in the background. */
  readInBackground(): void {
    this.reading?.nudge()
  }

  readingProgress(): ReadingProgress {
    return this.reading?.progress() ?? NOTHING_TO_READ
  }

  /** Resolves once the background reading has nothing left to do (tests wait on it). */
  async readingIdle(): Promise<void> {
    await this.reading?.idle()
  }

  close(): void {
    clearInterval(this.backupTimer)
    this.backupTimer = undefined
    // Stopped before the case closes: a reading that finishes later writes nothing.
    this.reading?.stop()
    void this.recogniser?.close()
    this.reading = undefined
    this.recogniser = undefined
    // CaseFile.close() writes the on-close backup when backups are set up.
    this.current?.close()
    this.current = undefined
  }
}

export function createHandlers(platform: Platform, session = new CaseSession(), grants = new PathGrants()): Handlers {
  const cf = () => session.open
  /** The save dialog's answer, refused if it names the open case file itself. */
  const chooseOutput = async (kind: SaveKind, suffix = '') => {
    const chosen = await platform.chooseSavePath(kind, `${cf().case.get().title}${suffix}`)
    if (chosen && sameFile(chosen, cf().path)) {
      throw new KirokuError('invalid_input', 'That is the open case file itself; choose another name so the case is not overwritten.')
    }
    // Whatever is written there may then be shown in its folder (app:showInFolder).
    return grants.grant('show', chosen)
  }
  const opened = async (caseFile: CaseFile) => {
    session.set(caseFile)
    const record = caseFile.case.get()
    await platform.recentFiles.remember({ path: caseFile.path })
    const finding = caseFile.historyFinding
    const history = finding && { kind: finding.kind, seenSeq: finding.seen.seq, seenAt: finding.seen.seenAt, fileSeq: finding.fileSeq }
    return { path: grants.grant('open', caseFile.path), case: record, history }
  }
  // Every path handed to the page is granted (path-grants.ts); only those can be opened, created or restored.
  return {
    'app:info': () => platform.appInfo(),
    'app:takeFileToOpen': () => grants.grant('open', platform.takeFileToOpen()),
    'app:showInFolder': ({ path: file }) => {
      grants.check('show', file)
      if (!fs.existsSync(file)) throw new KirokuError('not_found', `${file} is no longer there.`)
      platform.showInFolder(file)
    },
    'recent:list': () => {
      const files = platform.recentFiles.list()
      for (const file of files) grants.grant('open', file.path)
      return files
    },
    'recent:forget': async ({ path }) => {
      await platform.recentFiles.forget(path)
      // Forgotten means the page needs the open dialog to get it back.
      grants.revoke('open', path)
    },
    'dialog:chooseCaseToOpen': async () => grants.grant('open', await platform.chooseCaseToOpen()),
    'dialog:chooseNewCasePath': async ({ suggestedName }) => grants.grant('create', await platform.chooseSavePath('case', suggestedName)),

    'case:create': async ({ path, passphrase, case: input, plan }) => {
      grants.check('create', path)
      session.close()
      // The recovery plan chosen in the New case dialog is part of the new file from the start.
      const fill = plan ? (caseFile: CaseFile) => void caseFile.plan.adopt(planLibrary(platform.plansDir).get(plan.lang), plan.kind) : undefined
      await createCaseFile(path, passphrase, input, { ...platform.caseFileOptions, fill })
      return opened(openCaseFile(path, passphrase, platform.caseFileOptions))
    },
    'case:open': ({ path, passphrase, remember }) => {
      grants.check('open', path)
      // Asked to remember where nothing can be: refused before the file is touched.
      const store = remember ? usableStore(platform) : undefined
      // A wrong passphrase must leave the case that is open (if any) as it is.
      const caseFile = openCaseFile(path, passphrase, platform.caseFileOptions)
      if (store) rememberOrClose(store, caseFile, passphrase)
      return opened(caseFile)
    },
    'case:close': () => session.close(),
    'case:acceptHistory': () => cf().acceptHistory(),
    'case:get': () => cf().case.get(),
    'case:update': (input) => cf().case.set(input),

    'events:list': (filter) => cf().events.list(filter ?? {}),
    'events:create': (input) => cf().events.create(input),
    'events:update': ({ id, value }) => cf().events.update(id, value),
    'events:delete': ({ id }) => cf().events.delete(id),
    'events:logCall': ({ event, newOrganization, reference, promise, policeRecord }) =>
      cf().transaction(() => {
        if (newOrganization && event.organizationId !== undefined) {
          throw new KirokuError('invalid_input', 'A call is with one organisation: give organizationId or newOrganization, not both.')
        }
        // Created inside the note's transaction: a note that fails leaves no organisation behind.
        const organizationId = newOrganization ? cf().organizations.create(newOrganization).id : event.organizationId
        const created = cf().events.create({ ...event, organizationId })
        const link = { organizationId: created.organizationId, eventId: created.id }
        if (reference) cf().references.create({ ...reference, ...link, issuedAt: created.occurredAt })
        if (promise) cf().tasks.create({ ...promise, ...link, done: false })
        if (policeRecord) cf().policeRecords.create({ ...policeRecord, ...link, occurredAt: created.occurredAt })
        return created
      }),

    'organizations:list': () => cf().organizations.list(),
    'organizations:create': (input) => cf().organizations.create(input),
    'organizations:update': ({ id, value }) => cf().organizations.update(id, value),
    'organizations:delete': ({ id }) => cf().organizations.delete(id),
    'references:list': () => cf().references.list(),
    'references:create': (input) => cf().references.create(input),
    'references:update': ({ id, value }) => cf().references.update(id, value),
    'references:delete': ({ id }) => cf().references.delete(id),
    'losses:list': () => cf().losses.list(),
    'losses:create': (input) => cf().losses.create(input),
    'losses:update': ({ id, value }) => cf().losses.update(id, value),
    'losses:delete': ({ id }) => cf().losses.delete(id),
    'tasks:list': () => cf().tasks.list(),
    'tasks:create': (input) => cf().tasks.create(input),
    'tasks:update': ({ id, value }) => cf().tasks.update(id, value),
    'tasks:delete': ({ id }) => cf().tasks.delete(id),
    'policeRecords:list': () => cf().policeRecords.list(),
    'policeRecords:create': (input) => cf().policeRecords.create(input),
    'policeRecords:update': ({ id, value }) => cf().policeRecords.update(id, value),
    'policeRecords:delete': ({ id }) => cf().policeRecords.delete(id),
    'directory:get': () => providerDirectory(platform.directoryDir),

    'evidence:list': () => cf().evidence.list(),
    // A mail or PDF is read in the same step; a mail's attachments become evidence of their own (the list shows them).
    'evidence:add': async ({ base64, fileName, caption, capturedAt, private: isPrivate }) => {
      const { evidence, duplicate } = await addEvidence(cf(), { bytes: decodeBase64(base64), fileName, caption, capturedAt, private: isPrivate })
      // A picture's text is recognised afterwards, so the page has it back at once.
      session.readInBackground()
      return { evidence, duplicate }
    },
    'evidence:content': ({ id }) => ({
      mimeType: cf().evidence.get(id).mimeType,
      base64: cf().evidence.bytes(id).toString('base64'),
    }),
    'evidence:update': ({ id, value }) => cf().evidence.update(id, value),
    'evidence:delete': ({ id }) => cf().evidence.delete(id),

    search: ({ query }) => cf().search(query),

    // The main process asks where to save, so the page can never name a path to write.
    'dossier:create': async ({ organizationId, ...options }) => {
      const path = await chooseOutput('dossier')
      if (!path) return undefined
      const written = await writeDossierFile(cf(), path, { ...options, organization: organizationId?.toString() }, { overwrite: true })
      return { path, ...written }
    },
    'dossier:missing': (options) => dossierMissing(cf(), options, providerDirectory(platform.directoryDir)),
    'letter:missing': (options) => letterMissing(cf(), options, providerDirectory(platform.directoryDir)),
    'letter:create': async (options) => {
      const directory = providerDirectory(platform.directoryDir)
      // A claim to no organisation, or to a private one, is refused before the user is asked where to save.
      letterMissing(cf(), options, directory)
      const W = letterWords(options.lang)
      const title = { 'police-report': W.police.title, claim: W.claim.titleBoth, 'consumer-center': W.consumer.title }[options.type]
      const path = await chooseOutput('dossier', ` - ${title}`)
      if (!path) return undefined
      const written = await writeLetterFile(cf(), path, options, directory, { overwrite: true })
      return { path, ...written }
    },
    'bundle:create': async ({ organizationId, ...options }) => {
      const path = await chooseOutput('bundle')
      if (!path) return undefined
      const dossier = await makeDossier(cf(), { ...options, organization: organizationId?.toString() })
      const manifest = await writeBundle(cf(), path, dossier, options.lang, { overwrite: true })
      return { path, files: manifest.files.length, bytes: fs.statSync(path).size }
    },
    'share:create': async ({ passphrase, sharePassphrase, ...options }) => {
      // A wrong passphrase is said before the user is asked where to save.
      verifyPassphrase(cf(), passphrase, platform.caseFileOptions)
      const path = await chooseOutput('share', '-copy')
      if (!path) return undefined
      return { path, ...(await shareCaseFile(cf(), passphrase, path, sharePassphrase, { ...options, ...platform.caseFileOptions, overwrite: true })) }
    },

    // The main process asks which file to merge, so the page can never name a path to read.
    'case:merge': async ({ passphrase }) => {
      const target = cf()
      const chosen = await platform.chooseCaseToOpen()
      if (!chosen) return undefined
      if (sameFile(chosen, target.path)) {
        throw new KirokuError('invalid_input', 'That is the open case file itself; choose the shared file to merge into it.')
      }
      // A wrong passphrase is the usual cannot_open error, and nothing is changed.
      // Only the native module: the shared file is read, never backed up as if it were a case of ours.
      const shared = openCaseFile(chosen, passphrase, { nativeBinding: platform.caseFileOptions.nativeBinding })
      try {
        const report = shared.verify()
        if (!report.ok) {
          throw new KirokuError(
            'verification_failed',
            `The shared file fails verification, so nothing was merged: ${report.problems.slice(0, 3).join('; ')}`,
          )
        }
        const added = mergeCaseFile(target, shared)
        // Merged pictures, mails and PDFs arrive as bytes: read in the background, so a reading that
        // fails cannot turn a merge that is done into an error.
        session.readInBackground()
        return { path: chosen, added }
      } finally {
        shared.close()
      }
    },

    ...evidenceTextHandlers(cf, session),
    ...planHandlers(cf, platform, chooseOutput),
    ...backupHandlers(session, platform, grants),
    ...rememberHandlers(platform, opened, grants),
  }
}

function sameFile(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return fs.realpathSync(p)
    } catch {
      return path.resolve(p) // does not exist yet: cannot be the open file
    }
  }
  return real(a) === real(b)
}

function decodeBase64(text: string): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw new InvalidInputError([{ path: '$.base64', message: 'not base64' }])
  return Buffer.from(text, 'base64')
}
