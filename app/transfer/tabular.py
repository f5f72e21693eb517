"""Reading CSV and XLSX files into a header row and numbered data rows, streamed and bounded.

Encodings are detected (UTF-8 with or without BOM, CP949/EUC-KR as Korean Excel
and Windows programs write, UTF-16 as some Outlook versions write) with
charset-normalizer; the delimiter (comma, semicolon, tab) is sniffed. Rows are
read one at a time, each checked against the import limits (``app.transfer.limits``).
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from app.errors import ImportFormatError
from app.transfer.limits import DEFAULT_LIMITS, ImportLimits, LimitExceeded, check_rows, read_bounded
from app.transfer.xlsx import Workbook, column_letters

_SNIFF_CHARS = 20_000


@dataclass(frozen=True)
class Sheet:
    headers: list[str]
    rows: Iterator[tuple[int, list[str]]]  # (row number as a spreadsheet shows it, cells), read once
    encoding: str = ""


def read_sheet(path: Path, encoding: str | None = None, limits: ImportLimits = DEFAULT_LIMITS) -> Sheet:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path, limits)
    return read_csv(path, encoding, limits)


def _undecodable(exc: UnicodeDecodeError, encoding: str) -> ImportFormatError:
    return ImportFormatError(
        f"파일을 {encoding} 인코딩으로 읽을 수 없습니다 ({exc.start:,}번째 바이트: {exc.reason}). "
        "파일이 잘렸거나 손상되었을 수 있습니다. UTF-8 또는 CP949로 저장한 뒤 다시 가져오십시오.",
        f"Cannot read the file as {encoding} at byte {exc.start:,} ({exc.reason}): it may be cut short "
        "or damaged. Save it as UTF-8 or CP949 and try again.",
    )


def detect_encoding(data: bytes, encoding: str | None = None) -> str:
    """The encoding of ``data``: the one given, a BOM's, UTF-8 if it reads, else charset-normalizer's guess."""
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError as exc:
            raise ImportFormatError(
                f"알 수 없는 인코딩입니다: {encoding}", f"Unknown character encoding: {encoding}"
            ) from exc
        return encoding
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=True)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000], cp_isolation=["cp949", "euc_kr", "utf_8", "cp1252", "utf_16"]).best()
    name = best.encoding if best is not None else "cp949"
    # EUC-KR is a subset of CP949 (Korean Windows "ANSI"); CP949 also reads the extra syllables.
    return "cp949" if name in ("euc_kr", "johab") else name


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """The text of ``data`` and the encoding used; a clear error when it does not decode."""
    used = detect_encoding(data, encoding)
    try:
        return data.decode(used), used
    except UnicodeDecodeError as exc:
        raise _undecodable(exc, used) from exc


def read_csv(path: Path, encoding: str | None = None, limits: ImportLimits = DEFAULT_LIMITS) -> Sheet:
    data = read_bounded(path, limits)
    used = detect_encoding(data, encoding)
    decoder = codecs.getincrementaldecoder(used)()
    try:
        sample = decoder.decode(data[: _SNIFF_CHARS * 4])[:_SNIFF_CHARS]
    except UnicodeDecodeError as exc:
        raise _undecodable(exc, used) from exc
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = _csv_rows(data, used, dialect, limits)
    for _, cells in rows:
        if any(c.strip() for c in cells):
            return Sheet([c.strip() for c in cells], _data_rows(rows, limits), used)
    raise ImportFormatError("파일이 비어 있습니다.", "The file is empty.")


def _csv_rows(
    data: bytes, encoding: str, dialect: type[csv.Dialect] | csv.Dialect, limits: ImportLimits
) -> Iterator[tuple[int, list[str]]]:
    text = io.TextIOWrapper(io.BytesIO(data), encoding=encoding, newline="")
    # The csv module's own limit is process-wide; it is set to ours before every read.
    csv.field_size_limit(limits.cell_chars)
    reader = csv.reader(text, dialect)
    line_no = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except UnicodeDecodeError as exc:
            raise _undecodable(exc, encoding) from exc
        except csv.Error as exc:
            where = reader.line_num
            if "field larger than field limit" in str(exc):
                raise LimitExceeded(
                    "cell_chars", limits.cell_chars, f"{where:,}번째 줄의 한 칸", f"A cell on line {where:,}"
                ) from exc
            raise ImportFormatError(
                f"CSV 파일의 {where:,}번째 줄을 읽을 수 없습니다: {exc}",
                f"Cannot read line {where:,} of the CSV file: {exc}",
            ) from exc
        line_no += 1
        if len(cells) > limits.columns and any(c.strip() for c in cells[limits.columns :]):
            raise LimitExceeded(
                "columns", limits.columns, f"{line_no:,}번째 줄", f"Line {line_no:,} ({len(cells):,} columns)"
            )
        yield line_no, cells  # the record number: the row a spreadsheet shows


def _data_rows(
    rows: Iterator[tuple[int, list[str]]], limits: ImportLimits
) -> Iterator[tuple[int, list[str]]]:
    count = 0
    for line_no, cells in rows:
        if any(c.strip() for c in cells):
            count += 1
            check_rows(count, limits)
            yield line_no, cells


def read_xlsx(path: Path, limits: ImportLimits = DEFAULT_LIMITS) -> Sheet:
    read_bounded_size(path, limits)
    book = Workbook(path, limits)
    rows = _closing(book)
    for _, cells in rows:
        headers = [c.strip() for c in cells]
        while headers and not headers[-1]:
            headers.pop()
        return Sheet(headers, rows, "xlsx")
    raise ImportFormatError("통합 문서의 첫 시트가 비어 있습니다.", "The workbook's first sheet is empty.")


def _closing(book: Workbook) -> Iterator[tuple[int, list[str]]]:
    try:
        yield from book.rows()
    finally:
        book.close()


def read_bounded_size(path: Path, limits: ImportLimits) -> None:
    """Refuse a file larger than ``file_mb`` without reading it (an XLSX is read part by part)."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImportFormatError(
            f"파일을 읽을 수 없습니다: {path} ({exc.strerror})", f"Cannot read {path}: {exc.strerror}"
        ) from exc
    if size > limits.file_bytes:
        raise LimitExceeded("file_mb", limits.file_mb, f"{path.name} 파일", f"The file {path.name}")


__all__ = ["Sheet", "column_letters", "decode", "detect_encoding", "read_csv", "read_sheet", "read_xlsx"]
