import { useEffect, useState } from 'react';
import type { Alignment } from '../../core/compare/align';
import type { DiffOptions } from '../../core/compare/diff';
import type { PolicyDocument } from '../../core/corpus/types';
import { CancellationTokenSource, isCancelled } from '../../core/util/cancellation';
import { alignInWorker } from './alignClient';

export type AlignmentState =
  | { status: 'running'; progress: number | null; previous: Alignment | null }
  | { status: 'ready'; alignment: Alignment }
  | { status: 'error'; message: string };

/**
 * The alignment of two documents under the options, computed in the worker.
 * A change of documents or options (or leaving the page) cancels the running
 * one; while a new one runs, the previous result stays on screen.
 */
export function useAlignment(a: PolicyDocument, b: PolicyDocument, options: DiffOptions): AlignmentState {
  const [state, setState] = useState<AlignmentState>({ status: 'running', progress: null, previous: null });
  useEffect(() => {
    const source = new CancellationTokenSource();
    setState((s) => ({ status: 'running', progress: null, previous: s.status === 'ready' ? s.alignment : s.status === 'running' ? s.previous : null }));
    alignInWorker(a, b, options, source.token, (done, total) =>
      setState((s) => (s.status === 'running' ? { ...s, progress: total ? done / total : null } : s)),
    ).then(
      (alignment) => setState({ status: 'ready', alignment }),
      (e: unknown) => {
        if (!isCancelled(e)) setState({ status: 'error', message: e instanceof Error ? e.message : String(e) });
      },
    );
    return () => source.cancel();
  }, [a, b, options]);
  return state;
}
