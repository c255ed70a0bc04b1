/** Every user-facing string of the core, Japanese first, English second. */
import type { IssueCode, StatusCode } from "./types";

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
    "missing-column": (p) => `列「${p.column}」がありません。見出し行に「${p.column}」列を追加してください。`,
    "duplicate-column": (p) => `列「${p.column}」が2つあります（${p.cell}）。最初の列を使いました。不要な列の見出しを変えてください。`,
    "empty-required-cell": (p) => `${p.cell}（${p.column}）が空欄です。入力してください。`,
    "duplicate-number": (p) => `番号「${p.number}」が${p.firstRow}行目と重複しています（${p.cell}）。番号を振り直してください。`,
    "invalid-number": (p) => `番号「${p.number}」（${p.cell}）が正の整数ではありません。1, 2, 3… の番号にしてください。`,
    "fiscal-year-unknown": () => `評価年度がわかりません。タイトル行に「令和2年度」のように年度を書くか、評価年度を指定してください。`,
    "target-unparsed": (p) => `${p.cell} の目標達成水準から目標を読み取れません。「2年度 21区長/24区長」のように年度と数値で書いてください。`,
    "target-year-missing": (p) => `${p.cell} の目標${p.kpis}に${p.year}の目標がありません。評価年度の目標を書き加えるか、評価年度を確認してください。`,
    "actual-missing": (p) => `${p.cell} に目標${p.kpi}の実績値が見つかりません。「＜${p.kpi}＞23区長／24区長」や「実績：76.5％」のように書いてください。`,
    "denominator-mismatch": (p) => `${p.cell} の目標${p.kpi}の実績の分母（${p.actual}）が目標の分母（${p.target}）と違います。割合で比べました。分母を確認してください。`,
    "unit-mismatch": (p) => `${p.cell} の目標${p.kpi}の実績の単位「${p.actual}」が目標の単位「${p.target}」と違います。同じ単位で書いてください。`,
    "self-assessment-mismatch": (p) => `${p.cell} の自己評価は目標${p.kpi}を「${p.claim}」としていますが、数値では${p.status}（${p.rate}）です。記述か数値を見直してください。`,
    "cell-error": (p) => `${p.cell} がエラー値（${p.value}）です。数式か値を直してください。`,
  },
  en: {
    "header-not-found": (p) => `No header row in the first 30 rows of sheet "${p.sheet}". Put headings such as 番号, 項目名, 目標達成水準, 期末自己評価 on one row.`,
    "sheet-skipped": (p) => `Sheet "${p.sheet}" is not a progress sheet and was not checked.`,
    "missing-column": (p) => `Column "${p.column}" is missing. Add it to the header row.`,
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
  },
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
  noTarget: "当該年度の目標なし",
  notEntered: (column: string) => `${column}が未入力`,
  columnMissing: (column: string) => `${column}列なし`,
  noKpi: "目標を読み取れず",
};

export function issueMessage(code: IssueCode, params: Params, lang: Lang = "ja"): string {
  return ISSUE_MESSAGES[lang][code](params);
}

/** Errors of the Excel gateway (shown in the task pane and the one-click dialog). */
export type GatewayErrorCode =
  | "protected"
  | "cell-edit-mode"
  | "sheet-missing"
  | "sheet-changed"
  | "overwrite-refused"
  | "not-a-progress-sheet"
  | "payload-too-large"
  | "busy"
  | "unsupported"
  | "summary-sheet-taken"
  | "nothing-to-undo"
  | "unknown";

export const GATEWAY_MESSAGES: Record<"ja" | "en", Record<GatewayErrorCode, string>> = {
  ja: {
    protected: "シートが保護されているため書き込めません。[校閲] タブの「シート保護の解除」をしてから、もう一度実行してください。",
    "cell-edit-mode": "セルを編集中のため実行できません。Enter キーか Esc キーで編集を終えてから、もう一度実行してください。",
    "sheet-missing": "対象のシートが見つかりません（実行中に削除または名前変更された可能性があります）。シートを確かめて、もう一度実行してください。",
    "sheet-changed": "判定中にシートが変更されました（行の挿入、見出しの移動、結果の列への入力など）。何も書き込んでいません。もう一度実行してください。",
    "overwrite-refused": "書き込み先のセルに Shinchoku が書いていない内容があるため、書き込みを中止しました。",
    "not-a-progress-sheet": "このシートは進捗状況シートではありません。1〜30行目に「番号」「項目名」「目標達成水準」などの見出し行があるシートを選んでください。",
    "payload-too-large": "シートが大きすぎて一度に読み書きできませんでした。範囲を分けても失敗しました。不要な行や列を削除してから、もう一度実行してください。",
    busy: "Excel が応答していません（処理が混み合っています）。しばらく待ってから、もう一度実行してください。",
    unsupported: "この Excel ではこの機能を使えません（Excel API 1.9 以降が必要です）。Microsoft 365 の Excel か Excel on the web をお使いください。",
    "summary-sheet-taken": "「判定集計」という名前のシートが既にあり、Shinchoku が作ったものではありません。そのシートの名前を変えてから、もう一度実行してください。",
    "nothing-to-undo": "元に戻せる書き込みがありません。",
    unknown: "Excel でエラーが起きました。ブックを保存してから、もう一度実行してください。続く場合は Excel を再起動してください。",
  },
  en: {
    protected: "The sheet is protected. Unprotect it (Review › Unprotect Sheet) and run again.",
    "cell-edit-mode": "A cell is being edited. Press Enter or Esc to finish editing, then run again.",
    "sheet-missing": "The sheet was not found (it may have been deleted or renamed). Check it and run again.",
    "sheet-changed": "The sheet changed while it was being judged (rows inserted, header moved, or a result cell typed in). Nothing was written. Run again.",
    "overwrite-refused": "A target cell holds content Shinchoku did not write; nothing was written.",
    "not-a-progress-sheet": "This is not a progress sheet. Choose a sheet with a header row (番号, 項目名, 目標達成水準 …) in rows 1–30.",
    "payload-too-large": "The sheet is too large to read or write, even in parts. Remove unused rows or columns and run again.",
    busy: "Excel is busy. Wait a moment and run again.",
    unsupported: "This Excel does not support the feature (Excel API 1.9 or later is needed). Use Microsoft 365 Excel or Excel on the web.",
    "summary-sheet-taken": "A sheet named 判定集計 already exists and was not made by Shinchoku. Rename it and run again.",
    "nothing-to-undo": "There is nothing to undo.",
    unknown: "Excel reported an error. Save the workbook and run again; restart Excel if it persists.",
  },
};


