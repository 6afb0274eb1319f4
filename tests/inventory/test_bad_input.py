"""Bad input becomes exactly one clear finding: never a traceback, a hang or a partial result.
Hostile files are built at run time (nothing large is committed)."""
from __future__ import annotations

import io
import os
import zipfile
from datetime import date

import pytest

from audits.validate import inspect_file
from campaigns import good_row, write_inventory

AS_OF = date(2020, 6, 1)


def only_code(path) -> str:
    report = inspect_file(path, AS_OF, "ukt").report
    assert report.valid is False
    codes = [f.code for f in report.findings]
    assert len(codes) == 1, codes
    assert report.findings[0].department == "ukt" and report.findings[0].message
    return codes[0]


def test_empty_file(tmp_path):
    (tmp_path / "ukt.xlsx").write_bytes(b"")
    assert only_code(tmp_path / "ukt.xlsx") == "empty-file"


def test_truncated_xlsx_is_a_source_error(tmp_path):
    whole = write_inventory(tmp_path / "whole.xlsx", [good_row(1)]).read_bytes()
    (tmp_path / "ukt.xlsx").write_bytes(whole[: len(whole) // 2])
    assert only_code(tmp_path / "ukt.xlsx") == "source-error"


def test_password_protected_xlsx(tmp_path):
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = write_inventory(tmp_path / "plain.xlsx", [good_row(1)])
    with open(plain, "rb") as fh, open(tmp_path / "ukt.xlsx", "wb") as out:
        OOXMLFile(fh).encrypt("секрет", out)
    assert only_code(tmp_path / "ukt.xlsx") == "encrypted-file"


def test_word_document_named_xlsx(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    (tmp_path / "ukt.xlsx").write_bytes(buffer.getvalue())
    assert only_code(tmp_path / "ukt.xlsx") == "unsupported-format"


def test_pdf_is_unsupported(tmp_path):
    (tmp_path / "ukt.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    assert only_code(tmp_path / "ukt.pdf") == "unsupported-format"


def test_random_binary_named_csv(tmp_path):
    (tmp_path / "ukt.csv").write_bytes(bytes(range(256)) * 40)
    assert only_code(tmp_path / "ukt.csv") == "unsupported-format"


def test_csv_named_xlsx_is_read_as_csv(tmp_path):
    """A mislabelled file is read by its content."""
    from audits.inventory.schema import load_schema

    header = ";".join(f["title"] for f in load_schema().fields)
    (tmp_path / "ukt.xlsx").write_text(header + "\n", encoding="utf-8")
    assert only_code(tmp_path / "ukt.xlsx") == "no-rows"


def test_unknown_single_byte_encoding(tmp_path):
    (tmp_path / "ukt.csv").write_bytes(("Назва;Опис\n" * 20).encode("koi8-u").replace(b"\xd7", b"\x98"))
    assert only_code(tmp_path / "ukt.csv") == "bad-encoding"


def test_no_header(tmp_path):
    (tmp_path / "ukt.csv").write_text("колонка1;колонка2\n1;2\n", encoding="utf-8")
    assert only_code(tmp_path / "ukt.csv") == "no-header"


def test_file_over_the_size_limit(tmp_path, monkeypatch):
    monkeypatch.setenv("ODAUDIT_MAX_FILE_MB", "0.001")
    write_inventory(tmp_path / "ukt.xlsx", [good_row(i) for i in range(1, 30)])
    assert only_code(tmp_path / "ukt.xlsx") == "file-too-large"


def test_zip_bomb(tmp_path):
    """A 10 KB file that unpacks to 1 GB of zeros in its sheet XML."""
    path = tmp_path / "ukt.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            block = b"0" * (1 << 20)
            for _ in range(1024):
                member.write(block)
    assert path.stat().st_size < 2_000_000
    assert only_code(path) == "archive-bomb"


def million_row_xlsx(path, rows: int = 1_000_000):
    """A real workbook whose sheet has a header and a million data rows, written as raw XML."""
    template = write_inventory(path.with_name("template.xlsx"), [good_row(1)], title_block=False)
    with zipfile.ZipFile(template) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename != "xl/worksheets/sheet1.xml":
                dst.writestr(info, data)
                continue
            head, rest = data.split(b"<sheetData>")
            header_row = rest.split(b"</row>")[0] + b"</row>"
            with dst.open(info.filename, "w", force_zip64=True) as member:
                member.write(head + b"<sheetData>" + header_row)
                for n in range(2, rows + 2):
                    member.write(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>x%d</t></is></c></row>' % (n, n, n))
                member.write(b"</sheetData></worksheet>")
    return path


def test_million_rows_stops_at_the_limit(tmp_path):
    path = million_row_xlsx(tmp_path / "ukt.xlsx")
    report = inspect_file(path, AS_OF, "ukt").report
    assert report.valid is False
    assert report.rows == int(os.environ.get("ODAUDIT_MAX_ROWS", 5000))
    assert [f.code for f in report.findings if f.code == "too-many-rows"] == ["too-many-rows"]


def test_read_timeout(tmp_path, monkeypatch):
    monkeypatch.setenv("ODAUDIT_READ_TIMEOUT_S", "0")
    write_inventory(tmp_path / "ukt.xlsx", [good_row(1)])
    assert only_code(tmp_path / "ukt.xlsx") == "read-timeout"


def test_row_of_sixteen_thousand_columns(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["x"] * 16384)
    book.save(tmp_path / "ukt.xlsx")
    assert only_code(tmp_path / "ukt.xlsx") == "no-header"


def test_billion_laughs_in_ods(tmp_path):
    laughs = '<!DOCTYPE x [<!ENTITY a "ha">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)) + "]>"
    content = laughs + ('<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">'
                        "<x>&j;</x></office:document-content>")
    path = tmp_path / "ukt.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
    assert only_code(path) == "source-error"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "cp1251"])
def test_csv_encodings_are_read(tmp_path, encoding):
    from audits.inventory.schema import load_schema

    header = ";".join(f["title"] for f in load_schema().fields)
    (tmp_path / "ukt.csv").write_bytes((header + "\n").encode(encoding))
    assert only_code(tmp_path / "ukt.csv") == "no-rows"   # read fine, just no items
