import { describe, expect, it } from 'vitest';
import { CancellationError, CancellationToken, CancellationTokenSource, isCancelled, throwIfCancelled } from './cancellation';

describe('cancellation', () => {
  it('a source cancels its token once and tells each listener once', () => {
    const s = new CancellationTokenSource();
    const heard: string[] = [];
    s.token.onCancellationRequested(() => heard.push('a'));
    const b = s.token.onCancellationRequested(() => heard.push('b'));
    b.dispose();
    expect(s.token.isCancellationRequested).toBe(false);
    expect(() => throwIfCancelled(s.token)).not.toThrow();
    s.cancel();
    s.cancel();
    expect(s.token.isCancellationRequested).toBe(true);
    expect(heard).toEqual(['a']);
    s.token.onCancellationRequested(() => heard.push('late'));
    expect(heard).toEqual(['a', 'late']);
    expect(() => throwIfCancelled(s.token)).toThrow(CancellationError);
  });

  it('None never cancels; isCancelled recognises the error, also by name after a worker boundary', () => {
    expect(CancellationToken.None.isCancellationRequested).toBe(false);
    expect(CancellationToken.Cancelled.isCancellationRequested).toBe(true);
    expect(isCancelled(new CancellationError())).toBe(true);
    expect(isCancelled({ name: 'Canceled', message: 'Canceled' })).toBe(true);
    expect(isCancelled(new Error('boom'))).toBe(false);
    expect(isCancelled(null)).toBe(false);
  });
});
