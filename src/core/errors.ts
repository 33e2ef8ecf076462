/**
 * One error type with stable codes. Content problems in an article are Diagnostics on the Doc;
 * SitrepError is for programmer and configuration mistakes (and for failures of a whole command).
 */
export const ERROR_CODES = {
  E_STAGE_UNKNOWN: "unknown stage",
  E_STAGE_DUPLICATE: "stage listed twice",
  E_STAGE_REQUIRES: "a stage requires a layer no earlier stage provides",
  E_DATA: "invalid data file",
  E_INPUT: "input cannot be read",
  E_STORE: "store error",
  E_USAGE: "bad command usage",
  // Content diagnostics (on Doc.diagnostics):
  E_EMPTY: "empty input",
  E_BINARY: "binary input",
  E_TOO_LARGE: "input too large",
  E_JSONL: "malformed JSON Lines record",
  E_STAGE_FAILED: "a stage threw on this document",
  W_INVALID_UTF8: "invalid UTF-8 replaced",
  W_CONTROL_CHARS: "zero-width, bidi or control characters removed",
  W_TRUNCATED: "input truncated",
  W_HTML: "HTML could not be fully parsed",
  W_NO_TEXT: "no article text found",
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

/** A configuration, usage or programming error: what was expected, what was found, and the fix. */
export class SitrepError extends Error {
  readonly code: ErrorCode;
  readonly fix?: string;
  constructor(code: ErrorCode, message: string, fix?: string) {
    super(fix ? `${message} — ${fix}` : message);
    this.name = "SitrepError";
    this.code = code;
    this.fix = fix;
  }
}
