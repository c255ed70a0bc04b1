/** Survivors of the core mutation run in layout.ts (header rows of the kpi-table and years-across layouts, §8). */
import { type Config, DEFAULT_CONFIG } from "../../src/core/config";
import { HeaderMatcher } from "../../src/core/header";
import { findLayoutHeader, kindOf, type LayoutHeader, resolveYear, RoleMatcher, type RoleHeader, yearCell } from "../../src/core/layout";
import type { Layout } from "../../src/core/types";

const canonical = new HeaderMatcher(DEFAULT_CONFIG);
const roles = new RoleMatcher(DEFAULT_CONFIG);
const find = (rows: string[][], force: Layout | null = null, firstRow = 1): LayoutHeader | null => findLayoutHeader(rows, firstRow, DEFAULT_CONFIG, canonical, force);
const role = (h: LayoutHeader | null): RoleHeader => {
  if (h === null || h.layout === "progress") throw new Error(`not a role header: ${JSON.stringify(h)}`);
  return h;
};
const withRoleAliases = (aliases: Partial<Config["roleAliases"]>): Config => ({ ...DEFAULT_CONFIG, roleAliases: { ...DEFAULT_CONFIG.roleAliases, ...aliases } });

describe("resolveYear", () => {
  // layout.ts:16-17: a resolved year wins; a bare year needs a reference; nothing else resolves.
  it("returns the resolved year, resolves a bare one against the reference, else null", () => {
    expect(resolveYear({ year: 2020, bare: null }, 2030)).toBe(2020);
    expect(resolveYear({ year: null, bare: 4 }, 2022)).toBe(2022);
    expect(resolveYear({ year: null, bare: 30 }, 2017)).toBe(2018);
    expect(resolveYear({ year: null, bare: 4 }, null)).toBeNull();
    expect(resolveYear({ year: null, bare: null }, null)).toBeNull();
  });
});

describe("kindOf", () => {
  // layout.ts:52-54: each kind word is read as its own kind.
  it("reads the kind words of a years-across row", () => {
    expect(kindOf("目標値")).toBe("target");
    expect(kindOf("実績")).toBe("actual");
    expect(kindOf("実績値")).toBe("actual");
    expect(kindOf("基準値")).toBe("baseline");
    expect(kindOf("現状")).toBe("baseline");
    expect(kindOf("策定時")).toBe("baseline");
    expect(kindOf("見込み")).toBe("other");
    expect(kindOf("達成率")).toBe("other");
    expect(kindOf("備考")).toBeNull();
    expect(kindOf("")).toBeNull();
  });
});

describe("yearCell", () => {
  // layout.ts:64 the Gregorian regex anchors.
  it("a bare Gregorian year is the whole cell, four digits", () => {
    expect(yearCell("2022")).toEqual({ year: 2022, bare: null });
    expect(yearCell("x2022")).toBeNull();
    expect(yearCell("20223")).toBeNull();
  });
  // layout.ts:65-66 the era-without-年度 regex and the arithmetic.
  it("an era year without 年度 (令和4, 平成元, 平成30)", () => {
    expect(yearCell("令和4")).toEqual({ year: 2022, bare: null });
    expect(yearCell("令和元")).toEqual({ year: 2019, bare: null });
    expect(yearCell("平成30")).toEqual({ year: 2018, bare: null });
    expect(yearCell("平成元")).toEqual({ year: 1989, bare: null });
    expect(yearCell("x令和4")).toBeNull();
  });
  // layout.ts:61 brackets removed; 69 the bare number kept.
  it("brackets are ignored; a bare year keeps its number", () => {
    expect(yearCell("(R4)")).toEqual({ year: 2022, bare: null });
    expect(yearCell("【令和4年度】")).toEqual({ year: 2022, bare: null });
    expect(yearCell("4年度")).toEqual({ year: null, bare: 4 });
    expect(yearCell("4年度目標")).toBeNull();
  });
});

