#!/bin/sh
# t_report_files.sh - the annual report as files for spreadsheets:
# `iro report annual --format csv` (a folder: index.csv, report.csv and a
# CSV per table) and `--format xlsx` (a workbook: a Contents sheet and a
# sheet per table), on a synthetic service. Every CSV parses with the same
# number of fields in every row; the workbook is a well-formed zip of the
# right sheets whose every table agrees, cell for cell, with its CSV; text
# that a spreadsheet would run as a formula (an authority named
# =HYPERLINK(...)) is escaped in both and nothing is written as a formula;
# a public version shows no count from 1 to 5; the files are private to
# their owner; an output of the wrong kind (a file for the folder, a folder
# for the workbook) is refused.
. "$(dirname "$0")/lib.sh"

if ! "$IRO" report annual --help >/dev/null 2>&1; then
	ok "# SKIP iro report annual is not in this build yet"
	done_testing
	exit 0
fi

YEAR=2024-25
DB=$T/svc.db
EVIL='=HYPERLINK("http://example.com/x","Click me")'
"$IRO" synth --children 200 --seed 3 --history 6 --year "$YEAR" --out "$T/svc" >/dev/null 2>&1
"$IRO" init --db "$DB" >/dev/null 2>&1
check "a synthetic service loads" "$IRO" load "$T/svc/service.jsonl" --db "$DB"
# After the service, whose own setting names it "Westmere County Council".
printf '{"type":"setting","key":"authority_name","value":"%s"}\n' \
	"$(printf '%s' "$EVIL" | sed 's/"/\\"/g')" >"$T/name.jsonl"
check "the authority is renamed as a formula" "$IRO" load "$T/name.jsonl" --db "$DB"

report() { "$IRO" report annual --year "$YEAR" --db "$DB" "$@"; }

check "iro report annual --format csv writes a folder" \
	report --format csv --out "$T/csv"
check "iro report annual --format xlsx writes a workbook" \
	report --format xlsx --out "$T/report.xlsx"
check "iro report annual --format csv --public writes a folder" \
	report --format csv --out "$T/pub" --public
check "iro report annual --format xlsx --public writes a workbook" \
	report --format xlsx --out "$T/pub.xlsx" --public

same "the folder is made private (0700)" "$(stat -c %a "$T/csv" 2>&1)" 700
same "its files are private (0600)" \
	"$(stat -c %a "$T/csv"/*.csv 2>&1 | sort -u | tr '\n' ' ')" "600 "
same "the workbook is private (0600)" "$(stat -c %a "$T/report.xlsx" 2>&1)" 600

# ---- The files, checked by Python: one line per check, "ok|name|detail". -
cat >"$T/check.py" <<'EOF'
import csv, os, re, sys, zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "p": "http://schemas.openxmlformats.org/package/2006/relationships"}
FORMULA = ("=", "+", "-", "@", "\t", "\r")
OWN = re.compile(r"^-?[0-9.,]+$|^- \(0 of 0\)$")  # iro's own numbers

def say(good, name, detail=""):
    print("%s|%s|%s" % ("ok" if good else "not ok", name,
                        str(detail).replace("\n", " ")[:400]))

def read_csv(path):
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        raise ValueError("has a byte order mark")
    if b"\r" in raw:
        raise ValueError("has a CR (LF line ends expected)")
    text = raw.decode("utf-8")
    return list(csv.reader(text.splitlines(True), strict=True))

def col_index(ref):
    n = 0
    for ch in re.match(r"[A-Z]+", ref).group(0):
        n = n * 26 + ord(ch) - 64
    return n - 1

def cell_text(si):
    return "".join(t.text or "" for t in si.iter("{%s}t" % NS["m"]))

