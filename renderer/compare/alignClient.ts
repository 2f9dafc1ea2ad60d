/**
 * Runs an alignment in a Web Worker. Cancelling the token terminates the
 * worker at once (the work is one synchronous call there) and rejects with a
 * CancellationError; the next request starts a fresh worker.
 */
import type { Alignment } from '../../core/compare/align';
import type { DiffOptions } from '../../core/compare/diff';
import type { PolicyDocument } from '../../core/corpus/types';
import { CancellationError, type CancellationToken } from '../../core/util/cancellation';
import type { FromAlignWorker, ToAlignWorker } from './alignProtocol';

let worker: Worker | null = null;
let nextId = 1;

function ensureWorker(): Worker {
  worker ??= new Worker(new URL('./alignWorker.ts', import.meta.url), { type: 'module', name: 'align' });
  return worker;
}

function stopWorker(w: Worker): void {
  w.terminate();
  if (worker === w) worker = null;
}

export function alignInWorker(a: PolicyDocument, b: PolicyDocument, options: DiffOptions, token: CancellationToken, onProgress?: (done: number, total: number) => void): Promise<Alignment> {
  return new Promise<Alignment>((resolve, reject) => {
    if (token.isCancellationRequested) return reject(new CancellationError());
    const w = ensureWorker();
    const id = nextId++;
    const finish = () => {
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
      listener.dispose();
    };
    const onMessage = (ev: MessageEvent<FromAlignWorker>) => {
      const m = ev.data;
      if (m.id !== id) return;
      if (m.type === 'progress') return onProgress?.(m.done, m.total);
      finish();
      if (m.type === 'done') resolve(m.alignment);
      else reject(new Error(m.message));
    };
    const onError = (ev: ErrorEvent) => {
      finish();
      stopWorker(w);
      reject(new Error(ev.message || '比较线程出错'));
    };
    const listener = token.onCancellationRequested(() => {
      finish();
      stopWorker(w);
      reject(new CancellationError());
    });
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    w.postMessage({ id, a, b, options } satisfies ToAlignWorker);
  });
}
