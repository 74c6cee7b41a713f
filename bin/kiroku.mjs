#!/usr/bin/env node
// The `kiroku` command: runs the TypeScript CLI under plain Node through tsx.
// tsx's CommonJS hook, registered once for the process: its compiled files are
// cached on disk by content, so a later start skips compiling (~0.8 s instead
// of ~4 s). tsImport() tags every module with a namespace of its own per
// process, which made each start miss the cache and add ~100 files to it.
import { createRequire } from 'node:module'
import { register } from 'tsx/cjs/api'

register()
const { main } = createRequire(import.meta.url)('../electron/cli/main.ts')
process.exitCode = await main(process.argv.slice(2))