class Book:
    def __init__(self, path):
        self.z = zipfile.ZipFile(path)
        names = self.z.namelist()
        wb = ET.fromstring(self.z.read("xl/workbook.xml"))
        rels = ET.fromstring(self.z.read("xl/_rels/workbook.xml.rels"))
        target = {r.get("Id"): r.get("Target") for r in rels}
        self.sheets = []  # (name, part)
        for s in wb.find("m:sheets", NS):
            t = target[s.get("{%s}id" % NS["r"])]
            self.sheets.append((s.get("name"), "xl/" + t.lstrip("/").replace("xl/", "", 1)))
        self.strings = []
        if "xl/sharedStrings.xml" in names:
            sst = ET.fromstring(self.z.read("xl/sharedStrings.xml"))
            self.strings = [cell_text(si) for si in sst.findall("m:si", NS)]

    def xml(self, part):
        return self.z.read(part).decode("utf-8")

    def grid(self, part):
        """{row (1-based): {col (0-based): value}}: str, float or None."""
        g = {}
        for row in ET.fromstring(self.z.read(part)).iter("{%s}row" % NS["m"]):
            cells = g.setdefault(int(row.get("r")), {})
            for c in row.findall("m:c", NS):
                v = c.find("m:v", NS)
                t = c.get("t")
                if t == "s":
                    val = self.strings[int(v.text)]
                elif t == "inlineStr":
                    val = cell_text(c)
                elif t == "str":
                    val = v.text if v is not None else ""
                else:
                    val = float(v.text) if v is not None else None
                cells[col_index(c.get("r"))] = val
        return g

def check_folder(d, label):
    index = read_csv(os.path.join(d, "index.csv"))
    say(index[0] == ["file", "title", "note", "seeds"],
        label + ": index.csv has the columns file,title,note,seeds", index[0])
    files = [row[0] for row in index[1:]]
    say(len(files) > 0, label + ": index.csv lists tables", len(files))
    present = sorted(f for f in os.listdir(d) if not f.startswith("."))
    want = sorted(files + ["index.csv", "report.csv"])
    say(present == want,
        label + ": the folder holds index.csv, report.csv and one file per table listed",
        "got %s" % present)
    tables, bad = {}, []
    for f in ["index.csv", "report.csv"] + files:
        try:
            rows = read_csv(os.path.join(d, f))
            widths = {len(r) for r in rows}
            if not rows or len(widths) != 1:
                bad.append("%s: fields per row %s" % (f, sorted(widths)))
            tables[f] = rows
        except Exception as e:  # a missing file or bad CSV
            bad.append("%s: %s" % (f, e))
    say(not bad, label + ": every CSV parses, UTF-8, LF, no BOM, the same number of fields in every row", bad)
    return index, tables

def unescaped(cells):
    return [c for c in cells if c.startswith(FORMULA) and not OWN.match(c)]

def check_escaping(tables, label):
    loose = []
    for f, rows in tables.items():
        for r in rows:
            loose += ["%s: %r" % (f, c) for c in unescaped(r)]
    say(not loose, label + ": no CSV cell starts as a formula (=, +, -, @)", loose[:5])

def is_num(s):
    try:
        float(s)
        return True
    except ValueError:
        return False

def compare(book, index, tables, label):
    names = [n for n, _ in book.sheets]
    say(len(names) == len(index) and names[0] == "Contents",
        label + ": the workbook has Contents and one sheet per table",
        "%d sheets for %d tables" % (len(names), len(index) - 1))
    parts = set(book.z.namelist())
    say(all(p in parts for _, p in book.sheets) and
        all("xl/worksheets/sheet%d.xml" % (i + 1) in parts for i in range(len(names))),
        label + ": a zip with xl/workbook.xml and xl/worksheets/sheetN.xml for each sheet")
    formulas = [n for n, p in book.sheets if "<f>" in book.xml(p) or "<f " in book.xml(p)]
    say(not formulas, label + ": no cell of the workbook is a formula", formulas)
    loose = [s for s in book.strings if s.startswith(FORMULA) and not OWN.match(s)]
    say(not loose, label + ": no string of the workbook starts as a formula (=, +, -, @)", loose[:5])

    diffs = []
    for i, row in enumerate(index[1:]):
        if i + 1 >= len(book.sheets):
            break
        f, title, note = row[0], row[1], row[2]
        g = book.grid(book.sheets[i + 1][1])
        csvrows = tables.get(f, [])
        if g.get(1, {}).get(0) != title:
            diffs.append("%s: title %r" % (f, g.get(1, {}).get(0)))
        if note and g.get(2, {}).get(0) != note:
            diffs.append("%s: note %r" % (f, g.get(2, {}).get(0)))
        if max(g) != 2 + len(csvrows):
            diffs.append("%s: %d rows in the sheet, %d in the CSV" % (f, max(g) - 2, len(csvrows)))
        head = csvrows[0] if csvrows else []
        for r, crow in enumerate(csvrows):
            xrow = g.get(3 + r, {})
            for j, s in enumerate(crow):
                x = xrow.get(j)
                pct = (j + 2 < len(head) and head[j + 1] == head[j] + " n"
                       and head[j + 2] == head[j] + " of")
                if r == 0 or j == 0 or s == "c" or not is_num(s):
                    good = (x or "") == s
                elif pct and "." in s and isinstance(x, float):
                    good = "%.1f" % (x * 100) == s or abs(x - float(s)) < 1e-9
                else:
                    good = isinstance(x, float) and abs(x - float(s)) < 1e-9
                if s == "" and r > 0 and j > 0:
                    good = x is None or x == ""
                if not good:
                    diffs.append("%s row %d col %d: csv %r xlsx %r" % (f, r, j, s, x))
    say(not diffs and len(index) > 1,
        label + ": every sheet's title, note, header and cells agree with its CSV",
        diffs[:5])

