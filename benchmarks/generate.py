"""A ministry-scale database, generated reproducibly from a seed.

The schema comes from the program itself (``open_database`` runs the migrations);
the rows are then bulk-inserted with plain ``sqlite3`` (no audit trail for
generated rows), with the tables' indexes and triggers dropped during the load and
recreated after it. The reference agreement (``app.demo``) is loaded on top
through the services, and a search index, when the program has one, is rebuilt
with its own bulk function. Results are cached by seed, scale, schema revision
and generator version.

    python -m benchmarks.generate --scale 0.1 --out FILE
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from datetime import time as dt_time
from pathlib import Path
from typing import Any

from app.services.opening import open_database
from app.zones import HOME, at
from benchmarks import corpus

GENERATOR_VERSION = 2  # 2: every text in Korean and English columns, meetings in their zone (0011)
DEFAULT_SEED = 20231108
CACHE_DIR = Path(__file__).resolve().parent.parent / ".bench-cache"
TODAY = date(2026, 11, 1)  # a fixed "today" for the demo data, so that runs compare
UNTRANSLATED = 0.15  # commitments and action items with a Korean title only, as in a real office
BULK_TABLES = (
    "organization",
    "contact",
    "membership",
    "agreement",
    "party",
    "commitment",
    "meeting",
    "meeting_agreement",
    "attendee",
    "action_item",
)
ENTITY_COLUMNS = ("id", "created_at", "updated_at", "version", "deleted_at")
COLUMNS: dict[str, tuple[str, ...]] = {
    "organization": ("name_ko", "name_en", "short_name", "org_kind", "country", "website", "notes"),
    "contact": ("name_ko", "name_en", "email", "phone", "mobile", "notes"),
    "membership": (
        "contact_id",
        "organization_id",
        "title_ko",
        "title_en",
        "department_ko",
        "department_en",
        "started_on",
        "ended_on",
    ),
    "agreement": (
        "title_ko",
        "title_en",
        "reference_no",
        "agreement_kind",
        "status",
        "signed_on",
        "effective_on",
        "expires_on",
        "place_ko",
        "place_en",
        "summary_ko",
        "summary_en",
        "confidentiality",
        "tags",
    ),
    "party": (
        "agreement_id",
        "organization_id",
        "role",
        "position",
        "signatory_contact_id",
        "signatory_name_ko",
        "signatory_name_en",
        "signatory_title_ko",
        "signatory_title_en",
        "signed_on",
        "joined_on",
        "withdrew_on",
    ),
    "commitment": (
        "agreement_id",
        "party_id",
        "title_ko",
        "title_en",
        "description_ko",
        "description_en",
        "due_on",
        "status",
    ),
    "meeting": (
        "title_ko",
        "title_en",
        "starts_at",
        "ends_at",
        "time_zone",
        "place_ko",
        "place_en",
        "online_url",
        "summary_ko",
        "summary_en",
    ),
    "meeting_agreement": ("meeting_id", "agreement_id"),
    "attendee": ("meeting_id", "contact_id", "organization_id", "title_ko", "title_en", "attended"),
    "action_item": (
        "meeting_id",
        "title_ko",
        "title_en",
        "owner_contact_id",
        "owner_organization_id",
        "due_on",
        "status",
        "commitment_id",
        "carried_from_id",
    ),
}


@dataclass(frozen=True)
class Counts:
    agreements: int
    organizations: int
    contacts: int
    meetings: int
    commitments: int
    action_items: int

    @classmethod
    def at_scale(cls, scale: float) -> Counts:
        def n(full: int, minimum: int) -> int:
            return max(minimum, round(full * scale))

        return cls(
            agreements=n(100_000, 20),
            organizations=n(50_000, 40),
            contacts=n(500_000, 100),
            meetings=n(200_000, 40),
            commitments=n(400_000, 40),
            action_items=n(600_000, 60),
        )


def schema_head() -> str:
    from app.migrate import head_revision

    return head_revision()


def cache_path(seed: int, scale: float, cache_dir: Path = CACHE_DIR) -> Path:
    return cache_dir / f"pd-s{seed}-x{scale:g}-r{schema_head()}-g{GENERATOR_VERSION}.db"


def ensure_database(
    seed: int = DEFAULT_SEED, scale: float = 1.0, cache_dir: Path = CACHE_DIR, *, log: bool = True
) -> Path:
    """The cached database for (seed, scale, schema), generated first when missing."""
    path = cache_path(seed, scale, cache_dir)
    if path.exists():
        return path
    cache_dir.mkdir(parents=True, exist_ok=True)
    for stale in cache_dir.glob(f"pd-s{seed}-x{scale:g}-*"):
        stale.unlink()  # an older schema or generator, or an interrupted run: rebuilt below
    started = time.perf_counter()
    tmp = path.with_suffix(".tmp")
    generate(tmp, seed, scale, log=log)
    tmp.replace(path)
    if log:
        print(f"generated {path.name} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return path


def generate(path: Path, seed: int = DEFAULT_SEED, scale: float = 1.0, *, log: bool = False) -> None:
    """Write a new database at ``path`` (replacing any file there)."""
    from app.paths import app_paths

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="pd-bench-home-") as home:
        paths = app_paths(Path(home))
        open_database(str(path), paths=paths).close()  # the schema, by the program's migrations
        _bulk_load(path, seed, Counts.at_scale(scale), log)
        db = open_database(str(path), paths=paths)
        try:
            from app.demo import load_demo

            load_demo(db, today=TODAY)
            rebuild_search_index(db)
        finally:
            db.close()


def rebuild_search_index(db: Any) -> bool:
    """Fill the search index with the program's bulk rebuild, when it has one."""
    try:
        module = importlib.import_module("app.search")
    except ImportError:
        return False
    for name in ("rebuild_index", "rebuild", "reindex", "rebuild_search_index"):
        func = getattr(module, name, None)
        if callable(func):
            func(db)
            return True
    return False


