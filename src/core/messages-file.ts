/** The catalogue's part for workbook files (reading, writing, formats), ja first. */

export type FileErrorCode =
  | "file-not-found"
  | "not-a-file"
  | "unsupported-format"
  | "encrypted"
  | "corrupt"
  | "empty-file"
  | "too-large"
  | "zip-bomb"
  | "read-failed"
  | "write-denied"
  | "disk-full"
  | "write-no-folder"
  | "write-failed"
  | "read-only-format"
  | "formula-in-output"
  | "no-output-folder"
  | "sheet-missing";

export const FILE_LIMITS = {
  /** Largest input accepted (bytes). */
  maxFileBytes: 200 * 1024 * 1024,
  /** Largest total size a package may inflate to, and the largest inflate ratio of a big entry. */
  maxUnpackedBytes: 1024 * 1024 * 1024,
  maxRatio: 200,
} as const;

const MB = 1024 * 1024;

/** A message is made from the file's name and, for some codes, the error's detail (sheet names, a cell). */
export const FILE_MESSAGES: Record<"ja" | "en", Record<FileErrorCode, (file: string, detail?: string) => string>> = {
  ja: {
    "file-not-found": (f) => `${f}: ファイルが見つかりません。パスを確認してください。`,
    "not-a-file": (f) => `${f}: ファイルではありません（フォルダーなど）。.xlsx ファイルを指定してください。`,
    "unsupported-format": (f) => `${f}: Excel のブック（.xlsx / .xlsm / .xls）でも .ods でもありません。Excel で開いて .xlsx 形式で保存し直してください。`,
    encrypted: (f) => `${f}: パスワードで保護されています。パスワードを解除して保存し直してください。`,
    corrupt: (f) => `${f}: ファイルが壊れているため読めません。Excel で開けるか確認し、保存し直してください。`,
    "empty-file": (f) => `${f}: 空のファイルです（0 バイト）。提出されたファイルを確認してください。`,
    "too-large": (f) => `${f}: ファイルが大きすぎます（上限 ${FILE_LIMITS.maxFileBytes / MB} MB）。シートを分けてください。`,
    "zip-bomb": (f) => `${f}: 展開すると極端に大きくなるファイルのため、読み込みを中止しました（上限 ${FILE_LIMITS.maxUnpackedBytes / MB} MB、圧縮率 ${FILE_LIMITS.maxRatio} 倍）。提出元に確認してください。`,
    "read-failed": (f) => `${f}: ファイルを読み込めませんでした。アクセス権を確認してください。`,
    "write-denied": (f) => `${f}: 書き込み権限がありません。保存先を確認してください。元のファイルは変更していません。`,
    "disk-full": (f) => `${f}: ディスクの空きが足りません。保存先を確認してください。元のファイルは変更していません。`,
    "write-no-folder": (f) => `${f}: 保存先のフォルダーがありません。保存先を確認してください。元のファイルは変更していません。`,
    "write-failed": (f) => `${f}: 保存できませんでした。保存先を確認してください。元のファイルは変更していません。`,
    "read-only-format": (f) => `${f}: .xls / .ods には書き込めません（読み取りとチェックのみ）。Excel で開いて .xlsx 形式で保存し直してから、もう一度実行してください。`,
    "no-output-folder": (f) => `${f}: 保存先のフォルダーを作れません。保存先を確認してください。元のファイルは変更していません。`,
    "formula-in-output": (f, at) => `${f}: Shinchoku の書き込み先のセルに数式があるため、書き込みを中止しました（ファイルは変更していません）。その列の数式を別の列へ移すか削除してから、もう一度実行してください。${at ? `（${at}）` : ""}`,
    "sheet-missing": (f, sheets) => `${f}: 元に戻すシート${sheets ? `「${sheets}」` : ""}が見つかりません（書き込んだ後に名前を変えたか削除した可能性があります）。シート名を書き込んだときの名前に戻してから、もう一度実行してください（ファイルは変更していません）。`,
  },
  en: {
    "file-not-found": (f) => `${f}: file not found. Check the path.`,
    "not-a-file": (f) => `${f}: not a file (a folder?). Give an .xlsx file.`,
    "unsupported-format": (f) => `${f}: not an Excel workbook (.xlsx / .xlsm / .xls) nor an .ods. Open it in Excel and save it as .xlsx.`,
    encrypted: (f) => `${f}: password-protected. Remove the password and save it again.`,
    corrupt: (f) => `${f}: the file is damaged and cannot be read. Check that Excel opens it and save it again.`,
    "empty-file": (f) => `${f}: the file is empty (0 bytes). Check the submitted file.`,
    "too-large": (f) => `${f}: the file is too large (limit ${FILE_LIMITS.maxFileBytes / MB} MB). Split the sheets.`,
    "zip-bomb": (f) => `${f}: the file would inflate to an extreme size; reading stopped (limit ${FILE_LIMITS.maxUnpackedBytes / MB} MB, ratio ${FILE_LIMITS.maxRatio}×). Ask the sender.`,
    "read-failed": (f) => `${f}: the file could not be read. Check the access rights.`,
    "write-denied": (f) => `${f}: no permission to write. Check where it is saved; the original file is unchanged.`,
    "disk-full": (f) => `${f}: not enough disk space. Check where it is saved; the original file is unchanged.`,
    "write-no-folder": (f) => `${f}: the folder to save in does not exist. Check the path; the original file is unchanged.`,
    "write-failed": (f) => `${f}: the file could not be saved. Check where it is saved; the original file is unchanged.`,
    "read-only-format": (f) => `${f}: .xls / .ods files are read and checked only, never written. Save it as .xlsx in Excel and run again.`,
    "no-output-folder": (f) => `${f}: the folder to save in cannot be created. Check the path; the original file is unchanged.`,
    "formula-in-output": (f, at) => `${f}: a cell Shinchoku writes holds a formula, so nothing was written (the file is unchanged). Move or delete the formulas in that column and run again.${at ? ` (${at})` : ""}`,
    "sheet-missing": (f, sheets) => `${f}: the sheet to restore${sheets ? ` "${sheets}"` : ""} was not found (renamed or deleted after the write?). Give it back the name it had when Shinchoku wrote, then run again (the file is unchanged).`,
  },
};
