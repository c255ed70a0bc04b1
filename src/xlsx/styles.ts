/**
 * The cell-format table of `xl/styles.xml`, changed only by appending: a fill, a font, a number
 * format or a cell format (`<xf>`) that Shinchoku needs is looked up among the existing records
 * and appended when none is identical. Existing records are never renumbered or altered, so
 * every style index the workbook already uses keeps its meaning.
 */
import { builtinNumberFormat } from "../core/number-format";
import { attrs, el, escapeXml } from "./xml";

export interface CellLook {
  fill: string | null;
  numFmt: string | null;
  bold: boolean;
  wrap: boolean;
}

/** Wanted changes to a base format; undefined keeps the base's. */
export interface LookChange {
  fill?: string | null;
  numFmt?: string | null;
  bold?: boolean;
  wrap?: boolean;
}

interface Section {
  name: string;
  items: string[];
  originalCount: number;
}

const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** The order of a styleSheet's children (ECMA-376 Part 1, 18.8.39). */
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

/** A font's bold element, self-closed or with an end tag, with any val (BOLD_ANY) or a true one (BOLD_ON). */
const BOLD_ON = /<(?:[\w.-]+:)?b(?:\s+val\s*=\s*["'](?:1|true)["'])?\s*(?:\/>|>\s*<\/(?:[\w.-]+:)?b>)/;
const BOLD_ANY = /<(?:[\w.-]+:)?b(?:\s+val\s*=\s*["'][^"']*["'])?\s*(?:\/>|>\s*<\/(?:[\w.-]+:)?b>)/g;

/** One replacement made in a part's text: `removed` at `at` became `inserted`. */
export interface TextEdit {
  at: number;
  removed: string;
  inserted: string;
}

/**
 * Takes edits back, the last first, from the text they produced; null when the text no longer holds what they
 * inserted where they inserted it (someone changed it since).
 */
export function unsplice(text: string, edits: readonly TextEdit[]): string | null {
  for (let i = edits.length - 1; i >= 0; i--) {
    const { at, removed, inserted } = edits[i];
    if (text.slice(at, at + inserted.length) !== inserted) return null;
    text = text.slice(0, at) + removed + text.slice(at + inserted.length);
  }
  return text;
}

export class StyleBook {
  private xml: string;
  private readonly prefix: string;
  private readonly sections = new Map<string, Section>();
  private readonly numFmts = new Map<number, string>();
  private changed = false;
  private maxNumFmtId = 163;
  readonly created: boolean;

  constructor(xml: string | null) {
    this.created = xml === null;
    this.xml = xml ?? MINIMAL_STYLES;
    this.prefix = /<([\w.-]+:)?styleSheet\b/.exec(this.xml)?.[1] ?? "";
    for (const name of ["numFmts", "fonts", "fills", "cellXfs"]) this.sections.set(name, this.parseSection(name));
    // A styles part may omit sections or hold fewer records than Excel reserves: seed the defaults so that
    // appended records never take index 0 (every cell's default) or fill 1 (the reserved gray125).
    const p = this.prefix;
    const fonts = this.sections.get("fonts")!;
    if (fonts.items.length === 0) fonts.items.push(`<${p}font><${p}sz val="11"/><${p}name val="Calibri"/></${p}font>`);
    const fills = this.sections.get("fills")!;
    if (fills.items.length === 0) fills.items.push(`<${p}fill><${p}patternFill patternType="none"/></${p}fill>`);
    if (fills.items.length === 1) fills.items.push(`<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`);
    const xfs = this.sections.get("cellXfs")!;
    if (xfs.items.length === 0) xfs.items.push(`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`);
    // Custom number format ids are allocated above every id used anywhere in the part (dxfs included).
    for (const m of this.xml.matchAll(/\bnumFmtId="(\d+)"/g)) this.maxNumFmtId = Math.max(this.maxNumFmtId, Number(m[1]));
    for (const item of this.sections.get("numFmts")!.items) {
      const a = attrs(item);
      this.numFmts.set(Number(a.numFmtId), a.formatCode ?? "");
    }
  }

  private parseSection(name: string): Section {
    const block = new RegExp(`<${el(name)}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${el(name)}>)`).exec(this.xml);
    const items: string[] = [];
    if (block?.[1]) {
      const child = name === "numFmts" ? "numFmt" : name === "cellXfs" ? "xf" : name.slice(0, -1);
      const re = new RegExp(`<${el(child)}\\b[^>]*?(?:/>|>[\\s\\S]*?</${el(child)}>)`, "g");
      let m: RegExpExecArray | null;
      while ((m = re.exec(block[1]))) items.push(m[0]);
    }
    return { name, items, originalCount: items.length };
  }

  get dirty(): boolean {
    return this.changed;
  }

  private xfAttrs(index: number): { a: Record<string, string>; inner: string } {
    const xf = this.sections.get("cellXfs")!.items[index] ?? this.sections.get("cellXfs")!.items[0] ?? "<xf/>";
    const m = /^<[^>]*?(\/?)>/.exec(xf);
    const a = attrs(xf.slice(0, m ? m[0].length : xf.length).replace(/^<[\w.:-]+/, ""));
    const inner = m && m[1] === "" ? xf.slice(m[0].length).replace(/<\/[\w.:-]+>$/, "") : "";
    return { a, inner };
  }

  formatCode(id: number): string | null {
    const code = this.numFmts.get(id) ?? builtinNumberFormat(id);
    return code === "General" ? null : code;
  }

  /** What a cell format shows: its solid fill, number format, weight and wrapping. */
  look(index: number): CellLook {
    const { a, inner } = this.xfAttrs(index);
    const fill = this.sections.get("fills")!.items[Number(a.fillId ?? 0)] ?? "";
    const solid = /patternType\s*=\s*["']solid["']/.test(fill);
    const rgb = /<(?:[\w.-]+:)?fgColor\b[^>]*\brgb\s*=\s*["']([0-9A-Fa-f]{6,8})["']/.exec(fill)?.[1] ?? null;
    const font = this.sections.get("fonts")!.items[Number(a.fontId ?? 0)] ?? "";
    const bold = BOLD_ON.test(font);
    const wrap = /wrapText\s*=\s*["'](?:1|true)["']/.test(inner);
    return { fill: solid && rgb ? rgb.toUpperCase().padStart(8, "F") : null, numFmt: this.formatCode(Number(a.numFmtId ?? 0)), bold, wrap };
  }

  private findOrAppend(section: string, item: string): number {
    const s = this.sections.get(section)!;
    const i = s.items.indexOf(item);
    if (i >= 0) return i;
    s.items.push(item);
    this.changed = true;
    return s.items.length - 1;
  }

  private numFmtId(code: string): number {
    for (let id = 0; id < 164; id++) if (builtinNumberFormat(id) === code && !["yyyy-mm-dd"].includes(code)) return id;
    for (const [id, c] of this.numFmts) if (c === code) return id;
    const id = Math.max(this.maxNumFmtId, ...this.numFmts.keys()) + 1;
    this.maxNumFmtId = id;
    this.numFmts.set(id, code);
    this.findOrAppend("numFmts", `<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  private fillId(argb: string | null): number {
    if (argb === null) return 0;
    const p = this.prefix;
    return this.findOrAppend("fills", `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`);
  }

  private fontId(base: number, bold: boolean): number {
    const fonts = this.sections.get("fonts")!.items;
    const font = fonts[base] ?? fonts[0] ?? `<${this.prefix}font/>`;
    const p = this.prefix;
    const without = font.replace(BOLD_ANY, "");
    let next: string;
    if (!bold) next = without;
    else if (/\/>$/.test(without) && !/<\/[\w.:-]+>$/.test(without)) next = without.replace(/\s*\/>$/, `><${p}b/></${p}font>`);
    else next = without.replace(/^(<[^>]*>)/, `$1<${p}b/>`);
    return next === font ? base : this.findOrAppend("fonts", next);
  }

  /** The index of a cell format like `base` with the changes made: an existing one or a new one. */
  private derived = new Map<string, number>();

  derive(base: number, change: LookChange): number {
    const key = `${base}|${change.fill}|${change.numFmt}|${change.bold}|${change.wrap}`;
    let index = this.derived.get(key);
    if (index === undefined) this.derived.set(key, (index = this.deriveNew(base, change)));
    return index;
  }

  private deriveNew(base: number, change: LookChange): number {
    const xfs = this.sections.get("cellXfs")!;
    if (base >= xfs.items.length) base = 0;
    const { a, inner } = this.xfAttrs(base);
    const next: Record<string, string> = { ...a };
    if (change.fill !== undefined) {
      next.fillId = String(this.fillId(change.fill));
      next.applyFill = "1";
    }
    if (change.numFmt !== undefined) {
      next.numFmtId = String(change.numFmt === null ? 0 : this.numFmtId(change.numFmt));
      next.applyNumberFormat = "1";
    }
    if (change.bold !== undefined) {
      next.fontId = String(this.fontId(Number(a.fontId ?? 0), change.bold));
      next.applyFont = "1";
    }
    let body = inner;
    if (change.wrap !== undefined) {
      const p = this.prefix;
      // Self-closed or with an end tag (canonical XML writes `<alignment …></alignment>`): a cell format holds one.
      const alignRe = /<(?:[\w.-]+:)?alignment\b([^>]*?)(?:\/>|>\s*<\/(?:[\w.-]+:)?alignment>)/;
      const am = alignRe.exec(body);
      const al = am ? attrs(am[1]) : {};
      if (change.wrap) {
        al.wrapText = "1";
        al.vertical = "top";
      } else {
        delete al.wrapText;
        if (am === null || al.vertical === "top") delete al.vertical;
      }
      const alXml = Object.keys(al).length > 0 ? `<${p}alignment${Object.entries(al).map(([k, v]) => ` ${k}="${escapeXml(v)}"`).join("")}/>` : "";
      body = am ? body.replace(alignRe, alXml) : alXml + body;
      next.applyAlignment = "1";
    }
    const order = ["numFmtId", "fontId", "fillId", "borderId", "xfId", "quotePrefix", "pivotButton", "applyNumberFormat", "applyFont", "applyFill", "applyBorder", "applyAlignment", "applyProtection"];
    const keys = [...order.filter((k) => k in next), ...Object.keys(next).filter((k) => !order.includes(k))];
    const tag = `${this.prefix}xf`;
    const open = `<${tag}${keys.map((k) => ` ${k}="${escapeXml(next[k])}"`).join("")}`;
    const xml = body ? `${open}>${body}</${tag}>` : `${open}/>`;
    if (xml === xfs.items[base]) return base;
    return this.findOrAppend("cellXfs", xml);
  }

  /** The styles part with the appended records (counts updated), or null when nothing was added. */
  serialize(): string | null {
    return this.serializeWithEdits()?.xml ?? null;
  }

  /**
   * As serialize(), with the edits that made it from the part as read, in order: undoing them from the last
   * (unsplice) gives the part back byte for byte. None for a part this book created.
   */
  serializeWithEdits(): { xml: string; edits: TextEdit[] } | null {
    if (!this.changed && !this.created) return null;
    let xml = this.xml;
    const edits: TextEdit[] = [];
    const splice = (at: number, length: number, inserted: string) => {
      edits.push({ at, removed: xml.slice(at, at + length), inserted });
      xml = xml.slice(0, at) + inserted + xml.slice(at + length);
    };
    for (const name of ["numFmts", "fonts", "fills", "cellXfs"]) {
      const s = this.sections.get(name)!;
      if (s.items.length === s.originalCount && !this.created) continue;
      const tag = `${this.prefix}${name}`;
      const added = s.items.slice(s.originalCount).join("");
      const blockRe = new RegExp(`<${el(name)}\\b([^>]*?)(/>|>([\\s\\S]*?)</${el(name)}>)`);
      const m = blockRe.exec(xml);
      if (m) {
        // The count as any valid XML writes it (quotes ' or ", blanks around =), never an extension's n:count.
        const open = m[1].replace(/(?:^|\s+)count\s*=\s*(?:"[^"]*"|'[^']*')/, "");
        const start = `<${tag}${open ? open : ""} count="${s.items.length}">`;
        if (m[3] === undefined) splice(m.index, m[0].length, `${start}${added}</${tag}>`);
        else {
          // Two small edits (the start tag's count, the records added before the end tag), not the whole section
          // twice: the record keeps them for undo.
          splice(m.index, m[0].length - m[2].length + 1, start);
          splice(m.index + start.length + m[3].length, 0, added);
        }
      } else {
        // Absent section: insert it before the first later section that exists (or at the end).
        const block = `<${tag} count="${s.items.length}">${added}</${tag}>`;
        let at = -1;
        for (const later of ORDER.slice(ORDER.indexOf(name) + 1)) {
          const lm = new RegExp(`<${el(later)}[\\s>/]`).exec(xml);
          if (lm) {
            at = lm.index;
            break;
          }
        }
        if (at < 0) at = xml.search(new RegExp(`</${el("styleSheet")}>`));
        if (at < 0) {
          // An empty root written self-closed (`<styleSheet xmlns="…"/>`): open it around the block.
          const root = new RegExp(`<(${el("styleSheet")})\\b([^>]*?)\\s*/>`).exec(xml);
          if (!root) continue;
          splice(root.index, root[0].length, `<${root[1]}${root[2]}>${block}</${root[1]}>`);
          continue;
        }
        splice(at, 0, block);
      }
    }
    return { xml, edits: this.created ? [] : edits };
  }
}
