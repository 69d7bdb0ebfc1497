// The application menu. Items that are app commands send the command's id to the renderer
// (`app:action`), which runs it through the same dispatcher as its keys and buttons; the menu
// shows the command's shortcut but leaves the key to the renderer (registerAccelerator: false),
// where a key typed into a field stays the field's.
import { Menu, type MenuItemConstructorOptions } from 'electron'
import { APP_ACTIONS, type ActionId, type Shortcut } from '@shared/app-actions'

export interface MenuOptions {
  platform: NodeJS.Platform
  /** Reload and the developer tools are offered when not packaged. */
  dev: boolean
  run: (id: ActionId) => void
  openReadme: () => void
}

/** The shortcut as an Electron accelerator ("CmdOrCtrl+O", "Shift+T", "?"). */
export function acceleratorOf(shortcut: Shortcut): string {
  const key = shortcut.key.length === 1 ? shortcut.key.toUpperCase() : shortcut.key
  const parts = [shortcut.mod && 'CmdOrCtrl', shortcut.alt && 'Alt', shortcut.shift && 'Shift', key]
  return parts.filter(Boolean).join('+')
}

export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin'
  const command = (id: ActionId, label?: string): MenuItemConstructorOptions => ({
    id,
    label: label ?? APP_ACTIONS[id].label,
    accelerator: acceleratorOf(APP_ACTIONS[id].shortcut),
    registerAccelerator: false,
    click: () => options.run(id),
  })
  const separator: MenuItemConstructorOptions = { type: 'separator' }
  const develop: MenuItemConstructorOptions[] = options.dev
    ? [separator, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }]
    : []
  return [
    ...(mac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: 'File',
      submenu: [
        command('import.csv', 'Import CSV…'),
        command('import.demo', 'Import the Demo Data'),
        command('go.setup'),
        separator,
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'View',
      submenu: [
        command('go.datasets', 'Datasets'),
        command('go.studies', 'Studies'),
        separator,
        command('theme.toggle', 'Toggle Light / Dark Theme'),
        ...develop,
        separator,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        separator,
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Study',
      submenu: [
        command('study.start', 'Start or Resume'),
        command('study.pause', 'Pause'),
        command('study.stop', 'Stop'),
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        command('help.shortcuts', 'Keyboard Shortcuts'),
        { label: 'Frontier README', click: () => options.openReadme() },
      ],
    },
  ]
}

export function installMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(options)))
}
