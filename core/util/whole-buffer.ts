/**
 * The ArrayBuffer that `bytes` fills whole, or null: a view of part of a buffer (a Node Buffer from the shared pool, an
 * entry in a slab) is not its own, and whoever gets its buffer would write over, or hand away, what is around it.
 */
export function wholeBuffer(bytes: Uint8Array): ArrayBuffer | null {
  const { buffer } = bytes;
  return buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength ? buffer : null;
}
