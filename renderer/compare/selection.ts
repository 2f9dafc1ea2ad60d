/** The library's "pick two rows to compare" selection: a tiny store shared by the row checkboxes and the 比较 button. */
import { useSyncExternalStore } from 'react';

let selected: readonly string[] = [];
/** Set when a third document was refused (two are compared); cleared by the next change. */
let refused: string | null = null;
const listeners = new Set<() => void>();

export const MAX_COMPARED = 2;

/**
 * Ticks or unticks a document. A third tick is refused, not taken by silently
 * unticking the first: the user is told to untick one first. Returns whether
 * the choice was taken.
 */
export function toggleSelected(id: string, on: boolean): boolean {
  if (on && !selected.includes(id) && selected.length >= MAX_COMPARED) {
    refused = id;
    for (const l of listeners) l();
    return false;
  }
  selected = on ? [...selected.filter((x) => x !== id), id] : selected.filter((x) => x !== id);
  refused = null;
  for (const l of listeners) l();
  return true;
}

export function clearSelected(): void {
  selected = [];
  refused = null;
  for (const l of listeners) l();
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useSelected(): readonly string[] {
  return useSyncExternalStore(subscribe, () => selected);
}

/** The document whose tick was just refused, or null. */
export function useRefused(): string | null {
  return useSyncExternalStore(subscribe, () => refused);
}
