"""Reading CSV and XLSX files into a header row and numbered data rows.

Encodings are detected (UTF-8 with or without BOM, CP949/EUC-KR as Korean Excel
and Windows programs write, UTF-16 as some Outlook versions write) with
charset-normalizer; the delimiter (comma, semicolon, tab) is sniffed.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from app.errors import ImportFormatError

MAX_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class Sheet:
    headers: list[str]
    rows: list[tuple[int, list[str]]]  # (row number as a spreadsheet shows it, cells)
    encoding: str = ""


def read_sheet(path: Path, encoding: str | None = None) -> Sheet:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path)
    return read_csv(path, encoding)


def _unreadable(path: Path, exc: OSError) -> ImportFormatError:
    return ImportFormatError(
        f"파일을 읽을 수 없습니다: {path} ({exc.strerror})", f"Cannot read {path}: {exc.strerror}"
    )


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """The text of ``data`` and the encoding used."""
    if encoding:
        return data.decode(encoding), encoding
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000], cp_isolation=["cp949", "euc_kr", "utf_8", "cp1252", "utf_16"]).best()
    name = best.encoding if best is not None else "cp949"
    # EUC-KR is a subset of CP949 (Korean Windows "ANSI"); CP949 also reads the extra syllables.
    if name in ("euc_kr", "johab"):
        name = "cp949"
    try:
        return data.decode(name), name
    except UnicodeDecodeError as exc:
        raise ImportFormatError(
            "파일의 문자 인코딩을 알 수 없습니다. UTF-8 또는 CP949로 저장한 뒤 다시 가져오십시오.",
            f"Cannot tell the file's character encoding ({exc.reason}). Save it as UTF-8 or CP949 and try again.",
        ) from exc


def read_csv(path: Path, encoding: str | None = None) -> Sheet:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    if len(data) > MAX_BYTES:
        raise ImportFormatError("파일이 너무 큽니다 (최대 200MB).", "The file is too large (at most 200 MB).")
    text, used = decode(data, encoding)
    sample = text[:20_000]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    rows: list[tuple[int, list[str]]] = []
    headers: list[str] | None = None
    for line_no, cells in enumerate(reader, start=1):
        if headers is None:
            if not any(c.strip() for c in cells):
                continue
            headers = [c.strip() for c in cells]
            continue
        if any(c.strip() for c in cells):
            rows.append((line_no, cells))
    if headers is None:
        raise ImportFormatError("파일이 비어 있습니다.", "The file is empty.")
    return Sheet(headers, rows, used)


def read_xlsx(path: Path) -> Sheet:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    except Exception as exc:  # openpyxl raises many kinds on a damaged or foreign file
        raise ImportFormatError(
            f"XLSX 파일을 열 수 없습니다: {path.name}", f"Cannot open {path.name} as an XLSX workbook: {exc}"
        ) from exc
    try:
        sheet = book.worksheets[0]
        headers: list[str] | None = None
        rows: list[tuple[int, list[str]]] = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = [_cell(v) for v in values]
            if headers is None:
                if any(cells):
                    headers = [c.strip() for c in cells]
                    while headers and not headers[-1]:
                        headers.pop()
                continue
            if any(c.strip() for c in cells):
                rows.append((number, cells))
    finally:
        book.close()
    if headers is None:
        raise ImportFormatError(
            "통합 문서의 첫 시트가 비어 있습니다.", "The workbook's first sheet is empty."
        )
    return Sheet(headers, rows, "xlsx")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)
