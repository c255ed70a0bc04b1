/** Every user-facing string of the core, Japanese first, English second. */
import type { IssueCode, Layout, StatusCode } from "./types";

export type Lang = "ja" | "en";
type Params = Record<string, string | number>;
type Template = (p: Params) => string;

export const STATUS_LABELS: Record<Lang, Record<StatusCode, string>> = {
  ja: { achieved: "達成", mostly_achieved: "概ね達成", not_achieved: "未達成", unknown: "判定不能", not_entered: "未入力" },
  en: { achieved: "Achieved", mostly_achieved: "Mostly achieved", not_achieved: "Not achieved", unknown: "Undetermined", not_entered: "Not entered" },
};

export const SEVERITY_LABELS: Record<Lang, Record<"error" | "warning" | "info", string>> = {
  ja: { error: "エラー", warning: "警告", info: "情報" },
  en: { error: "Error", warning: "Warning", info: "Info" },
};

export const ISSUE_MESSAGES: Record<Lang, Record<IssueCode, Template>> = {
  ja: {
    "header-not-found": (p) => `シート「${p.sheet}」の1〜30行目に見出し行が見つかりません。「番号」「項目名」「目標達成水準」「期末自己評価」などの見出しを1行にまとめてください。`,
    "sheet-skipped": (p) => `シート「${p.sheet}」は進捗状況シートではないため、判定しませんでした。`,
    "missing-column": (p) =>
      p.similar
        ? `列「${p.column}」がありません。見出し「${p.similar}」（${p.similarCell}）が似ています。この列のことなら、見出しを「${p.column}」に直すか、設定の aliases に {"${p.column}": ["${p.similar}"]} を加えてください。`
        : `列「${p.column}」がありません。見出し行に「${p.column}」列を追加してください。`,
    "duplicate-column": (p) => `列「${p.column}」が2つあります（${p.cell}）。最初の列を使いました。不要な列の見出しを変えてください。`,
    "empty-required-cell": (p) => `${p.cell}（${p.column}）が空欄です。入力してください。`,
    "duplicate-number": (p) => `番号「${p.number}」が${p.firstRow}行目と重複しています（${p.cell}）。番号を振り直してください。`,
    "invalid-number": (p) => `番号「${p.number}」（${p.cell}）が正の整数ではありません。1, 2, 3… の番号にしてください。`,
    "fiscal-year-unknown": () => `評価年度がわかりません。タイトル行に「令和2年度」のように年度を書くか、評価年度を指定してください。`,
    "target-unparsed": (p) => `${p.cell} の目標達成水準から目標を読み取れません。「2年度 21区長/24区長」「毎年度 95%以上」「80%以上（R4）」のように年度と数値で書いてください。`,
    "target-year-missing": (p) => `${p.cell} の目標${p.kpis}に${p.year}の目標がありません。評価年度の目標を書き加えるか、評価年度を確認してください。`,
    "actual-missing": (p) => `${p.cell} に目標${p.kpi}の実績値が見つかりません。「＜${p.kpi}＞23区長／24区長」や「実績：76.5％」のように書いてください。`,
    "denominator-mismatch": (p) => `${p.cell} の目標${p.kpi}の実績の分母（${p.actual}）が目標の分母（${p.target}）と違います。割合で比べました。分母を確認してください。`,
    "unit-mismatch": (p) => `${p.cell} の目標${p.kpi}の実績の単位「${p.actual}」が目標の単位「${p.target}」と違います。同じ単位で書いてください。`,
    "self-assessment-mismatch": (p) => `${p.cell} の自己評価は目標${p.kpi}を「${p.claim}」としていますが、数値では${p.status}（${p.rate}）です。記述か数値を見直してください。`,
    "cell-error": (p) => `${p.cell} がエラー値（${p.value}）です。数式か値を直してください。`,
    "actual-pending": (p) => `${p.cell} の目標${p.kpi}の実績はまだ確定していません（「${p.word}」）。判定不能としました。確定したら「＜${p.kpi}＞82.1％」や「実績：82.1％」のように数値を書いてください。`,
    "kpi-row-incomplete": (p) =>
      p.part === "target"
        ? `${p.cell}：指標「${p.name}」の目標値が空欄です。評価年度の目標値を「80%」「1,200件」のように入力してください。`
        : `${p.cell}：指標「${p.name}」に${p.part === "target-row" ? "目標" : "実績"}の行がありません。区分列に「目標値」の行と「実績値」の行を、指標ごとに1行ずつ設けてください。`,
  },
  en: {
    "header-not-found": (p) => `No header row in the first 30 rows of sheet "${p.sheet}". Put headings such as 番号, 項目名, 目標達成水準, 期末自己評価 on one row.`,
    "sheet-skipped": (p) => `Sheet "${p.sheet}" is not a progress sheet and was not checked.`,
    "missing-column": (p) =>
      p.similar
        ? `Column "${p.column}" is missing. The heading "${p.similar}" (${p.similarCell}) resembles it: if it is that column, rename it to "${p.column}" or add {"${p.column}": ["${p.similar}"]} to the config's aliases.`
        : `Column "${p.column}" is missing. Add it to the header row.`,
    "duplicate-column": (p) => `Column "${p.column}" appears twice (${p.cell}); the first one was used. Rename the other heading.`,
    "empty-required-cell": (p) => `${p.cell} (${p.column}) is empty. Fill it in.`,
    "duplicate-number": (p) => `Number "${p.number}" repeats row ${p.firstRow} (${p.cell}). Renumber the items.`,
    "invalid-number": (p) => `Number "${p.number}" (${p.cell}) is not a positive whole number.`,
    "fiscal-year-unknown": () => `The fiscal year is unknown. Write it in the title (e.g. 令和2年度) or set it explicitly.`,
    "target-unparsed": (p) => `No target could be read from ${p.cell}. Write year and value, e.g. 「2年度 21区長/24区長」.`,
    "target-year-missing": (p) => `KPI ${p.kpis} in ${p.cell} has no target for ${p.year}. Add one or check the fiscal year.`,
    "actual-missing": (p) => `No actual for KPI ${p.kpi} in ${p.cell}. Write it e.g. as 「＜${p.kpi}＞23区長／24区長」 or 「実績：76.5％」.`,
    "denominator-mismatch": (p) => `The actual of KPI ${p.kpi} in ${p.cell} has denominator ${p.actual}, the target ${p.target}; ratios were compared.`,
    "unit-mismatch": (p) => `The actual of KPI ${p.kpi} in ${p.cell} is in "${p.actual}", the target in "${p.target}". Use the same unit.`,
    "self-assessment-mismatch": (p) => `The self-assessment in ${p.cell} says KPI ${p.kpi} is "${p.claim}", but the numbers say ${p.status} (${p.rate}).`,
    "cell-error": (p) => `${p.cell} holds an error value (${p.value}). Fix its formula or value.`,
    "actual-pending": (p) => `The actual of KPI ${p.kpi} in ${p.cell} is not in yet ("${p.word}"); judged undetermined. When it is, write the number, e.g. 「＜${p.kpi}＞82.1％」 or 「実績：82.1％」.`,
    "kpi-row-incomplete": (p) =>
      p.part === "target"
        ? `${p.cell}: the target of indicator "${p.name}" is empty. Enter the evaluated year's target, e.g. 「80%」 or 「1,200件」.`
        : `${p.cell}: indicator "${p.name}" has no ${p.part === "target-row" ? "target" : "actual"} row. Give each indicator one row marked 目標値 and one marked 実績値 in the kind column.`,
  },
};

