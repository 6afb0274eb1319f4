"""The national league table: one row per organisation from its monitor summary and history,
ranked, and written as CSV, XLSX and HTML with user text neutralised and escaped."""
from __future__ import annotations

import csv
from html.parser import HTMLParser

from openpyxl import load_workbook

SUMMARY = {"packages": 4, "mean_score": 72.5, "catalogue_items": 7,
           "timeliness": {"on-time": 3, "late": 1, "unknown": 0}}


def test_league_row_and_trend():
    from audits.portal.national import league_row

    history = [{"mean_score": 60.0}, {"mean_score": 72.5}]
    row = league_row("hromada-a", "Громада А", SUMMARY, history)
    assert {k: row[k] for k in ("packages", "catalogue_items", "coverage", "timeliness", "mean_score", "trend")} == {
        "packages": 4, "catalogue_items": 7, "coverage": round(7 / 73, 3), "timeliness": 0.75, "mean_score": 72.5,
        "trend": "better"}
    assert row["band"] == "добра"
    assert league_row("x", None, SUMMARY, history[-1:])["trend"] == "new"
    assert league_row("x", None, SUMMARY, [{"mean_score": 73.0}, {"mean_score": 72.5}])["trend"] == "same"


def test_ranked_and_written_safely(tmp_path):
    from audits.portal.national import league_row, ranked
    from audits.reports.national_outputs import write_national

    rows = ranked([league_row("=cmd|' /C calc'!A0", "<script>alert(1)</script>", SUMMARY, []),
                   league_row("hromada-b", "Громада Б", {**SUMMARY, "catalogue_items": 20}, [])])
    assert [r["organization"] for r in rows] == ["hromada-b", "=cmd|' /C calc'!A0"]
    paths = write_national(tmp_path, rows, "2020-06-01", ["hromada-z"])
    with open(paths["national.csv"], encoding="utf-8-sig") as fh:
        assert [r["organization"] for r in csv.DictReader(fh)] == ["hromada-b", "'=cmd|' /C calc'!A0"]
    sheet = load_workbook(paths["national.xlsx"]).active
    assert sheet["B3"].value == "'=cmd|' /C calc'!A0" and sheet["A1"].value == "Місце"
    html = paths["national.html"].read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html and "hromada-z" in html

    class Cells(HTMLParser):
        rows: list = []

        def handle_starttag(self, tag, attrs):
            if tag == "tr":
                self.rows.append([])

        def handle_data(self, data):
            if self.rows and self.lasttag == "td":
                self.rows[-1].append(data)

    parser = Cells()
    parser.feed(html)
    assert [r[:2] for r in parser.rows if r] == [["1", "hromada-b"], ["2", "=cmd|' /C calc'!A0"]]
