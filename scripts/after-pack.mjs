// electron-builder's afterPack hook (electron-builder.yml): flips Kiroku's
// fuses (scripts/fuses.mjs) into the Electron binary just packed, then reads
// them back, so a build whose binary does not carry them fails instead of
// shipping. electron-builder signs the app after this hook, so the signature
// covers the flipped bytes.
import path from 'node:path'
import { FuseState, FuseV1Options, flipFuses, getCurrentFuseWire } from '@electron/fuses'
import { KIROKU_FUSES, fuseConfigFor } from './fuses.mjs'

/** The file that carries the fuse wire (for a macOS .app, @electron/fuses finds the framework inside). */
export function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.app`)
    case 'win32':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`)
    case 'linux':
      // Linux names the binary after executableName (default: the package name in lower case).
      if (!packager.executableName) throw new Error('Kiroku fuses: electron-builder gave no Linux executable name')
      return path.join(appOutDir, packager.executableName)
    default:
      throw new Error(`Kiroku fuses: unknown platform ${electronPlatformName}`)
  }
}

/** The fuses of a wire (getCurrentFuseWire's answer) that differ from KIROKU_FUSES, by name. */
export function fusesNotAsConfigured(wire) {
  return Object.entries(KIROKU_FUSES)
    .filter(([index, on]) => wire[index] !== (on ? FuseState.ENABLE : FuseState.DISABLE))
    .map(([index]) => FuseV1Options[index])
}

export default async function afterPack(context) {
  const binary = electronBinaryPath(context)
  await flipFuses(binary, fuseConfigFor(context.electronPlatformName, context.arch))
  const wrong = fusesNotAsConfigured(await getCurrentFuseWire(binary))
  if (wrong.length > 0) throw new Error(`Kiroku fuses: ${binary} still has ${wrong.join(', ')} as Electron shipped them`)
}
