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
  E_STORY_LOG: "the story log cannot be replayed",
  E_QUEUE: "the job queue cannot be used",
  // HTTP API (src/server/error-response.ts maps each to a status):
  E_VALIDATION: "a request parameter or body is invalid",
  E_NOT_FOUND: "no such resource",
  E_UNAUTHORIZED: "a valid token is required",
  E_MEDIA_TYPE: "unsupported content type",
  E_URL_REFUSED: "the URL points to a private or loopback address",
  E_FORBIDDEN: "the request is refused (foreign origin or host)",
  E_INTERNAL: "internal error",
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
