import { Badge, Button } from "@fluentui/react-components";
import * as React from "react";
import { circled, EVIDENCE_LABELS, type EvidencePart, type ItemResult, type KpiResult, LAYOUT_LABELS, type Lang, type SheetReport, STATUS_FILLS, STATUS_LABELS, type UiText } from "../core";
import { LongText } from "./LongText";

const pct = (r: number | null) => (r === null ? "-" : `${(r * 100).toFixed(1)}%`);

/** One piece of evidence: the cell, then its text with the deciding words in bold — React text nodes, never HTML. */
function EvidenceLine({ label, part, lang }: { label: string; part: EvidencePart | null; lang: Lang }) {
  if (!part) {
    return (
      <li className="evidence">
        {label}: {EVIDENCE_LABELS[lang].none}
      </li>
    );
  }
  const at = part.words ? part.text.indexOf(part.words) : -1;
  return (
    <li className="evidence">
      {label}: {part.cell ?? "-"} 「
      {at < 0 ? (
        part.text
      ) : (
        <>
          {part.text.slice(0, at)}
          <strong>{part.words}</strong>
          {part.text.slice(at + part.words.length)}
        </>
      )}
      」
    </li>
  );
}

function KpiEvidence({ k, t, lang }: { k: KpiResult; t: UiText; lang: Lang }) {
  const L = EVIDENCE_LABELS[lang];
  const e = k.evidence ?? { target: null, actual: null, claim: null };
  return (
    <ul className="evidence-list" aria-label={`${circled(k.id)} ${t.evidence}`}>
      <EvidenceLine label={L.target} part={e.target} lang={lang} />
      {k.kind !== "qualitative" && <EvidenceLine label={L.actual} part={e.actual} lang={lang} />}
      {(e.claim || k.kind === "qualitative") && <EvidenceLine label={L.claim} part={e.claim} lang={lang} />}
    </ul>
  );
}

function Item({ item, t, lang }: { item: ItemResult; t: UiText; lang: Lang }) {
  const [open, setOpen] = React.useState(false);
  const id = `kpi-${item.row}`;
  return (
    <li className="item">
      <div className="item-head">
        <span className="item-no">{item.number}</span>
        <Badge appearance="filled" shape="rounded" style={{ background: `#${STATUS_FILLS[item.status].slice(2)}`, color: "#1b1b1b" }}>
          {STATUS_LABELS[lang][item.status]}
        </Badge>
        <span className="item-rate">{pct(item.rate)}</span>
        {item.grade && (
          <span className="item-grade">
            {t.grade} {item.grade}
          </span>
        )}
        <Button size="small" appearance="subtle" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
          {t.kpiDetail}
        </Button>
      </div>
      <div className="item-title">
        <LongText text={item.title} t={t} />
      </div>
      {open && (
        <ul id={id} className="kpis">
          {item.kpis.map((k) => (
            <li key={k.id}>
              {circled(k.id)} {t.target}: <LongText text={k.target === null ? "-" : `${k.target}${k.unit ?? ""}`} t={t} limit={40} /> / {t.actual}: {k.actual === null ? "-" : `${k.actual}${k.actualUnit ?? k.unit ?? ""}`} / {t.rate}: {pct(k.rate)} / {STATUS_LABELS[lang][k.status]}
              <KpiEvidence k={k} t={t} lang={lang} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function ResultsList({ reports, t, lang }: { reports: SheetReport[]; t: UiText; lang: Lang }) {
  const several = reports.length > 1;
  return (
    <section aria-labelledby="results-h">
      <h2 id="results-h">{t.results}</h2>
      {reports.map((r) => (
        <div key={r.sheet}>
          {several && <h3>{t.sheetHeader(r.sheet)}</h3>}
          {r.layout && (
            <p className="layout">
              {t.layout}: {LAYOUT_LABELS[lang][r.layout]}
            </p>
          )}
          {r.items.length === 0 ? (
            <p>{t.noItems}</p>
          ) : (
            <ul aria-label={several ? `${t.results} ${r.sheet}` : t.results} className="items">
              {r.items.map((i) => (
                <Item key={i.row} item={i} t={t} lang={lang} />
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}
