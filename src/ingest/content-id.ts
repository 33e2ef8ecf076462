import { createHash } from "node:crypto";

/** Stable content id: the first 16 hex digits of SHA-256 over the text with whitespace runs folded. */
export function contentId(text: string): string {
  return createHash("sha256").update(text.replace(/\s+/g, " ").trim(), "utf8").digest("hex").slice(0, 16);
}
