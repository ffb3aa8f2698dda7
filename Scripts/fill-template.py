#!/usr/bin/env python3
"""Fill the blank national 部门决算 template with amounts whose every sum holds.

    Scripts/fill-template.py TEMPLATE.pdf OUT.pdf OUT.json

The template (final-accounts-template-2024.pdf, 财政部's nine tables with no amounts) is cut to
its table pages, and each amount below is drawn right-aligned in its blank cell, in Helvetica.
A cell is found from the page itself: its row by the label printed in it (a code, a name) and its
column by the header printed over it; its box by the nearest rules round both (`mutool trace`),
the words' places from `pdftotext -tsv`. Nothing is placed by a fixed coordinate.

The amounts are appended as an incremental update with uncompressed streams, each drawn by
"(AMOUNT) Tj": a copy with one amount replaced by another of the same length stays a valid PDF.

OUT.json lists every amount written, table by table: the row label (a code or a name; "nth" counts
the rows of the same label before it, top to bottom and left to right), the column as printed
(a group and its part joined by "/"), the amount as printed, and the operators that draw it
(unique in the file: a test finds one amount's bytes by them). Blank cells are left blank.

Needs python3, mutool (mupdf-tools) and pdftotext (poppler-utils); no other modules.
"""

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

TABLE_PAGES = "5-14"  # the template's pages that hold the nine tables
FONT = "YSHelv"  # the resource name of the font added to each page

# The document's numbers, in 万元. Each sum is stated as the sum of its parts below, so it holds
# by construction: 类 = Σ款 = Σ项, 合计 columns = Σ parts, the summaries' two sides equal.
INCOME = {  # 收入决算表: per 项 (or 款 printed without 项), per source
    "2050205": {"财政拨款收入": 990.00, "事业收入": 1090.00, "经营收入": 25.00, "其他收入": 10.30},
    "20799": {"财政拨款收入": 150.25, "上级补助收入": 12.00},
}
EXPENSE = {  # 支出决算表
    "2050205": {"基本支出": 1800.00, "项目支出": 300.50, "经营支出": 20.00},
    "20799": {"项目支出": 150.25, "对附属单位补助支出": 8.00},
}
GPB = {  # 一般公共预算财政拨款支出决算表
    "2050205": {"基本支出": 700.00, "项目支出": 290.00},
    "20799": {"项目支出": 150.25},
}
PERSONNEL = {  # 基本支出: 人员经费 (301, 303)
    "30101": 120.00, "30102": 80.00, "30103": 10.00, "30107": 90.00, "30108": 40.00,
    "30109": 16.00, "30110": 20.00, "30113": 30.00, "30199": 0.50,
    "30302": 50.00, "30305": 3.50,
}
PUBLIC = {  # 基本支出: 公用经费 (302, 310); 30299 makes up the rest of 700.00
    "30201": 30.00, "30205": 5.00, "30206": 15.00, "30207": 8.00, "30211": 12.00,
    "30213": 20.00, "30215": 3.00, "30216": 4.00, "30217": 1.20, "30228": 9.00,
    "30229": 10.00, "30231": 6.50,
    "31002": 25.00, "31007": 5.00,
}
THREE_PUBLIC = {  # (预算数, 决算数)
    "因公出国（境）费": (10.00, 8.50), "公务用车购置费": (20.00, 19.80),
    "公务用车运行维护费": (12.00, 6.50), "公务接待费": (2.00, 1.20),
}
UNUSED_NONFISCAL = 5.00  # 使用非财政拨款结余
OPENING = 60.00  # 年初结转和结余
DISTRIBUTED = 9.80  # 结余分配
FISCAL_OPENING = 20.00  # 年初财政拨款结转和结余, all 一般公共预算


def cents(x):
    return round(x * 100)


def printed(x):
    """An amount as the tables print it: thousands grouped, two decimals."""
    return f"{cents(x) / 100:,.2f}"


def total(values):
    return sum(cents(v) for v in values) / 100


def classes(rows):
    """项 (or 款 printed alone) rows → the 类 and 款 rows above them, each the sum of its parts."""
    out = {}
    for code, columns in rows.items():
        for level in dict.fromkeys((code[:3], code[:5], code)):
            for column, value in columns.items():
                out.setdefault(level, {})
                out[level][column] = total([out[level].get(column, 0), value])
    return out


