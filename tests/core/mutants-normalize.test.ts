/**
 * Survivors of the core mutation run in normalize.ts, address.ts, number-format.ts and workbook.ts,
 * killed by testing the exported functions directly (docs/testing.md, "Surviving mutants").
 */
import { a1, columnLetter, columnNumber, parseA1 } from "../../src/core/address";
import { issueMessage } from "../../src/core/messages";
import {
  MARK_CLOSE,
  MARK_OPEN,
  RANGE,
  circled,
  decodeEntities,
  displayText,
  excerpt,
  headerKey,
  markerIdAt,
  normalizeHeader,
  splitAtMarkers,
  stripMarkup,
  toParseText,
  tokenizeMarkers,
} from "../../src/core/normalize";
import { builtinNumberFormat, isDateFormat, isPercentFormat, numberCell, serialToIsoDate } from "../../src/core/number-format";
import type { Issue, SheetReport } from "../../src/core/types";
import { finalizeWorkbook } from "../../src/core/workbook";

/** The marker token of an id, as the grammar's step 2 writes it. */
const tok = (id: number | string): string => `${MARK_OPEN}${id}${MARK_CLOSE}`;

describe("address", () => {
  // letters(): the loop bound, `(n - 1) % 26`, `65 + r`, the prepend and `(n - 1) / 26`; the cache bounds.
  it("columnLetter gives the A1 column letters, inside and outside the cached range", () => {
    expect(columnLetter(1)).toBe("A");
    expect(columnLetter(26)).toBe("Z");
    expect(columnLetter(27)).toBe("AA");
    expect(columnLetter(28)).toBe("AB");
    expect(columnLetter(52)).toBe("AZ");
    expect(columnLetter(702)).toBe("ZZ");
    expect(columnLetter(703)).toBe("AAA");
    expect(columnLetter(1023)).toBe("AMI");
    expect(columnLetter(1024)).toBe("AMJ");
    expect(columnLetter(16384)).toBe("XFD");
    // asked twice: the cached answer is the same
    expect(columnLetter(28)).toBe("AB");
    expect(columnLetter(0)).toBe("");
  });

  it("a1 joins the column letters and the row", () => {
    expect(a1(3, 28)).toBe("AB3");
    expect(a1(1048576, 16384)).toBe("XFD1048576");
  });

  // address.ts:23 `n * 26` → `n / 26`
  it("columnNumber is the inverse of columnLetter, any case", () => {
    expect(columnNumber("A")).toBe(1);
    expect(columnNumber("AA")).toBe(27);
    expect(columnNumber("az")).toBe(52);
    expect(columnNumber("XFD")).toBe(16384);
  });

  // address.ts:32 the anchors and counts of the A1 regex, `.trim()`, `if (!m)`.
  it("parseA1 reads an A1 address, absolute or not, and nothing else", () => {
    expect(parseA1("A1")).toEqual({ row: 1, col: 1 });
    expect(parseA1("$AB$12")).toEqual({ row: 12, col: 28 });
    expect(parseA1("xfd1048576")).toEqual({ row: 1048576, col: 16384 });
    expect(parseA1(" C7 ")).toEqual({ row: 7, col: 3 });
    expect(parseA1("1A")).toBeNull();
    expect(parseA1("=A1")).toBeNull();
    expect(parseA1("A1x")).toBeNull();
    expect(parseA1("A1:B2")).toBeNull();
    expect(parseA1("ABCD1")).toBeNull();
    expect(parseA1("")).toBeNull();
  });
});

