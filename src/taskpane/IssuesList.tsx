import { Link } from "@fluentui/react-components";
import * as React from "react";
import { type Issue, type Lang, SEVERITY_LABELS, type SheetReport, type UiText } from "../core";
import { LongText } from "./LongText";

const ORDER = ["error", "warning", "info"] as const;

/** Issues grouped by severity; activating one selects its cell in the sheet. */
export function IssuesList({ reports, onSelect, t, lang }: { reports: SheetReport[]; onSelect: (sheet: string, cell: string) => void; t: UiText; lang: Lang }) {
  const all: { sheet: string; issue: Issue }[] = reports.flatMap((r) => r.issues.map((issue) => ({ sheet: r.sheet, issue })));
  return (
    <section aria-labelledby="issues-h">
      <h2 id="issues-h">{t.issues}</h2>
      {all.length === 0 && <p>{t.noIssues}</p>}
      <ul aria-label={t.issues} className="issues">
        {ORDER.map((sev) => {
          const group = all.filter((x) => x.issue.severity === sev);
          if (group.length === 0) return null;
          return (
            <li key={sev} className={`sev sev-${sev}`}>
              <h3>
                {SEVERITY_LABELS[lang][sev]}（{group.length}）
              </h3>
              <ul>
                {group.map(({ sheet, issue }, i) => (
                  <li key={`${sheet}-${i}`} data-code={issue.code}>
                    {issue.cell ? (
                      <Link as="button" onClick={() => onSelect(sheet, issue.cell as string)} aria-label={`${t.jumpTo(issue.cell)}: ${issue.message}`}>
                        {reports.length > 1 ? `${sheet}!` : ""}
                        {issue.cell}
                      </Link>
                    ) : null}{" "}
                    <LongText text={issue.message} t={t} limit={120} />
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
