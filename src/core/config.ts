import type { Phase } from "./types";

export const CANONICAL_COLUMNS = [
  "番号",
  "項目名",
  "めざすべき状態",
  "目標達成水準",
  "行動計画・取組内容",
  "中間自己評価と下半期の方向性",
  "期末自己評価",
  "翌年度にむけた課題と方向性",
] as const;
export type CanonicalColumn = (typeof CANONICAL_COLUMNS)[number];

export type ColumnSeverity = "error" | "warning" | "info" | "off";
export interface ColumnRule {
  final: ColumnSeverity;
  interim: ColumnSeverity;
}

export interface Config {
  /** Fiscal year to evaluate (Gregorian start year); null = detect from the sheet. */
  fiscalYear: number | null;
  phase: Phase;
  /** 概ね達成 threshold as a ratio (0 < t ≤ 1). 1 makes the scale binary. */
  mostlyThreshold: number;
  /** Severity of a missing column, per phase. */
  columns: Record<CanonicalColumn, ColumnRule>;
  /** Extra header texts accepted for a canonical column. */
  aliases: Record<CanonicalColumn, string[]>;
  /** The closed list of units a value may carry. */
  units: string[];
}

export const DEFAULT_UNITS: readonly string[] = [
  "%", "パーセント", "ポイント", "pt", "件", "回", "人", "名", "日", "時間", "分", "区", "区長", "所属",
  "校", "園", "施設", "箇所", "か所", "ヵ所", "ヶ所", "カ所", "事業", "団体", "円", "千円", "万円",
  "百万円", "億円", "項目", "本", "部", "冊", "世帯", "台", "種類", "割",
];

export const DEFAULT_CONFIG: Config = Object.freeze({
  fiscalYear: null,
  phase: "final",
  mostlyThreshold: 0.8,
  columns: {
    番号: { final: "error", interim: "error" },
    項目名: { final: "error", interim: "error" },
    めざすべき状態: { final: "warning", interim: "warning" },
    目標達成水準: { final: "error", interim: "error" },
    "行動計画・取組内容": { final: "warning", interim: "warning" },
    中間自己評価と下半期の方向性: { final: "warning", interim: "error" },
    期末自己評価: { final: "error", interim: "warning" },
    翌年度にむけた課題と方向性: { final: "warning", interim: "warning" },
  },
  aliases: {
    番号: ["No", "No.", "項番", "通し番号"],
    項目名: ["取組項目", "取組項目名", "項目"],
    めざすべき状態: ["めざす状態", "目標とする状態"],
    目標達成水準: ["成果指標", "目標(KPI)", "KPI", "目標水準"],
    "行動計画・取組内容": ["行動計画", "取組内容", "取組の内容"],
    中間自己評価と下半期の方向性: ["中間自己評価", "中間評価", "上半期自己評価", "中間自己評価及び下半期の方向性", "中間自己評価・下半期の方向性", "中間評価と下半期の方向性"],
    期末自己評価: ["期末評価", "年度末自己評価"],
    翌年度にむけた課題と方向性: ["課題と方向性", "翌年度の課題と方向性", "次年度にむけた課題と方向性", "翌年度への課題と方向性", "翌年度にむけての課題と方向性"],
  },
  units: [...DEFAULT_UNITS],
}) as Config;

/** A configuration as a user writes it: every field optional. */
export interface ConfigInput {
  fiscalYear?: number | null;
  phase?: Phase;
  mostlyThreshold?: number;
  columns?: Partial<Record<string, ColumnSeverity | Partial<ColumnRule>>>;
  aliases?: Partial<Record<string, string[]>>;
  units?: string[];
}

export class ConfigError extends Error {
  readonly code = "invalid-config";
  constructor(readonly problems: string[]) {
    super(`設定が正しくありません: ${problems.join(" / ")}`);
    this.name = "ConfigError";
  }
}