# -- the bulk load ---------------------------------------------------------------


def _bulk_load(path: Path, seed: int, counts: Counts, log: bool) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("PRAGMA cache_size=-400000")
        saved = conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL"
            f" AND tbl_name IN ({','.join('?' * len(BULK_TABLES))})",
            BULK_TABLES,
        ).fetchall()
        for kind, name, _sql in saved:
            conn.execute(f'DROP {kind.upper()} "{name}"')
        conn.execute("BEGIN")
        writer = _Writer(conn)
        _Rows(random.Random(seed), counts, writer, log).build()
        writer.flush_all()
        conn.execute("COMMIT")
        for _kind, _name, sql in sorted(saved, key=lambda s: s[0]):  # indexes before triggers
            conn.execute(sql)
        conn.execute("PRAGMA journal_mode=WAL")
    finally:
        conn.close()


class _Writer:
    """Buffers rows per table and inserts them in large ``executemany`` batches."""

    BATCH = 20_000

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in BULK_TABLES}
        self.sql = {
            t: f"INSERT INTO {t} ({', '.join(ENTITY_COLUMNS + cols)}) "
            f"VALUES ({', '.join('?' * (len(ENTITY_COLUMNS) + len(cols)))})"
            for t, cols in COLUMNS.items()
        }

    def add(self, table: str, row: tuple[Any, ...]) -> None:
        buffer = self.rows[table]
        buffer.append(row)
        if len(buffer) >= self.BATCH:
            self.flush(table)

    def flush(self, table: str) -> None:
        self.conn.executemany(self.sql[table], self.rows[table])
        self.rows[table].clear()

    def flush_all(self) -> None:
        for table in BULK_TABLES:
            self.flush(table)


