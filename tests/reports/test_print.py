"""The demo campaign's printed outputs on A4, as LibreOffice prints them (headless conversion to
PDF, then pdftotext): the feedback workbook, quality.xlsx, proposals.xlsx and the DOCX annex to
the mayor's order fit on a bounded number of pages, every page of a table carries its header
row and all its columns (no column alone on a page), and the annex breaks no word.

Required in CI (CI=true; .ci/run installs libreoffice-calc and libreoffice-writer); skipped
elsewhere when LibreOffice or pdftotext is not installed."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import datetime

import pytest
from docx import Document
from openpyxl import load_workbook

from audits.campaign.outputs import write_outputs
from audits.proposals.sheet import COLUMNS, SHEET
from audits.reports import feedback_texts as t
from audits.reports.plan_export import HEAD
from cli_runner import odaudit
from conftest import build_demo

LETTER = {c.key: chr(ord("A") + i) for i, c in enumerate(COLUMNS)}
APPROVED = 12
WORD = r"[\w'’-]*\w"


def tool(name: str) -> str:
    found = shutil.which(name) or (shutil.which("libreoffice") if name == "soffice" else None)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is required in CI (.ci/run installs LibreOffice and poppler-utils)")
        pytest.skip(f"{name} is not installed")
    return found


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """The demo's outputs, twelve proposals approved and the annex written, all converted to PDF
    in one LibreOffice call; returns file stem → the text of each PDF page."""
    soffice, pdftotext = tool("soffice"), tool("pdftotext")
    root = tmp_path_factory.mktemp("print")
    db = f"sqlite:///{root / 'demo.sqlite'}"
    result = build_demo(db)
    out = root / "out"
    write_outputs(result, out)
    _approve(out / "proposals.xlsx", root / "рішення.xlsx")
    assert odaudit("review", "import", root / "рішення.xlsx", "--db", db, "--by", "Секретар").returncode == 0
    assert odaudit("plan", "export", "--format", "docx", "--out", root / "annex.docx", "--db", db).returncode == 0
    worst = max(result.summary["departments"], key=lambda d: len(result.findings_of(d["code"])))["code"]
    files = [out / "quality.xlsx", out / "proposals.xlsx", root / "annex.docx", out / "feedback" / f"{worst}.xlsx"]
    pdf = root / "pdf"
    run = subprocess.run([soffice, f"-env:UserInstallation=file://{root / 'lo-profile'}", "--headless",
                          "--convert-to", "pdf", "--outdir", str(pdf), *map(str, files)],
                         capture_output=True, text=True, timeout=600)
    pages = {}
    for name, path in zip(("quality", "proposals", "annex", "feedback"), files):
        converted = pdf / f"{path.stem}.pdf"
        assert converted.is_file(), run.stdout + run.stderr
        text = subprocess.run([pdftotext, str(converted), "-"], capture_output=True, text=True, check=True).stdout
        pages[name] = text.split("\f")[:-1]
    pages["feedback"] = (pages["feedback"], worst)
    pages["annex cells"] = [c.text for row in Document(root / "annex.docx").tables[0].rows for c in row.cells]
    return pages


def _approve(source, target) -> None:
    book = load_workbook(source)
    sheet = book[SHEET]
    for row in range(2, 2 + APPROVED):
        sheet[f"{LETTER['decision']}{row}"] = "схвалити"
        sheet[f"{LETTER['deadline']}{row}"] = datetime(2020, 9, 1)
        sheet[f"{LETTER['responsible']}{row}"] = "Ковальчук О. П."
    book.save(target)


def pages_with(pages: list[str], text: str) -> list[int]:
    return [i for i, page in enumerate(pages) if text in page]


def test_the_feedback_findings_print_with_every_column_on_each_page(printed):
    pages, code = printed["feedback"]
    fix = pages_with(pages, t.HEADERS[-1])
    assert fix == [0] or fix == [0, 1]                        # it was the 4th page of 7, the column alone
    assert all(all(h in pages[i] for h in ("Клітинка", "Важливість", "Значення")) for i in fix)
    own = pages[fix[-1] + 1:]                                 # the department's sheet: its identifiers on each page
    assert own and all(re.search(rf"\b{code}-\d{{3}}\b", page) for page in own)


def test_quality_and_proposals_print_one_page_wide_with_the_header_on_every_page(printed):
    quality, proposals = printed["quality"], printed["proposals"]
    assert len(proposals) <= 14 and len(quality) <= 30
    reasons = pages_with(quality, "Що виправити")
    assert len(reasons) > 1 and all("Джерело" in quality[i] and "Набір даних" in quality[i] for i in reasons)
    justified = pages_with(proposals, "Обґрунтування")
    assert len(justified) > 1
    assert all(all(h in proposals[i] for h in ("Тип", "Набір даних", "Рішення", "Термін")) for i in justified)


def test_the_annex_keeps_words_whole_and_repeats_its_header(printed):
    pages = printed["annex"]
    assert len(pages) <= 4                                    # twelve rows; it was three rows a page
    assert all("Назва набору даних" in page for page in pages)
    printed_words = set(re.findall(WORD, "\n".join(pages)))
    assert printed["annex cells"][:len(HEAD)] == HEAD
    for cell in printed["annex cells"]:                   # a word broken across lines prints as two
        for word in re.findall(WORD, cell):               # (pdftotext joins one broken at its hyphen)
            assert word in printed_words or word.replace("-", "") in printed_words, (word, cell)