const SEVERITIES: readonly string[] = ["error", "warning", "info", "off"];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Validates a user configuration (from JSON, settings or flags) and merges it over the defaults. */
export function resolveConfig(input: unknown = {}): Config {
  const problems: string[] = [];
  if (!isObject(input)) throw new ConfigError(["設定はオブジェクト（{...}）で指定してください"]);
  const known = ["fiscalYear", "phase", "mostlyThreshold", "columns", "aliases", "units", "$schema", "comment"];
  for (const key of Object.keys(input)) {
    if (!known.includes(key)) problems.push(`不明な項目「${key}」（使える項目: ${known.slice(0, 6).join(", ")}）`);
  }
  const config: Config = {
    fiscalYear: DEFAULT_CONFIG.fiscalYear,
    phase: DEFAULT_CONFIG.phase,
    mostlyThreshold: DEFAULT_CONFIG.mostlyThreshold,
    columns: { ...DEFAULT_CONFIG.columns },
    aliases: { ...DEFAULT_CONFIG.aliases },
    units: [...DEFAULT_CONFIG.units],
  };
  const fy = input.fiscalYear;
  if (fy !== undefined && fy !== null) {
    if (typeof fy !== "number" || !Number.isInteger(fy) || fy < 1900 || fy > 2200) {
      problems.push(`fiscalYear は西暦の年（例: 2020）で指定してください（値: ${JSON.stringify(fy)}）`);
    } else config.fiscalYear = fy;
  }
  if (input.phase !== undefined) {
    if (input.phase !== "final" && input.phase !== "interim") {
      problems.push(`phase は "final"（期末）か "interim"（中間）です（値: ${JSON.stringify(input.phase)}）`);
    } else config.phase = input.phase;
  }
  if (input.mostlyThreshold !== undefined) {
    const t = input.mostlyThreshold;
    if (typeof t !== "number" || !(t > 0 && t <= 1)) {
      problems.push(`mostlyThreshold は 0 より大きく 1 以下の比率です（例: 0.8）（値: ${JSON.stringify(t)}）`);
    } else config.mostlyThreshold = t;
  }
  const canonical = (name: string): name is CanonicalColumn => (CANONICAL_COLUMNS as readonly string[]).includes(name);
  if (input.columns !== undefined) {
    if (!isObject(input.columns)) problems.push("columns は {列名: 重要度} の形で指定してください");
    else {
      for (const [name, rule] of Object.entries(input.columns)) {
        if (!canonical(name)) {
          problems.push(`columns の列名「${name}」は標準の列ではありません（${CANONICAL_COLUMNS.join("、")}）`);
          continue;
        }
        if (typeof rule === "string") {
          if (!SEVERITIES.includes(rule)) problems.push(`columns.${name} は error / warning / info / off のいずれかです`);
          else config.columns[name] = { final: rule as ColumnSeverity, interim: rule as ColumnSeverity };
        } else if (isObject(rule)) {
          const merged = { ...config.columns[name] };
          for (const phase of ["final", "interim"] as const) {
            const s = rule[phase];
            if (s === undefined) continue;
            if (typeof s !== "string" || !SEVERITIES.includes(s)) problems.push(`columns.${name}.${phase} は error / warning / info / off のいずれかです`);
            else merged[phase] = s as ColumnSeverity;
          }
          config.columns[name] = merged;
        } else problems.push(`columns.${name} は重要度の文字列か {final, interim} です`);
      }
    }
  }
  if (input.aliases !== undefined) {
    if (!isObject(input.aliases)) problems.push("aliases は {列名: [別名, …]} の形で指定してください");
    else {
      for (const [name, list] of Object.entries(input.aliases)) {
        if (!canonical(name)) problems.push(`aliases の列名「${name}」は標準の列ではありません`);
        else if (!Array.isArray(list) || !list.every((s) => typeof s === "string" && s.trim() !== "")) {
          problems.push(`aliases.${name} は空でない文字列の配列です`);
        } else config.aliases[name] = [...DEFAULT_CONFIG.aliases[name], ...list];
      }
    }
  }
  if (input.units !== undefined) {
    if (!Array.isArray(input.units) || !input.units.every((s) => typeof s === "string" && s.trim() !== "")) {
      problems.push("units は空でない文字列の配列です");
    } else config.units = [...input.units];
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
