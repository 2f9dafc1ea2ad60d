/**
 * App-wide notices (failed saves, restored backups) for code that is not a
 * component: actions and settings writes call `notify`, and <Notices/> (once,
 * in App) shows the newest through the existing Toast.
 */
type Listener = (message: string) => void;

const listeners = new Set<Listener>();

export function notify(message: string): void {
  for (const l of listeners) l(message);
}

export function subscribeNotices(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
