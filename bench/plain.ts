// The unencrypted twin of importJsonFile/openCaseFile: the same validation,
// the same writeImportedDocument, the same atomic write and the same connection
// settings (WAL, synchronous FULL, temp_store MEMORY), only without a key, so
// the difference between the two is what encryption costs.
import fs from 'node:fs'
import path from 'node:path'
import { CaseFile, parseDocumentText, validateDocument, writeImportedDocument } from '../electron/main/core'
import { unencryptedCaseConnection } from '../electron/main/core/casefile/connection'
import { writeAtomically } from '../electron/main/core/fs/atomic'

export function openPlainCaseFile(file: string): CaseFile {
  if (!fs.existsSync(file)) throw new Error(`${file} does not exist`) // never silently create an empty one
  return new CaseFile(file, unencryptedCaseConnection(file))
}

export async function importJsonFilePlain(target: string, jsonPath: string): Promise<void> {
  const validated = validateDocument(parseDocumentText(fs.readFileSync(jsonPath, 'utf8')), path.dirname(path.resolve(jsonPath)))
  await writeAtomically(target, (tmp) => {
    const caseFile = new CaseFile(tmp, unencryptedCaseConnection(tmp))
    try {
      caseFile.case.set(validated.doc.case)
      writeImportedDocument(caseFile, validated, path.basename(jsonPath))
    } finally {
      caseFile.close()
    }
  })
}
