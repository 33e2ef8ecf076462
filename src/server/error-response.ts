import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ZodError } from "zod";
import { SitrepError, type ErrorCode } from "../core/errors.js";

/** The HTTP status of each error code the API returns; any other SitrepError is a 400 (a usage mistake). */
const STATUS: Partial<Record<ErrorCode, 400 | 401 | 403 | 404 | 413 | 415 | 500>> = {
  E_VALIDATION: 400,
  E_USAGE: 400,
  E_INPUT: 400,
  E_UNAUTHORIZED: 401,
  E_URL_REFUSED: 403,
  E_FORBIDDEN: 403,
  E_NOT_FOUND: 404,
  E_TOO_LARGE: 413,
  E_MEDIA_TYPE: 415,
  E_STORE: 500,
  E_DATA: 500,
  E_INTERNAL: 500,
};

/** One line per zod issue: the parameter's path and what was wrong with it. */
export function summariseIssues(error: ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.join(".") || "(body)", message: i.message }));
}

/** An error as the API's JSON body with its status: the one place errors become responses. */
export function errorResponse(c: Context, err: unknown): Response {
  if (err instanceof SitrepError) {
    const status = STATUS[err.code] ?? 400;
    // A store or data failure says what failed without internals; the server log has the rest.
    const issues = (err as { issues?: { path: string; message: string }[] }).issues;
    return c.json({ error: { code: err.code, message: err.message, ...(issues ? { issues } : {}) } }, status);
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    const code = status === 413 ? "E_TOO_LARGE" : status === 401 ? "E_UNAUTHORIZED" : status === 404 ? "E_NOT_FOUND" : status >= 500 ? "E_INTERNAL" : "E_VALIDATION";
    return c.json({ error: { code, message: err.message || `HTTP ${status}` } }, status);
  }
  if (err instanceof SyntaxError) return c.json({ error: { code: "E_VALIDATION", message: `the body is not valid JSON: ${err.message}` } }, 400);
  return c.json({ error: { code: "E_INTERNAL", message: "internal error; the server log has the details" } }, 500);
}

/** Shorthands for the API's errors, to throw. */
export const fail = {
  notFound: (what: string, fix?: string) => new SitrepError("E_NOT_FOUND", what, fix),
};
