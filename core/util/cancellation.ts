/**
 * Cancellation for long work, after VS Code's CancellationToken: the caller
 * owns a CancellationTokenSource and hands its token to the work, which checks
 * `isCancellationRequested` between steps (or listens) and stops by throwing a
 * CancellationError. Kept minimal on purpose: several subsystems share it.
 */

export interface CancellationToken {
  readonly isCancellationRequested: boolean;
  /** Called once when cancellation is requested (at once if it already was); dispose() stops listening. */
  onCancellationRequested(listener: () => void): { dispose(): void };
}

const NONE: CancellationToken = Object.freeze({ isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) });
const CANCELLED: CancellationToken = Object.freeze({
  isCancellationRequested: true,
  onCancellationRequested: (listener: () => void) => {
    listener();
    return { dispose() {} };
  },
});

// The interface and this value share the name, as in VS Code (`CancellationToken.None`).
export const CancellationToken = { None: NONE, Cancelled: CANCELLED } as const;

export class CancellationTokenSource {
  private cancelled = false;
  private listeners = new Set<() => void>();
  readonly token: CancellationToken;

  constructor() {
    const isCancelledNow = () => this.cancelled;
    const listen = (listener: () => void) => {
      if (this.cancelled) {
        listener();
        return { dispose() {} };
      }
      this.listeners.add(listener);
      return { dispose: () => void this.listeners.delete(listener) };
    };
    this.token = {
      get isCancellationRequested() {
        return isCancelledNow();
      },
      onCancellationRequested: listen,
    };
  }

  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    const ls = [...this.listeners];
    this.listeners.clear();
    for (const l of ls) l();
  }

  dispose(): void {
    this.listeners.clear();
  }
}

export class CancellationError extends Error {
  constructor() {
    super('Canceled');
    this.name = 'Canceled';
  }
}

/** Throws a CancellationError when the token was cancelled: call it between steps of long work. */
export function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new CancellationError();
}

/** True for the error cancelled work stops with (also after crossing a worker boundary, where only the name survives). */
export function isCancelled(e: unknown): boolean {
  return e instanceof CancellationError || (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'Canceled');
}
