"""Bad and hostile input becomes exactly one finding with a clear code: never a traceback, a
hang or a partial result. The small bad files are in tests/data; the large or hostile ones
(zip bombs, a million rows, 16,384 columns, entity expansion) are built here in tmp_path.
Nothing is timed: a hang would simply never finish."""
from __future__ import annotations

import hashlib
import io
import random
import tracemalloc
import zipfile

import pytest

from audits.inventory import grid
from audits.inventory.header import SCAN_ROWS
from audits.validate import inspect_file
from builders import (
    AS_OF,
    ODS_NAMESPACES,
    TITLES,
    csv_text,
    flat,
    item,
    ods_row,
    row_xml,
    values,
    write_raw_ods,
    write_raw_xlsx,
)
from rows import write_inventory

MILLION = 1_000_000


def only(path, code: str):
    """The single finding of a file that cannot be read; it names the file and blocks it."""
    report = inspect_file(path, AS_OF, "ukt").report
    assert flat(report) == [(None, None, None, code)]
    assert (report.valid, report.rows, report.file) == (False, 0, path.name)
    finding = report.findings[0]
    assert (finding.severity, finding.department, finding.file) == ("error", "ukt", path.name)
    assert f"«{path.name}»" in finding.message
    return finding


# --- the named bad files of tests/data --------------------------------------------------------

@pytest.mark.parametrize("name, code, says", [
    ("empty.csv", "empty-file", "порожній"),
    ("not-a-spreadsheet.pdf", "unsupported-format", "(PDF)"),
    ("corrupt.xlsx", "source-error", "пошкоджений архів"),
    ("word-document.xlsx", "unsupported-format", "(документ Word)"),
    ("password-protected.xlsx", "encrypted-file", "Зніміть пароль"),
    ("no-header.xlsx", "no-header", "«Ідентифікатор»"),
])
def test_named_bad_file(data, name, code, says):
    assert says in only(data / name, code).message


def test_password_protected_file_is_a_real_encrypted_inventory(data, tmp_path):
    """The finding is about the password: decrypted, the same file is a valid inventory."""
    from msoffcrypto.format.ooxml import OOXMLFile

    with open(data / "password-protected.xlsx", "rb") as fh:
        office = OOXMLFile(fh)
        assert office.is_encrypted()
        office.load_key(password="секрет")
        plain = io.BytesIO()
        office.decrypt(plain)
    (tmp_path / "ukt.xlsx").write_bytes(plain.getvalue())
    report = inspect_file(tmp_path / "ukt.xlsx", AS_OF, "ukt").report
    assert (report.valid, report.rows, flat(report)) == (True, 1, [])


# --- empty, size and encodings ------------------------------------------------------------------

def test_only_whitespace_is_an_empty_file(tmp_path):
    (tmp_path / "ukt.csv").write_bytes(b" \r\n\t\r\n ")
    only(tmp_path / "ukt.csv", "empty-file")


def test_a_bom_alone_is_an_empty_file(tmp_path):
    (tmp_path / "ukt.csv").write_bytes(b"\xef\xbb\xbf\r\n")
    only(tmp_path / "ukt.csv", "empty-file")


def test_file_over_the_size_limit(tmp_path, monkeypatch):
    monkeypatch.setenv("ODAUDIT_MAX_FILE_MB", "1")
    path = tmp_path / "ukt.xlsx"
    path.write_bytes(random.Random(1).randbytes(1_100_000))
    finding = only(path, "file-too-large")
    assert "1.10 МБ" in finding.message and "не більше 1 МБ" in finding.message
    assert inspect_file(path, AS_OF).report.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("encoding, bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")])
def test_utf16_with_bom_csv_is_read(tmp_path, encoding, bom):
    """Excel «Текст у Юнікоді»: UTF-16 with a byte-order mark, tab-separated."""
    text = csv_text([TITLES, values(item(1)), values(item(2, title="Реєстр ґрунтів і її меж"))], "\t")
    (tmp_path / "ukt.csv").write_bytes(bom + text.encode(encoding))
    inspection = inspect_file(tmp_path / "ukt.csv", AS_OF, "ukt")
    assert (flat(inspection.report), [r.number for r in inspection.rows]) == ([], [2, 3])
    assert inspection.rows[1].values["title"] == "Реєстр ґрунтів і її меж"


def test_random_binary_bytes_named_csv(tmp_path):
    (tmp_path / "ukt.csv").write_bytes(random.Random(16).randbytes(4096))
    assert "двійковий файл" in only(tmp_path / "ukt.csv", "unsupported-format").message


def test_random_bytes_without_nul_are_an_unknown_encoding(tmp_path):
    noise = bytes(b or 1 for b in random.Random(17).randbytes(4096))
    (tmp_path / "ukt.csv").write_bytes(noise)
    only(tmp_path / "ukt.csv", "bad-encoding")


def test_broken_utf8_after_a_bom(tmp_path):
    (tmp_path / "ukt.csv").write_bytes(b"\xef\xbb\xbf" + "Ідентифікатор;Назва".encode() + b"\xd0\x28\xff\n")
    only(tmp_path / "ukt.csv", "bad-encoding")