describe("finalizeWorkbook", () => {
  const issue = (code: Issue["code"], severity: Issue["severity"], sheet: string): Issue => ({
    code,
    severity,
    cell: null,
    row: null,
    column: null,
    message: issueMessage(code, { sheet }),
    params: { sheet },
  });
  const report = (sheet: string, recognized: boolean, issues: Issue[]): SheetReport =>
    ({ sheet, recognized, layout: null, fiscalYear: null, items: [], issues, title: sheet }) as unknown as SheetReport;

  it("a file with no recognised sheet: each sheet-skipped becomes a header-not-found error, the rest is kept", () => {
    const other = issue("cell-error", "warning", "メモ");
    const out = finalizeWorkbook([report("メモ", false, [issue("sheet-skipped", "info", "メモ"), other]), report("表紙", false, [])]);
    expect(out).toHaveLength(2);
    expect(out[0].sheet).toBe("メモ");
    expect(out[0].title).toBe("メモ");
    expect(out[0].recognized).toBe(false);
    expect(out[0].issues).toHaveLength(2);
    expect(out[0].issues[0]).toMatchObject({ code: "header-not-found", severity: "error", params: { sheet: "メモ" } });
    expect(out[0].issues[0].message).toBe(issueMessage("header-not-found", { sheet: "メモ" }));
    expect(out[0].issues[0].message).toContain("メモ");
    expect(out[0].issues[1]).toEqual(other);
    expect(out[1].sheet).toBe("表紙");
    expect(out[1].issues).toEqual([]);
  });

  it("when any sheet is recognised, the reports are returned as they are", () => {
    const skipped = issue("sheet-skipped", "info", "メモ");
    const reports = [report("メモ", false, [skipped]), report("進捗", true, [])];
    const out = finalizeWorkbook(reports);
    expect(out).toBe(reports);
    expect(out[0].issues[0]).toEqual(skipped);
    const alone = [report("進捗", true, [issue("sheet-skipped", "info", "進捗")])];
    expect(finalizeWorkbook(alone)[0].issues[0].code).toBe("sheet-skipped");
  });
});

