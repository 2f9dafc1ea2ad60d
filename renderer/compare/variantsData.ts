/**
 * Variants for the renderer, loaded on demand: the summary (`variants.json`: families' members,
 * related-by-subject pairs, which documents have a shard) once, and a document's shard
 * (`variants/<docId>.json`: its clause counterparts and pairs) when its reading view, 本条亦见于 or
 * 相似文本 needs it. Shards stay in a small least-recently-used cache, so reading many documents does
 * not pile them up in the tab. Results are kept synchronously too, so a unit mounting late (every
 * clause's 亦见 marker) reads them without a loading flicker.
 */
import { useEffect, useState } from 'react';
import type { VariantShard, VariantsSummary } from '../../core/compare/format';
import { VARIANTS_FILE, variantShardPath } from '../../core/compare/format';
import { emptySummary, restoreVariantShard, restoreVariantsSummary, shardUnreadable, SUMMARY_UNREADABLE } from '../../core/compare/restore';
import { getJson, NotFound } from '../data/corpus';

/** Summary, or why it could not be used (the reader then goes on without variants). */
export interface SummaryState {
  summary: VariantsSummary;
  problem: string | null;
}

/** A document's variants as the views need them: no shard (nothing found for it), its shard, or why it is unreadable. */
export interface DocVariantsState {
  summary: VariantsSummary;
  shard: VariantShard | null;
  problem: string | null;
}

let pendingSummary: Promise<SummaryState> | null = null;

export function loadVariantsSummary(): Promise<SummaryState> {
  pendingSummary ??= getJson(`corpus/${VARIANTS_FILE}`)
    .then(
      (v): SummaryState => {
        const summary = restoreVariantsSummary(v);
        return summary ? { summary, problem: null } : { summary: emptySummary(), problem: SUMMARY_UNREADABLE };
      },
      // A corpus without variants is a corpus without families, not a broken reader.
      (e: unknown): SummaryState => ({ summary: emptySummary(), problem: e instanceof NotFound ? null : SUMMARY_UNREADABLE }),
    );
  return pendingSummary;
}

/** Shards kept at most: a few documents back and forth, as the document cache (renderer/data/corpus.ts). */
export const SHARD_CACHE_SIZE = 8;
/** Resolved shards, least recently used first (a Map keeps insertion order). */
const shards = new Map<string, DocVariantsState>();
const pendingShards = new Map<string, Promise<DocVariantsState>>();

function remember(docId: string, s: DocVariantsState): DocVariantsState {
  shards.delete(docId);
  shards.set(docId, s);
  while (shards.size > SHARD_CACHE_SIZE) shards.delete(shards.keys().next().value as string);
  return s;
}

/** A document's variants if they are loaded (and marked as just used), else undefined. */
function cached(docId: string): DocVariantsState | undefined {
  const hit = shards.get(docId);
  return hit && remember(docId, hit);
}

export function loadDocVariants(docId: string): Promise<DocVariantsState> {
  const hit = cached(docId);
  if (hit) return Promise.resolve(hit);
  let p = pendingShards.get(docId);
  if (!p) {
    p = loadVariantsSummary()
      .then(async ({ summary, problem }): Promise<DocVariantsState> => {
        if (problem) return { summary, shard: null, problem };
        // A document the summary lists no shard for (a user's file, one without any counterpart) has nothing to fetch.
        if (!summary.shards.includes(docId)) return { summary, shard: null, problem: null };
        const shard = restoreVariantShard(await getJson(`corpus/${variantShardPath(docId)}`).catch(() => null), docId);
        return { summary, shard, problem: shard ? null : shardUnreadable(docId) };
      })
      .then((s) => remember(docId, s))
      .finally(() => pendingShards.delete(docId));
    pendingShards.set(docId, p);
  }
  return p;
}

/** `docId`'s variants (summary and shard), or null while they load. */
export function useDocVariants(docId: string): DocVariantsState | null {
  const [s, setS] = useState<{ docId: string; value: DocVariantsState | undefined }>(() => ({ docId, value: cached(docId) }));
  const value = s.docId === docId ? s.value : cached(docId);
  useEffect(() => {
    if (value) return;
    let live = true;
    loadDocVariants(docId).then((x) => live && setS({ docId, value: x }));
    return () => {
      live = false;
    };
  }, [docId, value]);
  return value ?? null;
}
