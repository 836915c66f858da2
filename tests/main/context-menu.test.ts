import { EventEmitter } from 'node:events';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { openExternalLink } from '#core/shell/open-link';
import { contextMenuTemplate, installContextMenu, type ContextMenuActions, type MenuParams } from '#main/context-menu';

vi.mock('electron', () => ({}));

const NO_FLAGS = { canUndo: false, canRedo: false, canCut: false, canCopy: false, canPaste: false, canDelete: false, canSelectAll: false, canEditRichly: false };
const params = (overrides: Partial<MenuParams>): MenuParams => ({ x: 10, y: 20, linkURL: '', selectionText: '', isEditable: false, editFlags: NO_FLAGS, misspelledWord: '', dictionarySuggestions: [], ...overrides });

function actions(overrides: Partial<ContextMenuActions> = {}): ContextMenuActions {
  return {
    replaceMisspelling: vi.fn(),
    addToDictionary: vi.fn(),
    openLink: vi.fn(),
    copyText: vi.fn(),
    goBack: vi.fn(),
    goForward: vi.fn(),
    canGoBack: () => true,
    canGoForward: () => false,
    ...overrides,
  };
}

const labels = (template: MenuItemConstructorOptions[]) => template.map((item) => (item.type === 'separator' ? '—' : item.label));
const item = (template: MenuItemConstructorOptions[], label: string) => template.find((entry) => entry.label === label)!;
const click = (entry: MenuItemConstructorOptions) => (entry.click as () => void)();

describe('the right-click menu', () => {
  it('in a text field or the editor: cut, copy, paste, paste as plain text and select all, enabled as Chromium says', () => {
    const template = contextMenuTemplate(params({ isEditable: true, editFlags: { ...NO_FLAGS, canPaste: true, canSelectAll: true } }), actions());
    expect(labels(template)).toEqual(['Cut', 'Copy', 'Paste', 'Paste as Plain Text', '—', 'Select All']);
    expect(template.map((entry) => entry.role).filter(Boolean)).toEqual(['cut', 'copy', 'paste', 'pasteAndMatchStyle', 'selectAll']);
    expect(item(template, 'Cut').enabled).toBe(false);
    expect(item(template, 'Paste as Plain Text').enabled).toBe(true);
  });

  it('on an underlined word: the suggestions first, each replacing the word, then Add to Dictionary', () => {
    const spy = actions();
    const template = contextMenuTemplate(
      params({ isEditable: true, misspelledWord: 'recieve', dictionarySuggestions: ['receive', 'relieve', 'reprieve', 'receiver', 'recede', 'reserve'] }),
      spy,
    );
    expect(labels(template).slice(0, 7)).toEqual(['receive', 'relieve', 'reprieve', 'receiver', 'recede', 'Add to Dictionary', '—']);
    click(item(template, 'receive'));
    expect(spy.replaceMisspelling).toHaveBeenCalledWith('receive');
    click(item(template, 'Add to Dictionary'));
    expect(spy.addToDictionary).toHaveBeenCalledWith('recieve');
  });

  it('on a misspelt word with no suggestions, says so', () => {
    const template = contextMenuTemplate(params({ isEditable: true, misspelledWord: 'Afterviewish' }), actions());
    expect(item(template, 'No Spelling Suggestions').enabled).toBe(false);
    expect(labels(template)).toContain('Add to Dictionary');
  });

  it('on a web link: open it through the link policy, or copy it', () => {
    const spy = actions();
    const template = contextMenuTemplate(params({ linkURL: 'https://jobs.example.com/42' }), spy);
    expect(labels(template)).toEqual(['Open Link in Browser', 'Copy Link']);
    click(item(template, 'Open Link in Browser'));
    expect(spy.openLink).toHaveBeenCalledWith('https://jobs.example.com/42');
    click(item(template, 'Copy Link'));
    expect(spy.copyText).toHaveBeenCalledWith('https://jobs.example.com/42');
  });

  it('on an e-mail link: write an e-mail, or copy just the address', () => {
    const spy = actions();
    const template = contextMenuTemplate(params({ linkURL: 'mailto:ana.ruiz%40example.com?subject=Thanks' }), spy);
    expect(labels(template)).toEqual(['Write Email', 'Copy Email Address']);
    click(item(template, 'Copy Email Address'));
    expect(spy.copyText).toHaveBeenCalledWith('ana.ruiz@example.com');
  });

  it('never offers to open a link the policy refuses', () => {
    expect(labels(contextMenuTemplate(params({ linkURL: 'http://plain.example.com/' }), actions()))).toEqual(['Copy Link']);
    expect(labels(contextMenuTemplate(params({ linkURL: 'https://user:secret@example.com/' }), actions()))).toEqual(['Copy Link']);
    // Our own screens' links and script URLs are not external links at all.
    expect(labels(contextMenuTemplate(params({ linkURL: 'javascript:alert(1)' }), actions()))).toEqual([]);
    expect(labels(contextMenuTemplate(params({ linkURL: 'app://afterview/index.html#/today' }), actions()))).toEqual([]);
  });

  it('on selected text outside a field: Copy; on the page itself: Back and Forward', () => {
    expect(labels(contextMenuTemplate(params({ selectionText: 'Northwind' }), actions()))).toEqual(['Copy']);
    const spy = actions();
    const template = contextMenuTemplate(params({}), spy);
    expect(labels(template)).toEqual(['Back', 'Forward']);
    expect(item(template, 'Forward').enabled).toBe(false);
    click(item(template, 'Back'));
    expect(spy.goBack).toHaveBeenCalled();
  });

  it('adds Inspect Element in development only', () => {
    const inspect = vi.fn();
    const template = contextMenuTemplate(params({ selectionText: 'x' }), actions({ inspect }));
    click(item(template, 'Inspect Element'));
    expect(inspect).toHaveBeenCalledWith(10, 20);
    expect(labels(contextMenuTemplate(params({ selectionText: 'x' }), actions()))).not.toContain('Inspect Element');
  });
});