def with_total(rows, name):
    """Each row with its 合计 column, the sum of the columns beside it."""
    return {code: {name: total(columns.values()), **columns} for code, columns in rows.items()}


def tables():
    """Every cell to write: (page title, row label, column key, column as printed, amount)."""
    PUBLIC["30299"] = total([700.00 - sum(PERSONNEL.values()), *(-v for v in PUBLIC.values())])
    cells = []

    def add(title, row, column, name, value):
        cells.append({"table": title, "row": row, "locate": column, "column": name, "value": value})

    income = with_total(classes(INCOME), "本年收入合计")
    income["合计"] = {c: total(r[c] for k, r in income.items() if len(k) == 3 and c in r)
                      for c in dict.fromkeys([*income["205"], *income["207"]])}
    for row, columns in income.items():
        for column, value in columns.items():
            add("收入决算表", (row, 0), (column, 0), column, value)
    expense = with_total(classes(EXPENSE), "本年支出合计")
    expense["合计"] = {c: total(r[c] for k, r in expense.items() if len(k) == 3 and c in r)
                       for c in dict.fromkeys([*expense["205"], *expense["207"]])}
    for row, columns in expense.items():
        for column, value in columns.items():
            add("支出决算表", (row, 0), (column, 0), column, value)
    gpb = with_total(classes(GPB), "合计")
    gpb_total = {c: total(r[c] for k, r in gpb.items() if len(k) == 3 and c in r) for c in ("合计", "基本支出", "项目支出")}
    for row, columns in gpb.items():
        for column, value in columns.items():
            add("一般公共预算财政拨款支出决算表", (row, 0), (column, 0), column, value)
    for column, value in gpb_total.items():
        add("一般公共预算财政拨款支出决算表", ("合计", 1), (column, 0), column, value)

    # 收入支出决算总表: income by source, expense by 类, both sides closing on 总计.
    income_items = {
        "一、一般公共预算财政拨款收入": income["合计"].get("财政拨款收入", 0),
        "四、上级补助收入": income["合计"].get("上级补助收入", 0),
        "五、事业收入": income["合计"].get("事业收入", 0),
        "六、经营收入": income["合计"].get("经营收入", 0),
        "八、其他收入": income["合计"].get("其他收入", 0),
    }
    expense_items = {"五、教育支出": expense["205"]["本年支出合计"], "七、文化旅游体育与传媒支出": expense["207"]["本年支出合计"]}
    left_total = total([income["合计"]["本年收入合计"], UNUSED_NONFISCAL, OPENING])
    closing = total([left_total, -expense["合计"]["本年支出合计"], -DISTRIBUTED])
    left = {**income_items, "本年收入合计": income["合计"]["本年收入合计"], "使用非财政拨款结余": UNUSED_NONFISCAL,
            "年初结转和结余": OPENING, "总计": left_total}
    right = {**expense_items, "本年支出合计": expense["合计"]["本年支出合计"], "结余分配": DISTRIBUTED,
             "年末结转和结余": closing, "总计": left_total}
    for side, items in ((0, left), (1, right)):
        for row, value in items.items():
            add("收入支出决算总表", (row, side if row == "总计" else 0), ("决算数", side),
                ("收入" if side == 0 else "支出") + "/决算数", value)

    # 财政拨款收入支出决算总表: all of it 一般公共预算.
    fiscal_in = gpb_total["合计"]
    fiscal_left = total([fiscal_in, FISCAL_OPENING])
    fiscal_closing = total([fiscal_left, -gpb_total["合计"]])
    for row, occurrence, value in (
        ("一、一般公共预算财政拨款", 0, fiscal_in), ("本年收入合计", 0, fiscal_in),
        ("年初财政拨款结转和结余", 0, FISCAL_OPENING), ("一、一般公共预算财政拨款", 1, FISCAL_OPENING),
        ("总计", 0, fiscal_left),
    ):
        add("财政拨款收入支出决算总表", (row, occurrence), ("决算数", 0), "收入/决算数", value)
    for row, occurrence, value in (
        ("五、教育支出", 0, gpb["205"]["合计"]), ("七、文化旅游体育与传媒支出", 0, gpb["207"]["合计"]),
        ("本年支出合计", 0, gpb_total["合计"]), ("年末财政拨款结转和结余", 0, fiscal_closing), ("总计", 1, fiscal_left),
    ):
        for locate, name in (("合计", "合计"), ("一般公共", "一般公共预算财政拨款")):
            add("财政拨款收入支出决算总表", (row, occurrence), (locate, 0), "支出/" + name, value)

    # 一般公共预算财政拨款基本支出决算表: 类 = Σ款, 人员经费合计 = 301 + 303, 公用经费合计 = 302 + 310.
    title = "一般公共预算财政拨款基本支出决算表"
    for side, items, footer in ((0, PERSONNEL, "人员经费合计"), (1, PUBLIC, "公用经费合计")):
        for code, value in items.items():
            add(title, (code, 0), ("决算数", side), "决算数", value)
        for head in sorted({code[:3] for code in items}):
            add(title, (head, 0), ("决算数", side), "决算数", total(v for c, v in items.items() if c[:3] == head))
        add(title, (footer, 0), ("决算数", side), "决算数", total(items.values()))

    # 三公: one row under the header, 预算数 and 决算数 of each column.
    title = "财政拨款“三公”经费支出决算表"
    car = [total(THREE_PUBLIC[k][i] for k in ("公务用车购置费", "公务用车运行维护费")) for i in (0, 1)]
    columns = [
        ("合计", [total(v[i] for v in THREE_PUBLIC.values()) for i in (0, 1)]),
        ("因公出国（境）费", THREE_PUBLIC["因公出国（境）费"]),
        ("公务用车购置及运行维护费/小计", car),
        ("公务用车购置及运行维护费/公务用车购置费", THREE_PUBLIC["公务用车购置费"]),
        ("公务用车购置及运行维护费/公务用车运行维护费", THREE_PUBLIC["公务用车运行维护费"]),
        ("公务接待费", THREE_PUBLIC["公务接待费"]),
    ]
    for k, (name, pair) in enumerate(columns):
        for i, kind in enumerate(("预算数", "决算数")):
            add(title, None, (kind, k), name + "/" + kind, pair[i])
    return cells