# --- zip bombs ----------------------------------------------------------------------------------------

THREE_MB = b" " * 3_000_000   # whitespace between rows: well-formed XML, about 1000:1 compressed


@pytest.mark.parametrize("member", ["xl/worksheets/sheet1.xml", "xl/media/image1.png"])
def test_xlsx_that_unpacks_beyond_the_limit(tmp_path, monkeypatch, member):
    monkeypatch.setenv("ODAUDIT_MAX_UNPACKED_MB", "1")
    path = tmp_path / "ukt.xlsx"
    rows = [row_xml(1, TITLES), row_xml(2, values(item(1)))]
    if member.endswith("sheet1.xml"):
        write_raw_xlsx(path, rows + [THREE_MB])
    else:
        write_raw_xlsx(path, rows, extra={member: THREE_MB})
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
        assert info.file_size >= 3_000_000 and info.compress_size < 10_000     # really highly compressed
    assert path.stat().st_size < 30_000
    finding = only(path, "archive-bomb")
    assert "не більше 1 МБ" in finding.message


def test_ods_that_unpacks_beyond_the_limit(tmp_path, monkeypatch):
    monkeypatch.setenv("ODAUDIT_MAX_UNPACKED_MB", "1")
    path = write_raw_ods(tmp_path / "ukt.ods", ods_row(TITLES) + ods_row(values(item(1))) + THREE_MB.decode())
    assert path.stat().st_size < 30_000
    only(path, "archive-bomb")


def test_ods_mimetype_bomb_is_refused_before_unpacking(tmp_path, monkeypatch):
    monkeypatch.setenv("ODAUDIT_MAX_UNPACKED_MB", "5")
    path = tmp_path / "ukt.ods"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("mimetype", "w", force_zip64=True) as member:
            member.write(b"application/vnd.oasis.opendocument.spreadsheet")
            for _ in range(60):
                member.write(b" " * 1_000_000)
        archive.writestr("content.xml", "<x/>")
    assert path.stat().st_size < 100_000
    tracemalloc.start()
    try:
        report = inspect_file(path, AS_OF, "ukt").report
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert flat(report) == [(None, None, None, "archive-bomb")]
    assert peak < 20_000_000, f"{peak / 1e6:.0f} MB allocated for a {path.stat().st_size / 1e3:.0f} KB file"


# --- a million rows ---------------------------------------------------------------------------------

def item_rows(first: int, last: int):
    """Correct items with distinct ids and titles on rows first..last (one chunk of XML)."""
    return b"".join(row_xml(n, values(item(n, id=f"ds-{n:07d}", title=f"Журнал обліку службових відряджень {n}")))
                    for n in range(first, last + 1))


def filler_rows(first: int, last: int, step: int = 50_000):
    for start in range(first, last + 1, step):
        yield b"".join(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>x</t></is></c></row>' % (n, n)
                       for n in range(start, min(start + step, last + 1)))


def count_builder_calls(monkeypatch) -> list:
    calls = []
    add = grid.GridBuilder.add

    def counting(self, number, cells):
        calls.append(number)
        return add(self, number, cells)

    monkeypatch.setattr(grid.GridBuilder, "add", counting)
    return calls


def test_a_million_rows_stop_at_the_row_limit(tmp_path, monkeypatch):
    """Header, 600 correct items, then filler to row 1,000,001: one too-many-rows finding, the
    first 500 items checked, and the reader handed only the rows up to the limit. (The limit is
    lowered from 5,000 to 500 only to keep the checks of the items fast.)"""
    monkeypatch.setenv("ODAUDIT_MAX_ROWS", "500")
    path = write_raw_xlsx(tmp_path / "ukt.xlsx",
                          [row_xml(1, TITLES), item_rows(2, 601), *filler_rows(602, MILLION + 1)],
                          dimension=f"A1:W{MILLION + 1}")
    calls = count_builder_calls(monkeypatch)
    inspection = inspect_file(path, AS_OF, "ukt")
    assert flat(inspection.report) == [(None, None, None, "too-many-rows")]
    assert (inspection.report.valid, inspection.report.rows, inspection.rows[-1].number) == (False, 500, 501)
    assert "понад 500 рядків" in inspection.report.findings[0].message
    assert len(calls) <= 500 + SCAN_ROWS + 2


def sheet_with_a_broken_tail(path, dimension):
    """Header, 400 correct items, then XML that is not well-formed: never read if reading stops."""
    return write_raw_xlsx(path, [row_xml(1, TITLES), item_rows(2, 401), b"<row r=<<< not xml"],
                          dimension=dimension)


def test_rows_past_the_limit_are_never_parsed(tmp_path, monkeypatch):
    monkeypatch.setenv("ODAUDIT_MAX_ROWS", "100")
    path = sheet_with_a_broken_tail(tmp_path / "ukt.xlsx", "A1:W402")
    report = inspect_file(path, AS_OF, "ukt").report
    assert (flat(report), report.rows) == ([(None, None, None, "too-many-rows")], 100)


