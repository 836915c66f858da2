import type { Clipboard, ContextMenuParams, Menu as MenuType, MenuItemConstructorOptions, Session, WebContents } from 'electron';
import { isSafeExternalUrl } from '#shared/domain/links';

/** What the menu's items do; the shell wires them to Electron, the tests to spies. */
export interface ContextMenuActions {
  replaceMisspelling(word: string): void;
  addToDictionary(word: string): void;
  /** Hands a link to the OS through the app's link policy. */
  openLink(url: string): void;
  copyText(text: string): void;
  goBack(): void;
  goForward(): void;
  canGoBack(): boolean;
  canGoForward(): boolean;
  inspect?(x: number, y: number): void;
}

export type MenuParams = Pick<ContextMenuParams, 'x' | 'y' | 'linkURL' | 'selectionText' | 'isEditable' | 'editFlags' | 'misspelledWord' | 'dictionarySuggestions'>;

/** At most this many spelling suggestions, as Chrome shows. */
const MAX_SUGGESTIONS = 5;

/** The address part of a mailto: link, as a person would paste it into a "To" field. */
function emailAddressOf(url: string): string {
  const address = url.slice('mailto:'.length).split('?')[0] ?? '';
  try {
    return decodeURIComponent(address);
  } catch {
    return address;
  }
}

function isExternalLink(url: string): boolean {
  return /^(https?|mailto):/i.test(url);
}

/**
 * The right-click menu for what is under the pointer: spelling suggestions
 * on a misspelt word, open and copy on a link, the editing commands in a
 * text field or the editor, copy on selected text, and back and forward
 * elsewhere. Empty when there is nothing to offer.
 */
export function contextMenuTemplate(params: MenuParams, actions: ContextMenuActions): MenuItemConstructorOptions[] {
  const sections: MenuItemConstructorOptions[][] = [];

  if (params.isEditable && params.misspelledWord) {
    const word = params.misspelledWord;
    const suggestions = params.dictionarySuggestions.slice(0, MAX_SUGGESTIONS);
    sections.push([
      ...(suggestions.length > 0
        ? suggestions.map((suggestion): MenuItemConstructorOptions => ({ label: suggestion, click: () => actions.replaceMisspelling(suggestion) }))
        : [{ label: 'No Spelling Suggestions', enabled: false }]),
      { label: 'Add to Dictionary', click: () => actions.addToDictionary(word) },
    ]);
  }

  if (params.linkURL && isExternalLink(params.linkURL)) {
    const url = params.linkURL;
    const isMail = url.toLowerCase().startsWith('mailto:');
    sections.push([
      // A link the policy would not open (http:, one with a password in it) is not offered for opening.
      ...(isSafeExternalUrl(url) ? [{ label: isMail ? 'Write Email' : 'Open Link in Browser', click: () => actions.openLink(url) }] : []),
      isMail ? { label: 'Copy Email Address', click: () => actions.copyText(emailAddressOf(url)) } : { label: 'Copy Link', click: () => actions.copyText(url) },
    ]);
  }

  if (params.isEditable) {
    const flags = params.editFlags;
    sections.push(
      [
        { label: 'Cut', role: 'cut', enabled: flags.canCut },
        { label: 'Copy', role: 'copy', enabled: flags.canCopy },
        { label: 'Paste', role: 'paste', enabled: flags.canPaste },
        // Chromium's "paste and match style" pastes the text alone, without its formatting.
        { label: 'Paste as Plain Text', role: 'pasteAndMatchStyle', enabled: flags.canPaste },
      ],
      [{ label: 'Select All', role: 'selectAll', enabled: flags.canSelectAll }],
    );
  } else if (params.selectionText.trim()) {
    sections.push([{ label: 'Copy', role: 'copy' }]);
  } else if (!params.linkURL) {
    sections.push([
      { label: 'Back', enabled: actions.canGoBack(), click: () => actions.goBack() },
      { label: 'Forward', enabled: actions.canGoForward(), click: () => actions.goForward() },
    ]);
  }

  if (actions.inspect) {
    const inspect = actions.inspect;
    sections.push([{ label: 'Inspect Element', click: () => inspect(params.x, params.y) }]);
  }

  return sections.flatMap((section, index) => (index === 0 ? section : [{ type: 'separator' }, ...section]));
}

export interface ContextMenuShell {
  Menu: Pick<typeof MenuType, 'buildFromTemplate'>;
  clipboard: Pick<Clipboard, 'writeText'>;
  /** Hands a link to the system through the core's link policy (core/shell/open-link.ts), as every other link in the app. */
  openLink(url: string): void;
  /** Back and forward go through the page's own history (the same path as the keys and the menu). */
  navigate(direction: 'back' | 'forward'): void;
  isDevelopment: boolean;
}

type MenuContents = Pick<WebContents, 'on' | 'replaceMisspelling' | 'inspectElement'> & {
  session: Pick<Session, 'addWordToSpellCheckerDictionary'>;
  navigationHistory: Pick<WebContents['navigationHistory'], 'canGoBack' | 'canGoForward'>;
};

/** Shows the menu on every right-click in the window (text fields, the editor, links, the page). */
export function installContextMenu(contents: MenuContents, shell: ContextMenuShell): void {
  const actions: ContextMenuActions = {
    replaceMisspelling: (word) => contents.replaceMisspelling(word),
    addToDictionary: (word) => void contents.session.addWordToSpellCheckerDictionary(word),
    openLink: (url) => shell.openLink(url),
    copyText: (text) => shell.clipboard.writeText(text),
    goBack: () => shell.navigate('back'),
    goForward: () => shell.navigate('forward'),
    canGoBack: () => contents.navigationHistory.canGoBack(),
    canGoForward: () => contents.navigationHistory.canGoForward(),
    inspect: shell.isDevelopment ? (x, y) => contents.inspectElement(x, y) : undefined,
  };
  contents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, actions);
    if (template.length > 0) shell.Menu.buildFromTemplate(template).popup();
  });
}
