/**
 * The small records a build leaves in `cache/` for the next one (version-files.ts, search-update.ts,
 * variant-shards.ts): each names the version it describes and its own format, so that a record of another version
 * (a build killed between its switch and saving it) or of an older program is not used. None is the user's data:
 * a record that does not read is as if there were none, and one that cannot be written costs the next build time,
 * never output.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { projectFingerprint } from './parser-fingerprint.js';
import { PROJECT_ROOT } from './project-root.js';

/** The record at `rel` (under the corpus folder) when it reads as JSON of this format and version; else null. */
export async function readRecord(corpusDir: string, rel: string, format: number, version: string): Promise<Record<string, unknown> | null> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path.join(corpusDir, rel), 'utf8'));
  } catch {
    return null;
  }
  const d = data as Record<string, unknown> | null;
  return d && typeof d === 'object' && d.format === format && d.version === version ? d : null;
}

/**
 * Write the record `value` at `rel`: aside, then renamed into place, so a build killed here leaves the earlier
 * record or this one whole. False when it could not be written (the temporary file removed).
 */
export async function saveRecord(corpusDir: string, rel: string, value: unknown): Promise<boolean> {
  const at = path.join(corpusDir, rel);
  const tmp = `${at}.tmp`;
  try {
    await mkdir(path.dirname(at), { recursive: true });
    await writeFile(tmp, JSON.stringify(value));
    await rename(tmp, at);
    return true;
  } catch {
    await rm(tmp, { force: true }).catch(() => undefined);
    return false;
  }
}

const fingerprints = new Map<string, string>();
/**
 * A hash of the code reached from `roots` (modules of this project, followed import by import: parser-fingerprint.ts),
 * worked out once per process; where there are no sources, of the compiled CLI this module is in.
 */
export function codeFingerprint(roots: string[]): string {
  const key = roots.join('\n');
  let print = fingerprints.get(key);
  if (print === undefined) fingerprints.set(key, (print = projectFingerprint(PROJECT_ROOT, [new URL('./policy-reader.mjs', import.meta.url)], roots)));
  return print;
}