describe("number formats", () => {
  // number-format.ts:15–17
  it("builtinNumberFormat: date ids, the percent ids, General, nothing else", () => {
    expect(builtinNumberFormat(14)).toBe("yyyy-mm-dd");
    expect(builtinNumberFormat(22)).toBe("yyyy-mm-dd");
    expect(builtinNumberFormat(0)).toBe("General");
    expect(builtinNumberFormat(9)).toBe("0%");
    expect(builtinNumberFormat(10)).toBe("0.00%");
    expect(builtinNumberFormat(1)).toBeNull();
    expect(builtinNumberFormat(49)).toBeNull();
    expect(isDateFormat(builtinNumberFormat(14))).toBe(true);
    expect(isPercentFormat(builtinNumberFormat(10))).toBe(true);
  });

  describe("isDateFormat", () => {
    it("date and time formats are dates", () => {
      expect(isDateFormat("yyyy-mm-dd")).toBe(true);
      expect(isDateFormat("mmmm")).toBe(true);
      expect(isDateFormat("yyyy")).toBe(true);
      expect(isDateFormat('yyyy"年"m"月"d"日"')).toBe(true);
      expect(isDateFormat("h:mm:ss")).toBe(true);
      // number-format.ts:51 `/\.0+/` → `/\.0/`: fractions of a second are not digit placeholders
      expect(isDateFormat("hh:mm:ss.00")).toBe(true);
      // a Japanese era year ("ee") is a date code: line 50 `/E[+-]/` → `/E[^+-]/`
      expect(isDateFormat("ee")).toBe(true);
    });

    it("empty, General, text and number formats are not dates", () => {
      expect(isDateFormat(null)).toBe(false);
      expect(isDateFormat(undefined)).toBe(false);
      expect(isDateFormat("")).toBe(false);
      expect(isDateFormat("General")).toBe(false);
      expect(isDateFormat("@")).toBe(false);
      expect(isDateFormat("0.00")).toBe(false);
      expect(isDateFormat("#,##0")).toBe(false);
      expect(isDateFormat("0.00E+00")).toBe(false);
      // a digit placeholder makes it a number format even beside a date letter (line 51 `/[^ymdhse]/gi`)
      expect(isDateFormat("0.0 h")).toBe(false);
      // the exponent mark alone is no date code (line 50 both mutants)
      expect(isDateFormat("E+")).toBe(false);
    });

    it("colours, locales and quoted text are not date codes", () => {
      expect(isDateFormat("[Blue]General")).toBe(false);
      expect(isDateFormat("[Red]@")).toBe(false);
      expect(isDateFormat("[Magenta]@")).toBe(false);
      expect(isDateFormat('"Total"')).toBe(false);
      expect(isDateFormat('"days"@')).toBe(false);
      expect(isDateFormat("[$-ms]@")).toBe(false);
      expect(isDateFormat("[Red]yyyy-mm-dd")).toBe(true);
    });

    it("elapsed-time brackets are time codes", () => {
      expect(isDateFormat("[h]:mm")).toBe(true);
      expect(isDateFormat('[h]"時間"')).toBe(true);
      expect(isDateFormat('[hh]"時間"')).toBe(true);
      expect(isDateFormat('[mm]"分"')).toBe(true);
      expect(isDateFormat('[ss]"秒"')).toBe(true);
      expect(isDateFormat("[Red][h]:mm")).toBe(true);
      // an unclosed bracket runs to the end of the format
      expect(isDateFormat("[h")).toBe(true);
      expect(isDateFormat("[hh")).toBe(true);
    });

    it("only the first section counts", () => {
      expect(isDateFormat("0;yyyy")).toBe(false);
      expect(isDateFormat("yyyy;0")).toBe(true);
    });

    it("escaped and fill characters are skipped", () => {
      expect(isDateFormat("yyyy\\0")).toBe(true);
      expect(isDateFormat("yyyy*0")).toBe(true);
      expect(isDateFormat("yyyy_0")).toBe(true);
    });
  });

  describe("isPercentFormat", () => {
    it("a % in the first section, outside quotes and escapes", () => {
      expect(isPercentFormat("0%")).toBe(true);
      expect(isPercentFormat("0.0%")).toBe(true);
      expect(isPercentFormat("[Red]0%")).toBe(true);
      expect(isPercentFormat('"x"0%')).toBe(true);
      expect(isPercentFormat("0%;-0%")).toBe(true);
      expect(isPercentFormat(null)).toBe(false);
      expect(isPercentFormat(undefined)).toBe(false);
      expect(isPercentFormat("")).toBe(false);
      expect(isPercentFormat("0.00")).toBe(false);
      expect(isPercentFormat("General")).toBe(false);
      // a % only in a later section, quoted, escaped, padded or as a fill character shows no percentage
      expect(isPercentFormat("0;0%")).toBe(false);
      expect(isPercentFormat('0"%"')).toBe(false);
      expect(isPercentFormat('0" %"')).toBe(false);
      expect(isPercentFormat("0\\%")).toBe(false);
      expect(isPercentFormat("0_%")).toBe(false);
      expect(isPercentFormat("0*%")).toBe(false);
    });

    it("an unclosed quote runs to the end of the format", () => {
      expect(isPercentFormat('0%"x')).toBe(true);
      expect(isPercentFormat('0"%')).toBe(false);
    });
  });

  describe("serialToIsoDate", () => {
    it("1900 date system, with Excel's phantom 1900-02-29", () => {
      expect(serialToIsoDate(1)).toBe("1900-01-01");
      expect(serialToIsoDate(59)).toBe("1900-02-28");
      expect(serialToIsoDate(61)).toBe("1900-03-01");
      expect(serialToIsoDate(45000)).toBe("2023-03-15");
      expect(serialToIsoDate(45000.75)).toBe("2023-03-15");
    });

    it("1904 date system", () => {
      expect(serialToIsoDate(0, true)).toBe("1904-01-01");
      expect(serialToIsoDate(45000 - 1462, true)).toBe("2023-03-15");
    });

    it("no date for a value that is not one", () => {
      expect(serialToIsoDate(Number.NaN)).toBe("");
      expect(serialToIsoDate(Number.POSITIVE_INFINITY)).toBe("");
      expect(serialToIsoDate(1e12)).toBe("");
    });
  });

  describe("numberCell", () => {
    it("a date format gives a date cell", () => {
      expect(numberCell(45000, "yyyy-mm-dd")).toEqual({ value: "2023-03-15", kind: "date", text: "2023-03-15" });
      expect(numberCell(45000 - 1462, "yyyy-mm-dd", true)).toEqual({ value: "2023-03-15", kind: "date", text: "2023-03-15" });
    });

    it("a percent format gives the displayed text (§2 v2)", () => {
      expect(numberCell(0.981, "0.0%")).toEqual({ value: 0.981, kind: "number", text: "98.1%" });
      expect(numberCell(0.98123, "0.00%")).toEqual({ value: 0.98123, kind: "number", text: "98.12%" });
      expect(numberCell(0.5, "0%")).toEqual({ value: 0.5, kind: "number", text: "50%" });
      expect(numberCell(0.98123, "#.##%").text).toBe("98.12%");
    });

    it("any other number keeps its value as text", () => {
      expect(numberCell(5, null)).toEqual({ value: 5, kind: "number", text: "5" });
      expect(numberCell(5, "General")).toEqual({ value: 5, kind: "number", text: "5" });
      expect(numberCell(0.5, "0.00")).toEqual({ value: 0.5, kind: "number", text: "0.5" });
      expect(numberCell(45000, undefined)).toEqual({ value: 45000, kind: "number", text: "45000" });
    });
  });
});

