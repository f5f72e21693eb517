"""Reading the first sheet of an XLSX workbook as rows of text, streamed and bounded.

openpyxl loads every shared string at once and, in read-only mode, pads every row to the
sheet's widest column and fills every missing row up to the last one: a 5 KB file with one
cell at XFD1 and one at row 1,048,576 becomes 17 billion empty cells. Here the shared strings
and the sheet are fed to expat a chunk at a time (its callbacks build no element tree, about
2 µs a cell) and only the cells that hold a value are kept; the shared strings are held as
one UTF-8 buffer. The small parts (workbook, relationships, styles) are read whole with
defusedxml, up to 10 MB each. Before anything is unpacked, the sizes the ZIP directory declares for the
parts read are checked against ``uncompressed_mb`` (Python's zipfile never unpacks more than
a part's declared size, so a zip bomb stops there); while reading, every limit is checked at
the element that passes it. openpyxl still decides which number formats are dates and turns
serial numbers into dates.
"""

from __future__ import annotations

import posixpath
import pyexpat
import re
import zipfile
from array import array
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO
from xml.etree import ElementTree as ET

from app.errors import ImportFormatError
from app.transfer.limits import MB, ImportLimits, LimitExceeded, check_cell, check_rows

_CELL_REF = re.compile(r"^([A-Z]{1,3})(\d+)$")
_MAX_COLUMN = 16_384  # XFD
_REL_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def column_letters(index: int) -> str:
    """1 -> A, 16384 -> XFD."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _column_index(letters: str) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + ord(ch) - 64
    return index


def _damaged(name: str, detail: str) -> ImportFormatError:
    return ImportFormatError(
        f"XLSX 파일이 손상되었습니다: {name} ({detail})", f"The XLSX file {name} is damaged: {detail}"
    )


class SharedStrings:
    """The workbook's shared strings as one UTF-8 buffer and their offsets: a million short
    strings cost their bytes and 8 more each, not a Python object each (50+ bytes)."""

    def __init__(self) -> None:
        self._data = bytearray()
        self._ends = array("q")

    def append(self, text: str) -> None:
        self._data += text.encode("utf-8")
        self._ends.append(len(self._data))

    def __len__(self) -> int:
        return len(self._ends)

    def __getitem__(self, index: int) -> str:
        if not 0 <= index < len(self._ends):
            raise IndexError(index)
        start = self._ends[index - 1] if index else 0
        return self._data[start : self._ends[index]].decode("utf-8")


class _RowReader:
    """Expat handlers that collect the cells of a worksheet's rows."""

    def __init__(self, book: Workbook, strings: SharedStrings, dates: set[int]) -> None:
        self.book, self.strings, self.dates, self.limits = book, strings, dates, book.limits
        self.ready: list[tuple[int, list[str]]] = []
        self.row_number = 0
        self.count = 0
        self.cells: dict[int, str] = {}
        self.column = 0
        self.ref = ""
        self.kind = "n"
        self.style = 0
        self.value: str | None = None
        self.collecting = False
        self.phonetic = 0
        self.buffer: list[str] = []

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        if tag == "c":
            self.ref = attrs.get("r", "")
            self.kind = attrs.get("t", "n")
            try:
                self.style = int(attrs.get("s", "0"))
            except ValueError:
                self.style = 0
            m = _CELL_REF.match(self.ref)
            self.column = _column_index(m.group(1)) if m else self.column + 1
            if self.column > _MAX_COLUMN:
                raise _damaged(self.book.name, f"cell {self.ref!r}")
            self.value = None
        elif tag in ("v", "t"):
            self.collecting = not self.phonetic
        elif tag == "rPh":
            self.phonetic += 1
        elif tag == "row":
            try:
                self.row_number = int(attrs.get("r") or self.row_number + 1)
            except ValueError as exc:
                raise _damaged(self.book.name, f"row {attrs.get('r')!r}") from exc
            self.cells, self.column = {}, 0

    def text(self, text: str) -> None:
        if self.collecting:
            self.buffer.append(text)

    def end(self, tag: str) -> None:
        if tag in ("v", "t"):
            if self.collecting:
                self.value = (self.value or "") + "".join(self.buffer)
            self.buffer.clear()
            self.collecting = False
        elif tag == "rPh":
            self.phonetic -= 1
        elif tag == "c":
            ref = self.ref or f"{column_letters(self.column)}{self.row_number}"
            text = self.book._value(self.value, self.kind, self.style, self.strings, self.dates, ref)
            if text:
                if self.column > self.limits.columns:
                    raise LimitExceeded(
                        "columns", self.limits.columns, f"{ref} 칸", f"Cell {ref} (column {self.column:,})"
                    )
                self.cells[self.column] = check_cell(text, self.limits, f"{ref} 칸", f"Cell {ref}")
        elif tag == "row" and self.cells and any(v.strip() for v in self.cells.values()):
            self.count += 1
            check_rows(self.count - 1, self.limits)  # the header row is not counted
            width = max(self.cells)
            self.ready.append((self.row_number, [self.cells.get(i, "") for i in range(1, width + 1)]))


