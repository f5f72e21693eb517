"""The ``partnership-desk`` command.

Sub-commands live in ``app/cli/cmd_*.py``; each module has ``register(subparsers)``
and keeps its heavy imports inside its handlers, so start-up stays fast. With no
sub-command the desktop program starts (the one lazy import of ``ui``).
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence
from pathlib import Path

from app import __version__
from app.errors import DomainError
from app.i18n import set_language


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="partnership-desk",
        description="Partnership Desk: agreements, contacts and collaboration minutes, kept locally.",
    )
    parser.add_argument("--version", action="version", version=f"partnership-desk {__version__}")
    parser.add_argument("--db", metavar="PATH_OR_URL", help="database file or URL (default: the data folder)")
    parser.add_argument(
        "--home", metavar="DIR", help="data folder (default: PARTNERSHIP_DESK_HOME or the user data folder)"
    )
    parser.add_argument("--passphrase-file", metavar="FILE", help="file holding the database passphrase")
    parser.add_argument("--lang", choices=["ko", "en"], help="language of messages (default: the system's)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("cmd_"):
            importlib.import_module(f"{__name__}.{info.name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    set_language(args.lang)
    if args.command is None:
        # The one place the GUI is imported; by name, so that the core type-checks without ui/.
        gui = importlib.import_module("ui.app")
        return int(gui.run_gui(args))
    try:
        return int(args.handler(args) or 0)
    except DomainError as exc:
        print(f"partnership-desk: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("partnership-desk: interrupted; nothing was left half-written.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: one line for the user, the traceback in a crash report
        print(f"partnership-desk: {_unexpected(exc, args)}", file=sys.stderr)
        return 70


def _unexpected(exc: Exception, args: argparse.Namespace) -> str:
    from app.crash import write_crash_report
    from app.paths import app_paths

    summary = f"{type(exc).__name__}: {str(exc).strip().splitlines()[0] if str(exc).strip() else ''}"
    try:
        report = write_crash_report(
            app_paths(Path(args.home) if args.home else None), exc, " ".join(sys.argv)
        )
    except OSError:
        return f"unexpected error ({summary})."
    return f"unexpected error ({summary}); details in {report}"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
