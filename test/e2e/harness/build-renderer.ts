// Builds the renderer exactly as `electron-vite build` does (the renderer
// part of electron.vite.config.ts), but into a folder of its own, so test
// files running in parallel never write over each other or over out/.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { resolveConfig } from 'electron-vite'
import { build } from 'vite'

const ROOT = path.resolve(import.meta.dirname, '../../..')

export async function buildRenderer(): Promise<string> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiroku-e2e-renderer-'))
  // electron-vite sets NODE_ENV for the build; the test worker keeps its own.
  const nodeEnv = process.env.NODE_ENV
  try {
    const resolved = await resolveConfig({ configFile: path.join(ROOT, 'electron.vite.config.ts'), root: ROOT }, 'build', 'production')
    const renderer = resolved.config?.renderer
    if (!renderer) throw new Error('electron.vite.config.ts has no renderer build')
    await build({
      ...renderer,
      configFile: false,
      logLevel: 'warn',
      build: { ...renderer.build, outDir, emptyOutDir: true, reportCompressedSize: false },
    })
  } finally {
    process.env.NODE_ENV = nodeEnv
  }
  return outDir
}
