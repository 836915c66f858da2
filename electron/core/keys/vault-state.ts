/**
 * What happens to an open vault that work running over it (the mailbox
 * sync) must follow: it locks (the vault stays open for the reminders, but
 * nothing may be written into it in the background), it unlocks again, or it
 * is about to close (a change of protection, the app quitting).
 */
export type VaultStateChange = 'locked' | 'unlocked' | 'closing';

/** Subscribes a listener for as long as this vault stays open. */
export type OnVaultStateChange = (listener: (change: VaultStateChange) => void) => void;
