/**
 * The outline entry for the unit at the top of the viewport. Changes many
 * times per second while scrolling, so it lives outside React state: setting
 * it re-renders nothing; subscribers (the outline) update the DOM directly.
 */
export interface ActiveStore {
  get(): string | null;
  set(id: string | null): void;
  subscribe(listener: (id: string | null) => void): () => void;
}

export function createActiveStore(): ActiveStore {
  let current: string | null = null;
  const listeners = new Set<(id: string | null) => void>();
  return {
    get: () => current,
    set(id) {
      if (id === current) return;
      current = id;
      listeners.forEach((l) => l(id));
    },
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}
