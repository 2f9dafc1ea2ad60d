/// <reference lib="webworker" />
/**
 * Alignment off the UI thread: two large documents take seconds to align and
 * diff, which would freeze the page. Progress is posted at most every
 * PROGRESS_MS; a superseded request is abandoned by the client terminating
 * this worker (alignment is synchronous, so a message could not reach it).
 */
import { alignDocuments } from '../../core/compare/align';
import type { FromAlignWorker, ToAlignWorker } from './alignProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const PROGRESS_MS = 100;

scope.onmessage = (ev: MessageEvent<ToAlignWorker>) => {
  const { id, a, b, options } = ev.data;
  const post = (m: FromAlignWorker) => scope.postMessage(m);
  let last = 0;
  try {
    const alignment = alignDocuments(a, b, options, {
      onProgress: (done, total) => {
        const now = performance.now();
        if (now - last < PROGRESS_MS) return;
        last = now;
        post({ id, type: 'progress', done, total });
      },
    });
    post({ id, type: 'done', alignment });
  } catch (e) {
    post({ id, type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};