class Workbook:
    """An open XLSX file: its parts, checked against the limits before any is unpacked."""

    def __init__(self, path: Path, limits: ImportLimits) -> None:
        self.name = path.name
        self.limits = limits
        try:
            self.zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise ImportFormatError(
                f"XLSX 파일을 열 수 없습니다: {path.name}",
                f"Cannot open {path.name} as an XLSX workbook: {exc}",
            ) from exc
        try:
            self.sheet, self.strings_part, self.styles_part = self._locate()
            parts = [p for p in (self.sheet, self.strings_part, self.styles_part) if p]
            total = sum(self.zip.getinfo(p).file_size for p in parts)
            if total > limits.uncompressed_bytes:
                raise LimitExceeded(
                    "uncompressed_mb",
                    limits.uncompressed_mb,
                    f"{path.name} 파일 (압축을 풀면 {total // MB:,}MB)",
                    f"The file {path.name} (it unpacks to {total // MB:,} MB)",
                )
        except BaseException:
            self.zip.close()
            raise

    def close(self) -> None:
        self.zip.close()

    def _open(self, part: str) -> IO[bytes]:
        try:
            return self.zip.open(part)
        except (KeyError, zipfile.BadZipFile, NotImplementedError, RuntimeError) as exc:
            raise _damaged(self.name, f"{part}: {exc}") from exc

    def _small(self, part: str) -> ET.Element:
        """A part that is read whole (workbook, relationships): at most 10 MB."""
        from defusedxml.ElementTree import fromstring

        if self.zip.getinfo(part).file_size > 10 * MB:
            raise LimitExceeded("uncompressed_mb", 10, f"{self.name}의 {part}", f"{part} in {self.name}")
        with self._open(part) as f:
            try:
                root: ET.Element = fromstring(f.read(), forbid_dtd=True)
            except (ET.ParseError, zipfile.BadZipFile, OSError, ValueError) as exc:
                raise _damaged(self.name, f"{part}: {exc}") from exc
        return root

    def _rels(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationship id -> (type, part path) of ``part``."""
        folder, base = posixpath.split(part)
        rels_part = posixpath.join(folder, "_rels", base + ".rels")
        if rels_part not in self.zip.NameToInfo:
            return {}
        out = {}
        for rel in self._small(rels_part):
            target = rel.get("Target", "")
            path = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(folder, target))
            )
            out[rel.get("Id", "")] = (rel.get("Type", ""), path)
        return out

    def _locate(self) -> tuple[str, str | None, str | None]:
        book_part = "xl/workbook.xml"
        if book_part not in self.zip.NameToInfo:
            raise ImportFormatError(
                f"XLSX 통합 문서가 아닙니다: {self.name}",
                f"{self.name} is not an XLSX workbook (no xl/workbook.xml).",
            )
        book = self._small(book_part)
        self.date1904 = any(
            _local(e.tag) == "workbookPr" and e.get("date1904", "").lower() in ("1", "true")
            for e in book.iter()
        )
        rels = self._rels(book_part)
        sheet_ids = [e.get(f"{{{_REL_OFFICE}}}id", "") for e in book.iter() if _local(e.tag) == "sheet"]
        if not sheet_ids or sheet_ids[0] not in rels:
            raise _damaged(self.name, "no worksheet")
        sheet = rels[sheet_ids[0]][1]
        strings = styles = None
        for kind, path in rels.values():
            if kind.endswith("/sharedStrings"):
                strings = path
            elif kind.endswith("/styles"):
                styles = path
        for part in (sheet, strings, styles):
            if part is not None and part not in self.zip.NameToInfo:
                raise _damaged(self.name, f"{part} is missing")
        return sheet, strings, styles

    def _parse(
        self,
        part: str,
        on_start: Callable[[str, dict[str, str]], None],
        on_end: Callable[[str], None],
        on_text: Callable[[str], None],
    ) -> Iterator[None]:
        """Feed ``part`` to expat a chunk at a time, yielding after each chunk.

        Handlers get local names (``row``, not its namespace). As defusedxml does for
        ElementTree, a document type declaration or an entity declaration is refused (a
        workbook has neither); nesting deeper than ``depth`` is refused as it opens.
        """
        parser = pyexpat.ParserCreate(namespace_separator=" ")
        parser.buffer_text = True
        depth = 0
        limits, name = self.limits, self.name

        def forbidden(*_: object) -> int:
            raise _damaged(name, f"{part}: a document type or entity declaration")

        def start(tag: str, attrs: dict[str, str]) -> None:
            nonlocal depth
            depth += 1
            if depth > limits.depth:
                raise LimitExceeded("depth", limits.depth, f"{name}의 {part}", f"{part} in {name}")
            on_start(tag.rpartition(" ")[2], attrs)

        def end(tag: str) -> None:
            nonlocal depth
            depth -= 1
            on_end(tag.rpartition(" ")[2])

        parser.StartElementHandler = start
        parser.EndElementHandler = end
        parser.CharacterDataHandler = on_text
        parser.StartDoctypeDeclHandler = forbidden
        parser.EntityDeclHandler = forbidden
        parser.ExternalEntityRefHandler = forbidden
        with self._open(part) as f:
            while True:
                try:
                    chunk = f.read(256 * 1024)
                    parser.Parse(chunk, not chunk)
                except (pyexpat.ExpatError, zipfile.BadZipFile, OSError, EOFError) as exc:
                    raise _damaged(name, f"{part}: {exc}") from exc
                yield
                if not chunk:
                    return

    def shared_strings(self) -> SharedStrings:
        strings = SharedStrings()
        if self.strings_part is None:
            return strings
        texts: list[str] = []
        state = {"text": False, "phonetic": 0}
        limits = self.limits

        def on_start(tag: str, _: dict[str, str]) -> None:
            if tag == "t":
                state["text"] = not state["phonetic"]
            elif tag == "rPh":  # the reading aid of East Asian text, not part of the value
                state["phonetic"] += 1

        def on_end(tag: str) -> None:
            if tag == "t":
                state["text"] = False
            elif tag == "rPh":
                state["phonetic"] -= 1
            elif tag == "si":
                text = "".join(texts)
                texts.clear()
                if len(text) > limits.cell_chars:
                    where = len(strings) + 1
                    check_cell(text, limits, f"공유 문자열 {where}", f"Shared string {where}")
                strings.append(text)

        def on_text(text: str) -> None:
            if state["text"]:
                texts.append(text)

        for _ in self._parse(self.strings_part, on_start, on_end, on_text):
            pass
        return strings

    def date_styles(self) -> set[int]:
        """Indexes of the cell formats that show a number as a date or time."""
        if self.styles_part is None:
            return set()
        from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

        formats: dict[int, str] = dict(BUILTIN_FORMATS)
        xf_formats: list[int] = []
        for elem in self._small(self.styles_part).iter():
            tag = _local(elem.tag)
            if tag == "numFmt":
                try:
                    formats[int(elem.get("numFmtId", ""))] = elem.get("formatCode", "")
                except ValueError:
                    continue
            elif tag == "cellXfs":
                for xf in elem:
                    try:
                        xf_formats.append(int(xf.get("numFmtId", "0")))
                    except ValueError:
                        xf_formats.append(0)
        return {i for i, fmt_id in enumerate(xf_formats) if is_date_format(formats.get(fmt_id, ""))}

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """(row number, cells up to the last one holding a value) of every row that holds one."""
        strings = self.shared_strings()
        dates = self.date_styles()
        reader = _RowReader(self, strings, dates)
        for _ in self._parse(self.sheet, reader.start, reader.end, reader.text):
            if reader.ready:
                yield from reader.ready
                reader.ready.clear()

    def _value(
        self, value: str | None, kind: str, style: int, strings: SharedStrings, dates: set[int], ref: str
    ) -> str:
        if value is None:
            return ""
        if kind == "s":
            try:
                return strings[int(value)]
            except (ValueError, IndexError) as exc:
                raise _damaged(
                    self.name, f"cell {ref} refers to shared string {value!r}, which does not exist"
                ) from exc
        if kind == "b":
            return "True" if value.strip() in ("1", "true") else "False"
        if kind in ("str", "inlineStr", "e", "d"):
            return value
        try:
            number = float(value)
        except ValueError:
            return value
        if style in dates:
            return self._date(number, ref)
        if number.is_integer() and abs(number) < 1e16:
            return str(int(number))
        return value.strip()

    def _date(self, number: float, ref: str) -> str:
        from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

        try:
            when = from_excel(number, CALENDAR_MAC_1904 if self.date1904 else CALENDAR_WINDOWS_1900)
        except (ValueError, OverflowError, TypeError) as exc:
            raise ImportFormatError(
                f"{self.name}의 {ref} 칸은 날짜 형식이지만 날짜로 읽을 수 없는 값입니다 ({number}).",
                f"Cell {ref} of {self.name} is formatted as a date but holds {number}, which is not a date.",
            ) from exc
        return str(when.isoformat()) if when is not None else ""
