// The thread behind test/helpers/pdf.ts: runs pdf-reader.ts (through tsx) and
// answers each call on its own port, then wakes the waiting test.
const { parentPort } = require('node:worker_threads')

let reader
let loadError
try {
  require('tsx/cjs/api').register()
  reader = require('./pdf-reader.ts')
} catch (error) {
  loadError = error
}

parentPort.on('message', async ({ signal, port, fn, args }) => {
  try {
    if (loadError) throw loadError
    port.postMessage({ value: await reader[fn](...args) })
  } catch (error) {
    port.postMessage({ error: error instanceof Error ? error.stack || error.message : String(error) })
  } finally {
    port.close()
    Atomics.store(signal, 0, 1)
    Atomics.notify(signal, 0)
  }
})
