import { promises as fs } from "node:fs";
import { extname, join } from "node:path";

/** Counts the items an input list will yield (files; JSONL lines), for a progress bar. Cheap: no parsing. */
export async function countInputs(inputs: readonly string[]): Promise<number> {
  let n = 0;
  async function visit(p: string): Promise<void> {
    let st;
    try {
      st = await fs.stat(p);
    } catch {
      n++;
      return;
    }
    if (st.isDirectory()) {
      for (const e of await fs.readdir(p)) if (!e.startsWith(".")) await visit(join(p, e));
    } else if ([".jsonl", ".ndjson"].includes(extname(p).toLowerCase()) && st.size < 2e9) {
      const buf = await fs.readFile(p);
      let lines = 0;
      for (let i = 0; i < buf.length; i++) if (buf[i] === 10) lines++;
      if (buf.length && buf[buf.length - 1] !== 10) lines++;
      n += lines;
    } else n++;
  }
  for (const i of inputs) {
    if (/^https?:/i.test(i)) n++;
    else await visit(i);
  }
  return n;
}
