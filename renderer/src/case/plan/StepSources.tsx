// Where a plan step's outside facts come from: the sources the provider
// directory holds for the entries the step names (contacts and rules).
import { useDirectory } from '../../state/directory'
import { SourceList } from '../directory/DirectoryCard'

export function StepSources({ entries }: { entries?: readonly string[] }) {
  const directory = useDirectory()
  if (!entries || !directory) return null
  const sources = entries.flatMap((id) => {
    const entry = directory.entries.find((e) => e.id === id)
    return entry ? [...entry.contacts.map((c) => c.source), ...entry.rules.map((r) => r.source)] : []
  })
  return <SourceList sources={sources} className="step-sources" />
}
