"""The sub-commands: one module each (``cli/cmd_*.py`` with ``register(subparsers)``).

Every failure ends in one line on stderr and a non-zero exit: a domain error says what
to do (1), an interruption that nothing was left half-written (130), a bug where its
crash report is (70).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from app.errors import DomainError, FileInUseError
from app.services.crash_reports import write_crash_report
from app.services.installation import app_paths, set_language
from cli import (
    cmd_backups,
    cmd_brief,
    cmd_core,
    cmd_crypto,
    cmd_exchange,
    cmd_history,
    cmd_search,
    cmd_settings,
    cmd_transfer,
    global_options,
)
from cli.help_ko import translate_parser, use_korean_argparse

COMMANDS = (
    cmd_core,
    cmd_search,
    cmd_brief,
    cmd_transfer,
    cmd_exchange,
    cmd_history,
    cmd_backups,
    cmd_crypto,
    cmd_settings,
)


def build_parser() -> argparse.ArgumentParser:
    parser = global_options(
        argparse.ArgumentParser(
            prog="partnership-desk",
            description="Partnership Desk: agreements, contacts and collaboration minutes, kept locally.",
        )
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in COMMANDS:
        module.register(sub)
    return parser


def run(argv: Sequence[str]) -> int:
    known, _rest = global_options(argparse.ArgumentParser(add_help=False)).parse_known_args(argv)
    korean = set_language(known.lang) == "ko"
    use_korean_argparse(korean)  # -h and argparse's errors in the user's language
    try:
        parser = build_parser()
        if korean:
            translate_parser(parser)
        args = parser.parse_args(argv)
    finally:
        use_korean_argparse(False)
    set_language(args.lang)
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
    except PermissionError as exc:  # a file the user named, held by another program (Windows)
        if exc.filename is None:
            print(f"partnership-desk: {_unexpected(exc, args)}", file=sys.stderr)
            return 70
        print(f"partnership-desk: {FileInUseError(exc.filename, reading=True)}", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug: one line for the user, the traceback in a crash report
        print(f"partnership-desk: {_unexpected(exc, args)}", file=sys.stderr)
        return 70


def _unexpected(exc: Exception, args: argparse.Namespace) -> str:
    summary = f"{type(exc).__name__}: {str(exc).strip().splitlines()[0] if str(exc).strip() else ''}"
    try:
        report = write_crash_report(
            app_paths(Path(args.home) if args.home else None), exc, " ".join(sys.argv)
        )
    except OSError:
        return f"unexpected error ({summary})."
    return f"unexpected error ({summary}); details in {report}"
