import { useEffect, useMemo, type ReactNode } from "react";
import type { ContractDocument, ContractEvent, DocumentDetail, SlotRef } from "../api/types";
import { useApi } from "../api/use-api";
import { DocText } from "../components/doc-text";
import { Chain } from "../components/chain";
import { EventCounts } from "../components/event-counts";
import { Empty, ErrorBox, Loading } from "../components/status";
import { documentMarks, fieldEvidence, LAYERS } from "../lib/document-marks";
import { safeHref } from "../lib/safe-href";
import type { Mark } from "../lib/segment-spans";
import { Link } from "../router/link";
import { navigate } from "../router/navigate";
import { useLocation } from "../router/use-location";
import { withQuery } from "../router/with-query";

/**
 * One document: its original text with highlighted layers (toggles and legend), and a side panel listing every
 * field; selecting a field outlines its evidence in the text and scrolls to it. State: ?sel=field&hide=layers&src=1.
 */
export function DocumentView({ id }: { id: string }) {
  const { path, query } = useLocation();
  const res = useApi<DocumentDetail>(`/api/documents/${encodeURIComponent(id)}`);
  const hidden = useMemo(() => new Set((query.get("hide") ?? "").split(",").filter(Boolean)), [query]);
  const selected = query.get("sel");
  const showMarkup = query.get("src") === "1";
  const select = (key: string | null) => navigate(withQuery(path, query, { sel: key === selected ? null : key }), { replace: true });
  const toggle = (layer: string) => {
    const next = new Set(hidden);
    if (next.has(layer)) next.delete(layer);
    else next.add(layer);
    navigate(withQuery(path, query, { hide: [...next].sort().join(",") }), { replace: true });
  };
  // Escape clears the selection.
  useEffect(() => {
    if (!selected) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") navigate(withQuery(location.pathname, new URLSearchParams(location.search), { sel: null }), { replace: true });
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [selected]);
  const doc = res.data?.document ?? null;
  const text = res.data?.text ?? "";
  const marks = useMemo(() => (doc ? documentMarks(doc, text) : []), [doc, text]);
  // A selected field that is not itself a mark (title, a slot, a figure): locate its evidence in the text.
  const selKey = useMemo(() => (doc && selected ? normalizeSelection(doc, selected) : selected), [doc, selected]);
  const fieldSpan = useMemo(() => (doc && selKey && !marks.some((m) => m.key === selKey) ? fieldEvidence(doc, text, selKey) : null), [doc, text, selKey, marks]);
  const allMarks = useMemo<Mark[]>(() => (fieldSpan && selKey ? [...marks, { ...fieldSpan, layer: "field", key: selKey, label: `evidence of ${selKey}` }] : marks), [marks, fieldSpan, selKey]);
  if (res.loading) return <Loading what="the document" />;
  if (res.error) return <ErrorBox error={res.error} what="the document" />;
  if (!doc) return <Empty>No such document.</Empty>;
  const dir = doc.language === "ar" ? "rtl" : "ltr";
  const counts = (layer: string) => marks.filter((m) => (layer === "event" ? m.layer === "event" : layer === "quote" ? m.layer === "quote" || m.layer === "claim" : m.layer === layer)).length;
  const notInText = selKey && !marks.some((m) => m.key === selKey) && !fieldSpan;
  return (
    <div className="doc-view">
      <section className="reader">
        <h1 dir={dir} lang={doc.language ?? undefined}>
          {doc.title ?? <span className="muted">(no title found)</span>}
        </h1>
        <div className="layers" role="group" aria-label="Highlight layers">
          {LAYERS.map((l) => (
            <label key={l.id} className={`layer lg-${l.id}${hidden.has(l.id) ? " off" : ""}`}>
              <input type="checkbox" checked={!hidden.has(l.id)} onChange={() => toggle(l.id)} />
              <span className="swatch" aria-hidden="true" />
              {l.label} <span className="n">{counts(l.id)}</span>
            </label>
          ))}
          {/\.html?$/i.test(doc.file) && (
            <label className="layer">
              <input type="checkbox" checked={showMarkup} onChange={() => navigate(withQuery(path, query, { src: showMarkup ? null : "1" }), { replace: true })} />
              page source
            </label>
          )}
        </div>
        {notInText && (
          <p className="state note" role="status">
            “{selKey}” has no place in the text: it comes from the record’s metadata or from another document.
          </p>
        )}
        <DocText text={text} file={doc.file} marks={allMarks} hidden={hidden} selected={selKey} onSelect={select} dir={dir} lang={doc.language ?? undefined} showMarkup={showMarkup} />
      </section>
      <Fields doc={doc} story={res.data?.story ?? null} selected={selKey} select={select} />
    </div>
  );
}

/**
 * A link's selection in terms of the document's fields: `span:a-b` that is exactly an event's evidence, or
 * `find:words` that begin one (links from the stance timeline), select that event; `kb:id` selects that entity.
 */
function normalizeSelection(doc: ContractDocument, key: string): string {
  const m = /^span:(\d+)-(\d+)$/.exec(key);
  if (m) {
    const i = doc.events.findIndex((e) => e.evidence && e.evidence.start === Number(m[1]) && e.evidence.end === Number(m[2]));
    return i >= 0 ? `ev:${i}` : key;
  }
  if (key.startsWith("kb:")) {
    const e = doc.entities.find((x) => x.kb === key.slice(3));
    return e ? `ent:${e.id}` : key;
  }
  if (key.startsWith("find:")) {
    const words = key.slice(5);
    const i = doc.events.findIndex((e) => e.evidence?.text.startsWith(words));
    return i >= 0 ? `ev:${i}` : key;
  }
  return key;
}

/** The side panel: every field of the document, each a button that selects its evidence. */
function Fields({ doc, story, selected, select }: { doc: ContractDocument; story: { id: string; title: string | null } | null; selected: string | null; select: (k: string) => void }) {
  const href = safeHref(doc.url);
  const ent = (ref: SlotRef | null | undefined) => (ref?.entity ? doc.entities.find((e) => e.id === ref.entity) : undefined);
  const byType = new Map<string, typeof doc.entities>();
  for (const e of doc.entities) byType.set(e.type, [...(byType.get(e.type) ?? []), e]);
  return (
    <aside className="fields" aria-label="Fields">
      <section>
        <h2>Document</h2>
        <Field selected={selected} select={select} k="title" label="title">
          <span dir="auto">{doc.title ?? "—"}</span>
        </Field>
        <Field selected={selected} select={select} k="outlet" label="outlet">
          {doc.outlet ? doc.outlet.name : <span className="muted">unknown</span>}
          {doc.cites.length > 0 && <div className="sub">cites {doc.cites.map((c) => c.name).join(", ")}</div>}
        </Field>
        <Field selected={selected} select={select} k="published" label="published">
          {doc.published ? (
            <>
              <strong>{doc.published.date}</strong> <span className="muted">({doc.published.precision})</span>
              <div className="sub basis">{doc.published.basis}</div>
            </>
          ) : (
            <span className="muted">unresolved{doc.published_reason ? `: ${doc.published_reason}` : ""}</span>
          )}
        </Field>
        {doc.dateline && (
          <Field selected={selected} select={select} k="dateline" label="dateline">
            <span dir="auto">{doc.dateline.text ?? `${doc.dateline.place ?? ""}`}</span>
          </Field>
        )}
        <div className="field">
          <span className="fk plain">language</span>
          <div className="fv">{doc.language ?? "—"}</div>
        </div>
        <div className="field">
          <span className="fk plain">source</span>
          <div className="fv">
            <code>{doc.file}</code>
            {href ? (
              <div className="sub">
                <a href={href} rel="noopener noreferrer nofollow" target="_blank">
                  {doc.url}
                </a>
              </div>
            ) : doc.url ? (
              <div className="sub">{doc.url}</div>
            ) : null}
          </div>
        </div>
        {story && (
          <div className="field">
            <span className="fk plain">story</span>
            <div className="fv">
              <Link to={`/stories/${encodeURIComponent(story.id)}`}>{story.title ?? story.id}</Link>
            </div>
          </div>
        )}
      </section>
      <section>
        <h2>Events ({doc.events.length})</h2>
        {doc.events.length === 0 && <p className="muted">No events found in this text.</p>}
        {doc.events.map((e, i) => (
          <EventCard key={i} e={e} i={i} selected={selected} select={select} entityName={(r) => ent(r)?.name} />
        ))}
      </section>
      <section>
        <h2>Entities ({doc.entities.length})</h2>
        {[...byType].map(([type, list]) => (
          <div key={type} className="ent-group">
            <h3>{type.replace("_", " ")}</h3>
            <ul className="chips">
              {list.map((e) => (
                <li key={e.id}>
                  <button type="button" className={`chip et-${e.type}${selected === `ent:${e.id}` ? " sel" : ""}`} onClick={() => select(`ent:${e.id}`)} title={[e.kb ? `kb:${e.kb}` : "not in the KB", ...e.aliases.slice(0, 6)].join(" · ")}>
                    {e.name} <span className="n">{e.mentions.length}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
      {(doc.quotes.length > 0 || doc.claims.length > 0) && (
        <section>
          <h2>Quotes &amp; claims ({doc.quotes.length + doc.claims.length})</h2>
          {doc.quotes.map((q, i) => (
            <button type="button" key={`q${i}`} className={`quote${selected === `q:${i}` ? " sel" : ""}`} onClick={() => select(`q:${i}`)}>
              <span className="who">{q.speaker?.text ?? "unnamed speaker"}</span>
              {q.verb && <span className="muted"> {q.verb}</span>}
              <span className="said" dir="auto">
                “{clip(q.text, 220)}”
              </span>
              {q.chain && q.chain.length > 1 && <Chain chain={q.chain} />}
            </button>
          ))}
          {doc.claims.map((c, i) => (
            <button type="button" key={`c${i}`} className={`quote claim${selected === `cl:${i}` ? " sel" : ""}`} onClick={() => select(`cl:${i}`)}>
              <span className="who">{c.speaker?.text ?? "unnamed"}</span> <span className="muted">{c.verb}</span>
              <span className="said" dir="auto">
                {clip(c.content.text, 220)}
              </span>
              {c.chain.length > 1 && <Chain chain={c.chain} />}
            </button>
          ))}
        </section>
      )}
      {doc.framing.length > 0 && (
        <section>
          <h2>Loaded terms ({doc.framing.length})</h2>
          <ul className="terms">
            {doc.framing.map((f, i) => (
              <li key={i}>
                <button type="button" className={`term${selected === `fr:${i}` ? " sel" : ""}`} onClick={() => select(`fr:${i}`)}>
                  <strong dir="auto">{f.term}</strong> → <span dir="auto">{f.neutral}</span> <span className="muted">({f.category}{f.voice === "quote" ? ", in a quote" : ""})</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {(doc.times?.length ?? 0) > 0 && (
        <section>
          <h2>Time expressions ({doc.times!.length})</h2>
          <ul className="terms">
            {doc.times!.map((t, i) => (
              <li key={i}>
                <button type="button" className={`term${selected === `t:${i}` ? " sel" : ""}`} onClick={() => select(`t:${i}`)}>
                  <strong dir="auto">{t.text ?? `${t.start}–${t.end}`}</strong> → {t.value ? `${t.value.date}` : <span className="muted">unresolved</span>}
                  {t.value && <div className="sub basis">{t.value.basis}</div>}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {doc.diagnostics.length > 0 && (
        <section>
          <h2>Diagnostics ({doc.diagnostics.length})</h2>
          <ul className="diags">
            {doc.diagnostics.map((d, i) => (
              <li key={i} className={`sev-${d.severity}`}>
                <code>{d.code}</code> {d.stage}: {d.message}
              </li>
            ))}
          </ul>
        </section>
      )}
    </aside>
  );
}

/** A field of the panel whose label selects its evidence. */
function Field({ k, label, children, selected, select }: { k: string; label: string; children: ReactNode; selected: string | null; select: (k: string) => void }) {
  return (
    <div className={`field${selected === k ? " sel" : ""}`}>
      <button type="button" className="fk" onClick={() => select(k)} title="show the evidence in the text">
        {label}
      </button>
      <div className="fv">{children}</div>
    </div>
  );
}

/** One event with its slots; the card selects the evidence, each slot its own words. */
function EventCard({ e, i, selected, select, entityName }: { e: ContractEvent; i: number; selected: string | null; select: (k: string) => void; entityName: (r: SlotRef | null) => string | undefined }) {
  const k = `ev:${i}`;
  const slot = (name: "actor" | "target" | "location" | "attribution", label: string) => {
    const r = e[name];
    if (!r) return null;
    const canon = entityName(r);
    return (
      <button type="button" className={`slot${selected === `${k}.${name}` ? " sel" : ""}`} onClick={() => select(`${k}.${name}`)}>
        <span className="sl">{label}</span> <span dir="auto">{r.text}</span>
        {canon && canon !== r.text && <span className="muted"> = {canon}</span>}
      </button>
    );
  };
  return (
    <div className={`event-card${selected === k || selected?.startsWith(`${k}.`) ? " sel" : ""}`}>
      <button type="button" className="ev-head" onClick={() => select(k)}>
        <span className={`type t-${e.type}`}>{e.type}</span>
        {e.mode && <span className="mode">{e.mode}</span>}
        <span className={`status s-${e.status}`}>{e.status}</span>
        {e.tier === "background" && <span className="muted"> background</span>}
      </button>
      <div className="slots">
        {e.actor ? slot("actor", "who") : <span className="slot none"><span className="sl">who</span> <span className="muted">not named</span></span>}
        {slot("target", "whom")}
        {slot("location", "where")}
        {e.date ? (
          <button type="button" className={`slot${selected === `${k}.date` ? " sel" : ""}`} onClick={() => select(`${k}.date`)}>
            <span className="sl">when</span> {e.date.date} <span className="sub basis">{e.date.basis}</span>
          </button>
        ) : (
          <span className="slot none"><span className="sl">when</span> <span className="muted">undated</span></span>
        )}
        {e.counts && Object.keys(e.counts).length > 0 && (
          <span className="slot">
            <span className="sl">counts</span> <EventCounts counts={e.counts} />
          </span>
        )}
        {e.weapon && (
          <button type="button" className={`slot${selected === `${k}.weapon` ? " sel" : ""}`} onClick={() => select(`${k}.weapon`)}>
            <span className="sl">weapon</span> {e.weapon}
          </button>
        )}
        {slot("attribution", "per")}
      </div>
    </div>
  );
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