# ---- the page's geometry ----


def words(pdf, page):
    """(text, x0, y0, x1, y1) of each word, top-left origin."""
    out = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-tsv", pdf, "-"],
                         check=True, capture_output=True, text=True).stdout
    found = []
    for line in out.splitlines()[1:]:
        f = line.split("\t")
        if len(f) == 12 and f[0] == "5":
            x, y, w, h = map(float, f[6:10])
            found.append((f[11], x, y, x + w, y + h))
    return found


def rules(pdf, page):
    """The page's straight strokes: horizontals (y, x0, x1) and verticals (x, y0, y1)."""
    trace = subprocess.run(["mutool", "trace", pdf, str(page)], check=True, capture_output=True, text=True).stdout
    horizontal, vertical = [], []
    for path in re.findall(r"<(?:stroke|fill)_path.*?</(?:stroke|fill)_path>", trace, re.S):
        points = [(float(x), float(y)) for x, y in re.findall(r'<(?:moveto|lineto) x="([-0-9.]+)" y="([-0-9.]+)"', path)]
        for (ax, ay), (bx, by) in zip(points, points[1:]):
            if abs(ay - by) < 0.5 and abs(ax - bx) > 2:
                horizontal.append(((ay + by) / 2, min(ax, bx), max(ax, bx)))
            elif abs(ax - bx) < 0.5 and abs(ay - by) > 2:
                vertical.append(((ax + bx) / 2, min(ay, by), max(ay, by)))
    return horizontal, vertical


def find(page_words, text, occurrence):
    """The `occurrence`-th word (top to bottom, left to right) that is `text`, or that starts
    with it where a code runs into its name ("30207邮电费")."""
    hits = [w for w in page_words if w[0] == text or (text.isdigit() and w[0].startswith(text)
                                                       and not w[0][len(text)].isdigit())]
    if not hits:  # a header wrapped in its cell: its first line ("附属单位" of 附属单位上缴收入)
        heads = [w for w in page_words if len(w[0]) >= 2 and text.startswith(w[0])]
        longest = max((len(w[0]) for w in heads), default=0)
        hits = [w for w in heads if len(w[0]) == longest]
    hits.sort(key=lambda w: (round(w[2]), w[1]))
    if len(hits) <= occurrence:
        raise LookupError(len(hits))
    return hits[occurrence]