describe("stripMarkup (§2 step 1)", () => {
  it("text without tags is only entity-decoded", () => {
    expect(stripMarkup("a &amp; b")).toBe("a & b");
    expect(stripMarkup("plain")).toBe("plain");
  });

  it("p, br and li become line breaks, other tags are removed", () => {
    expect(stripMarkup("a<p>b")).toBe("a\nb");
    expect(stripMarkup("<br>x")).toBe("\nx");
    expect(stripMarkup("a<br/>b")).toBe("a\nb");
    expect(stripMarkup("a<li>b</li>c")).toBe("a\nb\nc");
    expect(stripMarkup("a</p>b")).toBe("a\nb");
    expect(stripMarkup("<P>x")).toBe("\nx");
    expect(stripMarkup("<BR>x")).toBe("\nx");
    expect(stripMarkup("a<b>x</b>c")).toBe("axc");
    expect(stripMarkup("<A href='#'>x</A>")).toBe("x");
    expect(stripMarkup("<a href='#'>x</a>")).toBe("x");
    expect(stripMarkup("a<Z>b")).toBe("ab");
    expect(stripMarkup("a<z>b")).toBe("ab");
    expect(stripMarkup("<!-- note -->x")).toBe("x");
    expect(stripMarkup("a<pre>b</pre>c")).toBe("abc");
    expect(stripMarkup("a<span class='c'>b</span>c")).toBe("abc");
  });

  it("a closing </br> is removed without a line break", () => {
    expect(stripMarkup("a</br>b")).toBe("ab");
  });

  it("a name longer than the tag-name window is still removed", () => {
    expect(stripMarkup("a<blockquotexyz>b")).toBe("ab");
  });

  it("a '<' not followed by a letter, '/' or '!' is text", () => {
    expect(stripMarkup("<①>")).toBe("<①>");
    expect(stripMarkup("< - 1 >")).toBe("< - 1 >");
    expect(stripMarkup("x<1>")).toBe("x<1>");
    expect(stripMarkup("a<@>b")).toBe("a<@>b");
    expect(stripMarkup("a<[>b")).toBe("a<[>b");
    expect(stripMarkup("a<`>b")).toBe("a<`>b");
    expect(stripMarkup("a<{>b")).toBe("a<{>b");
    expect(stripMarkup("1<2<b>x")).toBe("1<2x");
    expect(stripMarkup("x/<br>y")).toBe("x/\ny");
  });

  it("a '<!' holding another tag start is one tag, not a break", () => {
    expect(stripMarkup("a<!<br>b")).toBe("ab");
  });

  it("a tag start with no '>' after it is text", () => {
    expect(stripMarkup("a<b")).toBe("a<b");
    expect(stripMarkup("x<b>y<c")).toBe("xy<c");
  });

  it("a '>' just before a tag is text", () => {
    expect(stripMarkup("x><b>y")).toBe("x>y");
  });

  it("entities are decoded after the tags are gone", () => {
    expect(stripMarkup("<b>&lt;p&gt;</b>")).toBe("<p>");
  });
});

