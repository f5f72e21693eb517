"""The ``partnership-desk`` command: the desktop program, or a sub-command over the same core.

``main`` reads the global options first. With no sub-command the desktop program starts
(``ui.app``, imported only then: the one import of the GUI); otherwise the sub-commands
(``cli.commands``) are loaded and run. Neither is imported before it is needed, so the
window paints without the command line's dependencies and ``--version`` answers at once.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Sequence

from app.services.installation import VERSION, set_language

# The exchange files' extension, associated with the program by the Windows installer.
EXCHANGE_SUFFIX = ".pdx"


def global_options(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The options that come before any sub-command (and start the desktop program without one)."""
    parser.add_argument("--version", action="version", version=f"partnership-desk {VERSION}")
    parser.add_argument("--db", metavar="PATH_OR_URL", help="database file or URL (default: the data folder)")
    parser.add_argument(
        "--home", metavar="DIR", help="data folder (default: PARTNERSHIP_DESK_HOME or the user data folder)"
    )
    parser.add_argument("--passphrase-file", metavar="FILE", help="file holding the database passphrase")
    parser.add_argument("--lang", choices=["ko", "en"], help="language of messages (default: the system's)")
    return parser


def use_utf8_output() -> None:
    """Write UTF-8 to stdout and stderr whatever the console or pipe.

    On Korean Windows a pipe or a file gets the ANSI code page (CP949) by default: the «» of
    search matches cannot be written in it, and ``--json`` would not be UTF-8 JSON.
    """
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.encoding.lower().replace("-", "") != "utf8":
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    use_utf8_output()
    words = list(sys.argv[1:] if argv is None else argv)
    known, rest = global_options(argparse.ArgumentParser(add_help=False)).parse_known_args(words)
    known.exchange_file = None
    if len(rest) == 1 and rest[0].lower().endswith(EXCHANGE_SUFFIX):
        # An exchange file opened from Explorer ("Partnership Desk.exe" "%1"): the program, ready to import it.
        known.exchange_file, rest = rest[0], []
    if not rest:
        set_language(known.lang)
        from ui.app import run_gui  # the one import of the GUI, when it starts

        return run_gui(known)
    from cli.commands import run  # lazy: the window paints without the command line's dependencies

    return run(words)
