/**
 * JSON with `<`, `>` and `&` written as \u escapes: the same value for any JSON parser, and no byte sequence a
 * browser could ever read as markup, even if a response were sniffed or embedded. Article text is hostile input.
 */
export function escapeJson(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
