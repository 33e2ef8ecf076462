import { createHash } from "node:crypto";
import { isSpace } from "../core/is-space.js";

/** Stable content id: the first 16 hex digits of SHA-256 over the text with whitespace runs folded. */
export function contentId(text: string): string {
  return createHash("sha256").update(foldSpaces(text), "utf8").digest("hex").slice(0, 16);
}

/**
 * text.replace(/\s+/g, " ").trim(), copying only around the runs that are not already a single space (most of the
 * text's white space is): the regular expression rebuilt the whole string from one piece per word.
 */
export function foldSpaces(text: string): string {
  let out = "";
  let from = 0;
  const n = text.length;
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    if (c > 32 && c < 127) {
      i++;
      continue;
    }
    if (!isSpace(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isSpace(text.charCodeAt(j))) j++;
    if (j - i > 1 || c !== 32) {
      out += text.slice(from, i) + " ";
      from = j;
    }
    i = j;
  }
  return (from === 0 ? text : out + text.slice(from)).trim();
}
