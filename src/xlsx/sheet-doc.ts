/**
 * One worksheet part, edited in place: single cells (set, replaced or removed), column widths
 * (`<col>`), Shinchoku's list validation and the `<dimension>`. Everything else in the part is
 * kept as the producer wrote it; rows that are not touched are copied as they stand.
 */
import { a1, parseA1 } from "../core";
import { attrs, el, escapeText, rootPrefix } from "./xml";

interface RowSlot {
  num: number;
  start: number;
  end: number;
  /** The row's start tag (`<row …>` or the whole `<row …/>`). */
  open: string;
  inner: string | null;
  hasRef: boolean;
}

interface CellSlot {
  col: number;
  xml: string;
}

interface ColRange {
  min: number;
  max: number;
  attrs: string;
}

/** Elements that come after `<dataValidations>` in a worksheet (ECMA-376 Part 1, 18.3.1.99). */
const AFTER_VALIDATIONS = ["hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

// A row's body may not run into the next row's start (a tempered token): an unclosed <row> then costs
// the distance to the next row, not to the end of the part, so a malicious file cannot make reading quadratic.
const ROW_RE = new RegExp(`<${el("row")}\\b([^>]*?)(?:/>|>((?:[^<]|<(?!${el("row")}\\b))*?)</${el("row")}>)`, "g");
/** The `<cols>` element; its content in group 1. */
const COLS_RE = new RegExp(`<${el("cols")}\\b[^>]*>([\\s\\S]*?)</${el("cols")}>`);
const CELL_RE = new RegExp(`<${el("c")}\\b([^>]*?)(?:/>|>(?:[^<]|<(?!${el("c")}[\\s>/]))*?</${el("c")}>)`, "g");

export class SheetDoc {
  readonly prefix: string;
  private head: string;
  private tail: string;
  private rows: RowSlot[] = [];
  private rowIndex = new Map<number, number>();
  private data: string;
  private edits = new Map<number, Map<number, string | null>>();
  private anyMissingRef = false;

  constructor(private xml: string) {
    this.prefix = rootPrefix(xml);
    const sd = new RegExp(`<${el("sheetData")}\\b[^>]*?(/?)>`).exec(xml);
    if (!sd) throw new Error("worksheet without sheetData");
    const dataStart = sd.index + sd[0].length;
    if (sd[1] === "/") {
      // `<sheetData/>`: open it so rows can be added.
      this.head = xml.slice(0, sd.index) + `<${this.prefix}sheetData>`;
      this.tail = `</${this.prefix}sheetData>` + xml.slice(dataStart);
      this.data = "";
    } else {
      const close = xml.indexOf(`</${this.prefix}sheetData>`, dataStart);
      this.head = xml.slice(0, dataStart);
      this.tail = xml.slice(close);
      this.data = xml.slice(dataStart, close);
    }
    let num = 0;
    ROW_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = ROW_RE.exec(this.data))) {
      const r = /\br\s*=\s*["'](\d+)["']/.exec(m[1]);
      num = r ? Number(r[1]) : num + 1;
      if (!r) this.anyMissingRef = true;
      const openLen = m[2] === undefined ? m[0].length : m[0].indexOf(">") + 1;
      this.rowIndex.set(num, this.rows.length);
      this.rows.push({ num, start: m.index, end: m.index + m[0].length, open: m[0].slice(0, openLen), inner: m[2] ?? null, hasRef: Boolean(r) });
    }
  }

  private parsed = new Map<number, CellSlot[]>();

  private cellsOf(row: RowSlot): CellSlot[] {
    let cached = this.parsed.get(row.num);
    if (!cached) this.parsed.set(row.num, (cached = this.parseCells(row)));
    return cached;
  }

  private parseCells(row: RowSlot): CellSlot[] {
    const out: CellSlot[] = [];
    if (!row.inner) return out;
    let col = 0;
    CELL_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = CELL_RE.exec(row.inner))) {
      const ref = /\br\s*=\s*["']([A-Za-z]+)\d+["']/.exec(m[1]);
      col = ref ? letters(ref[1]) : col + 1;
      out.push({ col, xml: ref ? m[0] : m[0].replace(new RegExp(`^<(${el("c")})`), `<$1 r="${a1(row.num, col)}"`) });
    }
    return out;
  }

  /** The cell's current XML (null when absent) and its style index. */
  cell(row: number, col: number): { xml: string | null; style: number } {
    const pending = this.edits.get(row)?.get(col);
    if (pending !== undefined) return { xml: pending, style: pending ? styleOf(pending) : 0 };
    const i = this.rowIndex.get(row);
    if (i === undefined) return { xml: null, style: 0 };
    const slot = this.rows[i];
    const found = this.cellsOf(slot).find((c) => c.col === col);
    if (found) return { xml: found.xml, style: styleOf(found.xml) };
    // An absent cell shows the row's format when the row has one, else its column's.
    const rs = /\bcustomFormat\s*=\s*["'](?:1|true)["']/.test(slot.open) ? /\bs\s*=\s*["'](\d+)["']/.exec(slot.open) : null;
    return { xml: null, style: rs ? Number(rs[1]) : 0 };
  }

  /** The style index an absent cell in this column shows (the `<col style>`), or 0. */
  columnStyle(col: number): number {
    const r = this.cols().find((c) => c.min <= col && c.max >= col);
    const s = r ? /\bstyle\s*=\s*["'](\d+)["']/.exec(r.attrs) : null;
    return s ? Number(s[1]) : 0;
  }

  /** A row's `spans` hint ("1:11"), or null. */
  rowSpans(row: number): string | null {
    const i = this.rowIndex.get(row);
    return i === undefined ? null : (/\bspans\s*=\s*["'](\d+:\d+)["']/.exec(this.rows[i].open)?.[1] ?? null);
  }

  /** Gives a row its `spans` hint back (undo), where its cells still lie within it; else the write's widening stays. */
  setRowSpans(row: number, spans: string): void {
    this.spansBack.set(row, spans);
    if (!this.edits.has(row)) this.edits.set(row, new Map());
  }

  private spansBack = new Map<number, string>();

  setCell(row: number, col: number, xml: string | null): void {
    let m = this.edits.get(row);
    if (!m) this.edits.set(row, (m = new Map()));
    m.set(col, xml);
  }

  // ---- columns

  private colsCache: ColRange[] | null = null;
  private colsDirty = false;

  cols(): ColRange[] {
    if (this.colsCache) return this.colsCache;
    const out: ColRange[] = [];
    const block = COLS_RE.exec(this.head);
    if (block) {
      const re = new RegExp(`<${el("col")}\\b([^>]*?)/?>`, "g");
      let m: RegExpExecArray | null;
      while ((m = re.exec(block[1]))) {
        const a = attrs(m[1]);
        const rest = m[1].replace(/(?:^|\s+)(min|max)\s*=\s*["']\d+["']/g, "").trim();
        out.push({ min: Number(a.min), max: Number(a.max), attrs: rest });
      }
    }
    return (this.colsCache = out);
  }

  /** The attributes (other than min/max) of the `<col>` covering a column, or null. */
  colAttrs(col: number): string | null {
    return this.cols().find((c) => c.min <= col && c.max >= col)?.attrs ?? null;
  }

  colWidth(col: number): number | null {
    const a = this.colAttrs(col);
    const w = a ? /\bwidth\s*=\s*["']([\d.]+)["']/.exec(a) : null;
    return w ? Number(w[1]) : null;
  }

  /** Gives one column these attributes (null: no `<col>` for it), splitting a range that covers it. */
  setColAttrs(col: number, value: string | null): void {
    const next: ColRange[] = [];
    for (const r of this.cols()) {
      if (r.max < col || r.min > col) next.push(r);
      else {
        if (r.min < col) next.push({ min: r.min, max: col - 1, attrs: r.attrs });
        if (r.max > col) next.push({ min: col + 1, max: r.max, attrs: r.attrs });
      }
    }
    if (value !== null) next.push({ min: col, max: col, attrs: value });
    next.sort((a, b) => a.min - b.min);
    this.colsCache = next;
    this.colsDirty = true;
  }

  /** The `<cols>` element as it will be written (null: none), so undo can put back exactly this text. */
  colsXml(): string | null {
    if (!this.colsDirty) return COLS_RE.exec(this.head)?.[0] ?? null;
    const p = this.prefix;
    const cols = this.colsCache ?? [];
    return cols.length > 0 ? `<${p}cols>${cols.map((c) => `<${p}col min="${c.min}" max="${c.max}"${c.attrs ? ` ${c.attrs}` : ""}/>`).join("")}</${p}cols>` : null;
  }

  /** Puts a `<cols>` element back as it was written (null: removes it). */
  setColsXml(xml: string | null): void {
    const existing = COLS_RE.exec(this.head);
    const text = xml ?? "";
    if (existing) this.head = this.head.slice(0, existing.index) + text + this.head.slice(existing.index + existing[0].length);
    else if (text) {
      const sd = this.head.search(new RegExp(`<${el("sheetData")}\\b`));
      this.head = this.head.slice(0, sd) + text + this.head.slice(sd);
    }
    this.colsCache = null;
    this.colsDirty = false;
  }

  setColWidth(col: number, width: number): void {
    const base = this.colAttrs(col);
    const rest = (base ?? "").replace(/\s*\b(width|customWidth)\s*=\s*["'][^"']*["']/g, "").trim();
    this.setColAttrs(col, `width="${width}" customWidth="1"${rest ? ` ${rest}` : ""}`);
  }

  // ---- data validation (Shinchoku's own rule, told by its error title)

  /** The part of the tail that may hold `<dataValidations>`: before `<extLst>` (whose x14 validations are another element). */
  private validationsRegion(): number {
    const ext = this.tailChildren().find((c) => c.name === "extLst");
    return ext ? ext.at : this.tail.length;
  }

  /**
   * The worksheet's own child elements after `<sheetData>` (local name, offset in the tail). Elements inside them
   * are not: a custom view holds its own pageMargins and pageSetup, a data bar rule its own extLst. A child wrapped
   * in `mc:AlternateContent` (Excel's controls, oleObjects) counts at the wrapper's offset.
   */
  private tailChildren(): { name: string; at: number }[] {
    const out: { name: string; at: number }[] = [];
    const t = this.tail;
    const tag = /<(\/?)(?:[\w.-]+:)?([\w.-]+)[^<>]*?(\/?)>/y;
    let depth = 0;
    let alt = -1;
    let i = t.indexOf(">") + 1; // past </sheetData>
    while ((i = t.indexOf("<", i)) >= 0) {
      const skip = t.startsWith("<!--", i) ? "-->" : t.startsWith("<?", i) ? "?>" : t.startsWith("<![CDATA[", i) ? "]]>" : null;
      if (skip) {
        const end = t.indexOf(skip, i);
        if (end < 0) break;
        i = end + skip.length;
        continue;
      }
      tag.lastIndex = i;
      const m = tag.exec(t);
      if (!m) {
        i++;
        continue;
      }
      i = tag.lastIndex;
      if (m[1]) {
        if (--depth < 0) break; // </worksheet>
        if (depth === 0) alt = -1;
        continue;
      }
      if (depth === 0 && m[2] === "AlternateContent") alt = m.index;
      else if (depth === 0) out.push({ name: m[2], at: m.index });
      else if (alt >= 0 && m[2] !== "Choice" && m[2] !== "Fallback") {
        out.push({ name: m[2], at: alt });
        alt = -1;
      }
      if (!m[3]) depth++;
    }
    return out;
  }

  private validationsMatch(): RegExpExecArray | null {
    const p = this.prefix.replace(/[.]/g, "\\.");
    const m = new RegExp(`<${p}dataValidations\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}dataValidations>)`).exec(this.tail);
    return m && m.index < this.validationsRegion() ? m : null;
  }

  validationsXml(): string | null {
    return this.validationsMatch()?.[0] ?? null;
  }

  setValidationsXml(xml: string | null): void {
    const current = this.validationsMatch();
    if (current !== null) {
      this.tail = this.tail.slice(0, current.index) + (xml ?? "") + this.tail.slice(current.index + current[0].length);
      return;
    }
    if (xml === null) return;
    let at = this.tailChildren().find((c) => AFTER_VALIDATIONS.includes(c.name))?.at ?? -1;
    if (at < 0) at = this.validationsRegion() < this.tail.length ? this.validationsRegion() : this.tail.search(new RegExp(`</${el("worksheet")}>`));
    this.tail = this.tail.slice(0, at) + xml + this.tail.slice(at);
  }

  /** Shinchoku's own rule in a `<dataValidations>` block, or null. */
  static ownRule(block: string | null | undefined, isOurs: (ruleXml: string) => boolean): string | null {
    if (!block) return null;
    const re = new RegExp(`<${el("dataValidation")}\\b[^>]*?(?:/>|>[\\s\\S]*?</${el("dataValidation")}>)`, "g");
    let m: RegExpExecArray | null;
    while ((m = re.exec(block))) if (isOurs(m[0])) return m[0];
    return null;
  }

  /** Replaces Shinchoku's rule (matched by `isOurs`) with `rule` (or none), keeping every other rule. */
  putOwnValidation(rule: string | null, isOurs: (ruleXml: string) => boolean): void {
    const current = this.validationsXml();
    const p = this.prefix;
    const rules: string[] = [];
    let open = `<${p}dataValidations>`;
    if (current) {
      const om = /^<[^>]*?>/.exec(current);
      if (om && !om[0].endsWith("/>")) open = om[0];
      const re = new RegExp(`<${el("dataValidation")}\\b[^>]*?(?:/>|>[\\s\\S]*?</${el("dataValidation")}>)`, "g");
      let m: RegExpExecArray | null;
      while ((m = re.exec(current))) if (!isOurs(m[0])) rules.push(m[0]);
    }
    if (rule) rules.push(rule);
    if (rules.length === 0) return this.setValidationsXml(null);
    open = open.replace(/\s+count\s*=\s*["']\d*["']/, "").replace(/>$/, ` count="${rules.length}">`);
    this.setValidationsXml(`${open}${rules.join("")}</${p}dataValidations>`);
  }

  // ---- dimension

  dimension(): string | null {
    return new RegExp(`<${el("dimension")}\\b[^>]*?/>`).exec(this.head)?.[0] ?? null;
  }

  setDimension(xml: string | null): void {
    const d = this.dimension();
    if (d !== null && xml !== null) this.head = this.head.replace(d, xml);
  }

  /** Widens `<dimension ref>` to take in a cell, when it exists and does not already. */
  coverInDimension(row: number, col: number): void {
    const d = this.dimension();
    if (!d) return;
    const ref = /\bref\s*=\s*["']([^"']+)["']/.exec(d)?.[1];
    if (!ref) return;
    const [a, b] = ref.split(":");
    const from = parseA1(a);
    const to = parseA1(b ?? a);
    if (!from || !to) return;
    const next = `${a1(Math.min(from.row, row), Math.min(from.col, col))}:${a1(Math.max(to.row, row), Math.max(to.col, col))}`;
    if (next !== ref) this.head = this.head.replace(d, d.replace(/\bref\s*=\s*["'][^"']+["']/, `ref="${next}"`));
  }

  // ---- output

  private rowXml(slot: RowSlot | null, num: number, edits: Map<number, string | null> | undefined): string {
    let open = slot ? slot.open : `<${this.prefix}row r="${num}">`;
    if (slot && !slot.hasRef) open = open.replace(new RegExp(`^<(${el("row")})`), `<$1 r="${num}"`);
    if (!edits) return slot && slot.hasRef ? this.data.slice(slot.start, slot.end) : slot?.inner === null ? open : `${open}${slot?.inner ?? ""}</${this.prefix}row>`;
    const cells = slot ? this.cellsOf(slot) : [];
    const byCol = new Map<number, string>();
    for (const c of cells) byCol.set(c.col, c.xml);
    for (const [col, xml] of edits) {
      if (xml === null) byCol.delete(col);
      else byCol.set(col, xml);
    }
    const cols = [...byCol.keys()].sort((a, b) => a - b);
    if (open.endsWith("/>")) open = open.slice(0, -2).trimEnd() + ">";
    const spans = /\bspans\s*=\s*["'](\d+):(\d+)["']/.exec(open);
    if (spans && cols.length > 0) {
      const back = /^(\d+):(\d+)$/.exec(this.spansBack.get(num) ?? "");
      if (back && cols[0] >= Number(back[1]) && cols[cols.length - 1] <= Number(back[2])) open = open.replace(spans[0], `spans="${back[0]}"`);
      else {
        const lo = Math.min(Number(spans[1]), cols[0]);
        const hi = Math.max(Number(spans[2]), cols[cols.length - 1]);
        open = open.replace(spans[0], `spans="${lo}:${hi}"`);
      }
    }
    return `${open}${cols.map((c) => byCol.get(c)).join("")}</${this.prefix}row>`;
  }

  serialize(): string {
    let head = this.head;
    if (this.colsDirty) {
      const block = this.colsXml() ?? "";
      const existing = COLS_RE.exec(head);
      if (existing) head = head.slice(0, existing.index) + block + head.slice(existing.index + existing[0].length);
      else {
        const sd = head.search(new RegExp(`<${el("sheetData")}\\b`));
        head = head.slice(0, sd) + block + head.slice(sd);
      }
    }
    if (this.edits.size === 0 && !this.anyMissingRef) return head + this.data + this.tail;
    const parts: string[] = [];
    let pos = 0;
    const newRows = [...this.edits.keys()].filter((r) => !this.rowIndex.has(r)).sort((a, b) => a - b);
    let ni = 0;
    for (const slot of this.rows) {
      while (ni < newRows.length && newRows[ni] < slot.num) {
        parts.push(this.data.slice(pos, slot.start));
        pos = slot.start;
        parts.push(this.rowXml(null, newRows[ni], this.edits.get(newRows[ni])));
        ni++;
      }
      const e = this.edits.get(slot.num);
      if (e || !slot.hasRef) {
        parts.push(this.data.slice(pos, slot.start));
        parts.push(this.rowXml(slot, slot.num, e));
        pos = slot.end;
      }
    }
    parts.push(this.data.slice(pos));
    for (; ni < newRows.length; ni++) parts.push(this.rowXml(null, newRows[ni], this.edits.get(newRows[ni])));
    return head + parts.join("") + this.tail;
  }
}

function letters(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) n = n * 26 + ((s.charCodeAt(i) & ~32) - 64);
  return n;
}

export function styleOf(cellXml: string): number {
  const open = cellXml.slice(0, cellXml.indexOf(">") + 1);
  const m = /\bs\s*=\s*["'](\d+)["']/.exec(open);
  return m ? Number(m[1]) : 0;
}

/** A cell's XML: a number, an inline string, or only a format (null value). */
export function cellXml(prefix: string, address: string, style: number, value: string | number | null): string | null {
  const p = prefix;
  const s = style > 0 ? ` s="${style}"` : "";
  if (value === null) return style > 0 ? `<${p}c r="${address}"${s}/>` : null;
  if (typeof value === "number") return `<${p}c r="${address}"${s}><${p}v>${String(value)}</${p}v></${p}c>`;
  return `<${p}c r="${address}"${s} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeText(value)}</${p}t></${p}is></${p}c>`;
}