class _Rows:
    """Generates every row from one seeded random source, in a fixed order."""

    START = date(2008, 1, 1).toordinal()
    END = date(2026, 10, 31).toordinal()

    def __init__(self, rng: random.Random, counts: Counts, writer: _Writer, log: bool) -> None:
        self.rng = rng
        self.n = counts
        self.w = writer
        self.log = log
        self.started = time.perf_counter()
        self.orgs: list[str] = []
        self.org_names: list[tuple[str, str]] = []
        self.contacts: list[str] = []
        self.contact_org: list[int] = []
        self.agreements: list[str] = []
        self.agreement_orgs: list[Sequence[int]] = []
        self.commitments_of: list[list[str]] = []

    def build(self) -> None:
        for step in (
            self.organizations,
            self.contacts_and_memberships,
            self.agreements_and_parties,
            self.meetings,
        ):
            step()
            if self.log:
                print(f"  {step.__name__}: {time.perf_counter() - self.started:.0f} s", file=sys.stderr)

    # helpers

    def uid(self) -> str:
        bits = self.rng.getrandbits(128)
        bits = (bits & ~(0xF << 76)) | (4 << 76)  # a valid version-4 UUID
        bits = (bits & ~(0xC << 60)) | (0x8 << 60)
        return f"{bits:032x}"

    def day(self, lo: int | None = None, hi: int | None = None) -> int:
        return self.rng.randint(lo or self.START, hi or self.END)

    def stamp(self, ordinal: int) -> str:
        seconds = self.rng.randrange(8 * 3600, 19 * 3600)
        return f"{date.fromordinal(ordinal).isoformat()} {seconds // 3600:02d}:{seconds // 60 % 60:02d}:00.000000"

    def english(self, text: str) -> str:
        """``text``, or nothing for the share of records nobody has translated yet."""
        return "" if self.rng.random() < UNTRANSLATED else text

    def entity(self, ordinal: int) -> tuple[str, str, str, int, None]:
        created = self.stamp(ordinal)
        return (self.uid(), created, created, 1, None)

    # tables

    def organizations(self) -> None:
        rng = self.rng
        for i in range(self.n.organizations):
            stem_ko, stem_en = rng.choice(corpus.ORG_STEMS)
            topic_ko, topic_en = rng.choice(corpus.TOPICS)
            suffix_ko, suffix_en, kind = rng.choice(corpus.ORG_SUFFIXES)
            name_ko = f"{stem_ko}{topic_ko}{suffix_ko} {i + 1}"
            name_en = f"{stem_en} {topic_en.title()} {suffix_en} {i + 1}"
            row = self.entity(self.day())
            self.orgs.append(row[0])
            self.org_names.append((name_ko, name_en))
            country = "KR" if rng.random() < 0.85 else rng.choice(["US", "DE", "JP", "FR", "SG", "BE", "VN"])
            web = f"https://org{i + 1}.example.com"
            self.w.add("organization", (*row, name_ko, name_en, "", kind, country, web, ""))

    def contacts_and_memberships(self) -> None:
        rng = self.rng
        for i in range(self.n.contacts):
            sur_ko, sur_en = rng.choice(corpus.SURNAMES)
            (g1k, g1e), (g2k, g2e) = rng.choice(corpus.GIVEN), rng.choice(corpus.GIVEN)
            name_ko = sur_ko + g1k + g2k
            name_en = f"{(g1e + g2e).capitalize()} {sur_en}"
            start = self.day()
            row = self.entity(start)
            self.contacts.append(row[0])
            email = f"{g1e}{g2e}.{sur_en.lower()}{i + 1}@example.com"
            phone = f"02-{rng.randrange(1000, 9999)}-{rng.randrange(1000, 9999)}"
            mobile = f"010-{rng.randrange(1000, 9999)}-{rng.randrange(1000, 9999)}"
            self.w.add("contact", (*row, name_ko, name_en, email, phone, mobile, ""))
            org = rng.randrange(len(self.orgs))
            self.contact_org.append(org)
            if rng.random() < 0.1:  # an earlier position elsewhere
                before = rng.randrange(len(self.orgs))
                m_row = self.entity(start)
                began = date.fromordinal(max(self.START, start - 2000)).isoformat()
                ended = date.fromordinal(start - 1).isoformat()
                earlier = rng.choice(corpus.TITLES)
                self.w.add("membership", (*m_row, row[0], self.orgs[before], *earlier, "", "", began, ended))
            m_row = self.entity(start)
            title, dept = rng.choice(corpus.TITLES), rng.choice(corpus.DEPARTMENTS)
            self.w.add(
                "membership",
                (*m_row, row[0], self.orgs[org], *title, *dept, date.fromordinal(start).isoformat(), None),
            )

    def agreements_and_parties(self) -> None:
        rng = self.rng
        n = self.n.agreements
        base, extra = divmod(self.n.commitments, n)
        statuses = [
            "draft",
            "negotiating",
            "signed",
            "in_force",
            "in_force",
            "in_force",
            "expired",
            "terminated",
        ]
        for i in range(n):
            (topic_ko, topic_en), (form_ko, form_en) = rng.choice(corpus.TOPICS), rng.choice(corpus.FORMS)
            region_ko, region_en = rng.choice(corpus.REGIONS)
            status = rng.choice(statuses)
            signed = None if status in ("draft", "negotiating") else self.day()
            created = signed or self.day()
            row = self.entity(created)
            self.agreements.append(row[0])
            kind = (
                "mou"
                if "MOU" in form_en or "Memorandum" in form_en
                else rng.choice(["agreement", "contract"])
            )
            if "Intergovernmental" in form_en:
                kind = "treaty"
            signed_s = date.fromordinal(signed).isoformat() if signed else None
            expires = date.fromordinal(signed + 365 * rng.randint(1, 5)).isoformat() if signed else None
            (first_ko, first_en), (second_ko, second_en) = rng.choice(corpus.ITEMS), rng.choice(corpus.ITEMS)
            summary_ko = (
                f"{topic_ko} 분야 협력을 위한 {form_ko}. {first_ko} 및 {second_ko}을(를) 공동 추진한다."
            )
            summary_en = (
                f"{form_en.format(t=topic_en)}: the parties will jointly pursue the {first_en} "
                f"and the {second_en}."
            )
            tags = f",{topic_ko},{region_ko},"
            self.w.add(
                "agreement",
                (
                    *row,
                    f"{region_ko} {topic_ko} {form_ko} 제{i + 1}호",
                    f"{form_en.format(t=topic_en)} ({region_en}) No. {i + 1}",
                    f"GEN-{date.fromordinal(created).year}-{i + 1:06d}",
                    kind,
                    status,
                    signed_s,
                    signed_s,
                    expires,
                    region_ko,
                    region_en,
                    summary_ko,
                    summary_en,
                    rng.choice(["public", "internal", "internal", "restricted"]),
                    tags,
                ),
            )
            party_count = min(30, 2 + int(rng.expovariate(0.22)))
            orgs = rng.sample(range(len(self.orgs)), party_count)
            self.agreement_orgs.append(orgs)
            parties: list[str] = []
            for position, org in enumerate(orgs):
                p_row = self.entity(created)
                parties.append(p_row[0])
                role = "lead" if position == 0 else ("signatory" if rng.random() < 0.85 else "observer")
                self.w.add(
                    "party",
                    (
                        *p_row,
                        row[0],
                        self.orgs[org],
                        role,
                        position,
                        None,
                        "",
                        "",
                        "",
                        "",
                        signed_s,
                        None,
                        None,
                    ),
                )
            own: list[str] = []
            for _ in range(base + (1 if i < extra else 0)):
                c_row = self.entity(created)
                own.append(c_row[0])
                item_ko, item_en = rng.choice(corpus.ITEMS)
                due = date.fromordinal(created + rng.randint(60, 1500)).isoformat()
                c_status = rng.choice(["planned", "in_progress", "in_progress", "done", "dropped"])
                self.w.add(
                    "commitment",
                    (
                        *c_row,
                        row[0],
                        rng.choice(parties),
                        f"{topic_ko} {item_ko} 추진",
                        self.english(f"{topic_en.capitalize()} {item_en}"),
                        f"{topic_ko} 분야 {item_ko}을(를) 추진한다.",
                        self.english(f"{item_en.capitalize()} on {topic_en}."),
                        due,
                        c_status,
                    ),
                )
            self.commitments_of.append(own)

    def meetings(self) -> None:
        rng = self.rng
        n = self.n.meetings
        base, extra = divmod(self.n.action_items, n)
        languages = ["ko", "ko", "ko", "en", "both"]
        for i in range(n):
            a = rng.randrange(len(self.agreements))
            org = rng.choice(self.agreement_orgs[a])
            org_ko, org_en = self.org_names[org]
            day = self.day()
            row = self.entity(day)
            hour = rng.randint(9, 16)
            topic_ko, topic_en = rng.choice(corpus.TOPICS)
            number = i % 12 + 1
            title_ko = f"{topic_ko} 협력 실무협의회 ({number}차)"
            title_en = f"{topic_en.capitalize()} working group, meeting {number}"
            minutes_ko, minutes_en = corpus.minutes_text(rng, org_ko, org_en, rng.choice(languages))
            if rng.random() < 0.06:  # held abroad, at its hours there
                zone, place_ko, place_en = rng.choice(corpus.ABROAD)
            else:
                zone, (place_ko, place_en) = HOME, rng.choice(corpus.REGIONS)
            starts = utc_text(at(date.fromordinal(day), dt_time(hour), zone))
            ends = utc_text(at(date.fromordinal(day), dt_time(hour + 2), zone))
            self.w.add(
                "meeting",
                (
                    *row,
                    title_ko,
                    title_en,
                    starts,
                    ends,
                    zone,
                    place_ko,
                    place_en,
                    "",
                    minutes_ko,
                    minutes_en,
                ),
            )
            self.w.add("meeting_agreement", (*self.entity(day), row[0], self.agreements[a]))
            people = [rng.randrange(len(self.contacts)) for _ in range(3)]
            for person in people:
                self.w.add(
                    "attendee",
                    (
                        *self.entity(day),
                        row[0],
                        self.contacts[person],
                        self.orgs[self.contact_org[person]],
                        *rng.choice(corpus.TITLES),
                        1,
                    ),
                )
            own = self.commitments_of[a]
            for _ in range(base + (1 if i < extra else 0)):
                owner = rng.choice(people)
                item_ko, item_en = rng.choice(corpus.ITEMS)
                self.w.add(
                    "action_item",
                    (
                        *self.entity(day),
                        row[0],
                        f"{item_ko} 자료 제출 ({topic_ko})",
                        self.english(f"Send the {item_en} papers ({topic_en})"),
                        self.contacts[owner],
                        self.orgs[self.contact_org[owner]],
                        date.fromordinal(day + rng.randint(7, 90)).isoformat(),
                        rng.choice(["open", "done", "done", "dropped", "carried_over"]),
                        rng.choice(own) if own and rng.random() < 0.5 else None,
                        None,
                    ),
                )


def utc_text(instant: datetime) -> str:
    """An instant as the database keeps it: UTC, without the offset."""
    return instant.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.000000")


# -- checks and the command line ---------------------------------------------------


def content_digest(path: Path) -> str:
    """A hash of the generated rows (those without an audit trail), for determinism checks."""
    digest = hashlib.sha256()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        audited = "SELECT entity_id FROM audit_event"
        for table in BULK_TABLES:
            cols = ", ".join(ENTITY_COLUMNS + COLUMNS[table])
            for row in conn.execute(f"SELECT {cols} FROM {table} WHERE id NOT IN ({audited}) ORDER BY id"):
                digest.update(repr(row).encode())
    finally:
        conn.close()
    return digest.hexdigest()


def row_counts(path: Path, tables: Iterable[str] = BULK_TABLES) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}
    finally:
        conn.close()


def main(argv: Sequence[str] | None = None, out: Callable[[str], None] = print) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate", description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 = 100,000 agreements (default)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, help="write here (default: the cache in .bench-cache/)")
    args = parser.parse_args(argv)
    path = ensure_database(args.seed, args.scale)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, args.out)
        path = args.out
    out(str(path))
    for table, count in row_counts(path).items():
        out(f"  {table:18} {count:>10,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
