import type { Context } from "hono";
import type { z } from "zod";
import { SitrepError } from "../core/errors.js";

/** T with every array and object readonly, so readonly core records can be returned as they are. */
type DeepReadonly<T> = T extends (infer U)[] ? readonly DeepReadonly<U>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

/**
 * A 200 JSON response whose body is first checked against the route's response schema: a body that does not match
 * what /openapi.json promises is a server bug, reported as a 500 (with the first problems in the server log), never
 * sent half-right.
 */
export function respond<S extends z.ZodTypeAny>(c: Context, schema: S, body: DeepReadonly<z.input<S>>) {
  const r = schema.safeParse(body);
  if (!r.success) {
    process.stderr.write(`sitrep serve: response of ${c.req.method} ${new URL(c.req.url).pathname} does not match its schema: ${JSON.stringify(r.error.issues.slice(0, 5))}\n`);
    throw new SitrepError("E_INTERNAL", "the server built a response that does not match its schema");
  }
  return c.json(body as never, 200);
}