describe("RoleMatcher.roleOf", () => {
  // layout.ts:77, 79: 番号 and 方向 have their roles.
  it("番号 is the number column, 方向 the direction", () => {
    expect(roles.roleOf("番号")).toEqual({ role: "number", year: null });
    expect(roles.roleOf("方向")).toEqual({ role: "direction", year: null });
  });
  // layout.ts:78 `!this.words.has(...)` → true: a word already taken keeps its first role.
  it("a role alias does not take over a word another role already has", () => {
    const m = new RoleMatcher(withRoleAliases({ name: ["番号"], unit: ["目標値"] }));
    expect(m.roleOf("番号")?.role).toBe("number");
    expect(m.roleOf("目標値")?.role).toBe("target");
  });
  // layout.ts:86 `key === ""` forced: a blank cell has no role even when an alias is blank.
  it("a blank cell has no role", () => {
    const m = new RoleMatcher(withRoleAliases({ name: [" "] }));
    expect(m.roleOf(" ")).toBeNull();
    expect(m.roleOf("")).toBeNull();
  });
  // layout.ts:87 `??` → `&&`, the bracket-stripping replacement.
  it("a word in brackets, and a word that holds brackets", () => {
    expect(roles.roleOf("(目標値)")).toEqual({ role: "target", year: null });
    expect(roles.roleOf("【実績値】")).toEqual({ role: "actual", year: null });
    expect(roles.roleOf("重要業績評価指標(KPI)")).toEqual({ role: "name", year: null });
  });
  // layout.ts:94: only target, actual and baseline are tagged with a year; the bare number is kept.
  it("a year-tagged target, actual or baseline; not a year-tagged other role", () => {
    expect(roles.roleOf("令和4年度目標値")).toEqual({ role: "target", year: { year: 2022, bare: null } });
    expect(roles.roleOf("実績値(R4)")).toEqual({ role: "actual", year: { year: 2022, bare: null } });
    expect(roles.roleOf("令和4年度基準値")).toEqual({ role: "baseline", year: { year: 2022, bare: null } });
    expect(roles.roleOf("4年度目標値")).toEqual({ role: "target", year: { year: null, bare: 4 } });
    expect(roles.roleOf("令和4年度単位")).toBeNull();
    expect(roles.roleOf("令和4年度指標名")).toBeNull();
  });
});

describe("RoleMatcher.isHeaderWordsRow", () => {
  const words = (row: string[]) => roles.isHeaderWordsRow(row, canonical);
  // layout.ts:100 the blank filter; 101 an empty row; 102 one lone year.
  it("blank cells are not counted; an empty row or a lone year is not a header row", () => {
    expect(words(["指標名", " "])).toBe(true);
    expect(words(["", ""])).toBe(false);
    expect(words([])).toBe(false);
    expect(words(["R4"])).toBe(false);
    expect(words(["", "R4", " "])).toBe(false);
  });
  // layout.ts:103: every cell must be one of the header words; each kind of word counts.
  it("a row of header words and years; one other word spoils it", () => {
    expect(words(["指標名", "R4"])).toBe(true); // role, year
    expect(words(["単位", "R4"])).toBe(true); // role only
    expect(words(["めざすべき状態", "R4"])).toBe(true); // canonical only
    expect(words(["見込", "R4"])).toBe(true); // kind only
    expect(words(["判定根拠", "R4"])).toBe(true); // output only
    expect(words(["指標名", "備考"])).toBe(false);
    expect(words(["備考", "メモ"])).toBe(false);
  });
  // layout.ts:80: the extra words of a header row.
  it("年度, 年度別, 推移 and 区分 are header words", () => {
    for (const w of ["年度", "年度別", "推移", "区分"]) expect(words(["単位", w])).toBe(true);
  });
  // layout.ts:80 a word of the list → "": a cell whose header key is empty (「の」) is no header word.
  it("a cell of only の is not a header word", () => {
    expect(words(["単位", "の"])).toBe(false);
  });
});

