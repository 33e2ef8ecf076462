import { eld } from "eld/medium";
import type { LanguageInfo } from "../../core/doc.js";

/** Share of Arabic-script letters among all letters. */
function arabicShare(s: string): number {
  let ar = 0;
  let letters = 0;
  for (const ch of s) {
    if (/\p{L}/u.test(ch)) {
      letters++;
      if (/\p{Script=Arabic}/u.test(ch)) ar++;
    }
  }
  return letters ? ar / letters : 0;
}

/**
 * Detects the language of a text with eld (n-gram detector, 60 languages), on a sample of up to 1,200 characters
 * taken from the start and the middle so that a foreign title or quote does not decide.
 */
export function detectLanguage(text: string): LanguageInfo {
  const t = text.trim();
  if (!t) return { code: "und", confidence: 0, basis: "no text" };
  // 1,200 characters decide as well as the whole text and keep the stage fast.
  const sample = t.length <= 1200 ? t : t.slice(0, 700) + " " + t.slice(Math.floor(t.length / 2) - 250, Math.floor(t.length / 2) + 250);
  // Arabic script is decisive for short or noisy Arabic texts (eld also knows Persian and Urdu, which share it).
  const share = arabicShare(sample);
  const r = eld.detect(sample);
  const scores = r.getScores() as Record<string, number>;
  let code = r.language || "und";
  if (share > 0.5 && !["ar", "fa", "ur"].includes(code)) code = "ar";
  const confidence = Math.min(1, scores[code] ?? (share > 0.5 ? share : 0));
  return { code, confidence: Math.round(confidence * 1000) / 1000, basis: `eld n-grams over ${sample.length} characters${share > 0.5 ? `, ${Math.round(share * 100)}% Arabic script` : ""}` };
}
