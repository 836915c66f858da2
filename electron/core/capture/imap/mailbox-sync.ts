import type { FetchMessageObject, ImapFlow, ListResponse, MessageAddressObject } from 'imapflow';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { AppError } from '#core/errors';
import { addressSet, normaliseAddress } from '../mail-addresses';
import { normaliseMessageId } from '../message-ids';
import { readEmail } from '../read-email';
import type { CaptureVault, CapturedBatch, InviteOffer, SyncedTouchpoint } from './capture-vault';
import { checkedAccount, clientOptions, type MailboxAccount } from './mailbox-account';
import { assembleMessage, fetchItems, planParts, type PartsPlan } from './message-parts';
import { failureOf, SyncFailure, type SyncFailureKind } from './sync-failure';

export interface MailboxSyncRequest {
  account: MailboxAccount;
  /** Only messages sent on or after this day are read. */
  since: Date;
  /** The user's own addresses (the account's user name is added when it is one). */
  ownAddresses: Iterable<string>;
  /** For the invitations found (see readInvites). */
  fallbackTimeZone: string;
  /** The mailboxes to read; by default "All Mail" where there is one, else every mailbox but Trash, Junk and Drafts. */
  mailboxes?: readonly string[];
}

export interface MailboxSyncOptions {
  vault: CaptureVault;
  onProgress?: (progress: SyncProgress) => void;
  now?: () => Date;
  /** Messages read and recorded together; a batch is recorded whole or not at all. */
  batchSize?: number;
  /** Addresses per IMAP SEARCH (each adds FROM, TO, CC and BCC to one OR). */
  addressesPerSearch?: number;
  timeouts?: { connectMs: number; socketMs: number };
}

export type SyncState = 'connecting' | 'searching' | 'reading' | 'paused' | 'finished' | 'cancelled' | 'failed';

export interface SyncProgress {
  state: SyncState;
  mailbox: string | null;
  mailboxesDone: number;
  mailboxesTotal: number;
  /** Messages the searches found, in the mailboxes searched so far. */
  found: number;
  /** Of those, read so far. */
  read: number;
  /** Touchpoints recorded. */
  logged: number;
  /** Messages passed over: already logged, seen in another mailbox, or not to or from a contact after all. */
  skipped: number;
  /** Messages that could not be read as e-mail. */
  unreadable: number;
  invites: number;
}

export interface SyncOutcome {
  outcome: 'finished' | 'cancelled' | 'failed';
  progress: SyncProgress;
  failure?: { kind: SyncFailureKind; message: string };
}

export interface MailboxSync {
  readonly done: Promise<SyncOutcome>;
  /** Finishes the batch under way, records it, and disconnects until resume(). */
  pause(): void;
  resume(): void;
  /** Stops at once: the batch under way is not recorded; what was recorded stays. */
  cancel(): void;
  progress(): SyncProgress;
}

const DEFAULTS = { batchSize: 100, addressesPerSearch: 40, timeouts: { connectMs: 30_000, socketMs: 120_000 } };
/** Work between two yields to the event loop, so that the window never waits on the sync. */
const SLICE_MS = 8;
const SKIPPED_USES = new Set(['\\Trash', '\\Junk', '\\Drafts']);

/**
 * Reads the user's mailbox over IMAP, read-only: mailboxes are opened with
 * EXAMINE, bodies fetched with BODY.PEEK, and nothing is ever stored, copied,
 * moved, deleted or sent. Only messages from or to the vault's contacts
 * (IMAP SEARCH on FROM/TO/CC/BCC, a batch of addresses at a time) since the
 * chosen day are read, each logged once by its Message-ID through the vault
 * port, with the invitations they carry offered.
 */
export function startMailboxSync(request: MailboxSyncRequest, options: MailboxSyncOptions): MailboxSync {
  const run = new SyncRun(request, options);
  return {
    done: run.run(),
    pause: () => run.pause(),
    resume: () => run.resume(),
    cancel: () => run.cancel(),
    progress: () => ({ ...run.state }),
  };
}