describe("findLayoutHeader: reading the roles", () => {
  it("a kpi-table header (baseline, outputs: the first of each)", () => {
    const h = role(find([["指標名", "目標値", "実績値", "達成状況", "達成状況", "令和4年度基準値"], ["A", "10", "8", "", "", "5"]]));
    expect(h.layout).toBe("kpi-table");
    expect(h.rowIndex).toBe(0);
    expect(h.roles.get("name")).toBe(0);
    expect(h.roles.get("target")).toBe(1);
    expect(h.roles.get("actual")).toBe(2);
    // layout.ts:154: a year-tagged baseline is the baseline column.
    expect(h.roles.get("baseline")).toBe(5);
    // layout.ts:141-142: output columns, the first of each.
    expect(h.outputs.get("達成状況")).toBe(3);
    expect(h.targets).toEqual([{ col: 1, year: null }]);
    expect(h.actuals).toEqual([{ col: 2, year: null }]);
  });
  // layout.ts:154: the single target/actual role is the first column without a year.
  it("the target and actual roles are the first untagged columns", () => {
    const h = role(find([["指標名", "令和4年度目標値", "目標値", "令和4年度実績値", "実績値", "目標"]]));
    expect(h.roles.get("target")).toBe(2);
    expect(h.roles.get("actual")).toBe(4);
    expect(h.targets.map((t) => t.col)).toEqual([1, 2, 5]);
    expect(h.actuals.map((t) => t.col)).toEqual([3, 4]);
  });
  // layout.ts:167: a kpi-table needs a name, a target and an actual column.
  it("no kpi-table without a name, a target or an actual column", () => {
    expect(find([["目標値", "実績値"]])).toBeNull();
    expect(find([["指標名", "実績値"]])).toBeNull();
    expect(find([["指標名", "目標値"]])).toBeNull();
  });
  // layout.ts:157 the cell scan only with two years and no kind column: none is added to a kpi-table.
  it("a kpi-table's kind column is not guessed from its cells", () => {
    const h = role(find([["指標名", "目標値", "実績値", ""], ["A", "10", "8", "目標"], ["B", "10", "8", "実績"]]));
    expect(h.layout).toBe("kpi-table");
    expect(h.roles.has("kind")).toBe(false);
  });
});

describe("findLayoutHeader: years-across and the kind column", () => {
  const header = ["指標名", "", "R4", "R5"];
  it("a kind column told by its cells (two years, one target and one actual cell)", () => {
    const h = role(find([header, ["A", "目標", "10", "12"], ["", "実績", "8", "9"]]));
    expect(h.layout).toBe("years-across");
    expect(h.roles.get("kind")).toBe(1);
    expect(h.years.map((y) => y.col)).toEqual([2, 3]);
  });
  // layout.ts:168: years-across needs two years, a name and a kind column.
  it("no years-across with one year or without a name", () => {
    expect(find([["指標名", "区分", "R4"], ["A", "目標", "1"], ["", "実績", "2"]])).toBeNull();
    expect(find([["区分", "R4", "R5"], ["目標", "1", "2"], ["実績", "1", "2"]])).toBeNull();
  });
  // layout.ts:163: target and actual both needed, kind words at least half the cells.
  it("a column of only 実績 is no kind column", () => {
    expect(find([header, ["A", "実績", "1", "2"], ["", "実績", "3", "4"]])).toBeNull();
  });
  it("kind words must be at least half the filled cells", () => {
    expect(role(find([header, ["A", "目標", "1", "2"], ["", "実績", "1", "2"], ["", "x", "", ""], ["", "y", "", ""]])).roles.get("kind")).toBe(1);
    expect(find([header, ["A", "目標", "1", "2"], ["", "実績", "1", "2"], ["", "x", "", ""], ["", "y", "", ""], ["", "z", "", ""]])).toBeNull();
  });
  // layout.ts:161: blank cells, and cells of short rows, are not counted.
  it("blank and missing cells are not counted", () => {
    const rows = [header, ["A", "目標", "1", "2"], ["", "実績", "1", "2"], ["", " ", "", ""], ["", " ", "", ""], ["", " ", "", ""], [], [], []];
    expect(role(find(rows)).roles.get("kind")).toBe(1);
  });
  // layout.ts:196: only the rows below the header are read for the kind column.
  it("rows above the header are not read for the kind column", () => {
    const rows = [["", "メモ", "", ""], header, ["A", "目標", "1", "2"], ["", "実績", "1", "2"], ["", "x", "", ""], ["", "y", "", ""]];
    const h = role(find(rows));
    expect(h.rowIndex).toBe(1);
    expect(h.roles.get("kind")).toBe(1);
  });
  // layout.ts:159: the first such column; only the header's columns.
  it("the first kind column wins; columns past the header are not read", () => {
    const h = role(find([["指標名", "", "R4", "R5", ""], ["A", "目標", "1", "2", "目標"], ["", "実績", "1", "2", "実績"]]));
    expect(h.roles.get("kind")).toBe(1);
    expect(find([["指標名", "R4", "R5"], ["A", "1", "2", "目標"], ["", "1", "2", "実績"]])).toBeNull();
  });
  // layout.ts:160: a year column is never the kind column.
  it("a year column is not taken for the kind column", () => {
    const h = role(find([["指標名", "R4", "R5", ""], ["A", "目標", "1", "目標"], ["", "実績", "2", "実績"]]));
    expect(h.roles.get("kind")).toBe(3);
  });
  // layout.ts:166: a column cannot be both the name and the kind column.
  it("a name column holding kind words is the kind column, and the name is gone", () => {
    expect(find([["指標", "R4", "R5"], ["目標", "10", "12"], ["実績", "8", "9"]])).toBeNull();
  });
});

