/** Messages between the comparison view and its alignment worker. */
import type { Alignment } from '../../core/compare/align';
import type { DiffOptions } from '../../core/compare/diff';
import type { PolicyDocument } from '../../core/corpus/types';

export type ToAlignWorker = { id: number; a: PolicyDocument; b: PolicyDocument; options: DiffOptions };

export type FromAlignWorker =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'done'; alignment: Alignment }
  | { id: number; type: 'error'; message: string };
