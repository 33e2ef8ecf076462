import { ErrorSchema } from "../schemas.js";

const err = (description: string) => ({ description, content: { "application/json": { schema: ErrorSchema } } });

/** The error responses every route may give, for /openapi.json. */
export const ERROR_RESPONSES = {
  400: err("Invalid parameters (the issues name each bad one)"),
  401: err("A token is required (the server was started with one)"),
  500: err("Internal error"),
} as const;

/** ERROR_RESPONSES plus 404, for routes that read one resource. */
export const ERROR_RESPONSES_404 = { ...ERROR_RESPONSES, 404: err("No such resource") } as const;
