// The main window's security settings, checked without Electron's runtime.
import { describe, expect, it, vi } from 'vitest'
import { mainWindowOptions, secureWebPreferences } from '../../electron/main/app/window-options'

// Loading 'electron' here would try to download its runtime: fail loudly instead.
vi.mock('electron', () => {
  throw new Error('window-options must not import electron at run time')
})

const settings = { preloadPath: '/app/out/preload/index.js', devTools: false }

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the renderer', () => {
    const prefs = secureWebPreferences(settings)
    expect(prefs.contextIsolation).toBe(true)
    expect(prefs.sandbox).toBe(true)
    expect(prefs.nodeIntegration).toBe(false)
    expect(prefs.nodeIntegrationInWorker).toBe(false)
    expect(prefs.nodeIntegrationInSubFrames).toBe(false)
  })

  it('keeps web security on and the risky features off', () => {
    const prefs = secureWebPreferences(settings)
    expect(prefs.webSecurity).toBe(true)
    expect(prefs.allowRunningInsecureContent).toBe(false)
    expect(prefs.webviewTag).toBe(false)
    expect(prefs.experimentalFeatures).toBe(false)
    expect(prefs.navigateOnDragDrop).toBe(false)
    // The spellchecker would fetch dictionaries from the network.
    expect(prefs.spellcheck).toBe(false)
  })

  it('uses the given preload and never enables blink features', () => {
    const prefs = secureWebPreferences(settings)
    expect(prefs.preload).toBe('/app/out/preload/index.js')
    expect(prefs.enableBlinkFeatures).toBeUndefined()
    expect(prefs.additionalArguments).toBeUndefined()
  })

  it('opens DevTools only when asked to', () => {
    expect(secureWebPreferences(settings).devTools).toBe(false)
    expect(secureWebPreferences({ ...settings, devTools: true }).devTools).toBe(true)
  })
})

describe('mainWindowOptions', () => {
  it('waits for ready-to-show and carries the secure preferences', () => {
    const options = mainWindowOptions(settings)
    expect(options.show).toBe(false)
    expect(options.webPreferences).toEqual(secureWebPreferences(settings))
  })
})
