import { describe, expect, it } from 'vitest';
import { serializeAnnotationFile } from '../../core/annotations/file';
import { testAnnotation } from '../../test-support/annotation-fixtures';
import { decideRestoreOffer } from './restore-offer';

const backup = (json: string) => ({ ok: true as const, json, file: '/u/annotation-backups/annotations-x.json', savedAt: '2024-05-01T08:00:00.000Z' });

describe('decideRestoreOffer', () => {
  const two = serializeAnnotationFile([testAnnotation({}), testAnnotation({ note: '笔记' })], '2024-05-01T08:00:00.000Z');

  it('offers when the database is empty and the backup holds annotations', () => {
    const o = decideRestoreOffer(0, backup(two));
    expect(o?.annotations).toHaveLength(2);
    expect(o?.savedAt).toBe('2024-05-01T08:00:00.000Z');
  });

  it('does not offer when the database has annotations, there is no backup (browser), or the backup is empty or invalid', () => {
    expect(decideRestoreOffer(1, backup(two))).toBeNull();
    expect(decideRestoreOffer(0, null)).toBeNull();
    expect(decideRestoreOffer(0, { ok: false, code: 'none', message: '没有可用的自动备份。' })).toBeNull();
    expect(decideRestoreOffer(0, backup(serializeAnnotationFile([], '2024-05-01T08:00:00.000Z')))).toBeNull();
    expect(decideRestoreOffer(0, backup('{"format": "policy-reader/annotations", "formatVersion": 1, "annotations": [{"bad": 1}]}'))).toBeNull();
  });
});
