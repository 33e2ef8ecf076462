import type { Diagnostic } from "../core/doc.js";

/** The result of decoding one input's bytes. */
export interface Decoded {
  /** null when the input must be skipped (binary, empty); the diagnostics say why. */
  readonly text: string | null;
  readonly diagnostics: readonly Diagnostic[];
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const lenientUtf8 = new TextDecoder("utf-8", { fatal: false });

/** True when the bytes look like a binary file: a NUL byte, or many control bytes, in the first 8 KiB. */
export function looksBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return n > 0 && control / n > 0.1;
}

/**
 * Decodes an input as UTF-8. A binary or empty input yields no text and an error diagnostic;
 * invalid UTF-8 is replaced with U+FFFD and reported as a warning, so the rest of the text is still analysed.
 */
export function decodeInput(buf: Uint8Array, what: string, maxBytes: number): Decoded {
  if (buf.length > maxBytes) {
    return {
      text: null,
      diagnostics: [
        {
          severity: "error",
          code: "E_TOO_LARGE",
          stage: "ingest",
          message: `${what}: ${(buf.length / 1e6).toFixed(1)} MB is over the ${(maxBytes / 1e6).toFixed(1)} MB limit for one article; raise it with --max-bytes if this really is one article`,
        },
      ],
    };
  }
  if (looksBinary(buf)) {
    return {
      text: null,
      diagnostics: [
        { severity: "error", code: "E_BINARY", stage: "ingest", message: `${what}: looks like a binary file, not text, HTML or JSONL; skipped` },
      ],
    };
  }
  let text: string;
  const diagnostics: Diagnostic[] = [];
  try {
    text = strictUtf8.decode(buf);
  } catch {
    text = lenientUtf8.decode(buf);
    const bad = (text.match(/\uFFFD/g) ?? []).length;
    diagnostics.push({
      severity: "warning",
      code: "W_INVALID_UTF8",
      stage: "ingest",
      message: `${what}: ${bad} invalid UTF-8 sequence(s) replaced with U+FFFD; is the file in another encoding (e.g. windows-1256)? Convert it with iconv first`,
    });
  }
  if (text.trim() === "") {
    return { text: null, diagnostics: [...diagnostics, { severity: "error", code: "E_EMPTY", stage: "ingest", message: `${what}: empty input; nothing to analyse` }] };
  }
  return { text, diagnostics };
}