class SyncRun {
  readonly state: SyncProgress = { state: 'connecting', mailbox: null, mailboxesDone: 0, mailboxesTotal: 0, found: 0, read: 0, logged: 0, skipped: 0, unreadable: 0, invites: 0 };
  private client: ImapFlow | null = null;
  private connected = false;
  private pauseRequested = false;
  private cancelled = false;
  private wake: (() => void) | null = null;
  private lastYield = performance.now();
  private readonly seen = new Set<string>();
  private readonly settings: Required<Pick<MailboxSyncOptions, 'batchSize' | 'addressesPerSearch' | 'timeouts'>>;
  private account: MailboxAccount;
  private own = new Set<string>();
  private contacts = new Set<string>();
  private openMailbox: { path: string; uidValidity: bigint; sent: boolean } | null = null;

  constructor(
    private readonly request: MailboxSyncRequest,
    private readonly options: MailboxSyncOptions,
  ) {
    this.account = request.account;
    this.settings = {
      batchSize: Math.max(1, Math.min(500, options.batchSize ?? DEFAULTS.batchSize)),
      addressesPerSearch: Math.max(1, Math.min(200, options.addressesPerSearch ?? DEFAULTS.addressesPerSearch)),
      timeouts: options.timeouts ?? DEFAULTS.timeouts,
    };
  }

  pause(): void {
    if (this.isOver()) return;
    this.pauseRequested = true;
  }

  resume(): void {
    this.pauseRequested = false;
    this.wake?.();
  }

  cancel(): void {
    if (this.isOver()) return;
    this.cancelled = true;
    this.wake?.();
    // Stops the command under way: its batch is not recorded.
    this.client?.close();
  }

  private isOver(): boolean {
    return this.state.state === 'finished' || this.state.state === 'failed' || this.state.state === 'cancelled';
  }

  private emit(state?: SyncState): void {
    if (state) this.state.state = state;
    try {
      this.options.onProgress?.({ ...this.state });
    } catch {
      // A listener's mistake does not stop the sync.
    }
  }

  async run(): Promise<SyncOutcome> {
    try {
      this.account = checkedAccount(this.request.account);
      if (!(this.request.since instanceof Date) || Number.isNaN(this.request.since.getTime())) throw new SyncFailure('settings', 'Choose the day from which to read your mail.');
      this.own = addressSet([...this.request.ownAddresses, this.account.user]);
      this.contacts = addressSet(await this.fromVault(() => this.options.vault.knownAddresses()));
      for (const address of this.own) this.contacts.delete(address);
      this.emit('connecting');
      await this.connect();
      const mailboxes = await this.chooseMailboxes();
      this.state.mailboxesTotal = mailboxes.length;
      for (const mailbox of mailboxes) {
        if (this.contacts.size > 0) await this.syncMailbox(mailbox);
        this.state.mailboxesDone++;
      }
      await this.disconnect();
      this.emit('finished');
      return { outcome: 'finished', progress: { ...this.state } };
    } catch (error) {
      await this.disconnect();
      if (this.cancelled) {
        this.emit('cancelled');
        return { outcome: 'cancelled', progress: { ...this.state } };
      }
      const failure = failureOf(error, { host: this.account.host, port: this.account.port, password: this.request.account.password ?? '', connected: this.connected });
      this.emit('failed');
      return { outcome: 'failed', progress: { ...this.state }, failure: { kind: failure.kind, message: failure.message } };
    }
  }

  private async connect(): Promise<void> {
    this.connected = false;
    // Loaded on the first sync only: imapflow and its parsers weigh about 30 MB, and most people never connect a mailbox.
    const { ImapFlow } = await import('imapflow');
    const client = new ImapFlow(clientOptions(this.account, this.settings.timeouts));
    // Without a listener a socket error would end the process; the failure reaches run() through the command it breaks.
    client.on('error', () => undefined);
    this.client = client;
    await client.connect();
    if (this.cancelled) throw new SyncFailure('server', 'cancelled');
    this.connected = true;
  }

  private async disconnect(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.openMailbox = null;
    if (!client) return;
    if (client.usable && !this.cancelled) {
      await client.logout().catch(() => client.close());
    } else {
      client.close();
    }
  }

  private requireClient(): ImapFlow {
    if (!this.client || this.cancelled) throw new SyncFailure('dropped', 'The connection to the mail server was lost during the sync.');
    return this.client;
  }

