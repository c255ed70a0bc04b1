#!/usr/bin/env node
/**
 * Writes test workbooks part by part as Excel writes them (no spreadsheet library): a progress
 * sheet with an embedded chart and an image, legacy comments, a table (ListObject), conditional
 * formats, a user's data validation, defined names and print titles, frozen panes, hyperlinks,
 * a second progress sheet, a hidden sheet and a chart sheet; and the same as .xlsm with a
 * vbaProject.bin. Deterministic: the same bytes on every run.
 *
 *   node tests/files/make-excel-style.js OUT_DIR
 */
const fs = require("fs");
const path = require("path");
const { zipSync, strToU8 } = require("fflate");

const HEADER = ["番号", "項目名", "めざすべき状態", "目標達成水準", "行動計画・取組内容", "中間自己評価と下半期の方向性", "期末自己評価", "翌年度にむけた課題と方向性"];
// Rows as the bench generator's templates (one per status): tests/files/corpus.test.ts knows their verdicts.
const ITEMS = [
  ["区CM制度の適切な運用", "①区CM事業のPDCAが適切と評価する区長の割合\n2年度 21 区長/24 区長 3年度 22 区長/24 区長\n②権限等が適切に整理されていると考える区長の割合\n2年度 21 区長/24 区長", "・アンケートの結果、目標①②ともに達成できた。\n＜①＞23区長／24区長　＜②＞24区長／24区長"],
  ["区役所業務の標準化", "2年度 標準化の計画策定 1年目の標準化計画達成\n3年度 2年目の標準化計画達成", "標準化計画に沿って取組を進め、1年目の計画を達成した。"],
  ["職員研修の充実", "①制度を理解している職員の割合\n2年度 80%以上 3年度 85%以上\n②研修の実施回数\n2年度 3回以上", "研修を実施した。\n＜①＞ 実績 72.4% ＜②＞ 実績 3回"],
  ["事務処理の迅速化", "R2年度：平均処理日数 3.5日以内", "処理手順を見直した。\n実績：5.0日"],
  ["窓口サービスの改善", "2年度 満足度 90%以上", ""],
];

const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const col = (n) => (n <= 26 ? String.fromCharCode(64 + n) : String.fromCharCode(64 + Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));

// A 1×1 PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

function sharedStrings() {
  const list = [];
  const index = new Map();
  const add = (s) => {
    if (!index.has(s)) {
      index.set(s, list.length);
      list.push(s);
    }
    return index.get(s);
  };
  return { list, add };
}

