// The writes every list form makes: create or update one record, or delete
// it, then reload that list (and any list the change touches) from the case.
import type { Channel, Input } from '../../../../shared/ipc/contract'
import { call } from '../../ipc'
import { reload } from '../../state/case-actions'

export type ListEntity = 'organizations' | 'references' | 'losses' | 'tasks' | 'policeRecords'
type CaseList = Parameters<typeof reload>[number]

// The channel name is built from the entity, which TypeScript cannot follow
// through `call`'s overloads; the router validates every input anyway.
const invoke = call as (channel: Channel, input: unknown) => Promise<unknown>

export async function saveRecord<E extends ListEntity>(entity: E, id: number | undefined, value: Input<`${E}:create`>): Promise<void> {
  if (id === undefined) await invoke(`${entity}:create`, value)
  else await invoke(`${entity}:update`, { id, value })
  await reload(entity)
}

export async function deleteRecord(entity: ListEntity, id: number, alsoReload: CaseList[] = []): Promise<void> {
  await invoke(`${entity}:delete`, { id })
  await reload(entity, ...alsoReload)
}
