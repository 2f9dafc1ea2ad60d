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

describe('cancellation: the edges long work meets', () => {
  it('work started without a token runs to the end', () => {
    expect(() => throwIfCancelled(undefined)).not.toThrow();
    expect(() => throwIfCancelled(CancellationToken.None)).not.toThrow();
    expect(() => throwIfCancelled(CancellationToken.Cancelled)).toThrow(CancellationError);
  });
  it('None never calls a listener and Cancelled calls it at once; both can be disposed', () => {
    const heard: string[] = [];
    CancellationToken.None.onCancellationRequested(() => heard.push('none')).dispose();
    CancellationToken.Cancelled.onCancellationRequested(() => heard.push('cancelled')).dispose();
    expect(heard).toEqual(['cancelled']);
  });
  it('a listener that comes after the cancellation is called and can still be disposed', () => {
    const s = new CancellationTokenSource();
    s.cancel();
    let heard = 0;
    expect(() => s.token.onCancellationRequested(() => heard++).dispose()).not.toThrow();
    expect(heard).toBe(1);
  });
  it('a disposed source tells no listener when it is cancelled afterwards', () => {
    const s = new CancellationTokenSource();
    let heard = 0;
    s.token.onCancellationRequested(() => heard++);
    s.dispose();
    s.cancel();
    expect(heard).toBe(0);
    expect(s.token.isCancellationRequested).toBe(true);
  });
  it('the error a worker sends back (its name and message only) still reads as a cancellation', () => {
    const e = new CancellationError();
    expect(isCancelled({ name: e.name, message: e.message })).toBe(true);
    expect(e.message).toBe('Canceled');
    expect(isCancelled(undefined)).toBe(false);
    expect(isCancelled('Canceled')).toBe(false);
  });
});