describe("decodeEntities", () => {
  // Found by the mutation audit: the regex took only a lowercase #x, so &#X41; stayed as typed (§2 step 1 decodes entities).
  it("decodes hexadecimal references with an upper- or lowercase x", () => {
    expect(decodeEntities("&#X41;&#x42;&#X3042;")).toBe("ABあ");
  });
  it("named entities, any case; unknown ones stay", () => {
    expect(decodeEntities("&amp;x")).toBe("&x");
    expect(decodeEntities("a &lt;b&gt; &quot;c&quot; &apos;d&apos;")).toBe("a <b> \"c\" 'd'");
    expect(decodeEntities("&nbsp;")).toBe(" ");
    expect(decodeEntities("&AMP;")).toBe("&");
    expect(decodeEntities("&foo;")).toBe("&foo;");
    expect(decodeEntities("&a;")).toBe("&a;");
    expect(decodeEntities("no entity & here")).toBe("no entity & here");
  });

  it("decimal and hexadecimal character references", () => {
    expect(decodeEntities("&#65;")).toBe("A");
    expect(decodeEntities("&#9312;")).toBe("①");
    expect(decodeEntities("&#x41;")).toBe("A");
    expect(decodeEntities("&#x2460;")).toBe("①");
    expect(decodeEntities("&#1;")).toBe("\u0001");
    expect(decodeEntities("&#xD7FF;")).toBe("\uD7FF");
    expect(decodeEntities("&#xE000;")).toBe("\uE000");
    expect(decodeEntities("&#x10FFFF;")).toBe("\u{10FFFF}");
  });

  it("references to no character stay as they are", () => {
    expect(decodeEntities("&#0;")).toBe("&#0;");
    expect(decodeEntities("&#x110000;")).toBe("&#x110000;");
    expect(decodeEntities("&#xD800;")).toBe("&#xD800;");
    expect(decodeEntities("&#xDFFF;")).toBe("&#xDFFF;");
    expect(decodeEntities("&#55296;")).toBe("&#55296;");
  });
});

describe("tokenizeMarkers (§2 step 2)", () => {
  it("circled numbers ① … ⑳ and ⑴ … ⒇", () => {
    expect(tokenizeMarkers("①")).toBe(tok(1));
    expect(tokenizeMarkers("a①b⑳")).toBe(`a${tok(1)}b${tok(20)}`);
    expect(tokenizeMarkers("⑴")).toBe(tok(1));
    expect(tokenizeMarkers("⑽")).toBe(tok(10));
    expect(tokenizeMarkers("⒇")).toBe(tok(20));
  });

  it("bracketed and parenthesised markers, full-width digits", () => {
    expect(tokenizeMarkers("<①>")).toBe(tok(1));
    expect(tokenizeMarkers("＜①＞")).toBe(tok(1));
    expect(tokenizeMarkers("< - 1 >")).toBe(tok(1));
    expect(tokenizeMarkers("＜１２＞")).toBe(tok(12));
    expect(tokenizeMarkers("<⑴>")).toBe(tok(1));
    expect(tokenizeMarkers("(1)")).toBe(tok(1));
    expect(tokenizeMarkers("（２）")).toBe(tok(2));
    expect(tokenizeMarkers("（１０）")).toBe(tok(10));
  });

  it("'- N' at a line start, blanks before it allowed", () => {
    expect(tokenizeMarkers("-1")).toBe(tok(1));
    expect(tokenizeMarkers(" -1")).toBe(` ${tok(1)}`);
    expect(tokenizeMarkers("\t-1")).toBe(`\t${tok(1)}`);
    expect(tokenizeMarkers("\u3000-1")).toBe(`\u3000${tok(1)}`);
    expect(tokenizeMarkers("a\n - 2")).toBe(`a\n ${tok(2)}`);
  });

  it("'- N' right after 目標 or 指標", () => {
    expect(tokenizeMarkers("目標-1")).toBe(`目標${tok(1)}`);
    expect(tokenizeMarkers("目標 -1")).toBe(`目標 ${tok(1)}`);
    expect(tokenizeMarkers("指標-2")).toBe(`指標${tok(2)}`);
    expect(tokenizeMarkers("x指標 - 3")).toBe(`x指標 ${tok(3)}`);
  });

  it("'- N' right after another marker", () => {
    expect(tokenizeMarkers("①-2")).toBe(tok(1) + tok(2));
    expect(tokenizeMarkers("(1) -2")).toBe(`${tok(1)} ${tok(2)}`);
    expect(tokenizeMarkers("-1-2")).toBe(tok(1) + tok(2));
  });

  it("'- N' anywhere else is text (a minus, a hyphen)", () => {
    expect(tokenizeMarkers("a-1")).toBe("a-1");
    expect(tokenizeMarkers("ab-1")).toBe("ab-1");
    expect(tokenizeMarkers("ab -1")).toBe("ab -1");
    expect(tokenizeMarkers("標-1")).toBe("標-1");
    expect(tokenizeMarkers("-1.5")).toBe("-1.5");
    expect(tokenizeMarkers("text")).toBe("text");
  });
});

