#!/usr/bin/env python3
"""Test workbooks as openpyxl writes them (Debian's python3-openpyxl 3.0.x, python3-pil):
absolute part names (/xl/drawings/drawing1.xml), legacy comments, an embedded chart, an image,
a table, conditional formats, data validation, defined names, print titles, frozen panes,
hyperlinks, a hidden sheet and a second progress sheet.

    /usr/bin/python3 tests/files/make-openpyxl.py OUT_DIR
"""
import os
import sys
import io
import struct
import zlib

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill, Alignment
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.drawing.image import Image

HEADER = ["番号", "項目名", "めざすべき状態", "目標達成水準", "行動計画・取組内容", "中間自己評価と下半期の方向性", "期末自己評価", "翌年度にむけた課題と方向性"]
ITEMS = [
    ("区CM制度の適切な運用", "①区CM事業のPDCAが適切と評価する区長の割合\n2年度 21 区長/24 区長 3年度 22 区長/24 区長\n②権限等が適切に整理されていると考える区長の割合\n2年度 21 区長/24 区長", "・アンケートの結果、目標①②ともに達成できた。\n＜①＞23区長／24区長　＜②＞24区長／24区長"),
    ("区役所業務の標準化", "2年度 標準化の計画策定 1年目の標準化計画達成\n3年度 2年目の標準化計画達成", "標準化計画に沿って取組を進め、1年目の計画を達成した。"),
    ("職員研修の充実", "①制度を理解している職員の割合\n2年度 80%以上 3年度 85%以上\n②研修の実施回数\n2年度 3回以上", "研修を実施した。\n＜①＞ 実績 72.4% ＜②＞ 実績 3回"),
    ("事務処理の迅速化", "R2年度：平均処理日数 3.5日以内", "処理手順を見直した。\n実績：5.0日"),
    ("窓口サービスの改善", "2年度 満足度 90%以上", None),
]


def png():
    raw = b"\x00\xff\x80\x00"
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def progress(ws, title, items):
    ws["A1"] = title
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:H1")
    for i, h in enumerate(HEADER, 1):
        c = ws.cell(row=3, column=i, value=h)
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="DDEBF7")
    for n, (title_, target, final) in enumerate(items, 1):
        r = n + 3
        row = [n, title_, "めざすべき状態の説明文。", target, "【第1四半期】取組を進める。", "おおむね計画どおり。", final, "課題を洗い出す。"]
        for i, v in enumerate(row, 1):
            c = ws.cell(row=r, column=i, value=v)
            c.alignment = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions["B"].width = 30
    ws.column_dimensions["D"].width = 40
    ws.freeze_panes = "A4"


def main(out):
    os.makedirs(out, exist_ok=True)
    wb = Workbook()
    ws = wb.active
    ws.title = "進捗状況"
    progress(ws, "令和2年度 市政改革プラン3.0 総務部会所管項目の進捗状況", ITEMS)
    last = len(ITEMS) + 3
    ws["D4"].comment = Comment("目標値を確認してください。", "事務局")
    ws["B5"].hyperlink = "https://www.city.example.lg.jp/kaikaku/"
    ws["J3"], ws["K3"] = "メモ", "担当"
    for i in range(3):
        ws.cell(row=4 + i, column=10, value=f"メモ{i + 1}")
        ws.cell(row=4 + i, column=11, value=f"担当{i + 1}")
    table = Table(displayName="Memo", ref="J3:K6")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(table)
    ws.conditional_formatting.add(f"A4:A{last}", CellIsRule(operator="greaterThan", formula=["3"], fill=PatternFill("solid", bgColor="FFC7CE")))
    dv = DataValidation(type="list", formula1='"課題あり,課題なし"', allow_blank=True)
    ws.add_data_validation(dv)
    dv.add(f"H4:H{last}")
    chart = BarChart()
    chart.add_data(Reference(ws, min_col=1, min_row=4, max_row=last))
    chart.set_categories(Reference(ws, min_col=2, min_row=4, max_row=last))
    ws.add_chart(chart, "B12")
    img = Image(io.BytesIO(png()))
    ws.add_image(img, "F12")
    ws.print_title_rows = "3:3"
    wb.defined_names.append(DefinedName("対象範囲", attr_text=f"'進捗状況'!$A$3:$H${last}"))
    second = wb.create_sheet("第2期")
    progress(second, "令和2年度 市政改革プラン3.0 総務部会所管項目の進捗状況（第2期）", ITEMS[:3])
    hidden = wb.create_sheet("非表示")
    hidden["A1"] = "非表示のメモ"
    hidden.sheet_state = "hidden"
    wb.save(os.path.join(out, "openpyxl.xlsx"))
    print(f"wrote {out}/openpyxl.xlsx")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "corpus"))
