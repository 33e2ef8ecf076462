import { useEffect, useState, type FormEvent } from "react";
import { apiUrl } from "../api/api-get";
import type { EntitySummary, Page, StanceStep, Timeline } from "../api/types";
import { useApi } from "../api/use-api";
import { Empty, ErrorBox, Loading } from "../components/status";
import { dateRange, timeTicks } from "../lib/date-range";
import { stanceColor } from "../lib/palette";
import { useWidth } from "../lib/use-width";
import { Link } from "../router/link";
import { navigate } from "../router/navigate";
import { useLocation } from "../router/use-location";
import { withQuery } from "../router/with-query";

const ACTOR_TYPES = new Set(["armed_group", "state", "government_body", "organization", "person"]);

/**
 * An actor's declared stance toward a counterpart over time (truce → escalation → pause → resumption): the steps in
 * order, on a time band, each with the events and documents behind it. State: ?actor=&toward=.
 */
export function StanceView() {
  const { path, query } = useLocation();
  const actor = query.get("actor") ?? "";
  const toward = query.get("toward") ?? "";
  const [draft, setDraft] = useState({ actor, toward });
  useEffect(() => setDraft({ actor, toward }), [actor, toward]);
  const ents = useApi<Page<EntitySummary>>("/api/entities?limit=500");
  const actors = (ents.data?.items ?? []).filter((e) => ACTOR_TYPES.has(e.type) && e.kb);
  const res = useApi<Timeline>(actor ? apiUrl("/api/timeline", { actor, toward }) : null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(withQuery(path, query, { actor: draft.actor.trim(), toward: draft.toward.trim() }));
  };
  return (
    <div className="list-view stance-view">
      <h1>Stance timeline</h1>
      <form className="filters" onSubmit={submit} aria-label="Actor and counterpart">
        <label className={`f${actor ? " on" : ""}`}>
          <span>Actor</span>
          <input name="actor" list="dl-stance-actors" value={draft.actor} placeholder="KB id or name" onChange={(e) => setDraft({ ...draft, actor: e.target.value })} />
        </label>
        <label className={`f${toward ? " on" : ""}`}>
          <span>Toward</span>
          <input name="toward" list="dl-stance-actors" value={draft.toward} placeholder="any counterpart" onChange={(e) => setDraft({ ...draft, toward: e.target.value })} />
        </label>
        <button type="submit" className="apply">
          Show
        </button>
        <datalist id="dl-stance-actors">
          {actors.map((a) => (
            <option key={a.id} value={a.kb ?? a.name}>
              {a.name}
            </option>
          ))}
        </datalist>
      </form>
      {!actor && (
        <Empty>
          Pick an actor to see its declared stance over time.
          {actors.length > 0 && (
            <div className="suggest">
              Most reported:{" "}
              {[...actors]
                .sort((a, b) => b.documents - a.documents)
                .slice(0, 8)
                .map((a) => (
                  <Link key={a.id} className="chip" to={withQuery(path, query, { actor: a.kb ?? a.name })}>
                    {a.name} <span className="n">{a.documents}</span>
                  </Link>
                ))}
            </div>
          )}
        </Empty>
      )}
      {res.loading && <Loading what="the stance timeline" />}
      {res.error && <ErrorBox error={res.error} what="the stance timeline" />}
      {res.data && (
        <>
          <h2>
            {res.data.actor.name}
            {res.data.toward ? ` toward ${res.data.toward.name}` : ""}: {res.data.steps.length} step{res.data.steps.length === 1 ? "" : "s"}
          </h2>
          {res.data.steps.length === 0 ? (
            <Empty>No dated event of {res.data.actor.name} declares a stance{res.data.toward ? ` toward ${res.data.toward.name}` : ""}. Try without a counterpart, or a parent group.</Empty>
          ) : (
            <>
              <ol className="stance-strip" aria-label="Stance sequence">
                {res.data.steps.map((s, i) => (
                  <li key={i} className={`step stance-${s.stance}`}>
                    <a href={`#step-${i}`} className="step-chip" data-stance={s.stance}>
                      <span className="swatch" />
                      <strong>{s.stance}</strong>
                      <span className="when">{s.from === s.to ? s.from : `${s.from} … ${s.to}`}</span>
                      <span className="n">{s.events.length} event{s.events.length === 1 ? "" : "s"}</span>
                    </a>
                  </li>
                ))}
              </ol>
              <StanceBand steps={res.data.steps} />
              <div className="steps">
                {res.data.steps.map((s, i) => (
                  <StepCard key={i} i={i} step={s} />
                ))}
              </div>
            </>
          )}
        </>
      )}
    </div>
  );
}

