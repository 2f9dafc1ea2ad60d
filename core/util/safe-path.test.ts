import { describe, expect, it } from 'vitest';
import { decodePathSegments, resolveAppPath } from './safe-path.js';

describe('resolveAppPath', () => {
  it('maps the app and the corpus', () => {
    expect(resolveAppPath('/')).toEqual({ ok: true, area: 'renderer', relative: 'index.html', spaFallback: false });
    expect(resolveAppPath('/assets/index-abc.js')).toEqual({ ok: true, area: 'renderer', relative: 'assets/index-abc.js', spaFallback: false });
    expect(resolveAppPath('/doc/p1')).toMatchObject({ ok: true, area: 'renderer', spaFallback: true });
    expect(resolveAppPath('/corpus/library.json')).toEqual({ ok: true, area: 'corpus', relative: 'library.json', spaFallback: false });
    expect(resolveAppPath('/corpus/docs/%E9%80%9A%E7%9F%A5.json')).toMatchObject({ ok: true, relative: 'docs/通知.json' });
    expect(resolveAppPath('/corpus/search/index.JSON')).toMatchObject({ ok: true, area: 'corpus' });
  });

  it.each([
    ['/corpus/raw/000.txt', 403],
    ['/corpus/%72aw/000.txt', 403],
    ['/corpus/%72%61%77/000.txt', 403],
    ['/corpus//raw/000.txt', 403],
    ['/corpus/%2Fraw/000.txt', 403],
    ['/corpus/%2fraw%2f000.txt', 403],
    ['/corpus/raw%2F000.txt', 403],
    ['/corpus/raw%2f000.json', 403],
    ['/corpus/docs/../raw/000.txt', 403],
    ['/corpus/docs/%2e%2e/raw/000.txt', 403],
    ['/corpus/RAW/000.txt', 403],
    ['/corpus/Raw/x.json', 403],
    ['/corpus/raw./000.txt', 403],
    ['/corpus/raw%20/000.txt', 403],
    ['/corpus/raw::$DATA/000.txt', 403],
    ['/corpus/raw%5C000.txt', 403],
    ['/corpus/%252e%252e/secret.json', 400],
    ['/corpus/%2572aw/000.txt', 400],
    ['/corpus/%E0%A4%A', 400],
    ['/corpus/docs/a.json%00.png', 403],
    ['/corpus/.hidden.json', 403],
    ['/corpus/docs/.x.json', 403],
    ['/.env', 403],
    ['/assets/.vite/manifest.json', 403],
    ['/corpus/notes.txt', 403],
    ['/corpus/docs/a.json.txt', 403],
    ['/corpus/docs', 403],
    ['/corpus/', 404],
    ['/CORPUS/library.json', 404],
    ['/../secret.txt', 403],
    ['/a/../../secret.txt', 403],
    ['/C:%5CWindows%5Cwin.ini', 403],
    ['//etc/passwd', 403],
    ['/%2Fetc%2Fpasswd', 403],
    ['relative/path', 400],
  ])('refuses %s with %i', (p, status) => {
    expect(resolveAppPath(p)).toMatchObject({ ok: false, status });
  });

  it('a trailing slash names the folder, an inner empty segment is refused', () => {
    expect(decodePathSegments('/doc/')).toEqual({ ok: true, segments: ['doc'] });
    expect(decodePathSegments('/doc//x')).toMatchObject({ ok: false, status: 403 });
  });
});

describe('resolveAppPath: each refusal names the rule that caught it (the log line and the response say it)', () => {
  it.each([
    ['relative/path', 400, 'path must start with /'],
    ['/corpus/%E0%A4%A', 400, 'bad percent-encoding'],
    ['/corpus/%252e%252e/secret.json', 400, 'double percent-encoding'],
    ['/assets/a%0Ab.js', 403, 'control character or backslash'],
    ['/assets%5Cindex.js', 403, 'control character or backslash'],
    ['/doc//x', 403, 'empty segment'],
    ['/a/../index.html', 403, 'dot segment'],
    ['/a/./index.html', 403, 'dot segment'],
    ['/.env', 403, 'hidden file'],
    ['/c:/windows/win.ini', 403, 'colon in segment'],
    ['/corpus/docs::$DATA/a.json', 403, 'colon in segment'],
    ['/corpus/raw./a.json', 403, 'trailing dot or space'],
    ['/corpus/raw%20/a.json', 403, 'trailing dot or space'],
    ['/Corpus/library.json', 404, 'not found'],
    ['/corpus', 404, 'corpus is not a file'],
    ['/corpus/raw/a.json', 403, 'raw sources are not served'],
    ['/corpus/docs/a.txt', 403, 'only .json is served from the corpus'],
  ])('%s: %i, %s', (p, status, reason) => {
    expect(resolveAppPath(p)).toEqual({ ok: false, status, reason });
  });
});
