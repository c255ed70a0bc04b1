/** The catalogue's part for the Excel gateway's errors (task pane and one-click command), ja first. */

/** Errors of the Excel gateway (shown in the task pane and the one-click dialog). */
export type GatewayErrorCode =
  | "protected"
  | "cell-edit-mode"
  | "invalid-operation"
  | "workbook-inactive"
  | "range-too-large"
  | "general"
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
    "invalid-operation": "Excel がこの操作を受け付けませんでした。セルを編集中なら Enter キーか Esc キーで編集を終え、シートの保護や共有の状態を確かめてから、もう一度実行してください。",
    "workbook-inactive": "別のブックに切り替わったため実行できませんでした。このブックのウィンドウをクリックして前面に出してから、もう一度実行してください。",
    "range-too-large": "シートの使用範囲が Excel の一度に扱えるセル数の上限を超えています。使っていない行や列（書式だけの行や列も）を削除してから、もう一度実行してください。",
    general: "Excel の内部でエラーが起きました（一時的なことがあります）。少し待ってから、もう一度実行してください。続く場合はブックを保存して Excel を再起動してください。",
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
    "invalid-operation": "Excel refused the operation. If a cell is being edited, press Enter or Esc; check the sheet is not protected or shared, then run again.",
    "workbook-inactive": "Another workbook became active. Click this workbook's window to bring it to the front, then run again.",
    "range-too-large": "The sheet's used range exceeds the number of cells Excel can handle at once. Delete unused rows and columns (including ones that only carry formatting) and run again.",
    general: "Excel reported an internal error (often temporary). Wait a moment and run again; if it persists, save the workbook and restart Excel.",
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
