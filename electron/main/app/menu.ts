// The application menu: the usual roles, so copy, paste, undo, zoom and quit
// work with their platform shortcuts (on macOS, text editing shortcuts only
// work when the Edit menu exists). The app's own commands live in the page,
// with their shortcuts shown next to the buttons.
import { Menu, type MenuItemConstructorOptions } from 'electron'

export function installApplicationMenu(devTools: boolean): void {
  const isMac = process.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...(devTools ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[]) : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
