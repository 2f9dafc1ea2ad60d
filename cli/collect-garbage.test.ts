import { describe, expect, it } from 'vitest';
import { setImmediate as tick } from 'node:timers/promises';
import { collectGarbage } from './collect-garbage.js';

describe('collectGarbage', () => {
  it('collects what nothing holds any more, without --expose-gc', async () => {
    expect(process.execArgv.join(' ')).not.toMatch(/expose[-_]gc/);
    // Small objects: nothing else would collect them here.
    const refs = (() => Array.from({ length: 8 }, (_, i) => new WeakRef({ i })))();
    // A WeakRef's target is kept until the end of the job that made it.
    await tick();
    collectGarbage();
    expect(refs.filter((r) => r.deref() !== undefined)).toHaveLength(0);
    // Again: the function is taken once and kept.
    collectGarbage();
  });
});
