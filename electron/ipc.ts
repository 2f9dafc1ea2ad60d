/**
 * IPC handlers, registered from the contract's channel list. Every call is
 * checked twice before a handler runs: the sender must be the top-level frame
 * of app://reader (not an iframe, not a page that navigated elsewhere), and
 * the arguments must have exactly the contract's shape and size limits.
 */
import type { IpcMainInvokeEvent } from 'electron';
import type { IpcChannel, IpcContract, SaveBackupRequest, SavePdfRequest } from './contract';
import { isAppUrl } from './security';

/** Runtime list of invoke channels; `satisfies` makes it exhaustive against the contract. */
const CHANNEL_SET = {
  'app:get-info': true,
  'shell:open-external': true,
  'export:save-pdf': true,
  'backup:save': true,
  'backup:open': true,
  'autobackup:write': true,
  'autobackup:read': true,
} as const satisfies Record<IpcChannel, true>;
export const IPC_CHANNELS = Object.keys(CHANNEL_SET) as IpcChannel[];

export const LIMITS = {
  urlChars: 2048,
  fileNameChars: 255,
  pdfHtmlChars: 20 * 1024 * 1024,
  backupChars: 50 * 1024 * 1024,
} as const;

export class IpcArgumentError extends Error {
  override name = 'IpcArgumentError';
}

export interface SenderFrame {
  url: string;
  parent: unknown;
}

/** The sender must be the top frame of our own origin. */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}

function fail(channel: string, why: string): never {
  throw new IpcArgumentError(`${channel}: ${why}`);
}

function plainObject(channel: string, v: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) fail(channel, 'expected an object');
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) fail(channel, 'expected a plain object');
  for (const key of Object.keys(v)) if (!allowed.includes(key)) fail(channel, `unknown field ${key}`);
  return v as Record<string, unknown>;
}

function str(channel: string, field: string, v: unknown, max: number, { optional = false, nonEmpty = false } = {}): string | undefined {
  if (v === undefined && optional) return undefined;
  if (typeof v !== 'string') fail(channel, `${field} must be a string`);
  if (v.length > max) fail(channel, `${field} is longer than ${max} characters`);
  if (nonEmpty && v.trim() === '') fail(channel, `${field} must not be empty`);
  return v;
}

function arity(channel: string, args: unknown[], n: number): void {
  if (args.length !== n) fail(channel, `expected ${n} argument(s), got ${args.length}`);
}

type Validators = { [C in IpcChannel]: (args: unknown[]) => IpcContract[C]['args'] };

export const validators: Validators = {
  'app:get-info': (args) => {
    arity('app:get-info', args, 0);
    return [];
  },
  'shell:open-external': (args) => {
    arity('shell:open-external', args, 1);
    return [str('shell:open-external', 'url', args[0], LIMITS.urlChars)!];
  },
  'export:save-pdf': (args) => {
    const c = 'export:save-pdf';
    arity(c, args, 1);
    const o = plainObject(c, args[0], ['html', 'suggestedName', 'pageSize', 'landscape']);
    const request: SavePdfRequest = {
      html: str(c, 'html', o.html, LIMITS.pdfHtmlChars, { nonEmpty: true })!,
      suggestedName: str(c, 'suggestedName', o.suggestedName, LIMITS.fileNameChars)!,
    };
    if (o.pageSize !== undefined) {
      if (!['A4', 'A3', 'A5', 'Letter', 'Legal'].includes(o.pageSize as string)) fail(c, 'pageSize is not supported');
      request.pageSize = o.pageSize as SavePdfRequest['pageSize'];
    }
    if (o.landscape !== undefined) {
      if (typeof o.landscape !== 'boolean') fail(c, 'landscape must be a boolean');
      request.landscape = o.landscape;
    }
    return [request];
  },
  'backup:save': (args) => {
    const c = 'backup:save';
    arity(c, args, 1);
    const o = plainObject(c, args[0], ['json', 'suggestedName']);
    const request: SaveBackupRequest = { json: str(c, 'json', o.json, LIMITS.backupChars, { nonEmpty: true })! };
    const name = str(c, 'suggestedName', o.suggestedName, LIMITS.fileNameChars, { optional: true });
    if (name !== undefined) request.suggestedName = name;
    return [request];
  },
  'backup:open': (args) => {
    arity('backup:open', args, 0);
    return [];
  },
  'autobackup:write': (args) => {
    arity('autobackup:write', args, 1);
    return [str('autobackup:write', 'json', args[0], LIMITS.backupChars, { nonEmpty: true })!];
  },
  'autobackup:read': (args) => {
    arity('autobackup:read', args, 0);
    return [];
  },
};

export type IpcHandlers = {
  [C in IpcChannel]: (event: IpcMainInvokeEvent, ...args: IpcContract[C]['args']) => Promise<IpcContract[C]['result']> | IpcContract[C]['result'];
};

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
}

/** Wraps a handler with sender and argument validation. Exported for tests. */
export function guarded<C extends IpcChannel>(channel: C, handler: IpcHandlers[C], log: (m: string) => void = () => {}) {
  return async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<IpcContract[C]['result']> => {
    if (!isTrustedSender(event.senderFrame as SenderFrame | null)) {
      log(`refused ${channel} from ${event.senderFrame?.url ?? '(no frame)'}`);
      throw new Error(`${channel}: untrusted sender`);
    }
    const valid = validators[channel](args);
    return (handler as (e: IpcMainInvokeEvent, ...a: unknown[]) => Promise<IpcContract[C]['result']>)(event, ...valid);
  };
}

export function registerIpcHandlers(ipcMain: IpcMainLike, handlers: IpcHandlers, log?: (m: string) => void): void {
  for (const channel of IPC_CHANNELS) {
    ipcMain.handle(channel, guarded(channel, handlers[channel] as never, log));
  }
}
