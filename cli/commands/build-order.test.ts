import { describe, expect, it } from 'vitest';
import { derived } from './build.js';

// The build holds the variants detection (about 200 MB at 10,000 documents) only until its files are written, and
// builds the search index only after: the two are never held together (the build's memory peak).
describe('the derived corpus files of a build', () => {
  const file = (path: string) => ({ path, data: `${path}\n` });

  it('come as the detection files, then the search files, which are made only once the detection is let go', () => {
    const made: string[] = [];
    const detection: { files: Iterable<{ path: string; data: string }> | null } = {
      files: (function* () {
        made.push('variants.json');
        yield file('variants.json');
        made.push('variants/d1.json');
        yield file('variants/d1.json');
      })(),
    };
    const search = () => {
      expect(detection.files).toBeNull();
      made.push('search index');
      return [file('search/manifest.json'), file('search/texts-0.json')];
    };
    const out = [...derived(detection, search)].map((f) => f.path);
    expect(out).toEqual(['variants.json', 'variants/d1.json', 'search/manifest.json', 'search/texts-0.json']);
    expect(made).toEqual(['variants.json', 'variants/d1.json', 'search index']);
  });

  it('does not make the search index while the detection files are still being written', () => {
    let searchMade = false;
    const detection = { files: [file('variants.json'), file('variants-lsh.json')] as Iterable<{ path: string; data: string }> | null };
    const it = derived(detection, () => {
      searchMade = true;
      return [file('search/manifest.json')];
    });
    expect(it.next().value?.path).toBe('variants.json');
    expect(it.next().value?.path).toBe('variants-lsh.json');
    expect(searchMade).toBe(false);
    expect(it.next().value?.path).toBe('search/manifest.json');
    expect(searchMade).toBe(true);
  });
});