function progressSheet(ss, title, items, extras) {
  const rows = [];
  rows.push(`<row r="1" spans="1:8" ht="21" customHeight="1"><c r="A1" s="3" t="s"><v>${ss.add(title)}</v></c></row>`);
  rows.push(`<row r="3" spans="1:11" s="1" customFormat="1">${HEADER.map((h, i) => `<c r="${col(i + 1)}3" s="1" t="s"><v>${ss.add(h)}</v></c>`).join("")}${extras.table ? `<c r="J3" s="1" t="s"><v>${ss.add("メモ")}</v></c><c r="K3" s="1" t="s"><v>${ss.add("担当")}</v></c>` : ""}</row>`);
  items.forEach((it, i) => {
    const r = i + 4;
    const cells = [`<c r="A${r}"><v>${i + 1}</v></c>`];
    // B: rich text with a furigana run, kept in the shared strings as Excel does (see RICH below).
    cells.push(`<c r="B${r}" s="2" t="s"><v>${i === 0 && extras.rich ? extras.rich : ss.add(it[0])}</v></c>`);
    cells.push(`<c r="C${r}" s="2" t="s"><v>${ss.add("めざすべき状態の説明文。")}</v></c>`);
    cells.push(`<c r="D${r}" s="2" t="s"><v>${ss.add(it[1])}</v></c>`);
    cells.push(`<c r="E${r}" s="2" t="s"><v>${ss.add("【第1四半期】取組を進める。")}</v></c>`);
    cells.push(`<c r="F${r}" s="2" t="s"><v>${ss.add("おおむね計画どおり。")}</v></c>`);
    if (it[2]) cells.push(`<c r="G${r}" s="2" t="s"><v>${ss.add(it[2])}</v></c>`);
    cells.push(`<c r="H${r}" s="2" t="s"><v>${ss.add("課題を洗い出す。")}</v></c>`);
    if (extras.table && i < 3) cells.push(`<c r="J${r}" t="s"><v>${ss.add(`メモ${i + 1}`)}</v></c><c r="K${r}" t="s"><v>${ss.add(`担当${i + 1}`)}</v></c>`);
    rows.push(`<row r="${r}" spans="1:11">${cells.join("")}</row>`);
  });
  const last = items.length + 3;
  const parts = [
    XML,
    `<worksheet ${NS} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">`,
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`,
    `<dimension ref="A1:${extras.table ? "K" : "H"}${last}"/>`,
    `<sheetViews><sheetView tabSelected="${extras.selected ? 1 : 0}" workbookViewId="0"><pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="B4" sqref="B4"/></sheetView></sheetViews>`,
    `<sheetFormatPr defaultRowHeight="18.75" x14ac:dyDescent="0.4"/>`,
    `<cols><col min="1" max="1" width="6.625" customWidth="1"/><col min="2" max="8" width="30.625" customWidth="1"/><col min="9" max="16384" width="9" style="4"/></cols>`,
    `<sheetData>${rows.join("")}</sheetData>`,
    `<mergeCells count="1"><mergeCell ref="A1:H1"/></mergeCells>`,
  ];
  if (extras.conditional) parts.push(`<conditionalFormatting sqref="G4:G${last}"><cfRule type="containsBlanks" dxfId="0" priority="1"><formula>LEN(TRIM(G4))=0</formula></cfRule></conditionalFormatting>`);
  if (extras.validation) parts.push(`<dataValidations count="1"><dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="H4:H${last}"><formula1>"課題あり,課題なし"</formula1></dataValidation></dataValidations>`);
  if (extras.hyperlink) parts.push(`<hyperlinks><hyperlink ref="B5" r:id="rIdLink" display="詳細"/><hyperlink ref="C5" location="'${extras.hyperlinkTarget}'!A1" display="内部"/></hyperlinks>`);
  parts.push(`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`);
  parts.push(`<pageSetup paperSize="9" orientation="landscape" fitToHeight="0"/>`);
  if (extras.drawing) parts.push(`<drawing r:id="rIdDrawing"/>`);
  if (extras.comments) parts.push(`<legacyDrawing r:id="rIdVml"/>`);
  if (extras.table) parts.push(`<tableParts count="1"><tablePart r:id="rIdTable"/></tableParts>`);
  parts.push(`</worksheet>`);
  return parts.join("");
}

function chartXml(sheet, rows) {
  return `${XML}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}"><c:roundedCorners val="0"/><c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>'${sheet}'!$B$4:$B$${rows}</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>'${sheet}'!$A$4:$A$${rows}</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;
}

