#!/usr/bin/env bash
# Writes tests/files/corpus/libreoffice-encrypted.xls: LibreOffice (a real producer) saves the corpus
# workbook as Excel 97 (BIFF8) with the password "pw" (an RC4-encrypted Workbook stream, FILEPASS record).
# soffice --convert-to cannot pass a password, so a Basic macro in a throwaway profile stores it.
# LibreOffice 7.4 ignores the password when storing .xlsx, so the password-protected .xlsx files come
# from two other producers, each checked by a third (msoffcrypto-tool decrypts them back to the input):
#   corpus/poi-encrypted.xlsx          Apache POI 4 (Debian's libapache-poi-java), "standard" encryption
#                                      (AES-128, Excel 2007); POI's agile builder needs ooxml-security,
#                                      which Debian does not ship.
#   corpus/officecrypto-encrypted.xlsx officecrypto-tool 0.0.19 (npm, installed into a temp folder, not a
#                                      dependency), "agile" encryption (AES-256/SHA-512, Excel 2010 and later).
# Needs: libreoffice, default-jre-headless + libapache-poi-java, python3-msoffcrypto-tool, npm.
set -euo pipefail
cd "$(dirname "$0")"
out="$PWD/corpus"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
profile="$tmp/profile"
# The first start makes the profile (and its Standard Basic library).
soffice --headless -env:UserInstallation=file://$profile --convert-to csv --outdir "$tmp/init" "$out/libreoffice.xlsx" >/dev/null 2>&1
cat > "$profile/user/basic/Standard/Module1.xba" <<'XBA'
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub SaveWithPassword(src As String, dst As String, pw As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = &quot;Hidden&quot; : args(0).Value = True
  Dim doc As Object
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(src), &quot;_blank&quot;, 0, args())
  Dim props(1) As New com.sun.star.beans.PropertyValue
  props(0).Name = &quot;FilterName&quot; : props(0).Value = &quot;MS Excel 97&quot;
  props(1).Name = &quot;Password&quot; : props(1).Value = pw
  doc.storeToURL(ConvertToURL(dst), props())
  doc.close(True)
End Sub
</script:module>
XBA
soffice --headless -env:UserInstallation=file://$profile "macro:///Standard.Module1.SaveWithPassword(\"$out/libreoffice.xlsx\",\"$tmp/enc.xls\",\"pw\")" >/dev/null 2>&1
# Proof it is what the tests say: a CFB whose workbook SheetJS refuses as password-protected.
node -e '
const fs = require("fs");
const d = fs.readFileSync(process.argv[1]);
if (d.readUInt32BE(0) !== 0xd0cf11e0) throw new Error("not a CFB");
try { require("@e965/xlsx").read(d); throw new Error("readable without the password"); } catch (e) { if (!/password/i.test(e.message)) throw e; }
' "$tmp/enc.xls"
cp "$tmp/enc.xls" "$out/libreoffice-encrypted.xls"
echo "wrote $out/libreoffice-encrypted.xls"

J=/usr/share/java
CP=$J/poi.jar:$J/poi-ooxml.jar:$J/poi-ooxml-schemas.jar:$J/xmlbeans.jar:$J/commons-collections4.jar:$J/commons-math3.jar:$J/commons-codec.jar:$J/commons-compress.jar
java -cp "$CP" EncryptXlsx.java "$out/libreoffice.xlsx" "$tmp/poi.xlsx" pw standard
npm install --silent --no-audit --no-fund --prefix "$tmp/oct" officecrypto-tool@0.0.19 >/dev/null
NODE_PATH="$tmp/oct/node_modules" node -e '
const fs = require("fs");
fs.writeFileSync(process.argv[2], require("officecrypto-tool").encrypt(fs.readFileSync(process.argv[1]), { password: "pw" }));
' "$out/libreoffice.xlsx" "$tmp/oct.xlsx"
for f in poi oct; do
  /usr/bin/python3 - "$tmp/$f.xlsx" "$out/libreoffice.xlsx" <<'PY'
import io, sys, msoffcrypto
f = msoffcrypto.OfficeFile(open(sys.argv[1], "rb"))
assert f.is_encrypted(), "not encrypted"
f.load_key(password="pw")
o = io.BytesIO()
f.decrypt(o)
assert o.getvalue() == open(sys.argv[2], "rb").read(), "does not decrypt to the input"
print(sys.argv[1], f.type, "decrypts to the input")
PY
done
cp "$tmp/poi.xlsx" "$out/poi-encrypted.xlsx"
cp "$tmp/oct.xlsx" "$out/officecrypto-encrypted.xlsx"
echo "wrote $out/poi-encrypted.xlsx $out/officecrypto-encrypted.xlsx"
