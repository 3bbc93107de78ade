#!/bin/sh
# t_report_html.sh - the annual report as HTML (`iro report annual --format
# html`) on a synthetic service: one file that stands alone (nothing fetched:
# no src="http...", <link>, script, @import or url()), well formed with every
# value escaped (an authority named with <, & and quotes), a title and a
# description on every chart, the kinds of chart the report asks for, every
# table of the JSON report under its title and every chapter in the contents;
# a public version shows no count from 1 to 5 in any table cell and says
# what it hides, the other carries the OFFICIAL-SENSITIVE notice; and, when
# Chromium is installed, both print to an A4 PDF of a plausible length.
. "$(dirname "$0")/lib.sh"

if ! "$IRO" report annual --help >/dev/null 2>&1; then
	ok "# SKIP iro report annual is not in this build yet"
	done_testing
	exit 0
fi

YEAR=2024-25
DB=$T/svc.db
AUTHORITY='Borough of <Testshire> & "Quote'"'"'s"'
"$IRO" synth --children 200 --seed 3 --history 6 --year "$YEAR" --out "$T/svc" >/dev/null 2>&1
"$IRO" init --db "$DB" >/dev/null 2>&1
check "a synthetic service loads" "$IRO" load "$T/svc/service.jsonl" --db "$DB"
# After the service, whose own setting names it "Westmere County Council".
printf '{"type":"setting","key":"authority_name","value":"%s"}\n' \
	"$(printf '%s' "$AUTHORITY" | sed 's/"/\\"/g')" >"$T/name.jsonl"
check "the authority is renamed with <, & and quotes" "$IRO" load "$T/name.jsonl" --db "$DB"

report() { "$IRO" report annual --year "$YEAR" --db "$DB" "$@"; }

mkdir "$T/full" "$T/pub"
check "iro report annual --format html writes the report" \
	report --format html --out "$T/full/report.html"
check "... and with --public, a public version" \
	report --format html --out "$T/pub/report.html" --public
check "... and as JSON, to check the HTML against" \
	report --format json --out "$T/report.json"
FULL=$T/full/report.html
PUB=$T/pub/report.html

