import { useMemo } from "react";
import type { ContractDocument, DocumentDetail, DocumentSummary, MergedEvent, StoryDetail } from "../api/types";
import { useApi } from "../api/use-api";
import { Chain } from "../components/chain";
import { DocText } from "../components/doc-text";
import { LangBadge } from "../components/lang-badge";
import { Empty, ErrorBox, Loading } from "../components/status";
import { documentMarks } from "../lib/document-marks";
import { Link } from "../router/link";

/** How many members get their full text side by side; the rest are listed as cards. */
const TEXT_COLUMNS = 6;
const LANG_ORDER = ["en", "fr", "ar"];
const ONLY_EVENTS = new Set(["entity", "date", "quote"]);

/**
 * One story: its documents side by side by language (Arabic right to left), the relations between them, the merged
 * events with every source's figures, who the documents say their news came from, and how each outlet names each actor.
 */
export function StoryView({ id }: { id: string }) {
  const res = useApi<StoryDetail>(`/api/stories/${encodeURIComponent(id)}`);
  if (res.loading) return <Loading what="the story" />;
  if (res.error) return <ErrorBox error={res.error} what="the story" />;
  if (!res.data) return <Empty>No such story.</Empty>;
  const { story, documents, attribution, framing } = res.data;
  const byId = new Map(documents.map((d) => [d.id, d]));
  const label = (docId: string) => {
    const d = byId.get(docId);
    return d ? `${d.outlet ?? d.file}${d.outlet ? ` · ${d.file}` : ""}` : docId;
  };
  const languages = [...new Set(documents.map((d) => d.language ?? "?"))].sort((a, b) => rank(a) - rank(b));
  const dates = documents.map((d) => d.published).filter((x): x is string => !!x).sort();
  return (
    <div className="story-view">
      <h1 dir="auto">{story.title ?? `Story ${story.id}`}</h1>
      <p className="meta">
        {documents.length} document{documents.length === 1 ? "" : "s"} · {languages.map((l) => <LangBadge key={l} code={l} />)} ·{" "}
        {[...new Set(documents.map((d) => d.outlet).filter(Boolean))].join(", ") || "outlet unknown"}
        {dates.length > 0 && ` · ${dates[0]}${dates[dates.length - 1] !== dates[0] ? ` → ${dates[dates.length - 1]}` : ""}`}
      </p>

      <section aria-labelledby="h-docs">
        <h2 id="h-docs">Documents side by side</h2>
        <div className={`columns cols-${Math.min(languages.length, 4)}`}>
          {languages.map((lang) => (
            <div key={lang} className="lang-col" data-lang={lang}>
              <h3>
                <LangBadge code={lang} /> {languageName(lang)}
              </h3>
              {documents
                .filter((d) => (d.language ?? "?") === lang)
                .map((d) => (
                  <MemberDoc key={d.id} d={d} withText={documents.indexOf(d) < TEXT_COLUMNS} />
                ))}
            </div>
          ))}
        </div>
      </section>

      <section aria-labelledby="h-rel">
        <h2 id="h-rel">Relations</h2>
        {story.relations.length === 0 ? (
          <p className="muted">{documents.length > 1 ? "The members share the event but no translation, copy or rewrite link was found." : "A story of one document."}</p>
        ) : (
          <ul className="relations">
            {story.relations.map((r, i) => (
              <li key={i}>
                <DocRef d={byId.get(r.from)} id={r.from} /> <span className={`rel rel-${r.kind}`}>{r.kind}</span>
                {r.score != null && <span className="muted"> {r.score.toFixed(2)}</span>} <span className="arrow">→</span> <DocRef d={byId.get(r.to)} id={r.to} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="h-ev">
        <h2 id="h-ev">Merged events ({story.events.length})</h2>
        {story.events.length === 0 ? <p className="muted">No events in this story.</p> : <MergedEvents events={story.events} label={label} byId={byId} />}
      </section>

      <section aria-labelledby="h-att">
        <h2 id="h-att">Attribution chains</h2>
        {attribution.every((a) => a.chains.length === 0 && a.cites.length === 0) ? (
          <p className="muted">No document names its sources.</p>
        ) : (
          <div className="attribution">
            {attribution
              .filter((a) => a.chains.length || a.cites.length)
              .map((a) => (
                <div key={a.doc} className="att-doc">
                  <h3>
                    <Link to={`/documents/${encodeURIComponent(a.doc)}`}>{a.outlet ?? a.file}</Link> <span className="muted">{a.outlet ? a.file : ""}</span>
                  </h3>
                  {a.cites.length > 0 && <p className="sub">cites {a.cites.map((c) => c.name).join(", ")}</p>}
                  <ul>
                    {a.chains.map((c, i) => (
                      <li key={i}>
                        <span className={`kind k-${c.kind}`}>{c.kind}</span> <Chain chain={c.chain} />
                        <Link className="said" dir="auto" to={`/documents/${encodeURIComponent(a.doc)}?sel=span:${c.start}-${c.end}`}>
                          {c.kind === "quote" ? `“${clip(c.text, 200)}”` : clip(c.text, 200)}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
          </div>
        )}
      </section>

      <section aria-labelledby="h-fr">
        <h2 id="h-fr">Framing lens</h2>
        <Naming naming={framing.naming} />
        {framing.terms.some((t) => t.terms.length) && (
          <>
            <h3>Loaded terms by outlet</h3>
            <table className="grid terms-table">
              <thead>
                <tr>
                  <th>Outlet</th>
                  <th>Terms (neutral alternative)</th>
                </tr>
              </thead>
              <tbody>
                {framing.terms
                  .filter((t) => t.terms.length)
                  .map((t) => (
                    <tr key={t.outlet}>
                      <td>{t.outlet}</td>
                      <td>
                        {t.terms.map((x, i) => (
                          <span key={i} className="term-chip" title={`${x.category}${x.inQuotes ? ` · ${x.inQuotes} in quotes` : ""}`}>
                            <strong dir="auto">{x.term}</strong> ×{x.count} <span className="muted">({x.neutral})</span>
                          </span>
                        ))}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </>
        )}
      </section>
    </div>
  );
}

/** One member: its header and, for the first few, its original text with event evidence and loaded terms highlighted. */
function MemberDoc({ d, withText }: { d: DocumentSummary; withText: boolean }) {
  const res = useApi<DocumentDetail>(withText ? `/api/documents/${encodeURIComponent(d.id)}` : null);
  const dir = d.language === "ar" ? "rtl" : "ltr";
  const doc = res.data?.document;
  const marks = useMemo(() => (doc && res.data ? documentMarks(doc, res.data.text) : []), [doc, res.data]);
  return (
    <article className="member" data-doc={d.id}>
      <header>
        <Link to={`/documents/${encodeURIComponent(d.id)}`} className="member-title" dir={dir}>
          {d.title ?? d.file}
        </Link>
        <div className="sub">
          {d.outlet ?? <span className="muted">outlet unknown</span>} · {d.published ?? <span className="muted">undated</span>} · <code>{d.file}</code>
        </div>
      </header>
      {withText && res.loading && <Loading what="the text" />}
      {withText && res.error && <ErrorBox error={res.error} what="the text" />}
      {doc && res.data && <DocText className="compact" text={res.data.text} file={doc.file} marks={marks} hidden={ONLY_EVENTS} selected={null} dir={dir} lang={doc.language ?? undefined} />}
      {doc && <EventLine doc={doc} />}
    </article>
  );
}

/** The member's events in one line each, linked to their evidence. */
function EventLine({ doc }: { doc: ContractDocument }) {
  if (!doc.events.length) return null;
  return (
    <ul className="ev-lines">
      {doc.events.map((e, i) => (
        <li key={i}>
          <Link to={`/documents/${encodeURIComponent(doc.id)}?sel=ev:${i}`}>
            <span className={`type t-${e.type}`}>{e.type}</span> <span className={`status s-${e.status}`}>{e.status}</span> <span dir="auto">{e.actor?.text ?? "?"}</span> → <span dir="auto">{e.target?.text ?? "?"}</span>
            {e.date && <span className="muted"> {e.date.date}</span>}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** The merged events, one row each, with every source's figures side by side and a warning where they disagree. */
function MergedEvents({ events, label, byId }: { events: MergedEvent[]; label: (id: string) => string; byId: Map<string, DocumentSummary> }) {
  return (
    <table className="grid merged">
      <thead>
        <tr>
          <th>Event</th>
          <th>Who → whom</th>
          <th>Where</th>
          <th>When</th>
          <th>Figures, by source</th>
          <th>Reported in</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => {
          const counts = Object.entries(e.counts ?? {});
          return (
            <tr key={e.id}>
              <td>
                <span className={`type t-${e.type}`}>{e.type}</span>
                {e.mode && <span className="mode">{e.mode}</span>}
                {e.status && <span className={`status s-${e.status}`}>{e.status}</span>}
              </td>
              <td>
                {e.actor ? <bdi>{e.actor.text}</bdi> : <span className="muted">unnamed</span>} → {e.target ? <bdi>{e.target.text}</bdi> : <span className="muted">—</span>}
              </td>
              <td>{e.location ? <bdi>{e.location.text}</bdi> : <span className="muted">—</span>}</td>
              <td>
                {(e.dates ?? []).map((d, i) => (
                  <div key={i} title={d.basis ?? ""}>
                    {d.date}
                  </div>
                ))}
                {!e.dates?.length && <span className="muted">undated</span>}
              </td>
              <td className="figures">
                {counts.length === 0 && <span className="muted">none given</span>}
                {counts.map(([kind, list]) => {
                  const values = new Set(list.map((f) => f.value));
                  return (
                    <div key={kind} className={`fig${values.size > 1 ? " disagree" : ""}`}>
                      <span className="fig-kind">{kind}</span>{" "}
                      {list.map((f, i) => (
                        <span key={i}>
                          {i > 0 && <span className="fig-sep"> · </span>}
                          <span className="fig-src" title={typeof f.attribution === "string" ? f.attribution : ""}>
                            <strong>{f.value}</strong> per {label(f.doc)}
                            {typeof f.attribution === "string" && <span className="muted"> ({f.attribution})</span>}
                          </span>
                        </span>
                      ))}
                      {values.size > 1 && <span className="warn"> sources disagree</span>}
                    </div>
                  );
                })}
              </td>
              <td>
                {(e.members ?? []).map((m, i) => (
                  <div key={i}>
                    <Link to={`/documents/${encodeURIComponent(m.doc)}?sel=ev:${m.event}`}>
                      <LangBadge code={byId.get(m.doc)?.language} /> {label(m.doc)}
                    </Link>
                  </div>
                ))}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Entity → the names each outlet gives it ("Kata'ib Hezbollah": KH per X, كتائب حزب الله per Y). */
function Naming({ naming }: { naming: StoryDetail["framing"]["naming"] }) {
  const outlets = [...new Set(naming.flatMap((n) => n.byOutlet.map((o) => o.outlet)))];
  // Entities several outlets name, or named several ways, first: that is where framing shows.
  const rows = [...naming]
    .map((n) => ({ n, forms: new Set(n.byOutlet.flatMap((o) => o.names.map((x) => x.text))).size }))
    .filter((r) => r.n.byOutlet.length > 1 || r.forms > 1)
    .sort((a, b) => b.n.byOutlet.length - a.n.byOutlet.length || b.forms - a.forms);
  if (!rows.length) return <p className="muted">No actor is named differently across these documents.</p>;
  return (
    <table className="grid naming">
      <thead>
        <tr>
          <th>Actor</th>
          {outlets.map((o) => (
            <th key={o}>{o}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ n }) => (
          <tr key={n.kb ?? n.entity}>
            <td>
              <strong>{n.entity}</strong>
              {n.kb && <div className="sub">kb:{n.kb}</div>}
            </td>
            {outlets.map((o) => {
              const cell = n.byOutlet.find((x) => x.outlet === o);
              return (
                <td key={o}>
                  {cell ? (
                    cell.names.map((x, i) => (
                      <span key={i} className="name-chip">
                        <bdi>{x.text}</bdi>
                        {x.count > 1 && <span className="n"> ×{x.count}</span>}
                      </span>
                    ))
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A document of a relation; one outside the story (a near miss) is named as such. */
function DocRef({ d, id }: { d: DocumentSummary | undefined; id: string }) {
  return (
    <Link to={`/documents/${encodeURIComponent(id)}`}>
      {d ? (
        <>
          <LangBadge code={d.language} /> {d.outlet ? `${d.outlet} · ` : ""}
          {d.file}
        </>
      ) : (
        <>
          a document of another story <code>{id}</code>
        </>
      )}
    </Link>
  );
}

const rank = (l: string) => (LANG_ORDER.indexOf(l) < 0 ? 99 : LANG_ORDER.indexOf(l));
const languageName = (l: string) => ({ en: "English", fr: "French", ar: "Arabic" })[l] ?? l;
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