def between(lines, at, across):
    """The nearest rules before and after `at` among those that cross `across`."""
    near = [p for p, a, b in lines if a - 1 <= across <= b + 1]
    before = max((p for p in near if p < at - 1), default=None)
    after = min((p for p in near if p > at + 1), default=None)
    if before is None or after is None:
        raise SystemExit(f"fill-template: no rule round {at:.1f}")
    return before, after


def locate(pages, text, occurrence):
    """The page (index into `pages`, each a list of words) and word of a label, counting its
    occurrences over a table's pages in order."""
    for k, page_words in enumerate(pages):
        try:
            return k, find(page_words, text, occurrence)
        except LookupError as missing:
            occurrence -= missing.args[0]
    raise SystemExit(f"fill-template: “{text}” is not in the table")


def cell(pages, page_rules, row, column):
    """The page and box (x0, y0, x1, y1) of the cell in the row of label `row` under header
    `column` (printed on the table's first page only, where it goes on over a page break); with
    no row label, the cell right under the header's."""
    k, head = locate(pages, *column)
    hx = (head[1] + head[3]) / 2
    if row is None:
        horizontal, vertical = page_rules[k]
        _, top = between(horizontal, (head[2] + head[4]) / 2, hx)
        _, bottom = between(horizontal, top + 2, hx)
    else:
        k, label = locate(pages, *row)
        horizontal, vertical = page_rules[k]
        top, bottom = between(horizontal, (label[2] + label[4]) / 2, hx)
    left, right = between(vertical, hx, (top + bottom) / 2)
    return k, (left, top, right, bottom)


# ---- writing the PDF ----

HELVETICA = {c: 556 for c in "0123456789"} | {",": 278, ".": 278, "-": 333}


def drawing(texts, height):
    """Content operators drawing each (text, right edge, baseline, size) right-aligned, in
    default user space (origin bottom-left)."""
    ops = ["Q q BT 0 g"]
    for text, right, baseline, size in texts:
        ops.append(operator(text, right, baseline, size, height))
    ops.append("ET Q")
    return "\n".join(ops)


def operator(text, right, baseline, size, height):
    """The operators drawing one amount: unique in the file, as its place is."""
    width = sum(HELVETICA[c] for c in text) * size / 1000
    return f"/{FONT} {size:.1f} Tf 1 0 0 1 {right - width:.2f} {height - baseline:.2f} Tm ({text}) Tj"


def objects(data):
    """Objects of an uncompressed PDF without object streams, as number → bytes."""
    out = {}
    for m in re.finditer(rb"(?m)^(\d+) 0 obj\b", data):
        start = m.end()
        end = data.index(b"endobj", start)
        stream = re.match(rb"\s*<<.*?>>\s*stream\r?\n", data[start:end], re.S)
        if stream:  # a stream may hold the word endobj: skip its bytes by its length
            length = re.search(rb"/Length (\d+)", data[start:start + stream.end()])
            if length:
                end = data.index(b"endobj", start + stream.end() + int(length.group(1)))
        out[int(m.group(1))] = data[start:end].strip()
    return out


def update(data, changes, size, root):
    """`data` with an incremental update holding `changes` (number → object body)."""
    out = bytearray(data)
    offsets = {}
    for number, body in sorted(changes.items()):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    start = re.findall(rb"startxref\s+(\d+)", data)[-1]
    xref = len(out)
    out += b"xref\n"
    for number in sorted(offsets):
        out += b"%d 1\n%010d 00000 n \n" % (number, offsets[number])
    out += b"trailer\n<< /Size %d /Root %s /Prev %s >>\nstartxref\n%d\n%%%%EOF\n" % (size, root, start, xref)
    return bytes(out)