same "one file is written, nothing beside it" "$(ls -A "$T/full")" report.html
same "... for the public version too" "$(ls -A "$T/pub")" report.html
for f in "$FULL" "$PUB"; do
	same "$(basename "$(dirname "$f")"): no external reference" \
		"$(grep -ioE 'src="http|<link|<script|@import|url\(|<img|<iframe|<object' "$f" | sort -u | tr '\n' ' ')" ""
done

# ---- The document's structure, read by Python's HTML parser. -------------
# Prints one line per finding; the checks below compare them.
cat >"$T/read.py" <<'EOF'
import html.parser, json, re, sys

VOID = {"meta", "br", "hr", "img", "input", "link", "col", "wbr", "source"}

class Reader(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors = [], []
        self.svgs = self.svg_titles = self.svg_roles = 0
        self.kinds = set()
        self.h2, self.h3, self.contents, self.ids = [], [], [], set()
        self.cells, self.text = [], []
        self.grab = None   # the tag whose text is being gathered
        self.in_nav = False
        self.nav_depth = 0
        self.pending_svg = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if self.pending_svg:
            self.svg_titles += tag == "title"
            self.pending_svg = False
        if tag == "svg":
            self.svgs += 1
            self.pending_svg = True
            if a.get("role") == "img" and a.get("aria-label"):
                self.svg_roles += 1
                self.kinds.add(a["aria-label"].split(":")[0])
        if tag == "nav":
            self.in_nav = True
        if tag == "a" and self.in_nav and len([t for t in self.stack if t == "ol"]) == 1:
            self.contents.append([a.get("href", ""), ""])
            self.grab = "a"
        if tag in ("h2", "h3", "td") and not self.in_nav:
            self.grab, self.text = tag, []
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        if "id" in dict(attrs):
            self.ids.add(dict(attrs)["id"])
        self.pending_svg = False

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append("</%s> closes <%s>" % (tag, self.stack[-1] if self.stack else ""))
            return
        self.stack.pop()
        if tag == "nav":
            self.in_nav = False
        if tag == self.grab:
            text = " ".join("".join(self.text).split())
            if tag == "a":
                self.contents[-1][1] = text
            elif tag == "h2":
                self.h2.append(text)
            elif tag == "h3":
                self.h3.append(text)
            else:
                self.cells.append(text)
            self.grab, self.text = None, []

    def handle_data(self, data):
        if self.grab:
            self.text.append(data)

def main(path, json_path):
    raw = open(path, "rb").read()
    try:
        doc = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        print("utf8 no:", e)
        return
    r = Reader()
    r.feed(doc)
    r.close()
    print("balanced", "yes" if not r.errors and not r.stack else "no: %s %s" % (r.errors[:3], r.stack[-3:]))
    print("svgs", r.svgs)
    print("svg-titles", r.svg_titles)
    print("svg-roles", r.svg_roles)
    print("kinds", "|".join(sorted(r.kinds)))
    # Chapters: "1 Title" headings; the contents names the same, in order,
    # and each link reaches an id in the document.
    chapters = [re.sub(r"^\d+ ", "", h) for h in r.h2 if re.match(r"^\d+ ", h)]
    print("chapters", len(chapters))
    print("contents-agree", "yes" if [c[1] for c in r.contents] == chapters else
          "no: %s vs %s" % ([c[1] for c in r.contents], chapters))
    dead = [c[0] for c in r.contents if c[0][1:] not in r.ids]
    print("dead-links", " ".join(dead))
    # Every table of the JSON report is under its title, in order.
    tables = [t["title"] for t in json.load(open(json_path))["tables"]]
    shown = [re.sub(r"^Table \d+ ", "", h) for h in r.h3]
    print("tables-agree", "yes" if shown == tables else
          "no: %s" % [t for t in tables if t not in shown][:3])
    # Counts in table cells: a plain count, and a rate's "n of d".
    small = []
    for cell in r.cells:
        nums = []
        if re.fullmatch(r"[0-9,]+", cell):
            nums.append(cell)
        for n, d in re.findall(r"([0-9,]+) of ([0-9,]+)", cell):
            nums += [n, d]
        small += [n for n in nums if 1 <= int(n.replace(",", "")) <= 5]
    print("cells", len(r.cells))
    print("small-counts", len(small))
    print("c-cells", sum(1 for c in r.cells if c == "c"))

main(sys.argv[1], sys.argv[2])
EOF

read_html() { python3 "$T/read.py" "$1" "$T/report.json" 2>&1; }
field() { printf '%s\n' "$1" | sed -n "s/^$2 //p"; }
full=$(read_html "$FULL")
pub=$(read_html "$PUB")

# at_least DESCRIPTION N MIN DETAIL: ok when N >= MIN.
at_least() {
	if [ "${2:-0}" -ge "$3" ]; then ok "$1"; else not_ok "$1" "$4"; fi
}

# structure NAME FINDINGS: the checks of one version's findings.
structure() {
	v=$1 out=$2
	same "$v: the document is well formed (every tag closed in order)" "$(field "$out" balanced)" yes
	svgs=$(field "$out" svgs)
	at_least "$v: charts are drawn (${svgs:-0})" "$svgs" 5 "$out"
	same "$v: every chart has a <title>" "$(field "$out" svg-titles)" "$svgs"
	same "$v: every chart is an image described in words (role, aria-label)" "$(field "$out" svg-roles)" "$svgs"
	same "$v: every chapter is in the contents, in order" "$(field "$out" contents-agree)" yes
	same "$v: every link of the contents reaches its chapter" "$(field "$out" dead-links)" ""
	same "$v: every table of the report is there under its title" "$(field "$out" tables-agree)" yes
}
structure full "$full"
structure pub "$pub"
chapters=$(field "$full" chapters)
at_least "the report has its chapters (${chapters:-0})" "$chapters" 5 "$full"
for kind in "Line chart" "Bar chart" "Stacked bar chart" "Population pyramid"; do
	contains "a $kind is drawn" "$(field "$full" kinds)" "$kind"
done

# ---- Escaping: the authority's name is text, never markup. ------------------
escaped='Borough of &lt;Testshire&gt; &amp; &quot;Quote&#39;s&quot;'
n=$(grep -cF "$escaped" "$FULL")
at_least "the authority's name is escaped (on $n lines)" "$n" 2 "$(grep -m3 -F 'Testshire' "$FULL")"
same "... and never written raw" "$(grep -c '<Testshire>' "$FULL")" 0

# ---- The two versions say what they are. ----------------------------------
same "the full version carries the OFFICIAL-SENSITIVE notice" \
	"$(grep -cF "Contains personal data about children in care: OFFICIAL-SENSITIVE. Do not publish; make a public version with --public." "$FULL")" 1
same "the public version says what it hides" \
	"$(grep -cF "Public version: numbers from 1 to 5 are shown as c, and other numbers are hidden where they would reveal them." "$PUB")" 1
same "... and is not marked OFFICIAL-SENSITIVE" "$(grep -c 'OFFICIAL-SENSITIVE' "$PUB")" 0
same "the public version shows no count from 1 to 5 in a table cell" "$(field "$pub" small-counts)" 0
c=$(field "$pub" c-cells)
at_least "... it shows c in their place (${c:-0} cells)" "$c" 1 "$pub"
at_least "the full version does show small counts (so the check above can fail)" \
	"$(field "$full" small-counts)" 1 "$full"

# ---- Printed to PDF by headless Chromium, when there is one. ---------------
CHROME=""
for b in chromium chromium-browser google-chrome; do
	if command -v "$b" >/dev/null 2>&1; then
		CHROME=$b
		break
	fi
done
if [ -z "$CHROME" ]; then
	ok "# SKIP Chromium is not installed: the report is not printed to PDF"
else
	pages() {
		python3 -c 'import re,sys; print(len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", open(sys.argv[1],"rb").read())))' "$1"
	}
	for v in full pub; do
		rm -f "$T/$v.pdf"
		HOME=$T timeout 120 "$CHROME" --headless --no-sandbox --disable-gpu \
			--no-pdf-header-footer --print-to-pdf-no-header \
			--print-to-pdf="$T/$v.pdf" "file://$T/$v/report.html" >/dev/null 2>&1
		if [ -s "$T/$v.pdf" ] && head -c 5 "$T/$v.pdf" | grep -q '%PDF-'; then
			ok "$v: Chromium prints it to PDF"
		else
			not_ok "$v: Chromium prints it to PDF"
			continue
		fi
		n=$(pages "$T/$v.pdf")
		# A first page, the contents and a page at least for each chapter;
		# not more than four pages a table.
		tables=$(grep -c '<figure' "$T/$v/report.html")
		if [ "$n" -ge $((chapters + 2)) ] && [ "$n" -le $((tables * 4)) ]; then
			ok "$v: the PDF has a plausible number of pages ($n for $chapters chapters, $tables tables)"
		else
			not_ok "$v: the PDF has a plausible number of pages" "$n pages, $chapters chapters, $tables tables"
		fi
	done
fi

done_testing
