import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Key derivation (PBKDF2, 256k rounds) makes each open take ~0.2 s.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