/** The task pane's and the preview's words. */
export const UI_TEXT = {
  ja: {
    appTitle: "進捗チェック",
    run: "判定する",
    running: "判定中…",
    allSheets: "全シート",
    checkOnly: "書き戻さずにチェックのみ",
    undo: "元に戻す",
    undone: "前回の書き込みを元に戻しました。",
    nothingToUndo: "元に戻せる書き込みがありません。",
    summary: "判定の概要",
    results: "判定結果",
    issues: "チェック結果",
    noIssues: "問題は見つかりませんでした。",
    noItems: "項目がありません。",
    emptySheet: "このシートは空です。進捗状況シートを開いてから判定してください。",
    notProgress: "このシートは進捗状況シートではありません。1〜30行目に「番号」「項目名」「目標達成水準」などの見出し行があるシートを選んでください。",
    fiscalYear: "評価年度",
    phase: "フェーズ",
    phaseFinal: "期末",
    phaseInterim: "中間",
    threshold: "概ね達成の基準（%）",
    required: "必須列",
    settings: "設定",
    saveSettings: "設定を保存",
    settingsSaved: "設定をブックに保存しました。",
    auto: "自動",
    detected: "自動判定",
    tookMs: (ms: number) => `${ms} ms`,
    itemsCount: (n: number) => `${n}件`,
    written: "結果をシートに書き込みました。",
    notWritten: "チェックのみ（書き込みなし）",
    showAll: "全文を表示",
    showLess: "折りたたむ",
    kpiDetail: "KPI の内訳",
    target: "目標",
    actual: "実績",
    rate: "達成率",
    status: "達成状況",
    number: "番号",
    title: "項目名",
    jumpTo: (cell: string) => `${cell} を選択`,
    errorTitle: "エラー",
    openWorkbook: "ブックを開く",
    openSample: "サンプルを開く",
    saveJudged: "判定済みブックを保存",
    sheet: "シート",
    previewTitle: "Shinchoku プレビュー（Excel なしで試す）",
    gridLabel: (s: string) => `シート「${s}」の内容（読み取り専用）`,
    chartLabel: "達成状況の件数",
    sheetHeader: (s: string) => `シート「${s}」`,
    badFile: "このファイルは読めません。.xlsx 形式のブックを選んでください。",
  },
  en: {
    appTitle: "Progress check",
    run: "Judge",
    running: "Judging…",
    allSheets: "All sheets",
    checkOnly: "Check only, do not write",
    undo: "Undo",
    undone: "The last write was undone.",
    nothingToUndo: "There is nothing to undo.",
    summary: "Summary",
    results: "Results",
    issues: "Issues",
    noIssues: "No issues found.",
    noItems: "No items.",
    emptySheet: "This sheet is empty. Open a progress sheet and judge again.",
    notProgress: "This is not a progress sheet. Choose a sheet with a header row (番号, 項目名, 目標達成水準 …) in rows 1–30.",
    fiscalYear: "Fiscal year",
    phase: "Phase",
    phaseFinal: "Year end",
    phaseInterim: "Mid-year",
    threshold: "Mostly-achieved threshold (%)",
    required: "Required columns",
    settings: "Settings",
    saveSettings: "Save settings",
    settingsSaved: "Settings saved in the workbook.",
    auto: "Auto",
    detected: "detected",
    tookMs: (ms: number) => `${ms} ms`,
    itemsCount: (n: number) => `${n} items`,
    written: "Results were written to the sheet.",
    notWritten: "Check only (nothing written)",
    showAll: "Show all",
    showLess: "Show less",
    kpiDetail: "KPI details",
    target: "Target",
    actual: "Actual",
    rate: "Rate",
    status: "Status",
    number: "No.",
    title: "Item",
    jumpTo: (cell: string) => `Select ${cell}`,
    errorTitle: "Error",
    openWorkbook: "Open workbook",
    openSample: "Open sample",
    saveJudged: "Save judged workbook",
    sheet: "Sheet",
    previewTitle: "Shinchoku preview (no Excel needed)",
    gridLabel: (s: string) => `Contents of sheet "${s}" (read only)`,
    chartLabel: "Items per status",
    sheetHeader: (s: string) => `Sheet "${s}"`,
    badFile: "This file cannot be read. Choose an .xlsx workbook.",
  },
};
export type UiText = (typeof UI_TEXT)["ja"];