describe("toParseText (§2 steps 3–4)", () => {
  it("CR LF and CR become LF", () => {
    expect(toParseText("a\r\nb")).toBe("a\nb");
    expect(toParseText("a\rb")).toBe("a\nb");
    expect(toParseText("\r\nb")).toBe("\nb");
  });

  it("〜 ～ ~ become the range marker", () => {
    expect(toParseText("1〜2")).toBe(`1${RANGE}2`);
    expect(toParseText("〜")).toBe(RANGE);
    expect(toParseText("1～2")).toBe(`1${RANGE}2`);
    expect(toParseText("1~2")).toBe(`1${RANGE}2`);
  });

  it("− and ▲ become the minus sign", () => {
    expect(toParseText("▲5")).toBe("-5");
    expect(toParseText("▲")).toBe("-");
    expect(toParseText("−3件")).toBe("-3件");
  });

  it("NFKC folds full-width text but not the marker tokens", () => {
    expect(toParseText("①１０件")).toBe(`${tok(1)}10件`);
    expect(toParseText("<b>目標</b>値")).toBe("目標値");
  });
});

describe("header text (§1)", () => {
  it("normalizeHeader: NFKC, no blanks, spelling variants", () => {
    expect(normalizeHeader("期末\n自己 評価")).toBe("期末自己評価");
    expect(normalizeHeader("翌年度に向けた課題")).toBe("翌年度にむけた課題");
    expect(normalizeHeader("取り組み内容")).toBe("取組内容");
    expect(normalizeHeader("取り組内容")).toBe("取組内容");
    expect(normalizeHeader("目指すべき状態")).toBe("めざすべき状態");
  });

  it("headerKey drops the particle の", () => {
    expect(headerKey("期末の自己評価")).toBe("期末自己評価");
    expect(headerKey("期末自己評価")).toBe("期末自己評価");
  });
});

