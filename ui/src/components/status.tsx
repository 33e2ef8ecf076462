import type { ReactNode } from "react";
import type { ApiError } from "../api/api-error";

/** A quiet "loading" line that holds the view's place. */
export function Loading({ what }: { what: string }) {
  return (
    <p className="state loading" role="status">
      Loading {what}…
    </p>
  );
}

/** An API error, with its code and what to do about it. */
export function ErrorBox({ error, what }: { error: ApiError; what: string }) {
  const hint =
    error.status === 401 || error.status === 403
      ? "The server asks for a token: enter it under “Token” in the header."
      : error.status === 404
        ? "It may have been removed, or the link is wrong."
        : error.code === "E_NETWORK"
          ? "Is `sitrep serve` still running?"
          : null;
  return (
    <div className="state error" role="alert">
      <strong>Could not load {what}.</strong> <code>{error.code}</code> {error.message}
      {hint && <div className="hint">{hint}</div>}
    </div>
  );
}

/** An empty result, with a hint about what would fill it. */
export function Empty({ children }: { children: ReactNode }) {
  return <div className="state empty">{children}</div>;
}
