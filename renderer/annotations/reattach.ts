/**
 * 重新定位: an orphan chosen in 我的标注 waits here while the user goes to a
 * document and selects the words it belongs to; the selection toolbar then
 * offers 确认重新定位. Kept in sessionStorage so a reload on the way keeps it.
 */
import { useSyncExternalStore } from 'react';

export interface PendingReattach {
  id: string;
  quote: string;
  title: string;
}

const KEY = 'policy-reader:reattach';
const listeners = new Set<() => void>();
let current: PendingReattach | null = read();

function read(): PendingReattach | null {
  try {
    const v = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as unknown;
    if (v && typeof v === 'object' && typeof (v as PendingReattach).id === 'string') {
      const o = v as PendingReattach;
      return { id: o.id, quote: String(o.quote ?? ''), title: String(o.title ?? '') };
    }
  } catch {
    /* storage unavailable or corrupt: nothing pending */
  }
  return null;
}

export function setPendingReattach(p: PendingReattach | null): void {
  current = p;
  try {
    if (p) sessionStorage.setItem(KEY, JSON.stringify(p));
    else sessionStorage.removeItem(KEY);
  } catch {
    /* the pending state still lives in memory */
  }
  listeners.forEach((l) => l());
}

export function usePendingReattach(): PendingReattach | null {
  return useSyncExternalStore(
    (l) => (listeners.add(l), () => void listeners.delete(l)),
    () => current,
  );
}
