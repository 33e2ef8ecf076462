// Zeroed byte arrays reused from article to article, one per use: a new Uint8Array of a few hundred bytes allocates (and
// later frees) a backing store of its own; a view of a kept buffer does not.
const BUFFERS = [new Uint8Array(4096), new Uint8Array(4096), new Uint8Array(4096)];
/** A zeroed Uint8Array of length n, a view of reused buffer `slot` (valid until the next call for that slot). */
export function zeroedBytes(slot: number, n: number): Uint8Array {
  let b = BUFFERS[slot];
  if (b.length < n) BUFFERS[slot] = b = new Uint8Array(2 * n);
  const v = b.subarray(0, n);
  v.fill(0);
  return v;
}
