"""tests/data holds exactly what tests/data/make_data.py writes, and every file is small."""
from __future__ import annotations

import io
import subprocess
import sys
import zipfile

from conftest import DATA

COMMITTED = sorted(p.name for p in DATA.iterdir() if p.is_file() and p.suffix != ".py")


def content(path):
    """What a file holds, independent of the zlib build that compressed it: the members of an
    archive (decrypted first when password-protected), the length of the cut-off one, else the bytes."""
    data = path.read_bytes()
    if path.name == "corrupt.xlsx":
        return len(data), data[:4]
    if path.name == "password-protected.xlsx":
        from msoffcrypto.format.ooxml import OOXMLFile

        office = OOXMLFile(io.BytesIO(data))
        office.load_key(password="секрет")
        plain = io.BytesIO()
        office.decrypt(plain)
        data = plain.getvalue()
    if data[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return [(info.filename, archive.read(info.filename)) for info in archive.infolist()]
    return data


def test_committed_files_are_what_make_data_writes(tmp_path):
    # in a process of its own, as `make data` runs it: odfpy numbers its styles per process, so an
    # .ods written after another test wrote one would differ
    subprocess.run([sys.executable, "-B", str(DATA / "make_data.py"), str(tmp_path)], check=True,
                   capture_output=True, cwd=DATA.parents[1])
    written = list(tmp_path.iterdir())
    assert sorted(p.name for p in written) == COMMITTED
    assert [p.name for p in written if content(p) != content(DATA / p.name)] == []


def test_data_files_are_small():
    assert {name: (DATA / name).stat().st_size for name in COMMITTED if (DATA / name).stat().st_size >= 30_000} == {}
