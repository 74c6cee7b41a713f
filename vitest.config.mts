import os from 'node:os'
import path from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Node 20 has no navigator, which the renderer's settings store reads when it loads.
    setupFiles: ['test/setup/node-navigator.ts'],
    // Key derivation (PBKDF2, 256k rounds) makes each open take ~0.2 s.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The CLI's data folder (backups, journal of pending writes), never the tester's own.
    env: { KIROKU_DATA_DIR: path.join(os.tmpdir(), `kiroku-test-data-${process.pid}`) },
  },
})
