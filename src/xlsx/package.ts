/**
 * The parts of an OOXML workbook package that Shinchoku reads: the workbook and its sheets
 * (through the relationships, so absolute part names as openpyxl writes them resolve too),
 * shared strings and the number formats of cell styles.
 */
import { builtinNumberFormat } from "../core/number-format";
import { attrLocal, attrs, decodeXml, el, stringItemText } from "./xml";
import { entryText, type ZipArchive } from "./zip";

export interface Relationship {
  id: string;
  type: string;
  /** The part name it points to, resolved (no leading slash), or the raw target when external. */
  target: string;
  external: boolean;
}

export interface SheetEntry {
  name: string;
  sheetId: number;
  rid: string;
  state: "visible" | "hidden" | "veryHidden";
  /** The worksheet part, or null for a chart sheet / dialog sheet / missing relationship. */
  part: string | null;
}

export interface OoxmlPackage {
  zip: ZipArchive;
  workbookPart: string;
  workbookXml: string;
  workbookRelsPart: string;
  relsXml: string;
  rels: Relationship[];
  sheets: SheetEntry[];
  date1904: boolean;
  macroEnabled: boolean;
  stylesPart: string | null;
  sharedStringsPart: string | null;
}

export const REL_TYPES = {
  officeDocument: "/officeDocument",
  worksheet: "/worksheet",
  styles: "/styles",
  sharedStrings: "/sharedStrings",
};

/** Directory of a part name ("xl/workbook.xml" → "xl/"). */
const dirOf = (part: string): string => part.slice(0, part.lastIndexOf("/") + 1);

export function relsPartOf(part: string): string {
  return `${dirOf(part)}_rels/${part.slice(part.lastIndexOf("/") + 1)}.rels`;
}

/**
 * Resolves a relationship target against its source part (absolute targets start at the root). Each segment is
 * decoded before the dot segments are removed: %2E is the unreserved "." (RFC 3986 §6.2.2.2), so an escaped ".."
 * climbs like a written one instead of staying in the part name.
 */
export function resolveTarget(source: string, target: string): string {
  const raw = target.startsWith("/") ? target.slice(1) : dirOf(source) + target;
  const out: string[] = [];
  for (const seg of raw.split("/").map(decodeURIComponentSafe)) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

function decodeURIComponentSafe(s: string): string {
  try {
    return s.includes("%") ? decodeURIComponent(s) : s;
  } catch {
    return s;
  }
}

export function parseRels(xml: string, source: string): Relationship[] {
  const out: Relationship[] = [];
  const re = new RegExp(`<${el("Relationship")}\\b([^>]*?)/?>`, "g");
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    const a = attrs(m[1]);
    const external = a.TargetMode === "External";
    out.push({ id: a.Id ?? "", type: a.Type ?? "", target: external ? (a.Target ?? "") : resolveTarget(source, a.Target ?? ""), external });
  }
  return out;
}

/** Finds a part in the zip by name, tolerating a different letter case (some producers differ from their rels). */
export function partName(zip: ZipArchive, name: string): string | null {
  if (zip.byName.has(name)) return name;
  const lower = name.toLowerCase();
  for (const e of zip.entries) if (e.name.toLowerCase() === lower) return e.name;
  return null;
}

export class PackageError extends Error {}

