#!/usr/bin/env bash
# Regenerates tests/files/corpus/: workbooks from three producers (the committed files are what
# the corpus test reads; rerun this after changing a generator). Needs node, Debian's
# python3-openpyxl and python3-pil, and LibreOffice (libreoffice-calc-nogui; libreoffice-writer-nogui for the .doc).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/corpus"
mkdir -p "$out"
node "$here/make-excel-style.js" "$out"
/usr/bin/python3 "$here/make-openpyxl.py" "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# LibreOffice opens the Excel-style workbook and saves it in its own way, as .xlsx, .xls (BIFF8) and .ods.
cp "$out/excel-style.xlsx" "$tmp/libreoffice.xlsx"
soffice --headless -env:UserInstallation=file://$tmp/profile --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir "$tmp/x" "$tmp/libreoffice.xlsx" >/dev/null
soffice --headless -env:UserInstallation=file://$tmp/profile --convert-to 'xls:MS Excel 97' --outdir "$tmp/x" "$tmp/libreoffice.xlsx" >/dev/null
soffice --headless -env:UserInstallation=file://$tmp/profile --convert-to ods --outdir "$tmp/x" "$tmp/libreoffice.xlsx" >/dev/null
cp "$tmp/x/libreoffice.xlsx" "$tmp/x/libreoffice.xls" "$tmp/x/libreoffice.ods" "$out/"
# A Word 97 document (not a workbook) whose text names the streams a workbook's compound file holds;
# needs LibreOffice Writer (libreoffice-writer-nogui).
printf 'Workbook と Book と EncryptedPackage の話。進捗管理表の説明書です。\n' > "$tmp/libreoffice-words.txt"
soffice --headless -env:UserInstallation=file://$tmp/profile --convert-to doc --outdir "$tmp/x" "$tmp/libreoffice-words.txt" >/dev/null
cp "$tmp/x/libreoffice-words.doc" "$out/"
ls -l "$out"
