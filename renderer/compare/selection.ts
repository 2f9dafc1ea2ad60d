/** The library's "pick two rows to compare" selection: a tiny store shared by the row checkboxes and the 比较 button. */
import { useSyncExternalStore } from 'react';

let selected: readonly string[] = [];
const listeners = new Set<() => void>();

export function toggleSelected(id: string, on: boolean): void {
  // The two most recent choices are kept: picking a third replaces the oldest.
  selected = on ? [...selected.filter((x) => x !== id), id].slice(-2) : selected.filter((x) => x !== id);
  for (const l of listeners) l();
}

export function clearSelected(): void {
  selected = [];
  for (const l of listeners) l();
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useSelected(): readonly string[] {
  return useSyncExternalStore(subscribe, () => selected);
}