/** The steps on a proportional time band: a coloured stretch per step, a tick per event. */
function StanceBand({ steps }: { steps: readonly StanceStep[] }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const ranges = steps.map((s) => [dateRange(s.from)?.[0] ?? 0, dateRange(s.to)?.[1] ?? 0] as const);
  let from = Math.min(...ranges.map((r) => r[0]));
  let to = Math.max(...ranges.map((r) => r[1]));
  const pad = Math.max(86_400_000, (to - from) * 0.02);
  from -= pad;
  to += pad;
  const L = 12;
  const W = Math.max(200, width - 2 * L);
  const x = (t: number) => L + ((t - from) / (to - from)) * W;
  return (
    <div ref={ref} className="chart stance-band">
      <svg width={width} height={70} role="img" aria-label="Stance over time">
        {timeTicks(from, to, Math.max(3, Math.floor(W / 110))).map((t) => (
          <g key={t.at} className="tick">
            <line x1={x(t.at)} x2={x(t.at)} y1={14} y2={62} />
            <text x={x(t.at)} y={10} textAnchor="middle">
              {t.label}
            </text>
          </g>
        ))}
        {steps.map((s, i) => {
          const [a, b] = ranges[i];
          // A step lasts until the next one starts (the last one, to its last event).
          const end = i + 1 < ranges.length ? ranges[i + 1][0] : b;
          return (
            <g key={i}>
              <title>{`${s.stance}: ${s.from}${s.to !== s.from ? ` … ${s.to}` : ""} (${s.events.length} events)`}</title>
              <rect x={x(a)} y={24} width={Math.max(3, x(end) - x(a))} height={22} fill={stanceColor(s.stance)} opacity={0.8} />
              {s.events.map((e, j) => {
                const r = dateRange(e.date);
                return r ? <line key={j} x1={x((r[0] + r[1]) / 2)} x2={x((r[0] + r[1]) / 2)} y1={48} y2={60} stroke={stanceColor(s.stance)} strokeWidth={2} /> : null;
              })}
            </g>
          );
        })}
      </svg>
    </div>
  );
}

function StepCard({ step, i }: { step: StanceStep; i: number }) {
  return (
    <section id={`step-${i}`} className={`step-card stance-${step.stance}`}>
      <h3>
        <span className="stance-name">{step.stance}</span> <span className="when">{step.from === step.to ? step.from : `${step.from} … ${step.to}`}</span>
      </h3>
      <ul>
        {step.events.map((e, j) => (
          <li key={j}>
            <span className={`type t-${e.type}`}>{e.type}</span> <span className={`status s-${e.status}`}>{e.status}</span> <strong>{e.date}</strong> <span dir="auto">{e.actor ?? "?"}</span> → <span dir="auto">{e.target ?? "?"}</span>{" "}
            <span className="muted">· {e.outlet ?? e.file}</span>
            <div>
              <Link to={`/documents/${encodeURIComponent(e.docId)}?sel=${encodeURIComponent(`find:${e.evidence.slice(0, 120)}`)}`} className="said" dir="auto">
                {e.evidence}
              </Link>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
