#!/usr/bin/env python3
"""Sets a tab-separated disclosure (a sample of SampleData) in a spreadsheet the way budget
offices set their tables, and has LibreOffice print it to PDF: a PDF from a real office program,
to test the PDF reader beyond the fixtures yusuan's tests draw themselves.

    Scripts/office-pdf.py SAMPLE.txt OUT.pdf

Each table (its run of tab-separated lines, with the label, title, 编制单位 and 单位 lines above
it) is a sheet of its own: its title merged across and larger, the header centred and bold,
amounts right-aligned with two decimals as printed, every cell bordered, text wrapped inside
columns no wider than a long name needs to break, cells centred vertically (a wrapped name's
row holds its amounts midway), landscape where the table is wide, scaled to the page's width.
The prose between tables is a sheet of one column, a line a row. Needs openpyxl and LibreOffice
(soffice) with a CJK font (Debian: libreoffice-calc-nogui fonts-wqy-zenhei).
"""
import math
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

FONT = "WenQuanYi Zen Hei"
AMOUNT = re.compile(r"^-?[\d,]+\.\d{1,2}$")
NAME_WIDTH = 14  # CJK characters: longer names wrap, as in the published tables
UNIT = 1.25  # column width units a display cell takes in this font


def width(text):
    """Display width in character cells: a CJK character takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def segments(lines):
    """[("text", lines) | ("table", title_lines, rows)] in document order."""
    out, i = [], 0
    while i < len(lines):
        if "\t" not in lines[i]:
            out.append(("text", [lines[i]]))
            i += 1
            continue
        j = i
        while j < len(lines) and "\t" in lines[j]:
            j += 1
        # The label, title, 编制单位 and 单位 lines just above the grid go with it.
        titles = []
        while out and out[-1][0] == "text" and len(titles) < 6:
            line = out[-1][1][0]
            if line.strip() and (len(line.strip()) > 40 or line.strip().endswith("。")):
                break
            out.pop()
            if line.strip():
                titles.insert(0, line.strip())
        out.append(("table", titles, [l.split("\t") for l in lines[i:j]]))
        i = j
    # Consecutive text lines become one sheet.
    merged = []
    for seg in out:
        if seg[0] == "text" and merged and merged[-1][0] == "text":
            merged[-1][1].extend(seg[1])
        else:
            merged.append(seg)
    return merged


def table_sheet(ws, titles, rows):
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    n = max(len(r) for r in rows)
    first_data = next((k for k, r in enumerate(rows) if any(AMOUNT.match(c.strip()) for c in r)), len(rows))
    widths = [6.0] * n
    for k, r in enumerate(rows):
        for c, cell in enumerate(r):
            need = width(cell.strip()) * UNIT + 3
            if k < first_data:
                need = need / 2 + 2  # a header label may wrap onto two lines
            widths[c] = max(widths[c], min(need, NAME_WIDTH * 2 * UNIT + 3 if not AMOUNT.match(cell.strip()) else 18))
    row = 1
    for t in titles:
        ws.cell(row=row, column=1, value=t)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=n)
        big = not re.match(r"^(编制|单位[：:]|部门[：:])", t)
        ws.cell(row=row, column=1).font = Font(name=FONT, size=14 if big else 10, bold=big)
        ws.cell(row=row, column=1).alignment = Alignment(horizontal="center" if big else "left")
        row += 1
    for c in range(n):
        ws.column_dimensions[get_column_letter(c + 1)].width = widths[c]
    for k, r in enumerate(rows):
        header = k < first_data
        # As tall as its most wrapped cell, as the person setting the table makes it.
        lines = max(math.ceil(width(t.strip()) * UNIT / max(1, widths[c] - 2)) for c, t in enumerate(r))
        ws.row_dimensions[row].height = 14 * max(1, lines) + 2
        for c in range(n):
            text = r[c].strip() if c < len(r) else ""
            value = text
            cell = ws.cell(row=row, column=c + 1, value=value)
            cell.font = Font(name=FONT, size=10, bold=header)
            cell.border = border
            right = bool(AMOUNT.match(text))
            cell.alignment = Alignment(
                horizontal="center" if header else ("right" if right else "left"), vertical="center", wrap_text=True)
        row += 1
    merge_header(ws, rows[:first_data], len(titles) + 1, n)
    landscape = sum(widths) > 110
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    # The header repeats on every page, as office templates set it.
    if first_data > 0:
        top = len(titles) + 1
        ws.print_title_rows = f"{top}:{top + first_data - 1}"


def merge_header(ws, header, top, n):
    """Merges a group label across the columns it heads (the row below names them, its own row
    leaves them empty) and a label down over the header rows left empty below it, as templates do."""
    def text(k, c):
        return header[k][c].strip() if c < len(header[k]) else ""
    taken = set()
    for k in range(len(header)):
        for c in range(n):
            if not text(k, c) or (k, c) in taken:
                continue
            e = c
            while k + 1 < len(header) and e + 1 < n and not text(k, e + 1) and text(k + 1, e + 1):
                e += 1
            if e > c:
                ws.merge_cells(start_row=top + k, start_column=c + 1, end_row=top + k, end_column=e + 1)
                taken.update((k, x) for x in range(c, e + 1))
                continue
            b = k
            while b + 1 < len(header) and not text(b + 1, c) and (b + 1, c) not in taken:
                b += 1
            if b > k:
                ws.merge_cells(start_row=top + k, start_column=c + 1, end_row=top + b, end_column=c + 1)
                taken.update((x, c) for x in range(k, b + 1))


def broken(line, cells=76):
    """A line broken where it would pass `cells` display cells, as a word processor breaks it."""
    out, current = [], ""
    # A run of ASCII (a number, "2080109", "80.13%") is not broken, as word processors keep it whole.
    for piece in re.findall(r"[\x21-\x7e]+|.", line):
        if current and width(current + piece) > cells:
            out.append(current)
            current = ""
        current += piece
    return out + [current]


def text_sheet(ws, lines):
    ws.column_dimensions["A"].width = 78
    row = 1
    for line in lines:
        pieces = broken(line.rstrip())
        for k, piece in enumerate(pieces):
            cell = ws.cell(row=row, column=1, value=piece)
            cell.font = Font(name=FONT, size=11)
            # Justified, as word processors set Chinese paragraphs: every line but the last full.
            if k < len(pieces) - 1:
                cell.alignment = Alignment(horizontal="distributed")
            row += 1
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    source, target = sys.argv[1], sys.argv[2]
    lines = open(source, encoding="utf-8").read().split("\n")
    wb = Workbook()
    wb.remove(wb.active)
    for k, seg in enumerate(segments(lines)):
        ws = wb.create_sheet(f"s{k + 1}")
        if seg[0] == "text":
            text_sheet(ws, seg[1])
        else:
            table_sheet(ws, seg[1], seg[2])
    with tempfile.TemporaryDirectory() as tmp:
        xlsx = os.path.join(tmp, "book.xlsx")
        wb.save(xlsx)
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, xlsx],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.replace(os.path.join(tmp, "book.pdf"), target)


if __name__ == "__main__":
    main()