export function openPackage(zip: ZipArchive): OoxmlPackage {
  const rootRels = entryText(zip, "_rels/.rels");
  let workbookPart = "xl/workbook.xml";
  if (rootRels) {
    const doc = parseRels(rootRels, "").find((r) => r.type.endsWith(REL_TYPES.officeDocument) && !r.external);
    if (doc) workbookPart = doc.target;
  }
  const wbName = partName(zip, workbookPart);
  if (!wbName) throw new PackageError("no workbook part");
  workbookPart = wbName;
  const workbookXml = entryText(zip, workbookPart) ?? "";
  const workbookRelsPart = relsPartOf(workbookPart);
  const relsName = partName(zip, workbookRelsPart);
  const relsXml = relsName ? (entryText(zip, relsName) ?? "") : "";
  const rels = parseRels(relsXml, workbookPart);
  const sheets: SheetEntry[] = [];
  const sheetRe = new RegExp(`<${el("sheet")}\\b([^>]*?)/?>`, "g");
  const sheetsBlock = new RegExp(`<${el("sheets")}\\b[^>]*>([\\s\\S]*?)</${el("sheets")}>`).exec(workbookXml)?.[1] ?? "";
  let m: RegExpExecArray | null;
  while ((m = sheetRe.exec(sheetsBlock))) {
    const a = attrs(m[1]);
    const rid = attrLocal(a, "id") ?? "";
    const rel = rels.find((r) => r.id === rid);
    const part = rel && !rel.external && rel.type.endsWith(REL_TYPES.worksheet) ? partName(zip, rel.target) : null;
    const state = a.state === "hidden" || a.state === "veryHidden" ? a.state : "visible";
    sheets.push({ name: a.name ?? "", sheetId: Number(a.sheetId) || 0, rid, state, part });
  }
  const pr = new RegExp(`<${el("workbookPr")}\\b([^>]*?)/?>`).exec(workbookXml);
  const date1904v = pr ? attrs(pr[1]).date1904 : undefined;
  const date1904 = date1904v === "1" || date1904v === "true";
  const ct = entryText(zip, "[Content_Types].xml") ?? "";
  const macroEnabled = /macroEnabled\.main\+xml/i.test(ct);
  const stylesRel = rels.find((r) => r.type.endsWith(REL_TYPES.styles) && !r.external);
  const ssRel = rels.find((r) => r.type.endsWith(REL_TYPES.sharedStrings) && !r.external);
  return {
    zip,
    workbookPart,
    workbookXml,
    workbookRelsPart: relsName ?? workbookRelsPart,
    relsXml,
    rels,
    sheets,
    date1904,
    macroEnabled,
    stylesPart: stylesRel ? partName(zip, stylesRel.target) : null,
    sharedStringsPart: ssRel ? partName(zip, ssRel.target) : null,
  };
}

export function readSharedStrings(pkg: OoxmlPackage): string[] {
  if (!pkg.sharedStringsPart) return [];
  const xml = entryText(pkg.zip, pkg.sharedStringsPart) ?? "";
  const out: string[] = [];
  const re = new RegExp(`<${el("si")}(?:\\s[^>]*)?(?:/>|>((?:[^<]|<(?!${el("si")}[\\s>/]))*?)</${el("si")}>)`, "g");
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) out.push(m[1] ? stringItemText(m[1]) : "");
  return out;
}

/** Per cell style index: its number format code (null for General), and its solid fill colour. */
export interface StyleInfo {
  formats: (string | null)[];
  fills: (string | null)[];
}

export function readStyleInfo(pkg: OoxmlPackage, withFills = false): StyleInfo {
  const xml = pkg.stylesPart ? (entryText(pkg.zip, pkg.stylesPart) ?? "") : "";
  const custom = new Map<number, string>();
  // Only the cell formats' table: number formats inside <dxfs> (conditional formats) are another numbering.
  const numFmts = new RegExp(`<${el("numFmts")}\\b[^>]*>([\\s\\S]*?)</${el("numFmts")}>`).exec(xml)?.[1] ?? "";
  const nfRe = new RegExp(`<${el("numFmt")}\\b([^>]*?)/?>`, "g");
  let m: RegExpExecArray | null;
  while ((m = nfRe.exec(numFmts))) {
    const a = attrs(m[1]);
    custom.set(Number(a.numFmtId), a.formatCode ?? "");
  }
  const fillColours: (string | null)[] = [];
  if (withFills) {
    const fillsBlock = new RegExp(`<${el("fills")}\\b[^>]*>([\\s\\S]*?)</${el("fills")}>`).exec(xml)?.[1] ?? "";
    const fillRe = new RegExp(`<${el("fill")}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${el("fill")}>)`, "g");
    while ((m = fillRe.exec(fillsBlock))) {
      const inner = m[1] ?? "";
      const solid = /patternType\s*=\s*["']solid["']/.test(inner);
      const rgb = /<(?:[\w.-]+:)?fgColor\b[^>]*\brgb\s*=\s*["']([0-9A-Fa-f]{6,8})["']/.exec(inner)?.[1] ?? null;
      fillColours.push(solid && rgb ? rgb.toUpperCase().padStart(8, "F") : null);
    }
  }
  const formats: (string | null)[] = [];
  const fills: (string | null)[] = [];
  const xfsBlock = new RegExp(`<${el("cellXfs")}\\b[^>]*>([\\s\\S]*?)</${el("cellXfs")}>`).exec(xml)?.[1] ?? "";
  const xfRe = new RegExp(`<${el("xf")}\\b([^>]*?)(?:/>|>)`, "g");
  while ((m = xfRe.exec(xfsBlock))) {
    const a = attrs(m[1]);
    const id = Number(a.numFmtId ?? 0);
    const code = custom.get(id) ?? builtinNumberFormat(id);
    formats.push(code === "General" ? null : code);
    if (withFills) fills.push(fillColours[Number(a.fillId ?? 0)] ?? null);
  }
  return { formats, fills };
}

export { decodeXml };
