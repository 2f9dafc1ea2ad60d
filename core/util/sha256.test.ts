import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { sha256Hex } from './sha256';
import { sha256Hex as nodeSha256 } from '../../test-support/sha256';

describe('sha256Hex (pure)', () => {
  it('matches the FIPS 180-4 examples', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });
  it("matches Node's crypto on Chinese text and on every length around the block boundaries", () => {
    expect(sha256Hex('关于印发《办法》的通知')).toBe(nodeSha256('关于印发《办法》的通知'));
    for (let n = 0; n < 200; n++) {
      const b = new Uint8Array(randomBytes(n));
      expect(sha256Hex(b)).toBe(nodeSha256(b));
    }
  });
});