describe("findLayoutHeader: two header rows", () => {
  // joinRows (layout.ts:109-127): a role over a year is that role of the year; a merged header is
  // carried over the years under it; any other word over a year leaves the year; a role word below
  // another word is taken alone; two other words are joined.
  it("joins a kpi-table header over a row of years", () => {
    const upper = ["指標名", "目標値 ", "", "実績値", "", "基準値", "年度", "推移"];
    const lower = ["", "R4", "R5", "R4 ", "R5", "R4", "備考", "単位", "メモ"];
    const h = role(find([upper, lower, ["A", "1", "2", "1", "2", "0", "", "件", ""]]));
    expect(h.layout).toBe("kpi-table");
    expect(h.rowIndex).toBe(1);
    expect(h.firstRowIndex).toBe(0);
    expect(h.texts).toEqual(["指標名", "目標値(R4)", "目標値(R5)", "実績値(R4)", "実績値(R5)", "基準値(R4)", "年度備考", "単位", "メモ"]);
    expect(h.targets).toEqual([
      { col: 1, year: { year: 2022, bare: null } },
      { col: 2, year: { year: 2023, bare: null } },
    ]);
    expect(h.roles.get("unit")).toBe(7);
  });
  it("an upper row longer than the lower one keeps its last words", () => {
    const h = role(find([["指標名", "目標値", "実績値", "推移"], ["", "R4", "R4"]]));
    expect(h.texts).toEqual(["指標名", "目標値(R4)", "実績値(R4)", "推移"]);
  });
  it("a year-tagged role over a year leaves the year", () => {
    const h = role(find([["指標名", "令和4年度目標値", "実績値", "目標値"], ["", "R5", "R5", "R5"]]));
    expect(h.texts).toEqual(["指標名", "R5", "実績値(R5)", "目標値(R5)"]);
  });
  // layout.ts:191 `filled(next) >= 2`; 109 the wider row's columns; 124 a word over a year.
  it("a years-across header: 年度 over two years (the lower row has just two cells)", () => {
    const h = role(find([["指標名", "区分", "年度"], ["", "", "R4", "R5"], ["A", "目標", "1", "2"]]));
    expect(h.layout).toBe("years-across");
    expect(h.rowIndex).toBe(1);
    expect(h.texts).toEqual(["指標名", "区分", "R4", "R5"]);
  });
  // layout.ts:191: a lone year below is an item, not a header row (filled(next) ≥ 2).
  it("a row below with one cell is not a second header row", () => {
    expect(role(find([["指標名", "目標値", "実績値"], ["", "R4", ""]])).rowIndex).toBe(0);
  });
  // layout.ts:191: one of the two rows must hold only header words.
  it("two rows neither of which is header words are not joined", () => {
    expect(role(find([["指標名", "目標値", "実績値", "備考"], ["", "R4", "", "x"]])).rowIndex).toBe(0);
  });
  // layout.ts:188 `r + 1` → `r - 1`: the second header row is the one below.
  it("the second header row is the one below the first", () => {
    const h = role(find([["指標名", "目標値", "", "実績値", ""], ["", "R4", "R5", "R4", "R5"], ["A", "1", "2", "1", "2"]]));
    expect(h.rowIndex).toBe(1);
    expect(h.firstRowIndex).toBe(0);
  });
  // layout.ts:190 the filled count, 199 `across` forced: a title row with blank cells is one cell.
  it("a title row with blank cells is not a header row", () => {
    const h = role(find([["進捗表", " ", " ", " "], ["指標名", "目標値", "実績値", "単位"], ["A", "1", "2", "件"]]));
    expect(h.layout).toBe("kpi-table");
    expect(h.rowIndex).toBe(1);
    expect(h.firstRowIndex).toBe(1);
  });
});