function build(macro) {
  const ss = sharedStrings();
  // A rich-text string with a phonetic (furigana) run: readers must give 「区CM制度の適切な運用」 only.
  ss.add("placeholder");
  const richIndex = ss.list.length;
  ss.list.push(null);
  const files = {};
  files["xl/worksheets/sheet1.xml"] = progressSheet(ss, "令和2年度 市政改革プラン3.0 総務部会所管項目の進捗状況", ITEMS, { rich: richIndex, conditional: true, validation: true, hyperlink: true, hyperlinkTarget: "第2期", drawing: true, comments: true, table: true, selected: true });
  files["xl/worksheets/sheet2.xml"] = progressSheet(ss, "令和2年度 市政改革プラン3.0 総務部会所管項目の進捗状況（第2期）", ITEMS.slice(0, 3), {});
  files["xl/worksheets/sheet3.xml"] = `${XML}<worksheet ${NS}><dimension ref="A1"/><sheetData><row r="1"><c r="A1" t="s"><v>${ss.add("非表示のメモ")}</v></c></row></sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  const si = ss.list.map((s, i) =>
    i === richIndex
      ? `<si><r><rPr><b/><sz val="11"/><rFont val="游ゴシック"/><family val="3"/><charset val="128"/></rPr><t>区CM制度</t></r><r><rPr><sz val="11"/><rFont val="游ゴシック"/><family val="3"/><charset val="128"/></rPr><t>の適切な運用</t></r><rPh sb="0" eb="1"><t>ク</t></rPh><rPh sb="4" eb="6"><t>セイド</t></rPh><phoneticPr fontId="1"/></si>`
      : `<si><t${/^\s|\s$|\n/.test(s) ? ' xml:space="preserve"' : ""}>${esc(s)}</t></si>`,
  );
  files["xl/sharedStrings.xml"] = `${XML}<sst ${NS.split(" ")[0]} count="${si.length}" uniqueCount="${si.length}">${si.join("")}</sst>`;
  files["xl/worksheets/_rels/sheet1.xml.rels"] = `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdTable" Type="${REL}/table" Target="../tables/table1.xml"/><Relationship Id="rIdVml" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/><Relationship Id="rIdComments" Type="${REL}/comments" Target="../comments1.xml"/><Relationship Id="rIdDrawing" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/><Relationship Id="rIdLink" Type="${REL}/hyperlink" Target="https://www.city.example.lg.jp/kaikaku/" TargetMode="External"/></Relationships>`;
  files["xl/tables/table1.xml"] = `${XML}<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="メモ表" displayName="メモ表" ref="J3:K6" totalsRowShown="0"><autoFilter ref="J3:K6"/><tableColumns count="2"><tableColumn id="1" name="メモ"/><tableColumn id="2" name="担当"/></tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
  files["xl/comments1.xml"] = `${XML}<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>事務局</author></authors><commentList><comment ref="D4" authorId="0" shapeId="0"><text><r><rPr><b/><sz val="9"/><color indexed="81"/><rFont val="MS P ゴシック"/><family val="3"/><charset val="128"/></rPr><t>事務局:</t></r><r><rPr><sz val="9"/><color indexed="81"/><rFont val="MS P ゴシック"/><family val="3"/><charset val="128"/></rPr><t xml:space="preserve">
目標値を確認してください。</t></r></text></comment></commentList></comments>`;
  files["xl/drawings/vmlDrawing1.vml"] = `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype><v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;margin-left:300pt;margin-top:30pt;width:120pt;height:60pt;z-index:1;visibility:hidden" fillcolor="infoBackground [80]" o:insetmode="auto"><v:fill color2="infoBackground [80]"/><v:shadow color="none [81]" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>4, 15, 3, 10, 6, 15, 7, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>3</x:Row><x:Column>3</x:Column></x:ClientData></v:shape></xml>`;
  const anchor = (from, to, inner) => `<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>${from}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>10</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>${to}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>20</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${inner}<xdr:clientData/></xdr:twoCellAnchor>`;
  const DR = 'xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';
  files["xl/drawings/drawing1.xml"] = `${XML}<xdr:wsDr ${DR}>${anchor(1, 4, `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="グラフ 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame>`)}${anchor(5, 6, `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="3" name="図 2"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip xmlns:r="${REL}" r:embed="rId2"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>`)}</xdr:wsDr>`;
  files["xl/drawings/_rels/drawing1.xml.rels"] = `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/><Relationship Id="rId2" Type="${REL}/image" Target="../media/image1.png"/></Relationships>`;
  files["xl/media/image1.png"] = PNG;
  files["xl/charts/chart1.xml"] = chartXml("進捗状況", ITEMS.length + 3);
  files["xl/charts/chart2.xml"] = chartXml("進捗状況", ITEMS.length + 3);
  files["xl/chartsheets/sheet1.xml"] = `${XML}<chartsheet ${NS}><sheetPr/><sheetViews><sheetView workbookViewId="0" zoomToFit="1"/></sheetViews><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/></chartsheet>`;
  files["xl/chartsheets/_rels/sheet1.xml.rels"] = `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing2.xml"/></Relationships>`;
  files["xl/drawings/drawing2.xml"] = `${XML}<xdr:wsDr ${DR}><xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="8666000" cy="6293000"/><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="グラフ 1"/><xdr:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:absoluteAnchor></xdr:wsDr>`;
  files["xl/drawings/_rels/drawing2.xml.rels"] = `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart2.xml"/></Relationships>`;
  files["xl/styles.xml"] = `${XML}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="176" formatCode="0.0%"/></numFmts><fonts count="3"><font><sz val="11"/><color theme="1"/><name val="游ゴシック"/><family val="2"/><charset val="128"/><scheme val="minor"/></font><font><b/><sz val="11"/><color theme="1"/><name val="游ゴシック"/><family val="3"/><charset val="128"/><scheme val="minor"/></font><font><b/><sz val="14"/><color theme="1"/><name val="游ゴシック"/><family val="3"/><charset val="128"/><scheme val="minor"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color indexed="64"/></left><right style="thin"><color indexed="64"/></right><top style="thin"><color indexed="64"/></top><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf><xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf><xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"><alignment vertical="center"/></xf><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="center" shrinkToFit="1"/></xf></cellXfs><cellStyles count="1"><cellStyle name="標準" xfId="0" builtinId="0"/></cellStyles><dxfs count="1"><dxf><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`;
  const sheets = [
    ["進捗状況", 1, "rId1", ""],
    ["第2期", 2, "rId2", ""],
    ["グラフ", 3, "rId3", ""],
    ["非表示", 4, "rId4", ' state="hidden"'],
  ];
  files["xl/workbook.xml"] = `${XML}<workbook ${NS}><fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/><workbookPr${macro ? ' codeName="ThisWorkbook"' : ""} defaultThemeVersion="166925"/><bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15840"/></bookViews><sheets>${sheets.map(([n, id, rid, st]) => `<sheet name="${n}" sheetId="${id}"${st} r:id="${rid}"/>`).join("")}</sheets><definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">進捗状況!$3:$3</definedName><definedName name="対象範囲">進捗状況!$A$3:$H$${ITEMS.length + 3}</definedName></definedNames><calcPr calcId="191029"/></workbook>`;
  files["xl/_rels/workbook.xml.rels"] = `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId6" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId4" Type="${REL}/worksheet" Target="worksheets/sheet3.xml"/><Relationship Id="rId7" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>${macro ? `<Relationship Id="rId8" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>` : ""}</Relationships>`;
  if (macro) {
    // Not a working VBA project, but bytes that must come back untouched (an OLE header and a pattern).
    const bin = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bin);
    for (let i = 8; i < bin.length; i++) bin[i] = (i * 31 + 7) & 0xff;
    files["xl/vbaProject.bin"] = bin;
  }
  files["docProps/app.xml"] = `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><AppVersion>16.0300</AppVersion></Properties>`;
  files["docProps/core.xml"] = `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>総務局</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2021-04-30T00:00:00Z</dcterms:created></cp:coreProperties>`;
  files["_rels/.rels"] = `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const ov = (p, t) => `<Override PartName="/${p}" ContentType="${t}"/>`;
  const SML = "application/vnd.openxmlformats-officedocument.spreadsheetml";
  const DML = "application/vnd.openxmlformats-officedocument.drawing";
  files["[Content_Types].xml"] =
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="png" ContentType="image/png"/>${macro ? '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>' : ""}<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>` +
    ov("xl/workbook.xml", macro ? "application/vnd.ms-excel.sheet.macroEnabled.main+xml" : `${SML}.sheet.main+xml`) +
    ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"].map((p) => ov(p, `${SML}.worksheet+xml`)).join("") +
    ov("xl/chartsheets/sheet1.xml", `${SML}.chartsheet+xml`) +
    ov("xl/styles.xml", `${SML}.styles+xml`) +
    ov("xl/sharedStrings.xml", `${SML}.sharedStrings+xml`) +
    ov("xl/tables/table1.xml", `${SML}.table+xml`) +
    ov("xl/comments1.xml", `${SML}.comments+xml`) +
    ov("xl/drawings/drawing1.xml", `${DML}.drawing+xml`) +
    ov("xl/drawings/drawing2.xml", `${DML}.drawing+xml`) +
    ov("xl/charts/chart1.xml", `${DML}ml.chart+xml`) +
    ov("xl/charts/chart2.xml", `${DML}ml.chart+xml`) +
    ov("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml") +
    ov("docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml") +
    `</Types>`;
  const order = ["[Content_Types].xml", "_rels/.rels", ...Object.keys(files).filter((k) => k !== "[Content_Types].xml" && k !== "_rels/.rels").sort()];
  const entries = {};
  // A fixed timestamp, so the file is the same on every run.
  for (const k of order) entries[k] = [typeof files[k] === "string" ? strToU8(files[k]) : new Uint8Array(files[k]), { mtime: new Date("2021-04-30T09:00:00") }];
  return Buffer.from(zipSync(entries, { level: 6 }));
}

const out = process.argv[2] || path.join(__dirname, "corpus");
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, "excel-style.xlsx"), build(false));
fs.writeFileSync(path.join(out, "excel-style.xlsm"), build(true));
console.log(`wrote ${out}/excel-style.xlsx, excel-style.xlsm`);
