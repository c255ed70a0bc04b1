import { LAYOUTS, type Layout, type Phase, STATUS_CODES, type StatusCode } from "./types";

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

/** Column roles of the kpi-table and years-across layouts (§8). */
export const ROLES = ["name", "target", "actual", "unit", "baseline", "direction", "kind"] as const;
export type Role = (typeof ROLES)[number];

/** The header words of each role (§8); config aliases are added to these. */
export const ROLE_WORDS: Record<Role, readonly string[]> = {
  name: ["項目名", "指標名", "指標", "成果指標", "活動指標", "KPI", "重要業績評価指標", "重要業績評価指標(KPI)", "評価指標"],
  target: ["目標値", "目標", "目標数値", "単年度目標値"],
  actual: ["実績値", "実績", "現在値", "最新値"],
  unit: ["単位"],
  baseline: ["基準値", "現状値", "策定時", "基準"],
  direction: ["方向性"],
  kind: ["区分", "種別", "項目"],
};

export interface Grade {
  min: number;
  label: string;
}

/** How statuses are named and rates graded (§9). */
export interface Rubric {
  /** "default", "binary", "abcd" or "custom". */
  name: string;
  /** Words written for the five statuses. */
  labels: Record<StatusCode, string>;
  /** Ordered bands on the item's rate, highest first; null: no grades. */
  grades: Grade[] | null;
  rateMethod: "ratio" | "gap";
}

export const DEFAULT_LABELS: Record<StatusCode, string> = { achieved: "達成", mostly_achieved: "概ね達成", not_achieved: "未達成", unknown: "判定不能", not_entered: "未入力" };

export const BUILTIN_RUBRICS: Record<"default" | "binary" | "abcd", { rubric: Rubric; mostlyThreshold: number }> = {
  default: { rubric: { name: "default", labels: { ...DEFAULT_LABELS }, grades: null, rateMethod: "ratio" }, mostlyThreshold: 0.8 },
  binary: { rubric: { name: "binary", labels: { ...DEFAULT_LABELS }, grades: null, rateMethod: "ratio" }, mostlyThreshold: 1 },
  abcd: {
    rubric: { name: "abcd", labels: { ...DEFAULT_LABELS }, grades: [{ min: 1, label: "A" }, { min: 0.8, label: "B" }, { min: 0.6, label: "C" }, { min: Number.NEGATIVE_INFINITY, label: "D" }], rateMethod: "ratio" },
    mostlyThreshold: 0.8,
  },
};

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
  /** Force a layout (§8); null = decide from the header row. */
  layout: Layout | null;
  /** Extra header texts per column role of the kpi-table / years-across layouts. */
  roleAliases: Record<Role, string[]>;
  rubric: Rubric;
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
  layout: null,
  roleAliases: { name: [], target: [], actual: [], unit: [], baseline: [], direction: [], kind: [] },
  rubric: BUILTIN_RUBRICS.default.rubric,
}) as Config;

/** A configuration as a user writes it: every field optional. */
export interface ConfigInput {
  fiscalYear?: number | null;
  phase?: Phase;
  mostlyThreshold?: number;
  columns?: Partial<Record<string, ColumnSeverity | Partial<ColumnRule>>>;
  aliases?: Partial<Record<string, string[]>>;
  units?: string[];
  layout?: Layout | null;
  rubric?: string | RubricInput;
}

