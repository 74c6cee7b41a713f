// Export: the case as an interchange document plus a folder of the original
// evidence bytes beside it. Both are built under temporary names and moved
// into place only when complete.
import fs from 'node:fs'
import path from 'node:path'
import type { CaseFile } from '../casefile/case-file'
import { KirokuError } from '../errors'
import { checkOutputFolder, fsyncFile, temporarySibling, trackTemporary, writeAtomically } from '../fs/atomic'
import { PRIVATE_FILE, PRIVATE_FOLDER } from '../fs/private-mode'
import { FORMAT_NAME, lowestVersion, type CaseDocumentInput } from './format'

/** A file name that is safe on every platform and cannot climb out of its folder. */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/^[._]+/, '')
    .slice(0, 120)
  return cleaned || 'file'
}

const localId = (prefix: string, id: number | undefined) => (id === undefined ? undefined : `${prefix}${id}`)

/** The case as a document; `evidenceFile` names where each piece's bytes go. */
export function toDocument(caseFile: CaseFile, evidenceFile: (id: number, fileName: string) => string): CaseDocumentInput {
  const { updatedAt: _, ...caseRecord } = caseFile.case.get()
  const plan = planSection(caseFile)
  // `private` on an organisation or a loss only when set: without it, a reader of version 1 or 2 can still import the document.
  const privateFlag = (isPrivate: boolean) => (isPrivate ? { private: true } : {})
  const organizations = caseFile.organizations.list().map(({ private: isPrivate, ...o }) => ({ ...o, id: localId('org', o.id)!, ...privateFlag(isPrivate) }))
  const losses = caseFile.losses.list().map(({ id: _id, private: isPrivate, ...l }) => ({
    ...l,
    organizationId: localId('org', l.organizationId),
    ...privateFlag(isPrivate),
  }))
  const tasks = caseFile.tasks.list().map(({ id: _id, ...t }) => ({
    ...t,
    organizationId: localId('org', t.organizationId),
    eventId: localId('event', t.eventId),
  }))
  const police = caseFile.policeRecords.list().map(({ id: _id, ...p }) => ({
    ...p,
    organizationId: localId('org', p.organizationId),
    eventId: localId('event', p.eventId),
  }))
  // No key at all without police records: a reader of version 3 or older can still import the document.
  const policeRecords = police.length ? { policeRecords: police } : {}
  return {
    format: FORMAT_NAME,
    // The lowest version that holds the data.
    version: lowestVersion({ ...plan, organizations, losses, tasks, ...policeRecords }),
    case: caseRecord,
    organizations,
    events: caseFile.events.list({ order: 'creation' }).map((e) => ({
      ...e,
      id: localId('event', e.id),
      organizationId: localId('org', e.organizationId),
      evidenceIds: e.evidenceIds.map((id) => localId('evidence', id)!),
    })),
    references: caseFile.references.list().map(({ id: _id, ...r }) => ({
      ...r,
      organizationId: localId('org', r.organizationId),
      eventId: localId('event', r.eventId),
    })),
    losses,
    evidence: caseFile.evidence.list().map((e) => ({
      id: localId('evidence', e.id)!,
      file: evidenceFile(e.id, e.fileName),
      fileName: e.fileName,
      sha256: e.sha256,
      caption: e.caption,
      capturedAt: e.capturedAt,
      private: e.private,
    })),
    tasks,
    ...policeRecords,
    ...plan,
  }
}

/** The recovery plan and its progress, when the case has one; no key at all when not. */
function planSection(caseFile: CaseFile): Pick<CaseDocumentInput, 'plan'> {
  const plan = caseFile.plan.get()
  if (!plan) return {}
  const { moreKinds, ...adopted } = plan
  return {
    plan: {
      ...adopted,
      ...(moreKinds.length ? { moreKinds } : {}),
      steps: plan.steps.map(({ id: _id, eventId, ...step }) => ({ ...step, eventId: localId('event', eventId) })),
    },
  }
}

/** Writes OUT.json and OUT-evidence/ beside it; returns the evidence folder's path. */
export async function exportJsonFile(caseFile: CaseFile, outJson: string): Promise<string> {
  const stem = path.basename(outJson, path.extname(outJson))
  const folderName = `${stem}-evidence`
  const folder = path.join(path.dirname(outJson), folderName)
  checkOutputFolder(outJson)
  if (fs.existsSync(outJson) || fs.existsSync(folder)) {
    throw new KirokuError('io', `${outJson} or ${folder} already exists; choose another name or remove them first`)
  }
  const tmpFolder = temporarySibling(folder)
  const untrack = trackTemporary(tmpFolder)
  fs.mkdirSync(tmpFolder, { mode: PRIVATE_FOLDER })
  try {
    const doc = toDocument(caseFile, (id, fileName) => {
      const name = `${id}-${safeFileName(fileName)}`
      const file = path.join(tmpFolder, name)
      fs.writeFileSync(file, caseFile.evidence.bytes(id), { flag: 'wx', mode: PRIVATE_FILE })
      fsyncFile(file)
      return `${folderName}/${name}`
    })
    fs.renameSync(tmpFolder, folder)
    try {
      await writeAtomically(outJson, (tmp) => fs.writeFileSync(tmp, `${JSON.stringify(doc, null, 2)}\n`))
    } catch (error) {
      fs.rmSync(folder, { recursive: true, force: true })
      throw error
    }
    return folder
  } finally {
    fs.rmSync(tmpFolder, { recursive: true, force: true })
    untrack()
  }
}
