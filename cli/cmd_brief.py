"""brief: write a briefing (PDF, Word or Hangul HWPX; Korean or English) for a record or the portfolio."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.dto import AgreementQuery, MissingTranslation
from app.enums import AgreementStatus, RecordKind
from app.errors import StorageError, ValidationError
from app.services.installation import app_paths, current_language
from app.services.settings import BriefingAuthor, briefing_author
from cli.common import open_db, parse_id
from reports import FORMATS, BriefingRequest, write_briefing

TARGETS = ["agreement", "organization", "meeting", "portfolio"]
STATUSES = ["draft", "negotiating", "signed", "in_force", "expired", "terminated"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "brief",
        help="write a briefing: brief agreement|organization|meeting ID | portfolio -o FILE",
        description="Write a briefing document for an agreement, an organization, a meeting or the portfolio.",
    )
    p.add_argument("target", choices=TARGETS, help="what the briefing is about")
    p.add_argument("id", nargs="?", help="the record's id (not for portfolio)")
    p.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="the file to write (.pdf, .docx or .hwpx)"
    )
    p.add_argument("--format", choices=list(FORMATS), help="default: from FILE's extension, else pdf")
    p.add_argument("--lang", dest="brief_lang", choices=["ko", "en"], help="language of the briefing")
    p.add_argument(
        "--classification",
        metavar="TEXT",
        help="marking at the top and bottom of every page, e.g. 대외비 or RESTRICTED (in the briefing's language)",
    )
    p.add_argument(
        "--declassify", metavar="TEXT", help="예고문: when the marking is lowered, e.g. '2027. 12. 31. 일반'"
    )
    p.add_argument(
        "--type",
        dest="key",
        choices=["premeeting", "minutes"],
        help="for a meeting: pre-meeting brief or minutes record (default: by whether it has taken place)",
    )
    p.add_argument("--status", action="append", choices=STATUSES, help="portfolio: only these statuses")
    p.add_argument("--tag", default="", help="portfolio: only agreements with this tag")
    p.add_argument(
        "--organization", metavar="ID", help="portfolio: only agreements this organization is party to"
    )
    p.set_defaults(handler=cmd_brief)


def cmd_brief(args: argparse.Namespace) -> int:
    author = briefing_author(app_paths(Path(args.home) if getattr(args, "home", None) else None))
    request = _request(args, current_language(), author)
    output = Path(args.output)
    _check_writable(output)
    lang = current_language()
    with open_db(args) as db:
        try:
            write_briefing(
                db,
                request,
                output,
                on_missing=lambda doc: _print_missing(doc.missing, doc.missing_settings, request.lang, lang),
            )
        except OSError as exc:
            raise _unwritable(output, exc) from None
    size = output.stat().st_size
    print(f"작성함: {output} ({size:,}바이트)" if lang == "ko" else f"Wrote {output} ({size:,} bytes)")
    return 0


def _print_missing(
    found: tuple[MissingTranslation, ...], settings: tuple[str, ...], brief_lang: str, lang: str
) -> None:
    """On stderr, before the file is written: each text printed in the other language, tagged,
    with its record and the command that shows it (the program opens it from the briefing dialog)."""
    tag = "[KO]" if brief_lang == "en" else "[EN]"
    count = len(found) + len(settings)
    if lang == "ko":
        wanted = "영문" if brief_lang == "en" else "국문"
        head = f"{wanted}이 없어 다른 언어로 {tag} 표시와 함께 싣는 내용 {count}건:"
    else:
        wanted = "English" if brief_lang == "en" else "Korean"
        other = "Korean" if brief_lang == "en" else "English"
        head = f"{count} text(s) have no {wanted}; the briefing prints the {other}, marked {tag}:"
    lines = [head]
    for key in settings:
        lines.append(f"  {'설정' if lang == 'ko' else 'Setting'} {key}")
        lines.append(f"      partnership-desk settings set {key} ...")
    for m in found:
        kind = RecordKind(m.kind).label("ko" if lang == "ko" else "en")
        record = m.record_ko if lang == "ko" else m.record_en
        field = m.field_ko if lang == "ko" else m.field_en
        text = " ".join(m.text.split())
        text = text if len(text) <= 60 else text[:59] + "…"
        lines.append(f'  {kind} "{record}" · {field}: {text}')
        lines.append(f"      partnership-desk show {m.kind} {m.id}")
    print("\n".join(lines), file=sys.stderr)


def _request(
    args: argparse.Namespace, default_lang: str, author: BriefingAuthor | None = None
) -> BriefingRequest:
    target = args.target
    ident = None
    if target == "portfolio":
        if args.id:
            raise ValidationError(
                "id", "협약 현황에는 ID를 지정하지 않습니다.", "The portfolio briefing takes no id."
            )
    elif not args.id:
        raise ValidationError(
            "id",
            f"{target} ID를 지정하십시오 ('list' 명령으로 확인).",
            f"Give the {target}'s id (find it with the 'list' command).",
        )
    else:
        ident = parse_id(args.id, target)
    if args.key and target != "meeting":
        raise ValidationError(
            "type", "--type은 회의에만 쓸 수 있습니다.", "--type applies to a meeting only."
        )
    query = None
    if target == "portfolio" and (args.status or args.tag or args.organization):
        query = AgreementQuery(
            statuses=tuple(AgreementStatus(s) for s in args.status or ()),
            tag=args.tag,
            organization_id=parse_id(args.organization, "organization") if args.organization else None,
        )
    suffix = Path(args.output).suffix.lower().lstrip(".")
    fmt = args.format or (suffix if suffix in FORMATS else "pdf")
    return BriefingRequest(
        target=target,
        target_id=ident,
        lang=args.brief_lang or default_lang,
        format=fmt,
        classification=(args.classification or "").strip() or None,
        portfolio_filter=query,
        key=args.key,
        author=author or BriefingAuthor(),
        declassify=(getattr(args, "declassify", None) or "").strip(),
    )


def _check_writable(path: Path) -> None:
    """Fail before any work when the file obviously cannot be written."""
    if path.is_dir():
        raise StorageError(
            f"{path}은(는) 폴더입니다. 파일 이름을 지정하십시오.", f"{path} is a folder; give a file name."
        )
    parent = path.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        raise StorageError(
            f"{path}에 쓸 수 없습니다: {parent}은(는) 폴더가 아닙니다.",
            f"Cannot write {path}: {parent} is not a folder.",
        )


def _unwritable(path: Path, exc: OSError) -> StorageError:
    reason = exc.strerror or str(exc)
    return StorageError(f"{path}에 쓸 수 없습니다: {reason}", f"Cannot write {path}: {reason}")
