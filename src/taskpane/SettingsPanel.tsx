import { Button, Checkbox, Field, Input, Radio, RadioGroup, Select } from "@fluentui/react-components";
import * as React from "react";
import { CANONICAL_COLUMNS, type ConfigInput, DEFAULT_CONFIG, fiscalYearLabel, LAYOUT_LABELS, LAYOUTS, type Lang, resolveConfig, type UiText } from "../core";

/** 評価年度 as the sheets write it: 令和N年度 (the typed Western year shown in the era too). */
function yearHint(typed: string, detected: number | null, t: UiText): string {
  const n = Number(typed.trim());
  if (typed.trim() !== "" && Number.isInteger(n) && n >= 1868 && n <= 2200) return `${fiscalYearLabel(n)}（${n}年度）`;
  return `${t.auto}: ${detected === null ? "-" : `${fiscalYearLabel(detected)}（${detected}年度）`}`;
}

/** 評価年度, フェーズ, 概ね達成の基準, 必須列 — saved in the document by the port. */
export function SettingsPanel({ value, detectedYear, onSave, t, lang = "ja" }: { value: ConfigInput; detectedYear: number | null; onSave: (s: ConfigInput) => void; t: UiText; lang?: Lang }) {
  const [year, setYear] = React.useState(value.fiscalYear ? String(value.fiscalYear) : "");
  const [phase, setPhase] = React.useState(value.phase ?? "final");
  const [threshold, setThreshold] = React.useState(String(Math.round((value.mostlyThreshold ?? DEFAULT_CONFIG.mostlyThreshold) * 100)));
  const required = (c: (typeof CANONICAL_COLUMNS)[number]) => {
    const rule = value.columns?.[c] ?? DEFAULT_CONFIG.columns[c];
    const sev = typeof rule === "string" ? rule : rule[phase] ?? DEFAULT_CONFIG.columns[c][phase];
    return sev === "error";
  };
  const [req, setReq] = React.useState<Record<string, boolean>>(Object.fromEntries(CANONICAL_COLUMNS.map((c) => [c, required(c)])));
  const [error, setError] = React.useState<string | null>(null);
  const [layout, setLayout] = React.useState<string>(value.layout ?? "");
  const [rubric, setRubric] = React.useState<string>(typeof value.rubric === "string" ? value.rubric : value.rubric ? "custom" : "default");
  const build = (): ConfigInput => ({
    ...value,
    ...(year.trim() ? { fiscalYear: Number(year) } : { fiscalYear: undefined }),
    phase,
    mostlyThreshold: Number(threshold) / 100,
    columns: Object.fromEntries(CANONICAL_COLUMNS.map((c) => [c, req[c] ? "error" : "warning"])),
    layout: layout === "" ? undefined : (layout as ConfigInput["layout"]),
    // A rubric object from a config file is kept as it is unless another one is chosen.
    rubric: rubric === "custom" ? value.rubric : rubric === "default" ? undefined : rubric,
  });
  const save = () => {
    try {
      const s = build();
      resolveConfig(s);
      setError(null);
      onSave(s);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <form className="settings" onSubmit={(e) => { e.preventDefault(); save(); }}>
      <Field label={t.fiscalYear} hint={yearHint(year, detectedYear, t)} validationMessage={error ?? undefined}>
        <Input type="number" inputMode="numeric" placeholder={detectedYear ? String(detectedYear) : t.auto} value={year} onChange={(_, d) => setYear(d.value)} />
      </Field>
      <Field label={t.phase}>
        <RadioGroup value={phase} onChange={(_, d) => setPhase(d.value as "final" | "interim")} layout="horizontal">
          <Radio value="final" label={t.phaseFinal} />
          <Radio value="interim" label={t.phaseInterim} />
        </RadioGroup>
      </Field>
      <Field label={t.threshold}>
        <Input type="number" min={1} max={100} value={threshold} onChange={(_, d) => setThreshold(d.value)} />
      </Field>
      <Field label={t.layout}>
        <Select value={layout} onChange={(_, d) => setLayout(d.value)}>
          <option value="">{t.layoutAuto}</option>
          {LAYOUTS.map((l) => (
            <option key={l} value={l}>
              {LAYOUT_LABELS[lang][l]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.rubric}>
        <Select value={rubric} onChange={(_, d) => setRubric(d.value)}>
          <option value="default">{t.rubricDefault}</option>
          <option value="binary">{t.rubricBinary}</option>
          <option value="abcd">{t.rubricAbcd}</option>
          {rubric === "custom" && <option value="custom">{t.rubricCustom}</option>}
        </Select>
      </Field>
      <fieldset className="required">
        <legend>{t.required}</legend>
        {CANONICAL_COLUMNS.map((c) => (
          <Checkbox key={c} label={c} checked={req[c]} onChange={(_, d) => setReq({ ...req, [c]: Boolean(d.checked) })} />
        ))}
      </fieldset>
      <Button type="submit">{t.saveSettings}</Button>
    </form>
  );
}
