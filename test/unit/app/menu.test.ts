// The application menu: its commands send their ids, show the renderer's shortcuts without
// registering them (a key typed in a field stays the field's), and the developer items exist
// only in development.
import { describe, expect, it, vi } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { ACTION_IDS } from '@shared/app-actions'

vi.mock('electron', () => ({ Menu: {} }))
const { acceleratorOf, menuTemplate } = await import('../../../src-main/app/menu')

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? items(item.submenu) : []),
  ])
}

function build(platform: NodeJS.Platform, dev: boolean) {
  const ran: string[] = []
  let readme = 0
  const template = menuTemplate({
    platform,
    dev,
    run: (id) => ran.push(id),
    openReadme: () => readme++,
  })
  return { all: items(template), template, ran, readme: () => readme }
}

describe('application menu', () => {
  it('offers every command once, each sending its id', () => {
    const { all, ran } = build('linux', false)
    const commands = all.filter((i) => i.id)
    expect(commands.map((i) => i.id).sort()).toEqual([...ACTION_IDS].sort())
    for (const item of commands) {
      expect(item.registerAccelerator).toBe(false)
      ;(item.click as () => void)()
    }
    expect(ran.sort()).toEqual([...ACTION_IDS].sort())
  })

  it('writes shortcuts as accelerators', () => {
    expect(acceleratorOf({ key: 'o', mod: true })).toBe('CmdOrCtrl+O')
    expect(acceleratorOf({ key: 't', shift: true })).toBe('Shift+T')
    expect(acceleratorOf({ key: '?' })).toBe('?')
  })

  it('has File, View, Study, Window and Help; Quit off macOS, the app menu on it', () => {
    const linux = build('linux', false)
    expect(linux.template.map((m) => m.label ?? m.role)).toEqual([
      'File',
      'View',
      'Study',
      'windowMenu',
      'help',
    ])
    expect(linux.all.some((i) => i.role === 'quit')).toBe(true)
    const mac = build('darwin', false)
    expect(mac.template[0].role).toBe('appMenu')
    expect(mac.all.some((i) => i.role === 'close')).toBe(true)
  })

  it('offers reload and the developer tools in development only', () => {
    expect(build('linux', true).all.some((i) => i.role === 'toggleDevTools')).toBe(true)
    expect(build('linux', false).all.some((i) => i.role === 'toggleDevTools')).toBe(false)
    expect(build('linux', false).all.some((i) => i.role === 'reload')).toBe(false)
  })

  it('opens the README from Help', () => {
    const menu = build('linux', false)
    const readme = menu.all.find((i) => i.label === 'Frontier README')
    ;(readme?.click as () => void)()
    expect(menu.readme()).toBe(1)
  })
})
