/**
 * The little XML the package parts need, by hand: attribute lists, entity decoding, escaping.
 * Parts are scanned as text (not parsed into trees) so that everything outside the few elements
 * Shinchoku changes stays as the producer wrote it, and so that a 20 MB sheet reads fast.
 * Element names may carry any namespace prefix (`<x:row>` from some producers).
 */

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** XML character data → text: entities, numeric references, and OOXML's `_xHHHH_` escapes. */
export function decodeXml(s: string): string {
  if (s.indexOf("&") >= 0)
    s = s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) => {
      if (e[0] === "#") {
        const n = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(n) && n <= 0x10ffff ? String.fromCodePoint(n) : m;
      }
      return ENTITIES[e] ?? m;
    });
  if (s.indexOf("_x") >= 0) s = s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return s;
}

/** Text → element content: only `&`, `<`, `>` need escaping there (quotes do not), plus `_xHHHH_` and control characters. */
export function escapeText(s: string): string {
  if (!/[&<>_\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/.test(s)) return s;
  return escapeXml(s, false);
}

/** Text → XML character data (attribute-safe). Characters XML 1.0 forbids become `_xHHHH_`. */
export function escapeXml(s: string, quotes = true): string {
  return s
    .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, "_x005F_")
    .replace(quotes ? /[&<>"]/g : /[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"))
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

/** The attributes of a start tag's inside (`r="A1" s="3"`), names with their prefixes. */
export function attrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) out[m[1]] = decodeXml(m[2] ?? m[3] ?? "");
  return out;
}

/** An attribute by local name, whatever its prefix (`r:id`, `ns2:id`). */
export function attrLocal(a: Record<string, string>, local: string): string | undefined {
  for (const k of Object.keys(a)) if (k === local || k.endsWith(`:${local}`)) return a[k];
  return undefined;
}

/** Prefix-tolerant element name pattern for a RegExp source: `(?:\w+:)?name`. */
export const el = (name: string): string => `(?:[\\w.-]+:)?${name}`;

/** The namespace prefix (with its colon) the document's root element uses, e.g. "x:" or "". */
export function rootPrefix(xml: string): string {
  const m = /<(?!\?|!)([\w.-]+:)?[\w.-]+[\s>/]/.exec(xml);
  return m?.[1] ?? "";
}

/** The joined `<t>` texts of a string item (`<si>`, `<is>`), phonetic runs (`<rPh>`) left out. */
export function stringItemText(inner: string): string {
  if (inner.indexOf("rPh") >= 0) inner = inner.replace(/<((?:[\w.-]+:)?rPh)\b[\s\S]*?<\/\1>/g, "");
  let out = "";
  // `<t/>` and `<t xml:space="preserve"/>` are empty texts, not openings.
  const re = /<(?:[\w.-]+:)?t(?:\s[^>]*)?(?<!\/)>([\s\S]*?)<\/(?:[\w.-]+:)?t>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(inner))) out += m[1];
  return decodeXml(out);
}