def contents(book):
    g = book.grid(book.sheets[0][1])
    return [v for row in g.values() for v in row.values() if isinstance(v, str)]

def small_counts(tables, index, threshold=5):
    found = []
    for row in index[1:]:
        rows = tables.get(row[0], [])
        if not rows:
            continue
        head = rows[0]
        pct = {j for j in range(1, len(head) - 2)
               if head[j + 1] == head[j] + " n" and head[j + 2] == head[j] + " of"}
        for r in rows[1:]:
            for j, s in enumerate(r):
                if j == 0 or j in pct or not re.match(r"^[0-9]+$", s):
                    continue
                if 1 <= int(s) <= threshold:
                    found.append("%s %r %s=%s" % (row[0], r[0], head[j], s))
    return found

mode, d, xlsx, evil = sys.argv[1:5]
label = "public" if mode == "public" else "full"
index, tables = check_folder(d, label + " CSV")
check_escaping(tables, label + " CSV")
about = {r[0]: r[1] for r in tables.get("report.csv", [])[1:]}
book = Book(xlsx)
compare(book, index, tables, label)
texts = contents(book)
if mode == "public":
    say(about.get("version") == "public" and "shown as c" in about.get("notice", ""),
        "public CSV: report.csv says it is the public version and what c means", about.get("notice"))
    say(any("shown as c" in t for t in texts),
        "public XLSX: Contents says what c means")
    small = small_counts(tables, index)
    say(not small, "public CSV: no count from 1 to 5 is shown", small[:5])
    shown_c = sum(c == "c" for rows in tables.values() for r in rows for c in r)
    say(shown_c > 0, "public CSV: small numbers are shown as c", shown_c)
else:
    say(about.get("authority") == "'" + evil,
        "CSV: the authority named as a formula is written with a quote before it",
        about.get("authority"))
    say("'" + evil in texts and evil not in texts,
        "XLSX: Contents names the authority with a quote before it, as text",
        [t for t in texts if "HYPERLINK" in t])
    say(about.get("version") == "OFFICIAL-SENSITIVE" and
        any("OFFICIAL-SENSITIVE. Do not publish." in t for t in texts),
        "the full version is marked OFFICIAL-SENSITIVE in report.csv and Contents")
    say(len(small_counts(tables, index)) > 0,
        "the full version shows counts from 1 to 5 (the public check can fail)")
EOF

run_checks full "$T/csv" "$T/report.xlsx" "$EVIL"
run_checks public "$T/pub" "$T/pub.xlsx" "$EVIL"

# ---- Outputs of the wrong kind are refused, and left alone. -------------
echo "not a folder" >"$T/afile"
if report --format csv --out "$T/afile" >"$T/out" 2>&1; then
	not_ok "a file given as the CSV folder is refused" "$(cat "$T/out")"
else
	contains "a file given as the CSV folder is refused" "$(cat "$T/out")" "not a folder"
fi
same "and the file is left as it was" "$(cat "$T/afile")" "not a folder"
mkdir "$T/adir"
if report --format xlsx --out "$T/adir" >"$T/out" 2>&1; then
	not_ok "a folder given as the workbook is refused" "$(cat "$T/out")"
else
	contains "a folder given as the workbook is refused" "$(cat "$T/out")" "not a file"
fi
same "and nothing is left beside it" "$(ls -A "$T" | grep -c '^adir\.')" 0

done_testing