  private async chooseMailboxes(): Promise<ListResponse[]> {
    const listed = (await this.requireClient().list()).filter((box) => !box.flags.has('\\Noselect') && !box.flags.has('\\NonExistent'));
    if (this.request.mailboxes && this.request.mailboxes.length > 0) {
      return this.request.mailboxes.map((path) => {
        const box = listed.find((candidate) => candidate.path === path);
        if (!box) throw new SyncFailure('mailbox', `There is no mailbox “${path}” on the server.`);
        return box;
      });
    }
    // Gmail's All Mail holds every message once; its other folders are labels on the same messages.
    const all = listed.find((box) => box.specialUse === '\\All');
    if (all) return [all];
    return listed.filter((box) => !SKIPPED_USES.has(box.specialUse ?? ''));
  }

  /** Pauses and cancels take effect here, between batches. Returns whether the mailbox must be searched again. */
  private async checkpoint(): Promise<'same' | 'changed'> {
    if (this.cancelled) throw new SyncFailure('server', 'cancelled');
    await this.yieldNow();
    if (!this.pauseRequested) return 'same';
    const open = this.openMailbox;
    await this.disconnect();
    this.emit('paused');
    while (this.pauseRequested && !this.cancelled) await new Promise<void>((resolve) => (this.wake = resolve));
    this.wake = null;
    if (this.cancelled) throw new SyncFailure('server', 'cancelled');
    this.emit(open ? 'reading' : 'connecting');
    await this.connect();
    if (!open) return 'same';
    const uidValidity = await this.examine(open.path, open.sent);
    return uidValidity === open.uidValidity ? 'same' : 'changed';
  }

  private async examine(path: string, sent: boolean): Promise<bigint> {
    // readOnly: EXAMINE, so that opening the mailbox changes nothing (not even \Recent).
    const box = await this.requireClient().mailboxOpen(path, { readOnly: true });
    this.openMailbox = { path, uidValidity: box.uidValidity, sent };
    return box.uidValidity;
  }

  private async syncMailbox(mailbox: ListResponse): Promise<void> {
    this.state.mailbox = mailbox.path;
    let uids = await this.search(mailbox);
    let position = 0;
    while (position < uids.length) {
      if ((await this.checkpoint()) === 'changed') {
        // The server renumbered the mailbox while the sync was paused: search again; what was logged is skipped.
        uids = await this.search(mailbox);
        position = 0;
        continue;
      }
      const batch = uids.slice(position, position + this.settings.batchSize);
      await this.readBatch(batch);
      position += batch.length;
    }
  }

  private async search(mailbox: ListResponse): Promise<number[]> {
    this.emit('searching');
    await this.examine(mailbox.path, mailbox.specialUse === '\\Sent');
    const addresses = [...this.contacts];
    const found = new Set<number>();
    for (let start = 0; start < addresses.length; start += this.settings.addressesPerSearch) {
      if (this.cancelled) throw new SyncFailure('server', 'cancelled');
      const group = addresses.slice(start, start + this.settings.addressesPerSearch);
      const or = group.flatMap((address) => [{ from: address }, { to: address }, { cc: address }, { bcc: address }]);
      const uids = await this.requireClient().search({ sentSince: this.request.since, or }, { uid: true });
      for (const uid of uids || []) found.add(uid);
      await this.yieldNow();
    }
    const sorted = [...found].sort((a, b) => a - b);
    this.state.found += sorted.length;
    this.emit('reading');
    return sorted;
  }

