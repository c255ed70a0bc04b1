import { Badge, Caption1, Text } from "@fluentui/react-components";
import * as React from "react";
import { countStatuses, fiscalYearLabel, type SheetReport, STATUS_CODES, STATUS_FILLS, STATUS_LABELS, type UiText, type Lang } from "../core";

const css = (argb: string) => `#${argb.slice(2)}`;

/** Counts per status as badges and an inline SVG bar chart; the year, phase and time taken. */
export function Summary({ reports, ms, written, t, lang }: { reports: SheetReport[]; ms: number | null; written: boolean; t: UiText; lang: Lang }) {
  const items = reports.flatMap((r) => r.items);
  const counts = countStatuses(items);
  const max = Math.max(1, ...STATUS_CODES.map((s) => counts[s]));
  const years = [...new Set(reports.filter((r) => r.recognized).map((r) => (r.fiscalYear === null ? "?" : fiscalYearLabel(r.fiscalYear))))];
  const phase = reports[0]?.phase === "interim" ? t.phaseInterim : t.phaseFinal;
  return (
    <section aria-label={t.summary} className="summary">
      <Text weight="semibold">
        {t.itemsCount(items.length)} · {years.join("・")} · {phase}
      </Text>
      <div className="badges">
        {STATUS_CODES.map((s) => (
          <Badge key={s} appearance="filled" shape="rounded" style={{ background: css(STATUS_FILLS[s]), color: "#1b1b1b" }} data-status={s}>
            {STATUS_LABELS[lang][s]} {counts[s]}
          </Badge>
        ))}
      </div>
      <svg role="img" aria-label={`${t.chartLabel}: ${STATUS_CODES.map((s) => `${STATUS_LABELS[lang][s]} ${counts[s]}`).join(", ")}`} viewBox="0 0 300 110" width="100%" className="chart">
        {STATUS_CODES.map((s, i) => {
          const w = (counts[s] / max) * 200;
          return (
            <g key={s} transform={`translate(0 ${i * 22})`}>
              <text x="0" y="14" fontSize="11" fill="currentColor">{STATUS_LABELS[lang][s]}</text>
              <rect x="70" y="3" width={Math.max(w, counts[s] > 0 ? 2 : 0)} height="14" fill={css(STATUS_FILLS[s])} stroke="#555" strokeWidth="0.5" />
              <text x={76 + w} y="14" fontSize="11" fill="currentColor">{counts[s]}</text>
            </g>
          );
        })}
      </svg>
      <Caption1>
        {written ? t.written : t.notWritten} · {ms === null ? "" : t.tookMs(ms)}
      </Caption1>
    </section>
  );
}