describe('the menu in the window', () => {
  function setUp() {
    const contents = Object.assign(new EventEmitter(), {
      replaceMisspelling: vi.fn(),
      inspectElement: vi.fn(),
      session: { addWordToSpellCheckerDictionary: vi.fn(() => true) },
      navigationHistory: { canGoBack: () => true, canGoForward: () => true },
    });
    const popup = vi.fn();
    const Menu = { buildFromTemplate: vi.fn((template: MenuItemConstructorOptions[]) => ({ popup, template })) };
    const shell = { openExternal: vi.fn(async (_url: string) => undefined) };
    const clipboard = { writeText: vi.fn() };
    const navigate = vi.fn();
    // As the desktop wires it: through the core's link policy to the shell port.
    const openLink = (url: string) => void openExternalLink(shell, url);
    installContextMenu(contents as never, { Menu: Menu as never, clipboard, openLink, navigate, isDevelopment: false });
    const rightClick = (overrides: Partial<MenuParams>) => {
      contents.emit('context-menu', {}, params(overrides));
      return Menu.buildFromTemplate.mock.calls.at(-1)?.[0] ?? [];
    };
    return { contents, popup, shell, clipboard, navigate, rightClick };
  }

  it('pops up on a right-click, and its items reach Chromium, the dictionary, the clipboard and the OS', () => {
    const { contents, popup, shell, clipboard, navigate, rightClick } = setUp();
    click(item(rightClick({ isEditable: true, misspelledWord: 'intervew', dictionarySuggestions: ['interview'] }), 'interview'));
    expect(popup).toHaveBeenCalled();
    expect(contents.replaceMisspelling).toHaveBeenCalledWith('interview');
    click(item(rightClick({ isEditable: true, misspelledWord: 'Northwind' }), 'Add to Dictionary'));
    expect(contents.session.addWordToSpellCheckerDictionary).toHaveBeenCalledWith('Northwind');
    click(item(rightClick({ linkURL: 'https://example.com/role' }), 'Open Link in Browser'));
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.com/role');
    click(item(rightClick({ linkURL: 'https://example.com/role' }), 'Copy Link'));
    expect(clipboard.writeText).toHaveBeenCalledWith('https://example.com/role');
    click(item(rightClick({}), 'Forward'));
    expect(navigate).toHaveBeenCalledWith('forward');
  });
});