  /** Reads one batch of messages and records it through the port in one call: all of it, or (on any failure) none. */
  private async readBatch(uids: number[]): Promise<void> {
    const client = this.requireClient();
    const sent = this.openMailbox?.sent ?? false;
    const mailbox = this.openMailbox?.path ?? '';
    const envelopes: FetchMessageObject[] = [];
    for await (const message of client.fetch(uids.join(','), { uid: true, envelope: true, bodyStructure: true, internalDate: true }, { uid: true })) {
      envelopes.push(message);
      await this.yieldSometimes();
    }
    const wanted: { message: FetchMessageObject; plan: PartsPlan; contactAddresses: string[] }[] = [];
    let skipped = 0;
    for (const message of envelopes) {
      const contactAddresses = this.contactsOf(message);
      const messageId = normaliseMessageId(message.envelope?.messageId);
      // SEARCH matches parts of addresses ("ana@x.com" in "hana@x.com"): only exact ones count.
      if (contactAddresses.length === 0 || (messageId && (this.seen.has(messageId) || (await this.fromVault(() => this.options.vault.alreadyLogged(messageId)))))) {
        skipped++;
        continue;
      }
      wanted.push({ message, plan: planParts(message.bodyStructure), contactAddresses });
    }

    // One FETCH per shape of message (most share one), for the header and the parts chosen.
    const groups = new Map<string, typeof wanted>();
    for (const entry of wanted) {
      const key = JSON.stringify(entry.plan);
      groups.set(key, [...(groups.get(key) ?? []), entry]);
    }
    const batch: CapturedBatch = { touchpoints: [], invites: [] };
    let unreadable = 0;
    const now = this.options.now?.() ?? new Date();
    for (const group of groups.values()) {
      const plan = group[0]!.plan;
      const byUid = new Map(group.map((entry) => [entry.message.uid, entry]));
      const items = fetchItems(plan);
      const query = { uid: true, headers: true as const, ...(items.length > 0 ? { bodyParts: items } : {}) };
      for await (const message of client.fetch([...byUid.keys()].join(','), query, { uid: true })) {
        const entry = byUid.get(message.uid);
        if (!entry || !message.headers) continue;
        const raw = assembleMessage(plan, message.headers, message.bodyParts);
        try {
          const proposal = await readEmail(raw, {
            ownAddresses: this.own,
            fallbackTimeZone: this.request.fallbackTimeZone,
            now,
            receivedAt: entry.message.internalDate instanceof Date ? entry.message.internalDate : undefined,
            inSentFolder: sent,
          });
          if (this.seen.has(proposal.messageId) || (proposal.messageIdGenerated && (await this.fromVault(() => this.options.vault.alreadyLogged(proposal.messageId))))) {
            skipped++;
            continue;
          }
          this.seen.add(proposal.messageId);
          const touchpoint: SyncedTouchpoint = { ...proposal, contactAddresses: entry.contactAddresses, mailbox };
          batch.touchpoints.push(touchpoint);
          for (const invite of proposal.invites) {
            batch.invites.push({ invite, messageId: proposal.messageId, from: proposal.from, subject: proposal.subject } satisfies InviteOffer);
          }
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          unreadable++;
        }
        await this.yieldSometimes();
      }
    }
    if (this.cancelled) throw new SyncFailure('server', 'cancelled');
    if (batch.touchpoints.length > 0) await this.fromVault(() => this.options.vault.record(batch));
    this.state.read += envelopes.length;
    this.state.logged += batch.touchpoints.length;
    this.state.invites += batch.invites.length;
    this.state.skipped += skipped;
    this.state.unreadable += unreadable;
    this.emit('reading');
  }

  /** A call to the vault port: its own message when it has one for the user, a plain one otherwise, never the IMAP client's words. */
  private async fromVault<T>(call: () => T | Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof AppError) throw new SyncFailure('vault', error.message);
      throw new SyncFailure('vault', 'The vault could not record what the sync found; nothing of the last batch was kept. Sync again to continue.');
    }
  }

  private contactsOf(message: FetchMessageObject): string[] {
    const envelope = message.envelope;
    if (!envelope) return [];
    const lists: (MessageAddressObject[] | undefined)[] = [envelope.from, envelope.sender, envelope.to, envelope.cc, envelope.bcc];
    const matched = new Set<string>();
    for (const list of lists) {
      for (const entry of list ?? []) {
        const address = normaliseAddress(entry.address);
        if (address && this.contacts.has(address)) matched.add(address);
      }
    }
    return [...matched];
  }

  private async yieldSometimes(): Promise<void> {
    if (performance.now() - this.lastYield >= SLICE_MS) await this.yieldNow();
  }

  private async yieldNow(): Promise<void> {
    await nextTurn();
    this.lastYield = performance.now();
  }
}
