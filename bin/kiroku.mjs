#!/usr/bin/env node
// The `kiroku` command: runs the TypeScript CLI under plain Node through tsx.
import { tsImport } from 'tsx/esm/api'

const { main } = await tsImport('../electron/cli/main.ts', import.meta.url)
process.exitCode = await main(process.argv.slice(2))
