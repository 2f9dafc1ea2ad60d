/**
 * A full garbage collection between the build's phases. What a phase let go (variant detection's signatures and
 * candidate tables, some hundreds of MB at 10,000 documents) stays in the heap until V8's next full collection,
 * and V8 lets the heap grow in proportion to what it holds before starting one: the next phase's short-lived
 * strings then pile on top, and the peak follows. Collecting once at the boundary starts the next phase from
 * what is really held. Node exposes `gc` only behind a flag; it can be set at run time and the function taken
 * from a new context. Where that fails, the build goes on without it.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;

export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const f: unknown = runInNewContext('typeof gc === "function" ? gc : null');
      gc = typeof f === 'function' ? (f as () => void) : null;
    } catch {
      gc = null;
    }
  }
  gc?.();
}
