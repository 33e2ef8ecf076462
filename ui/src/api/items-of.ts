/** The rows of a list answer, whether the server sends a page (`{items}`), a named list or a bare array. */
export function itemsOf<T>(data: unknown, ...names: string[]): T[] {
  if (Array.isArray(data)) return data as T[];
  if (data && typeof data === "object") {
    for (const n of ["items", ...names]) {
      const v = (data as Record<string, unknown>)[n];
      if (Array.isArray(v)) return v as T[];
    }
  }
  return [];
}

/** The total of a page answer, or the number of rows. */
export function totalOf(data: unknown): number {
  const t = data && typeof data === "object" ? (data as { total?: unknown }).total : undefined;
  return typeof t === "number" ? t : itemsOf(data).length;
}
