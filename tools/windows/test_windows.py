# ruff: noqa: S603, S607  (a build script: it runs pip, osslsigncode, MinGW, NSIS and Wine by name)
"""Run the built Windows program under Wine with the Korean code page (what ``make test-windows`` runs).

    .venv/bin/python tools/windows/test_windows.py [--folder "build/windows/Partnership Desk"]

Each case runs the portable folder's console program, ``partnership-desk.exe``, under Wine with
``LANG=ko_KR.UTF-8`` (Windows' ANSI code page is then 949, checked first) and its output piped,
as a script on Korean Windows would, then reads back what it wrote with the Linux tools:
JSON parsed from the raw bytes as UTF-8, PDFs with pypdf (text and embedded fonts), DOCX with
python-docx, XLSX with openpyxl.

The one change to the Wine prefix: Windows 10's bcryptprimitives.dll, which Wine 8 lacks and
cryptography's Rust module imports, is stood in for by ``bcryptprimitives.c`` (one function,
``ProcessPrng``, over Wine's RtlGenRandom); the program's folder is used as built.

Last, the installer runs silently (``/S``): the files in ``%LOCALAPPDATA%\\Programs``, the
Start-menu shortcut, the ``.pdx`` association in HKCU, the installed program's ``--version``;
then the uninstaller, which must leave the data folder alone.

What Wine cannot show: the desktop program (Wine 8 cannot load Qt 6.12, which needs the ICU
DLL of Windows 10+), and how Explorer shows the shortcut, the icon and the association.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path, PureWindowsPath

ROOT = Path(__file__).resolve().parents[2]
REFERENCE_TITLE = "반도체 첨단 패키징 기술개발 협력 협약"
REFERENCE_TITLE_EN = "Agreement on cooperation for semiconductor advanced packaging technology development"
REFERENCE_NO = "DEMO-2023-PKG-01"


class Failed(Exception):
    pass


class Wine:
    def __init__(self, folder: Path, work: Path) -> None:
        self.folder = folder
        self.work = work
        self.env = {
            **os.environ,
            "LANG": "ko_KR.UTF-8",
            "LC_ALL": "ko_KR.UTF-8",
            "WINEPREFIX": str(work / "wineprefix"),
            "WINEDEBUG": "-all",
            "WINEDLLOVERRIDES": "mscoree,mshtml=",  # no Mono/Gecko install dialogs
        }
        self.env.pop("DISPLAY", None)
        self.env.pop("PARTNERSHIP_DESK_HOME", None)
        self.env.pop("PARTNERSHIP_DESK_DB", None)

    def win(self, path: Path) -> str:
        """The path as the Windows program sees it (Wine's Z: drive is /)."""
        return str(PureWindowsPath("Z:\\") / PureWindowsPath(*path.absolute().parts[1:]))

    def run(self, exe: str, *args: str, timeout: float = 600) -> subprocess.CompletedProcess[bytes]:
        # Pipes all three, as for a script: under Wine 8, Python cannot set up its standard streams
        # when stdin is /dev/null or stderr a file ("init_sys_streams: ... WinError 6").
        return subprocess.run(
            ["wine", str(self.folder / exe), *args],
            input=b"",
            capture_output=True,
            env=self.env,
            timeout=timeout,
            cwd=self.work,
        )

    def desk(self, *args: str, ok: bool = True) -> subprocess.CompletedProcess[bytes]:
        result = self.run("partnership-desk.exe", "--home", self.win(self.work / "home"), *args)
        if ok and result.returncode != 0:
            raise Failed(
                f"partnership-desk {' '.join(args)}: exit {result.returncode}\n"
                f"{result.stderr.decode('utf-8', 'replace')}"
            )
        return result


def utf8(data: bytes, what: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Failed(f"{what} is not UTF-8: {exc}; first bytes {data[:80]!r}") from exc


def check(condition: bool, message: str) -> None:
    if not condition:
        raise Failed(message)


# -- the cases -----------------------------------------------------------------------------


def code_page(w: Wine) -> str:
    probe = (
        "import ctypes, locale, sys; "
        "print(ctypes.windll.kernel32.GetACP(), locale.getencoding(), sys.stdout.encoding)"
    )
    result = w.run("python\\python.exe", "-c", probe)
    words = result.stdout.decode("ascii", "replace").split()
    check(result.returncode == 0 and words == ["949", "cp949", "cp949"], f"ANSI code page: {words}")
    return "GetACP() = 949; Python's locale encoding and a piped stdout's are cp949"


def version(w: Wine) -> str:
    out = utf8(w.desk("--version").stdout, "--version").strip()
    from app import __version__

    check(out == f"partnership-desk {__version__}", out)
    return out


def demo(w: Wine) -> str:
    w.desk("demo")
    return "demo loaded"


def list_json(w: Wine) -> str:
    rows = json.loads(utf8(w.desk("list", "agreements", "--json").stdout, "list --json"))
    titles = [row["title_ko"] for row in rows]
    check(REFERENCE_TITLE in titles, f"{titles}")
    return f"{len(rows)} agreements, UTF-8 JSON, the reference among them"


def meeting_zones(w: Wine) -> str:
    """Windows has no zone database of its own: the time zones come from the bundled tzdata."""
    rows = json.loads(utf8(w.desk("list", "meetings", "--json").stdout, "list meetings --json"))
    upcoming = next(row for row in rows if "(4차)" in row["title_ko"])
    check(upcoming["time_zone"] == "Asia/Seoul", f"{upcoming}")
    check(upcoming["starts_at"].endswith("T05:00:00+00:00"), f"{upcoming}")  # 14:00 in Seoul
    abroad = [row for row in rows if row["time_zone"] == "America/New_York"]
    check(len(abroad) == 1, f"{[row['time_zone'] for row in rows]}")
    shown = utf8(w.desk("--lang", "ko", "show", "meeting", upcoming["id"]).stdout, "show meeting")
    check("14:00" in shown, shown[:500])
    return "the upcoming meeting at 14:00 Seoul (05:00 UTC), one held in New York"


def reference_id(w: Wine) -> str:
    rows = json.loads(utf8(w.desk("list", "agreements", "--json").stdout, "list --json"))
    return str(next(row["id"] for row in rows if row["reference_no"] == REFERENCE_NO))


def search(w: Wine) -> str:
    out = utf8(w.desk("search", "하이닉스").stdout, "search")
    check("«하이닉스»" in out, out[:500])
    return f"{len(out.splitlines())} lines, «하이닉스» marked"


def briefings(w: Wine) -> str:
    from docx import Document
    from pypdf import PdfReader

    ident = reference_id(w)
    seen = []
    for lang in ("ko", "en"):
        pdf = w.work / f"briefing-{lang}.pdf"
        docx = w.work / f"briefing-{lang}.docx"
        w.desk("brief", "agreement", ident, "-o", w.win(pdf), "--lang", lang)
        w.desk("brief", "agreement", ident, "-o", w.win(docx), "--lang", lang)
        reader = PdfReader(pdf)
        text = "".join(page.extract_text() or "" for page in reader.pages)
        flat = " ".join(text.split())
        title = REFERENCE_TITLE if lang == "ko" else REFERENCE_TITLE_EN
        check(title in flat, f"{lang} PDF text: {text[:300]}")
        if lang == "en":  # one language per briefing: the demo is complete in English
            check(not re.search("[\uac00-\ud7a3]", text), f"Hangul in the English PDF: {text[:300]}")
        fonts: dict[str, bool] = {}
        for page in reader.pages:
            resources = page.get("/Resources") or {}
            for font in (resources.get("/Font") or {}).values():
                font = font.get_object()
                descendants = font.get("/DescendantFonts")
                target = descendants[0].get_object() if descendants else font
                descriptor = target.get("/FontDescriptor")
                embedded = descriptor is not None and any(
                    key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")
                )
                fonts[str(font.get("/BaseFont"))] = embedded
        check(bool(fonts) and all(fonts.values()), f"{lang} PDF fonts not all embedded: {fonts}")
        body = Document(str(docx)).element.body  # every text run, the title box's table included
        words = "".join(node.text or "" for node in body.iter() if node.tag.endswith("}t"))
        check(title.replace(" ", "") in "".join(words.split()), f"{lang} DOCX text: {words[:300]}")
        seen.append(f"{lang}: PDF {len(reader.pages)} pages, fonts embedded {sorted(fonts)}; DOCX read back")
    return "; ".join(seen)


def export_xlsx(w: Wine) -> str:
    from openpyxl import load_workbook

    target = w.work / "contacts.xlsx"
    w.desk("export", "contacts", "--format", "xlsx", "-o", w.win(target))
    sheet = load_workbook(target).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    check(len(rows) > 1 and any(isinstance(v, str) and any("가" <= c <= "힣" for c in v) for v in rows[1]),
          f"{rows[:2]}")  # fmt: skip
    return f"{len(rows) - 1} contacts in the sheet, Korean intact"


def import_cp949(w: Wine) -> str:
    source = w.work / "연락처.csv"
    shutil.copy(ROOT / "tests" / "data" / "korean_excel_cp949.csv", source)
    w.desk("import", w.win(source), "--kind", "contacts")
    rows = json.loads(utf8(w.desk("list", "contacts", "--json").stdout, "list contacts --json"))
    names = [row["name_ko"] for row in rows]
    check(all(name in names for name in ("박서준", "정하늘", "이도현")), f"{names}")
    lee = next(row["id"] for row in rows if row["name_ko"] == "이도현")
    shown = utf8(w.desk("show", "contact", str(lee), "--json").stdout, "show contact --json")
    check("똠방각하 뷁" in shown, shown[:500])  # syllables outside EUC-KR, inside CP949
    return "Korean Excel CSV (CP949, 똠/뷁 outside EUC-KR) imported and read back"


def exchange(w: Wine) -> str:
    secret = w.work / "exchange-passphrase.txt"
    secret.write_text("교환 암호 correct horse\n", encoding="utf-8")
    bundle = w.work / "교환.pdx"
    w.desk("exchange", "export", w.win(bundle), "--passphrase-file", w.win(secret))
    check(bundle.stat().st_size > 0, "empty exchange file")
    other = w.work / "other-home"
    result = w.run(
        "partnership-desk.exe", "--home", w.win(other), "exchange", "import", w.win(bundle),
        "--passphrase-file", w.win(secret),
    )  # fmt: skip
    check(result.returncode == 0, utf8(result.stderr, "stderr"))
    listed = w.run("partnership-desk.exe", "--home", w.win(other), "list", "agreements", "--json")
    titles = [row["title_ko"] for row in json.loads(utf8(listed.stdout, "list --json"))]
    check(REFERENCE_TITLE in titles, f"{titles}")
    wrong = w.work / "wrong.txt"
    wrong.write_text("not it\n", encoding="utf-8")
    refused = w.run(
        "partnership-desk.exe", "--home", w.win(w.work / "third"), "exchange", "import", w.win(bundle),
        "--passphrase-file", w.win(wrong),
    )  # fmt: skip
    check(refused.returncode == 1 and b"Traceback" not in refused.stderr, utf8(refused.stderr, "stderr"))
    return f"{bundle.stat().st_size:,} bytes, encrypted; imported into another data folder; wrong passphrase refused"


def encrypt_and_check(w: Wine) -> str:
    secret = w.work / "db-passphrase.txt"
    secret.write_text("데이터베이스 암호 2026\n", encoding="utf-8")
    w.desk("encrypt", "--passphrase-file", w.win(secret))
    database = w.work / "home" / "partnership-desk.sqlite3"
    check(not database.read_bytes().startswith(b"SQLite format 3"), "the database file is still plain SQLite")
    out = utf8(w.desk("--passphrase-file", w.win(secret), "check").stdout, "check")
    rows = json.loads(
        utf8(w.desk("--passphrase-file", w.win(secret), "list", "agreements", "--json").stdout, "list")
    )
    check(REFERENCE_TITLE in [row["title_ko"] for row in rows], "encrypted database lost its agreements")
    return f"encrypted; check: {out.strip().splitlines()[0] if out.strip() else 'ok'}"


def installer(w: Wine) -> str:
    """The per-user installer, silently: files, Start-menu shortcut, .pdx association (HKCU); uninstall keeps data."""
    from app import __version__

    setup = w.folder.parent / f"PartnershipDesk-{__version__}-setup.exe"
    if not setup.exists():
        raise Failed(f"no {setup}")
    prefix = Path(w.env["WINEPREFIX"])
    users = prefix / "drive_c" / "users"
    result = subprocess.run(
        ["wine", str(setup), "/S"], input=b"", capture_output=True, env=w.env, timeout=900
    )
    check(result.returncode == 0, f"setup /S: exit {result.returncode}")
    found = list(users.glob("*/AppData/Local/Programs/Partnership Desk"))
    check(len(found) == 1 and (found[0] / "partnership-desk.exe").exists(), "not in %LOCALAPPDATA%\\Programs")
    installed = found[0]
    shortcuts = list(
        users.glob("*/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Partnership Desk.lnk")
    )
    check(len(shortcuts) == 1, "no Start-menu shortcut")
    query = subprocess.run(
        ["wine", "reg", "query", "HKCU\\Software\\Classes\\PartnershipDesk.ExchangeFile\\shell\\open\\command"],
        input=b"", capture_output=True, env=w.env, timeout=120,
    )  # fmt: skip
    command = query.stdout.decode("utf-8", "replace")
    check("Partnership Desk.exe" in command and "%1" in command, f"association: {command!r}")
    extension = subprocess.run(
        ["wine", "reg", "query", "HKCU\\Software\\Classes\\.pdx"], input=b"", capture_output=True, env=w.env,
        timeout=120,
    )  # fmt: skip
    check(b"PartnershipDesk.ExchangeFile" in extension.stdout, f".pdx: {extension.stdout!r}")
    ran = subprocess.run(
        ["wine", str(installed / "partnership-desk.exe"), "--version"], input=b"", capture_output=True,
        env=w.env, timeout=300,
    )  # fmt: skip
    check(ran.stdout.decode().strip() == f"partnership-desk {__version__}", f"installed: {ran.stdout!r}")
    data = users.glob("*/AppData/Local/PartnershipDesk/PartnershipDesk")
    keep = next(iter(data), None) or (installed.parents[1] / "PartnershipDesk" / "PartnershipDesk")
    keep.mkdir(parents=True, exist_ok=True)
    (keep / "keep-me.txt").write_text("the user's data\n", encoding="utf-8")
    gone = subprocess.run(
        ["wine", str(installed / "Uninstall.exe"), "/S"],
        input=b"",
        capture_output=True,
        env=w.env,
        timeout=600,
    )
    check(gone.returncode == 0, f"uninstall: exit {gone.returncode}")
    for _ in range(120):  # the uninstaller runs on from a temporary copy of itself
        if not installed.exists():
            break
        time.sleep(1)
    left = sorted(p.name for p in installed.iterdir()) if installed.exists() else []
    check(not installed.exists(), f"left after uninstall: {left}")
    check((keep / "keep-me.txt").exists(), "the uninstaller removed the user's data")
    check(not shortcuts[0].exists(), "the shortcut stayed")
    return (
        f"installed into {installed.relative_to(users)}; shortcut; .pdx association; uninstalled, data kept"
    )


CASES: list[tuple[str, Callable[[Wine], str]]] = [
    ("Windows ANSI code page", code_page),
    ("--version", version),
    ("demo", demo),
    ("list agreements --json (piped, UTF-8 JSON)", list_json),
    ("meetings in their time zones (tzdata)", meeting_zones),
    ("search 하이닉스 (piped)", search),
    ("brief PDF and DOCX, Korean and English", briefings),
    ("export contacts --format xlsx", export_xlsx),
    ("import a CP949 CSV", import_cp949),
    ("exchange export/import with a passphrase", exchange),
    ("encrypt, then check", encrypt_and_check),
    ("the installer, silently, then its uninstaller", installer),
]


def stand_in_for_windows_10(w: Wine) -> None:
    """Give the Wine prefix the bcryptprimitives.dll of Windows 10+ that Wine 8 lacks (not shipped).

    cryptography's Rust module imports ``ProcessPrng`` from it; Windows 10 and 11 have it.
    """
    dll = w.work / "bcryptprimitives.dll"
    here = Path(__file__).resolve().parent
    subprocess.run(
        ["x86_64-w64-mingw32-gcc", "-O2", "-Wall", "-s", "-shared", "-o", str(dll),
         str(here / "bcryptprimitives.c"), str(here / "bcryptprimitives.def"), "-ladvapi32"],
        check=True,
    )  # fmt: skip
    shutil.copy(dll, w.work / "wineprefix" / "drive_c" / "windows" / "system32" / dll.name)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=ROOT / "build" / "windows" / "Partnership Desk")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "windows" / "test")
    args = parser.parse_args()
    folder = args.folder.absolute()
    if not (folder / "partnership-desk.exe").exists():
        sys.exit(f"no {folder / 'partnership-desk.exe'}: run 'make windows' first")
    work = args.work.absolute()
    for old in ("home", "other-home", "third"):
        shutil.rmtree(work / old, ignore_errors=True)
    work.mkdir(parents=True, exist_ok=True)
    wine = Wine(folder, work)
    subprocess.run(["wineboot", "-i"], env=wine.env, capture_output=True, timeout=600)
    stand_in_for_windows_10(wine)
    passed = failed = 0
    for name, case in CASES:
        start = time.monotonic()
        try:
            detail = case(wine)
        except (
            Failed,
            subprocess.TimeoutExpired,
            AssertionError,
            ValueError,
            KeyError,
            StopIteration,
        ) as exc:
            failed += 1
            print(f"FAIL  {name} ({time.monotonic() - start:.0f} s): {exc}", flush=True)
            continue
        passed += 1
        print(f"ok    {name} ({time.monotonic() - start:.0f} s): {detail}", flush=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