describe("findLayoutHeader: the layout decision", () => {
  const kpiRow = ["指標名", "目標値", "実績値"];
  const across = [["指標名", "", "R4", "R5"], ["A", "目標", "10", "12"], ["", "実績", "8", "9"]];
  const progressRow = ["番号", "項目名", "目標達成水準", "期末自己評価"];
  // layout.ts:178 the search limit: sheet rows firstRow..30.
  it("the header is searched in sheet rows 1..30", () => {
    const blank = (n: number): string[][] => Array.from({ length: n }, () => [""]);
    expect(role(find([...blank(29), kpiRow, ["A", "1", "2"]])).rowIndex).toBe(29);
    expect(find([...blank(30), kpiRow, ["A", "1", "2"]])).toBeNull();
    expect(role(find([...blank(27), kpiRow, ["A", "1", "2"]], null, 3)).rowIndex).toBe(27);
    expect(find([...blank(28), kpiRow, ["A", "1", "2"]], null, 3)).toBeNull();
  });
  // layout.ts:179, 182: force progress.
  it("forced progress: the progress header, or none", () => {
    const h = find([progressRow, ["1", "A", "B", "C"]], "progress");
    expect(h?.layout).toBe("progress");
    expect(h?.rowIndex).toBe(0);
    expect(find([kpiRow, ["A", "1", "2"]], "progress")).toBeNull();
  });
  // layout.ts:179 `progress` computed under another force: it would stop the search at its row.
  it("forced kpi-table: a progress header above does not stop the search", () => {
    const h = role(find([progressRow, ["1", "A", "B", "C"], kpiRow, ["A", "1", "2"]], "kpi-table"));
    expect(h.layout).toBe("kpi-table");
    expect(h.rowIndex).toBe(2);
  });
  // layout.ts:199 the force test.
  it("forced kpi-table: a years-across sheet has no header", () => {
    expect(find(across, "kpi-table")).toBeNull();
    expect(role(find(across, "years-across")).layout).toBe("years-across");
  });
  // layout.ts:181, 184: a strong progress header (目標達成水準 and a self-assessment) wins on its row.
  it("a strong progress header wins on its own row, a weak one does not", () => {
    expect(find([["番号", "項目名", "目標達成水準", "期末自己評価", "目標値", "実績値"]])?.layout).toBe("progress");
    expect(find([["番号", "項目名", "目標達成水準", "中間自己評価と下半期の方向性", "目標値", "実績値"]])?.layout).toBe("progress");
    expect(find([["番号", "項目名", "目標達成水準", "目標値", "実績値"]])?.layout).toBe("kpi-table");
    expect(find([["番号", "項目名", "期末自己評価", "目標値", "実績値"]])?.layout).toBe("kpi-table");
  });
  // layout.ts:183-184: a kpi-table header above a progress header wins; one below it does not.
  it("rows above the progress header are searched, rows below it are not", () => {
    const above = role(find([kpiRow, ["A", "1", "2"], progressRow, ["1", "A", "B", "C"]]));
    expect(above.layout).toBe("kpi-table");
    expect(above.rowIndex).toBe(0);
    const below = find([["番号", "項目名", "期末自己評価"], ["1", "A", "C"], kpiRow, ["A", "1", "2"]]);
    expect(below?.layout).toBe("progress");
  });
});
