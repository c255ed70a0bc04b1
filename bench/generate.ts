/** Builds progress workbooks of any size from item templates covering every status (bench, sample, tests). */
import ExcelJS from "exceljs";

export const HEADER = ["番号", "項目名", "めざすべき状態", "目標達成水準", "行動計画・取組内容", "中間自己評価と下半期の方向性", "期末自己評価", "翌年度にむけた課題と方向性"];

interface Template {
  title: string;
  target: string;
  final: string;
}

/** Each template's expected status is fixed by the grammar; the cycle gives a realistic mix. */
export const TEMPLATES: (Template & { expected: string })[] = [
  { title: "区CM制度の適切な運用", target: "①区CM事業のPDCAが適切と評価する区長の割合\n2年度 21 区長/24 区長 3年度 22 区長/24 区長\n②権限等が適切に整理されていると考える区長の割合\n2年度 21 区長/24 区長", final: "・アンケートの結果、目標①②ともに達成できた。\n＜①＞23区長／24区長　＜②＞24区長／24区長", expected: "achieved" },
  { title: "区役所業務の標準化", target: "2年度 標準化の計画策定 1年目の標準化計画達成\n3年度 2年目の標準化計画達成", final: "標準化計画に沿って取組を進め、1年目の計画を達成した。", expected: "achieved" },
  { title: "職員研修の充実", target: "①制度を理解している職員の割合\n2年度 80%以上 3年度 85%以上\n②研修の実施回数\n2年度 3回以上", final: "研修を実施した。\n＜①＞ 実績 72.4% ＜②＞ 実績 3回", expected: "mostly_achieved" },
  { title: "事務処理の迅速化", target: "R2年度：平均処理日数 3.5日以内", final: "処理手順を見直した。\n実績：5.0日", expected: "not_achieved" },
  { title: "窓口サービスの改善", target: "2年度 満足度 90%以上", final: "", expected: "not_entered" },
  { title: "市民協働の推進", target: "2年度 協働事業 120件以上", final: "目標を達成できなかった。\n2年度実績 110件", expected: "mostly_achieved" },
  { title: "ICT活用の推進", target: "2年度 電子申請の導入 計画どおり実施", final: "おおむね計画どおり進捗した。", expected: "mostly_achieved" },
  { title: "超過勤務の縮減", target: "2年度 超過勤務 前年度から5%削減", final: "取組を進めた。", expected: "unknown" },
];

export function itemRow(i: number): (string | number)[] {
  const t = TEMPLATES[i % TEMPLATES.length];
  return [i + 1, `改革の柱${1 + (i % 5)}-${1 + (i % 7)} 「${t.title}」`, "めざすべき状態の説明文。", t.target, "【第1四半期】取組を進める。\n【第2四半期】検証する。", "おおむね、行動計画に沿って取組を進めることができた。", t.final, "次年度の目標達成に向けた課題を洗い出す。"];
}

export function addProgressSheet(wb: ExcelJS.Workbook, name: string, items: number, title = "令和2年度 市政改革プラン3.0 進捗状況"): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.getCell("A1").value = title;
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.addRow([]);
  const header = ws.addRow(HEADER);
  header.font = { bold: true };
  header.eachCell((c) => (c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } }));
  for (let i = 0; i < items; i++) ws.addRow(itemRow(i));
  [6, 30, 30, 36, 36, 36, 40, 30].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return ws;
}

export async function writeProgressWorkbook(file: string, items: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  addProgressSheet(wb, "進捗状況", items);
  await wb.xlsx.writeFile(file);
}