/** The three sheet layouts (§8), as people call them. */
export const LAYOUT_LABELS: Record<Lang, Record<Layout, string>> = {
  ja: { progress: "進捗状況シート", "kpi-table": "KPI表（目標値・実績値の列）", "years-across": "年度横並び表（目標・実績の行）" },
  en: { progress: "progress sheet", "kpi-table": "KPI table (target and actual columns)", "years-across": "years across (target and actual rows)" },
};

/** Short names of the layouts for narrow columns (様式). */
export const LAYOUT_SHORT: Record<Lang, Record<Layout, string>> = {
  ja: { progress: "進捗状況", "kpi-table": "KPI表", "years-across": "年度横並び" },
  en: { progress: "progress", "kpi-table": "kpi-table", "years-across": "years-across" },
};

/** Labels of the evidence of a verdict (table --verbose, pane). */
export const EVIDENCE_LABELS: Record<Lang, { target: string; actual: string; claim: string; none: string }> = {
  ja: { target: "目標", actual: "実績", claim: "記述", none: "（読み取れず）" },
  en: { target: "Target", actual: "Actual", claim: "Claim", none: "(none read)" },
};

export const CLAIM_LABELS: Record<Lang, Record<"affirm" | "deny" | "partial", string>> = {
  ja: { affirm: "達成", deny: "未達成", partial: "一部・概ね達成" },
  en: { affirm: "achieved", deny: "not achieved", partial: "partly achieved" },
};

export const OUTPUT_HEADERS = ["達成状況", "達成率", "判定根拠", "チェック結果"] as const;
export type OutputHeader = (typeof OUTPUT_HEADERS)[number];

/** Texts the core writes into the sheet (判定根拠 / チェック結果). Always Japanese: the sheet is. */
export const SHEET_TEXT = {
  ok: "OK",
  qualitative: "定性目標",
  noActual: "実績なし",
  pendingActual: "実績未確定",
  noTarget: "当該年度の目標なし",
  notEntered: (column: string) => `${column}が未入力`,
  columnMissing: (column: string) => `${column}列なし`,
  noKpi: "目標を読み取れず",
  /** Why an item is 判定不能 where no issue says it (§6 v2). */
  noClaim: (kpi: string) => `目標${kpi}の達成を示す記述がありません。「目標を達成した」「計画どおり実施した」のように書いてください。`,
  nonPositive: (kpi: string) => `目標${kpi}の目標値または実績値が正の数でありません。`,
  undetermined: "判定に必要な目標値・実績値・記述が読み取れませんでした。",
  noSelfColumn: (column: string) => `「${column}」列がないため判定できません。`,
  noFiscalYear: "評価年度がわからないため判定できません。",
};

export function issueMessage(code: IssueCode, params: Params, lang: Lang = "ja"): string {
  return ISSUE_MESSAGES[lang][code](params);
}

export * from "./messages-gateway";
export * from "./messages-ui";