def main():
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    template, out_pdf, out_json = sys.argv[1:]
    with tempfile.TemporaryDirectory() as tmp:
        # The table pages, compressed; and the same objects, same numbers, uncompressed to read.
        base, plain = str(Path(tmp) / "base.pdf"), str(Path(tmp) / "plain.pdf")
        subprocess.run(["mutool", "clean", "-gg", "-z", template, base, TABLE_PAGES], check=True)
        subprocess.run(["mutool", "clean", "-d", base, plain], check=True)
        data = Path(plain).read_bytes()
        objs = objects(data)
        pages = re.findall(r"page (\d+) = (\d+) 0 R",
                           subprocess.run(["mutool", "show", plain, "pages"], check=True, capture_output=True,
                                          text=True).stdout)
        root = re.search(rb"/Root (\d+ 0 R)", data[data.rindex(b"trailer"):]).group(1)
        size = max(objs) + 1
        changes = {}
        font = size
        changes[font] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
        size += 1
        written = {}
        cells = tables()
        # Each table's pages: the page of its title and those after it up to the next title.
        groups = []
        for number, ref in pages:
            page_words = words(plain, int(number))
            titles = {w[0] for w in page_words} & {c["table"] for c in cells}
            if titles:
                groups.append((titles.pop(), []))
            if groups:
                groups[-1][1].append((int(ref), page_words, rules(plain, int(number))))
        texts = {}  # page object → what to draw on it
        for title, group in groups:
            for c in (c for c in cells if c["table"] == title):
                k, (x0, y0, x1, y1) = cell([g[1] for g in group], [g[2] for g in group], c["row"], c["locate"])
                size_pt = min(8.0, 0.6 * (y1 - y0))
                drawn = (printed(c["value"]), x1 - 2.5, (y0 + y1) / 2 + 0.36 * size_pt, size_pt)
                texts.setdefault(group[k][0], []).append(drawn)
                height = float(re.search(rb"/MediaBox \[\s*[-0-9.]+ [-0-9.]+ [-0-9.]+ ([-0-9.]+)", objs[group[k][0]]).group(1))
                row = c["row"][0] if c["row"] else ""
                # The row's place among the table's rows of the same label (总计 left, then right).
                same = sorted({d["row"][1] for d in cells if d["table"] == title and d["row"] and d["row"][0] == row})
                written.setdefault(title, []).append({
                    "row": row, "nth": same.index(c["row"][1]) if c["row"] else 0, "column": c["column"],
                    "value": printed(c["value"]), "operator": operator(*drawn, height)})
        for ref, drawn in texts.items():
            page = objs[ref]
            height = float(re.search(rb"/MediaBox \[\s*[-0-9.]+ [-0-9.]+ [-0-9.]+ ([-0-9.]+)", page).group(1))
            # The page's own stream is wrapped in q … Q so its matrix does not reach the amounts.
            opening, closing = size, size + 1
            size += 2
            changes[opening] = b"<< /Length 1 >>\nstream\nq\nendstream"
            body = drawing(drawn, height).encode()
            changes[closing] = b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream"
            contents = re.search(rb"/Contents\s+(\[[^\]]*\]|\d+ 0 R)", page)
            old = contents.group(1).strip(b"[]").strip()
            page = page.replace(contents.group(0), b"/Contents [%d 0 R %s %d 0 R]" % (opening, old, closing))
            fonts = re.search(rb"/Font\s*<<", page)
            if not fonts:
                raise SystemExit("fill-template: the page's fonts are not written inline")
            page = page[:fonts.end()] + b" /%s %d 0 R" % (FONT.encode(), font) + page[fonts.end():]
            changes[ref] = page
        missing = {c["table"] for c in cells} - written.keys()
        if missing:
            raise SystemExit(f"fill-template: tables not found: {sorted(missing)}")
        # The amounts go in as an incremental update, uncompressed: a test can change one amount
        # in a copy by replacing its bytes with as many others ("(8.50) Tj" → "(8.60) Tj").
        Path(out_pdf).write_bytes(update(Path(base).read_bytes(), changes, size, root))
    # One amount a line, so that a diff of two fillings reads cell by cell.
    tables_json = [
        json.dumps(title, ensure_ascii=False) + ": [\n" + ",\n".join(
            "  " + json.dumps(c, ensure_ascii=False) for c in cells_written) + "\n ]"
        for title, cells_written in written.items()]
    Path(out_json).write_text("{\n " + ",\n ".join(tables_json) + "\n}\n", encoding="utf-8")


if __name__ == "__main__":
    main()