def test_rows_past_the_limit_are_never_parsed_without_dimension(tmp_path, monkeypatch):
    monkeypatch.setenv("ODAUDIT_MAX_ROWS", "100")
    path = sheet_with_a_broken_tail(tmp_path / "ukt.xlsx", None)
    report = inspect_file(path, AS_OF, "ukt").report
    assert (flat(report), report.rows) == ([(None, None, None, "too-many-rows")], 100)


@pytest.mark.parametrize("items, expected", [(10, []), (11, [(None, None, None, "too-many-rows")])])
def test_row_limit_counts_data_rows_not_the_title_block(tmp_path, monkeypatch, items, expected):
    monkeypatch.setenv("ODAUDIT_MAX_ROWS", "10")
    path = write_inventory(tmp_path / "ukt.xlsx", [item(n) for n in range(1, items + 1)])
    inspection = inspect_file(path, AS_OF, "ukt")
    assert flat(inspection.report) == expected
    assert [r.number for r in inspection.rows] == list(range(5, 15))


def test_ods_row_repeated_a_billion_times_stops_at_the_limit(tmp_path, monkeypatch):
    monkeypatch.setenv("ODAUDIT_MAX_ROWS", "3")
    path = write_raw_ods(tmp_path / "ukt.ods", ods_row(TITLES) + ods_row(values(item(1)), repeat=10**9))
    inspection = inspect_file(path, AS_OF, "ukt")
    assert [r.number for r in inspection.rows] == [2, 3, 4]
    assert flat(inspection.report) == [(None, None, None, "too-many-rows"),
                                       (3, "A", "id", "duplicate-id"), (4, "A", "id", "duplicate-id")]


def test_ods_blank_looking_row_repeated_a_billion_times(tmp_path, monkeypatch):
    monkeypatch.setenv("ODAUDIT_READ_TIMEOUT_S", "1")
    spaces = ('<table:table-row table:number-rows-repeated="1000000000"><table:table-cell '
              'office:value-type="string"><text:p><text:s text:c="3"/></text:p></table:table-cell></table:table-row>')
    path = write_raw_ods(tmp_path / "ukt.ods", ods_row(TITLES) + ods_row(values(item(1))) + spaces)
    inspection = inspect_file(path, AS_OF, "ukt")
    assert (flat(inspection.report), [r.number for r in inspection.rows]) == ([], [2])


# --- wide rows ---------------------------------------------------------------------------------------

def test_a_row_of_16384_columns_is_not_a_header(tmp_path):
    path = write_raw_xlsx(tmp_path / "ukt.xlsx", [row_xml(1, ["x"] * 16_384)], dimension="A1:XFD1")
    only(path, "no-header")


def test_cells_out_to_column_xfd_are_ignored(tmp_path):
    wide = values(item(1)) + ["зайве"] * (16_384 - len(TITLES))
    path = write_raw_xlsx(tmp_path / "ukt.xlsx", [row_xml(1, TITLES), row_xml(2, wide)], dimension="A1:XFD2")
    inspection = inspect_file(path, AS_OF, "ukt")
    assert (flat(inspection.report), inspection.report.rows, inspection.rows[0].values["id"]) == ([], 1, "ds-001")


# --- read timeout --------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["title-block.xlsx", "inventory.ods", "cp1251-semicolon.csv"])
def test_read_timeout(data, monkeypatch, name):
    monkeypatch.setenv("ODAUDIT_READ_TIMEOUT_S", "0")
    assert "за 0 с" in only(data / name, "read-timeout").message


# --- XML entities ---------------------------------------------------------------------------------------

LAUGHS = '<!DOCTYPE lolz [<!ENTITY lol0 "lol">' + "".join(
    f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)) + "]>"


def ods_content(doctype: str, cell: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<office:document-content {ODS_NAMESPACES}>'
            '<office:body><office:spreadsheet><table:table table:name="Інвентаризація">'
            f"{ods_row(TITLES)}<table:table-row><table:table-cell office:value-type=\"string\">"
            f"<text:p>{cell}</text:p></table:table-cell></table:table-row>"
            "</table:table></office:spreadsheet></office:body></office:document-content>")


def test_billion_laughs_in_ods_content(tmp_path):
    path = write_raw_ods(tmp_path / "ukt.ods", content=ods_content(LAUGHS, "&lol9;"))
    only(path, "source-error")


def test_external_entity_in_ods_is_not_resolved(tmp_path):
    doctype = '<!DOCTYPE office:document-content [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
    path = write_raw_ods(tmp_path / "ukt.ods", content=ods_content(doctype, "&secret;"))
    assert "root:" not in only(path, "source-error").message


def test_billion_laughs_in_xlsx_sheet(tmp_path):
    cell = b'<row r="2"><c r="A2" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
    path = write_raw_xlsx(tmp_path / "ukt.xlsx", [row_xml(1, TITLES), cell], doctype=LAUGHS.encode())
    only(path, "source-error")
