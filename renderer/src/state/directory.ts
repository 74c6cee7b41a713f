// The provider directory (resources/directory), read once from the main
// process. Not case data: the same for every case, kept across lock and
// unlock, and asked for again only if reading it failed.
import { useEffect } from 'react'
import { create } from 'zustand'
import type { DirectoryFile } from '../../../shared/directory'
import { call } from '../ipc'

const useDirectoryFile = create<{ directory?: DirectoryFile }>(() => ({}))
let loading: Promise<void> | undefined

export function loadDirectory(): Promise<void> {
  if (useDirectoryFile.getState().directory) return Promise.resolve()
  if (!loading) {
    loading = call('directory:get').then((directory) => useDirectoryFile.setState({ directory }))
    loading.catch(() => {
      loading = undefined // a later render tries again
    })
  }
  return loading
}

/** The directory; undefined until it has arrived. */
export function useDirectory(): DirectoryFile | undefined {
  const directory = useDirectoryFile((s) => s.directory)
  useEffect(() => {
    if (!directory) void loadDirectory().catch(() => undefined)
  }, [directory])
  return directory
}

/** The directory as it is now, outside React (the notification timer). */
export const currentDirectory = (): DirectoryFile | undefined => useDirectoryFile.getState().directory
