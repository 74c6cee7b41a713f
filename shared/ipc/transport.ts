// The one Electron IPC channel every contract call travels on, as
// (contract channel, input). Kept apart from the contract so the sandboxed
// preload bundles this constant and no validation code.
export const IPC_CHANNEL = 'kiroku:invoke'
