import { contract, isChannel, writesVault, type Channel } from '#shared/ipc/contract';
import type { AppErrorShape, Envelope } from '#shared/ipc/errors';
import { AppError } from './errors';
import { storageError } from './vault/storage-errors';
import type { Handlers } from './handlers/index';
import type { HandlersFor } from './handlers/types';

/** Payloads above this are refused before parsing; a note is far smaller. */
export const MAX_INPUT_BYTES = 8 * 1024 * 1024;

export type Dispatch = (channel: unknown, input: unknown) => Promise<Envelope<unknown>>;

export interface DispatchOptions {
  /**
   * Checks every answer against the channel's output schema, so a handler that
   * drifts from the contract fails loudly. Tests turn it on; production leaves
   * it off to save the work on every call.
   */
  validateOutput?: boolean;
  /** Runs after every successful write (e.g. to re-plan reminders); its failure never fails the write. */
  afterWrite?: (channel: Channel) => void;
}

/**
 * The single entry to the core used by both shells (ipcMain and the preview
 * server): checks the channel, parses the input, runs the handler and turns
 * any failure into a typed error the renderer can show.
 */
export function createDispatch(
  handlers: Handlers | Partial<HandlersFor<Channel>>,
  log: (error: unknown) => void = console.error,
  options: DispatchOptions = {},
): Dispatch {
  return async (channel, input) => {
    try {
      if (!isChannel(channel)) {
        throw new AppError('UNKNOWN_CHANNEL', `Afterview has no action called "${String(channel).slice(0, 80)}".`);
      }
      if (approximateSize(input) > MAX_INPUT_BYTES) {
        throw new AppError('INVALID_INPUT', 'That is too large to save. Shorten it and try again.');
      }
      const parsed = contract[channel].input.safeParse(input);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue?.path.length ? issue.path.join('.') : undefined;
        throw new AppError('INVALID_INPUT', describeIssue(issue), field);
      }
      const handler = (handlers as Partial<Record<Channel, (value: unknown) => unknown>>)[channel];
      if (!handler) throw new AppError('UNKNOWN_CHANNEL', `Afterview cannot do "${channel}" here.`);
      const value = await handler(parsed.data);
      if (options.validateOutput) checkOutput(channel, value);
      if (options.afterWrite && writesVault(channel)) {
        try {
          options.afterWrite(channel);
        } catch (error) {
          log(error);
        }
      }
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: toErrorShape(error, log) };
    }
  };
}

class OutputMismatch extends Error {
  override name = 'OutputMismatch';
}

function checkOutput(channel: Channel, value: unknown): void {
  const checked = contract[channel].output.safeParse(value);
  if (!checked.success) {
    const issues = checked.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new OutputMismatch(`${channel} answered outside its contract: ${issues.join('; ')}`);
  }
}

function describeIssue(issue: { code: string; message: string; path: PropertyKey[] } | undefined): string {
  if (!issue) return 'The input was not valid.';
  if (issue.code === 'unrecognized_keys') return 'The input has fields Afterview does not know.';
  if (issue.code === 'invalid_type' && issue.path.length === 0) return 'The input was not in the expected form.';
  return issue.message;
}

function toErrorShape(error: unknown, log: (error: unknown) => void): AppErrorShape {
  if (error instanceof AppError) return error.toShape();
  const storage = storageError(error);
  if (storage) return storage.toShape();
  log(error);
  return { code: 'INTERNAL', message: 'Something went wrong inside Afterview; nothing was changed. Please try again.' };
}

/**
 * Cheap estimate of a value's serialized size, without serializing 50 MB twice.
 * A character counts once: the largest legitimate inputs (a 5 MB card as
 * base64, a 4,000,000-character note) are ASCII-heavy and must fit.
 */
function approximateSize(value: unknown, budget = MAX_INPUT_BYTES + 1): number {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && total < budget) {
    const item = stack.pop();
    if (typeof item === 'string') total += item.length;
    else if (item && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        total += key.length + 8;
        stack.push(child);
      }
    } else total += 8;
  }
  return total;
}
