import { join } from 'node:path';
import type { Menu as MenuType, MenuItemConstructorOptions, NativeImage, Tray as TrayType } from 'electron';
import { SNOOZE_LABELS, type SnoozeChoice } from '#shared/domain/snooze';
import type { DueLine } from '#core/shell/port';
import { MAX_DUE_LINES } from '#core/shell/alert-text';

export interface TrayActions {
  /** Opens a reminder's item, or Today for null (a summary notification). */
  open(key: string | null): void;
  snooze(key: string, choice: SnoozeChoice): void;
  done(key: string): void;
  showWindow(): void;
  quit(): void;
}

export interface TrayIcons {
  idle: NativeImage;
  due: NativeImage;
}

interface ElectronTrayApi {
  Tray: new (image: NativeImage) => TrayType;
  Menu: Pick<typeof MenuType, 'buildFromTemplate'>;
}

/** The tray menu: the count due, the next few items with snooze and done, then open and quit. */
export function trayMenuTemplate(count: number, items: DueLine[], actions: TrayActions): MenuItemConstructorOptions[] {
  const header: MenuItemConstructorOptions = { label: count === 0 ? 'Nothing due' : count === 1 ? '1 item due' : `${count} items due`, enabled: false };
  const entries: MenuItemConstructorOptions[] = items.slice(0, MAX_DUE_LINES).map((item) => ({
    label: `${item.title} — ${item.when}`,
    submenu: [
      { label: 'Open', click: () => actions.open(item.key) },
      ...(Object.keys(SNOOZE_LABELS) as SnoozeChoice[]).map((choice) => ({ label: `Snooze ${SNOOZE_LABELS[choice].toLowerCase()}`, click: () => actions.snooze(item.key, choice) })),
      { label: 'Done', click: () => actions.done(item.key) },
    ],
  }));
  return [
    header,
    ...(entries.length > 0 ? [{ type: 'separator' as const }, ...entries] : []),
    { type: 'separator' },
    { label: 'Open Afterview', click: actions.showWindow },
    { label: 'Quit Afterview', click: actions.quit },
  ];
}

/** The tray icon: its image says whether anything is due, its menu what. */
export class AfterviewTray {
  private readonly tray: TrayType;

  constructor(
    private readonly electron: ElectronTrayApi,
    private readonly icons: TrayIcons,
    private readonly actions: TrayActions,
    private readonly platform: NodeJS.Platform,
  ) {
    this.tray = new electron.Tray(icons.idle);
    this.tray.setToolTip('Afterview');
    // On Windows and Linux a click is the natural way to bring the window back.
    if (platform !== 'darwin') this.tray.on('click', () => actions.showWindow());
    this.update(0, []);
  }

  update(count: number, items: DueLine[]): void {
    this.tray.setImage(count > 0 ? this.icons.due : this.icons.idle);
    this.tray.setToolTip(count > 0 ? `Afterview — ${count} due` : 'Afterview — nothing due');
    if (this.platform === 'darwin') this.tray.setTitle(count > 0 ? String(count) : '');
    this.tray.setContextMenu(this.electron.Menu.buildFromTemplate(trayMenuTemplate(count, items, this.actions)));
  }

  destroy(): void {
    this.tray.destroy();
  }
}

/** The tray images: macOS wants monochrome template images it tints itself. */
export function trayIconPaths(iconsDir: string, platform: NodeJS.Platform): { idle: string; due: string } {
  return platform === 'darwin'
    ? { idle: join(iconsDir, 'trayTemplate.png'), due: join(iconsDir, 'tray-dueTemplate.png') }
    : { idle: join(iconsDir, 'tray.png'), due: join(iconsDir, 'tray-due.png') };
}
