"""A submitted file as received: original bytes, sha256, and what kind of file it really is."""
from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..files import UNLIMITED, FileRefused, open_bounded, read_bytes_bounded
from .grid import ReadError


@dataclass(frozen=True)
class Source:
    path: Path
    data: bytes
    sha256: str

    @property
    def name(self) -> str:
        return self.path.name


def load_source(path: Path, max_bytes: int) -> Source:
    """Read the file without changing it; larger than ``max_bytes`` is a finding."""
    path = Path(path)
    try:
        data = read_bytes_bounded(path, max_bytes)
    except FileRefused as exc:
        if exc.reason == "too-large":
            raise ReadError("file-too-large", detail=_mb(exc.size) if exc.size else f"> {_limit(max_bytes)}",
                            limit=_limit(max_bytes)) from None
        if exc.reason == "missing":
            raise FileNotFoundError(str(exc)) from None
        raise ReadError("source-error", detail=exc.detail_uk) from None
    return Source(path, data, hashlib.sha256(data).hexdigest())


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open_bounded(path, UNLIMITED) as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def sniff_kind(data: bytes) -> str:
    """'xlsx', 'ods' or 'csv' by content, not by extension (mislabelled files happen)."""
    if not data.removeprefix(b"\xef\xbb\xbf").strip():
        raise ReadError("empty-file")
    if data[:4] == b"PK\x03\x04":
        return _zip_kind(data)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise ReadError("encrypted-file")
    if data[:5] == b"%PDF-":
        raise ReadError("unsupported-format", detail="PDF")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "csv"
    if b"\x00" in data[:8192]:
        raise ReadError("unsupported-format", detail="двійковий файл")
    return "csv"


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" in names:
                return "xlsx"
            if "mimetype" in names and b"opendocument.spreadsheet" in _head(archive, "mimetype"):
                return "ods"
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
        raise ReadError("source-error", detail=f"пошкоджений архів: {exc}") from exc
    if "word/document.xml" in names:
        raise ReadError("unsupported-format", detail="документ Word")
    raise ReadError("unsupported-format", detail="ZIP-архів")


def _head(archive: zipfile.ZipFile, name: str, size: int = 100) -> bytes:
    """The first bytes of a member, without unpacking the rest (a member may be a bomb)."""
    with archive.open(name) as member:
        return member.read(size)


def check_archive(data: bytes, max_unpacked: int) -> None:
    """Refuse archives that unpack to more than ``max_unpacked`` bytes (zip bombs)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        total = sum(info.file_size for info in archive.infolist())
    if total > max_unpacked:
        raise ReadError("archive-bomb", detail=_mb(total), limit=_limit(max_unpacked))


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.2f} МБ"   # two decimals: just over the limit must not read as the limit


def _limit(n: int) -> str:
    return f"{n / 1_000_000:g} МБ"
