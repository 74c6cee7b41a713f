// The Electron fuses Kiroku ships with. A fuse is a byte in Electron's own
// binary, read before any of the app's code runs, so no command-line switch
// or environment variable given at launch can turn it back on.
// scripts/after-pack.mjs flips them into every packaged build.
import { FuseV1Options, FuseVersion } from '@electron/fuses'

/** Every fuse of the wire, on or off. */
export const KIROKU_FUSES = Object.freeze({
  // ELECTRON_RUN_AS_NODE=1 would turn the signed Kiroku binary into a plain Node runtime.
  [FuseV1Options.RunAsNode]: false,
  // Chromium's cookie store encrypted with the OS key; Kiroku sets no cookies, so on costs nothing.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS (--require a script into the main process, which holds the case key) is ignored.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and friends would open a debugger on that same process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar must match the hash electron-builder records in the binary (macOS and Windows;
  // Electron has no such check on Linux): an edited archive does not start.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only app.asar, never a loose resources/app folder put beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // Electron's default; Kiroku builds no V8 snapshot of its own.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The app is served from app:// (electron/main/app/app-protocol.ts), so file://
  // pages need nothing beyond what a browser gives them.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  // Electron's default: V8 traps out-of-bounds WebAssembly memory access with
  // signal handlers instead of explicit checks; the dossier's font subsetting
  // (subset-font, HarfBuzz in WebAssembly) runs faster with it.
  [FuseV1Options.WasmTrapHandlers]: true,
})

/** electron-builder's Arch enum: arm64 and universal builds are Apple Silicon ones. */
const ARCH_ARM64 = 3
const ARCH_UNIVERSAL = 4

/**
 * The @electron/fuses configuration for one packaged build.
 * strictlyRequireAllFuses: an Electron with a fuse not listed above fails
 * packaging until someone decides that fuse, instead of shipping its default.
 * On Apple Silicon a changed binary needs a new signature to start at all:
 * resetAdHocDarwinSignature re-signs it ad hoc (a real identity, when
 * electron-builder has one, signs after this hook anyway).
 */
export function fuseConfigFor(electronPlatformName, arch) {
  const darwin = electronPlatformName === 'darwin' || electronPlatformName === 'mas'
  return {
    version: FuseVersion.V1,
    strictlyRequireAllFuses: true,
    resetAdHocDarwinSignature: darwin && (arch === ARCH_ARM64 || arch === ARCH_UNIVERSAL),
    ...KIROKU_FUSES,
  }
}
