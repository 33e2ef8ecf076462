// By character code, memoised in a table: indexing a string with text[i] makes a new string for every Arabic letter.
const SPACE = new Uint8Array(0x10000);

/** True for white space (what trim() and \s remove); false past the end of a string (NaN from charCodeAt). */
export function isSpace(c: number): boolean {
  if (c !== c) return false;
  let v = SPACE[c];
  if (!v) SPACE[c] = v = /\s/.test(String.fromCharCode(c)) ? 1 : 2;
  return v === 1;
}