export interface RubricInput {
  labels?: Partial<Record<string, string>>;
  mostlyThreshold?: number;
  grades?: { min: number; label: string }[];
  rateMethod?: "ratio" | "gap";
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
  const known = ["fiscalYear", "phase", "mostlyThreshold", "columns", "aliases", "units", "layout", "rubric", "$schema", "comment"];
  for (const key of Object.keys(input)) {
    if (!known.includes(key)) problems.push(`不明な項目「${key}」（使える項目: ${known.slice(0, 8).join(", ")}）`);
  }
  const config: Config = {
    fiscalYear: DEFAULT_CONFIG.fiscalYear,
    phase: DEFAULT_CONFIG.phase,
    mostlyThreshold: DEFAULT_CONFIG.mostlyThreshold,
    columns: { ...DEFAULT_CONFIG.columns },
    aliases: { ...DEFAULT_CONFIG.aliases },
    units: [...DEFAULT_CONFIG.units],
    layout: null,
    roleAliases: { name: [], target: [], actual: [], unit: [], baseline: [], direction: [], kind: [] },
    rubric: { ...DEFAULT_CONFIG.rubric, labels: { ...DEFAULT_CONFIG.rubric.labels } },
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
        if ((ROLES as readonly string[]).includes(name)) {
          if (!Array.isArray(list) || !list.every((s) => typeof s === "string" && s.trim() !== "")) problems.push(`aliases.${name} は空でない文字列の配列です`);
          else config.roleAliases[name as Role] = [...list];
          continue;
        }
        if (!canonical(name)) problems.push(`aliases の列名「${name}」は標準の列でも役割（${ROLES.join(", ")}）でもありません`);
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
  if (input.layout !== undefined && input.layout !== null) {
    if (typeof input.layout !== "string" || !(LAYOUTS as readonly string[]).includes(input.layout)) {
      problems.push(`layout は ${LAYOUTS.map((l) => `"${l}"`).join(" / ")} のいずれかです（値: ${JSON.stringify(input.layout)}）`);
    } else config.layout = input.layout as Layout;
  }
  if (input.rubric !== undefined) readRubric(input.rubric, config, problems, input.mostlyThreshold !== undefined);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function readRubric(r: unknown, config: Config, problems: string[], thresholdGiven: boolean): void {
  if (typeof r === "string") {
    if (r !== "default" && r !== "binary" && r !== "abcd") {
      problems.push(`rubric は "default" / "binary" / "abcd" か {labels, mostlyThreshold, grades, rateMethod} です（値: ${JSON.stringify(r)}）`);
      return;
    }
    const b = BUILTIN_RUBRICS[r];
    config.rubric = { ...b.rubric, labels: { ...b.rubric.labels }, grades: b.rubric.grades ? [...b.rubric.grades] : null };
    // "binary" means no 概ね達成 whatever threshold is given; the others keep a given one.
    if (!thresholdGiven || r === "binary") config.mostlyThreshold = b.mostlyThreshold;
    return;
  }
  if (!isObject(r)) {
    problems.push("rubric は \"binary\" / \"abcd\" か {labels, mostlyThreshold, grades, rateMethod} です");
    return;
  }
  const knownKeys = ["labels", "mostlyThreshold", "grades", "rateMethod"];
  for (const key of Object.keys(r)) if (!knownKeys.includes(key)) problems.push(`rubric の不明な項目「${key}」（使える項目: ${knownKeys.join(", ")}）`);
  const rubric: Rubric = { name: "custom", labels: { ...DEFAULT_LABELS }, grades: null, rateMethod: "ratio" };
  if (r.labels !== undefined) {
    if (!isObject(r.labels)) problems.push("rubric.labels は {achieved: \"順調\", …} の形です");
    else {
      for (const [code, label] of Object.entries(r.labels)) {
        if (!(STATUS_CODES as readonly string[]).includes(code)) problems.push(`rubric.labels の「${code}」は状態ではありません（${STATUS_CODES.join(", ")}）`);
        else if (typeof label !== "string" || label.trim() === "") problems.push(`rubric.labels.${code} は空でない文字列です`);
        else rubric.labels[code as StatusCode] = label.trim();
      }
      if (new Set(Object.values(rubric.labels)).size !== STATUS_CODES.length) problems.push("rubric.labels の5つの言葉はすべて違うものにしてください");
    }
  }
  if (r.mostlyThreshold !== undefined) {
    const t = r.mostlyThreshold;
    if (typeof t !== "number" || !(t > 0 && t <= 1)) problems.push(`rubric.mostlyThreshold は 0 より大きく 1 以下の比率です（値: ${JSON.stringify(t)}）`);
    else config.mostlyThreshold = t;
  }
  if (r.grades !== undefined) {
    const g = r.grades;
    if (!Array.isArray(g) || g.length === 0 || !g.every((x) => isObject(x) && typeof x.min === "number" && Number.isFinite(x.min) && typeof x.label === "string" && x.label.trim() !== "")) {
      problems.push('rubric.grades は [{"min": 1.1, "label": "A"}, …] の形の、空でない配列です');
    } else {
      const bands = (g as { min: number; label: string }[]).map((x) => ({ min: x.min, label: x.label.trim() }));
      if (bands.some((b, i) => i > 0 && b.min >= bands[i - 1].min)) problems.push("rubric.grades は min の大きい順に並べてください");
      else {
        bands[bands.length - 1] = { ...bands[bands.length - 1], min: Number.NEGATIVE_INFINITY };
        rubric.grades = bands;
      }
    }
  }
  if (r.rateMethod !== undefined) {
    if (r.rateMethod !== "ratio" && r.rateMethod !== "gap") problems.push(`rubric.rateMethod は "ratio" か "gap" です（値: ${JSON.stringify(r.rateMethod)}）`);
    else rubric.rateMethod = r.rateMethod;
  }
  config.rubric = rubric;
}