describe("markers in parse text", () => {
  it("markerIdAt reads the token at i only", () => {
    const s = tok(1) + tok(2);
    expect(markerIdAt(s, 0)).toEqual({ id: "1", end: 3 });
    expect(markerIdAt(s, 3)).toEqual({ id: "2", end: 6 });
    expect(markerIdAt(`a${tok(1)}`, 0)).toBeNull();
    expect(markerIdAt(`${MARK_OPEN}1`, 0)).toBeNull();
  });

  it("splitAtMarkers: the text before any marker, then one part per marker", () => {
    expect(splitAtMarkers("abc")).toEqual([{ id: null, text: "abc", start: 0 }]);
    expect(splitAtMarkers(`a${tok(1)}b${tok(2)}c`)).toEqual([
      { id: null, text: "a", start: 0 },
      { id: "1", text: "b", start: 4 },
      { id: "2", text: "c", start: 8 },
    ]);
    expect(splitAtMarkers(`${tok(1)}x`)).toEqual([
      { id: null, text: "", start: 0 },
      { id: "1", text: "x", start: 3 },
    ]);
  });

  it("splitAtMarkers never throws on an unclosed token", () => {
    expect(() => splitAtMarkers(`a${MARK_OPEN}b`)).not.toThrow();
    expect(splitAtMarkers(`a${MARK_OPEN}b`)[0]).toEqual({ id: null, text: "a", start: 0 });
  });

  it("circled: 1 … 20 as ① … ⑳, anything else in parentheses", () => {
    expect(circled("1")).toBe("①");
    expect(circled("20")).toBe("⑳");
    expect(circled("21")).toBe("(21)");
    expect(circled("0")).toBe("(0)");
    expect(circled("1.5")).toBe("(1.5)");
    expect(circled("x")).toBe("(x)");
  });
});

describe("displayText", () => {
  it("text without tokens is returned as it is", () => {
    expect(displayText("abc")).toBe("abc");
  });

  it("range markers as 〜, wherever they stand", () => {
    expect(displayText(`1${RANGE}2`)).toBe("1〜2");
    expect(displayText(`${RANGE}2`)).toBe("〜2");
    expect(displayText(`1${RANGE}2${RANGE}3`)).toBe("1〜2〜3");
  });

  it("marker tokens and range markers mixed, in either order", () => {
    expect(displayText(`${tok(1)}1${RANGE}2`)).toBe("①1〜2");
    expect(displayText(`${tok(1)}a${RANGE}b`)).toBe("①a〜b");
    expect(displayText(`a${RANGE}${tok(1)}`)).toBe("a〜①");
    expect(displayText(`${RANGE}${tok(1)}`)).toBe("〜①");
    expect(displayText(`${tok(1)}${RANGE}${tok(2)}x${RANGE}`)).toBe("①〜②x〜");
    expect(displayText(`${tok(21)}件`)).toBe("(21)件");
  });

  it("an unclosed token's opening character is kept", () => {
    expect(displayText(`a${MARK_OPEN}b`)).toBe(`a${MARK_OPEN}b`);
    expect(displayText(`a${MARK_OPEN}b${RANGE}c`)).toBe(`a${MARK_OPEN}b〜c`);
  });

  // displayText:186 — only a token whose id holds a range mark (raw private-use characters in a cell)
  it("a range mark inside a token is shown once, with the token", () => {
    expect(displayText(`${MARK_OPEN}1${RANGE}${MARK_CLOSE}`)).toBe(`(1${RANGE})`);
  });
});

describe("excerpt", () => {
  it("the sentence around the words, ended by 。 ! ? or a line break", () => {
    const p = `前文。a${tok(1)}b。後文`;
    expect(excerpt(p, 4, 7)).toEqual({ cell: null, text: "a①b。", words: "①" });
    expect(excerpt("前!ab!後", 2, 3).text).toBe("ab!");
    expect(excerpt("前?ab?後", 2, 3).text).toBe("ab?");
    expect(excerpt("前！ab！後", 2, 3).text).toBe("ab！");
    expect(excerpt("前？ab？後", 2, 3).text).toBe("ab？");
    expect(excerpt("前\nab\n後", 2, 3).text).toBe("ab");
    expect(excerpt("abc", 0, 1).text).toBe("abc");
    expect(excerpt("abc", 0, 1, 80, "B3").cell).toBe("B3");
  });

  it("at most max characters either side", () => {
    expect(excerpt("abcdefghij", 5, 6, 3).text).toBe("cdefghi");
    expect(excerpt("abcdefghij", 5, 6, 10).text).toBe("abcdefghij");
  });

  it("text and words are trimmed", () => {
    expect(excerpt(" ab ", 1, 3)).toEqual({ cell: null, text: "ab", words: "ab" });
    expect(excerpt(" ab ", 0, 4)).toEqual({ cell: null, text: "ab", words: "ab" });
  });
});
