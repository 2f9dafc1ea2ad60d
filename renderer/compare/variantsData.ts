/**
 * variants.json for the renderer: fetched once, validated by core's restore,
 * shared by every component that needs it (the header's 相似文本, the
 * "本条亦见于" line of each unit) through one cached promise and value.
 */
import { useEffect, useState } from 'react';
import type { VariantsFile } from '../../core/compare/format';
import { VARIANTS_FILE } from '../../core/compare/format';
import { emptyVariants, restoreVariants } from '../../core/compare/restore';

let pending: Promise<VariantsFile> | null = null;
let loaded: VariantsFile | null = null;

export function loadVariants(): Promise<VariantsFile> {
  pending ??= fetch(`corpus/${VARIANTS_FILE}`)
    .then((res) => (res.ok ? res.json() : null))
    // A corpus without variants (or an unreadable file) is a corpus without families, not a broken reader.
    .then((v: unknown) => (v === null ? emptyVariants() : restoreVariants(v)))
    .catch(() => emptyVariants())
    .then((v) => (loaded = v));
  return pending;
}

/** The variants file, or null while it loads. Synchronous after the first load, so a unit mounting late does not flicker. */
export function useVariants(): VariantsFile | null {
  const [v, setV] = useState<VariantsFile | null>(loaded);
  useEffect(() => {
    if (v) return;
    let live = true;
    loadVariants().then((x) => live && setV(x));
    return () => {
      live = false;
    };
  }, [v]);
  return v;
}
