// A case's claim deadlines, from its records and the provider directory.
import { claimDeadlines, type ClaimDeadline } from '../../../../shared/deadlines'
import type { DirectoryFile } from '../../../../shared/directory'
import type { CaseFile } from '../casefile/case-file'

export function caseDeadlines(caseFile: CaseFile, directory: DirectoryFile, today: string): ClaimDeadline[] {
  return claimDeadlines(
    {
      case: caseFile.case.get(),
      organizations: caseFile.organizations.list(),
      losses: caseFile.losses.list(),
      events: caseFile.events.list(),
      tasks: caseFile.tasks.list(),
      policeRecords: caseFile.policeRecords.list(),
    },
    directory,
    today,
  )
}
