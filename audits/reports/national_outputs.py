"""The national league table as national.csv, national.xlsx and national.html (one row per
organisation). User text is neutralised in CSV/XLSX (audits.safe) and escaped in HTML."""
from __future__ import annotations

from pathlib import Path

from ..safe import safe_cell
from .csv_export import write_csv
from .status_html import environment

COLUMNS = ("rank", "organization", "title", "packages", "catalogue_items", "coverage", "on_time", "late", "unknown",
           "timeliness", "mean_score", "band", "trend")
HEADERS = ("Місце", "Організація", "Назва", "Наборів", "Пунктів Постанови № 835", "Покриття", "Вчасно",
           "Із запізненням", "Без періодичності", "Частка вчасних", "Середній бал, %", "Рівень якості", "Динаміка")
TRENDS = {"better": "краще", "worse": "гірше", "same": "без змін", "new": "перший запуск"}


def write_national(out: Path, rows: list[dict], as_of: str, missing: list[str]) -> dict[str, Path]:
    """``missing``: organisations whose child run did not finish (named on the page)."""
    out.mkdir(parents=True, exist_ok=True)
    paths = {"national.csv": write_csv(out / "national.csv", COLUMNS, rows)}
    paths["national.xlsx"] = _xlsx(out / "national.xlsx", rows)
    html = environment().get_template("national.html").render(rows=rows, as_of=as_of, missing=missing,
                                                               headers=HEADERS, trends=TRENDS)
    (out / "national.html").write_text(html, encoding="utf-8")
    paths["national.html"] = out / "national.html"
    return paths


def _xlsx(path: Path, rows: list[dict]) -> Path:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Рейтинг")
    sheet.append(list(HEADERS))
    for r in rows:
        sheet.append([safe_cell(r.get(c)) if isinstance(r.get(c), str) else r.get(c) for c in COLUMNS])
    book.save(path)
    return path
