"""Importing contacts: validate every entry, match existing people, then write in bulk.

Matching: the vCard UID we wrote (``urn:uuid:<id>``), then the e-mail address
(case-insensitive), then name plus organization. Empty cells never erase what is
stored. Organizations are matched by any of their names and created when new;
a position (membership) is added or its title and department brought up to date, in
Korean and English: from their own columns (직위(한글), Title (English)...), else a
one-language column read by script (``fields.both_languages``).
All of it happens in one transaction, after every entry has been checked: by
default one invalid entry means nothing is written.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, func, or_, select

from app import clock
from app.dto import ContactInput
from app.enums import OrgKind
from app.errors import ImportFormatError, ValidationError
from app.models import Contact, Membership, Organization
from app.progress import Progress
from app.search.documents import Doc, build, contact_doc
from app.search.index import refresh, write_documents
from app.services.contacts import contact_values
from app.services.validation import clean_text
from app.text import has_hangul
from app.transfer.bulk import BulkWriter
from app.transfer.fields import both_languages, contact_names, match_key
from app.transfer.report import ImportOptions, ImportReport
from app.transfer.source import Source, read_source
from app.transfer.upsert import Upsert

if TYPE_CHECKING:
    from app.db import Database

CONTACT_COLUMNS = ("name_ko", "name_en", "email", "phone", "mobile", "notes")
POSITION_COLUMNS = ("title_ko", "title_en", "department_ko", "department_en")
FULL_SCAN_MIN = 2000


@dataclass
class Entry:
    number: int
    contact: dict[str, str]
    organization: str
    position: dict[str, str]  # POSITION_COLUMNS
    uid: uuid.UUID | None


@dataclass
class Person:
    id: uuid.UUID
    version: int
    values: dict[str, str]
    new: bool = False
    changes: dict[str, list[Any]] = field(default_factory=dict)
    positions: dict[uuid.UUID, Position] = field(default_factory=dict)  # organization id -> position


@dataclass
class Position:
    id: uuid.UUID
    version: int
    values: dict[str, str]  # POSITION_COLUMNS
    new: bool = False
    changes: dict[str, list[Any]] = field(default_factory=dict)


@dataclass
class Org:
    id: uuid.UUID
    name_ko: str
    name_en: str
    new: bool = False


def validate(source: Source, progress: Progress, upsert: Upsert) -> list[Entry]:
    """The entries that pass the contact form's checks; the others are refused in ``upsert``."""
    if source.format != "vcf" and not {"name", "name_ko", "name_en", "first_name", "last_name"} & set(
        source.mapping.values()
    ):
        raise ImportFormatError(
            "이름 열을 찾을 수 없습니다 (이름, 성명, Name ...). 열 이름을 확인하십시오: "
            + ", ".join(source.headers),
            "No name column found (이름, 성명, Name, First Name ...). The columns are: "
            + ", ".join(source.headers),
        )
    entries: list[Entry] = []
    total = len(source.entries)
    for done, (number, values) in enumerate(source.entries, start=1):
        if done % 2000 == 0:
            progress.check()
            progress.report(done, total, "checking")
        name_ko, name_en = contact_names(values)
        try:
            contact = contact_values(
                ContactInput(
                    name_ko=name_ko,
                    name_en=name_en,
                    email=values.get("email", ""),
                    phone=values.get("phone", ""),
                    mobile=values.get("mobile", ""),
                    notes=values.get("notes", ""),
                )
            )
            org = clean_text(
                values.get("organization"), "organization", "소속 기관", "Organization", max_length=300
            )
            position = _position(values)
        except ValidationError as exc:
            upsert.refuse(number, exc)
            continue
        uid = _uid(values.get("uid", ""))
        entries.append(Entry(number, {k: str(v) for k, v in contact.items()}, org, position, uid))
    return entries


def _position(values: dict[str, str]) -> dict[str, str]:
    """The position's title and department in both languages, checked as the form checks them."""
    title_ko, title_en = both_languages(values, "title")
    dept_ko, dept_en = both_languages(values, "department")
    return {
        "title_ko": clean_text(title_ko, "title_ko", "직위(한글)", "Title (Korean)", max_length=200),
        "title_en": clean_text(title_en, "title_en", "직위(영문)", "Title (English)", max_length=200),
        "department_ko": clean_text(
            dept_ko, "department_ko", "부서(한글)", "Department (Korean)", max_length=200
        ),
        "department_en": clean_text(
            dept_en, "department_en", "부서(영문)", "Department (English)", max_length=200
        ),
    }


def _uid(text: str) -> uuid.UUID | None:
    """A record id: ``urn:uuid:...`` as our vCards carry it, or bare as in our CSV/XLSX."""
    text = text.strip()
    if text.lower().startswith("urn:uuid:"):
        text = text[9:]
    try:
        return uuid.UUID(text) if len(text) in (32, 36) else None
    except ValueError:
        return None


class Matcher:
    """Existing contacts and organizations the file's entries may refer to, loaded in batches."""

    def __init__(self, conn: Connection, entries: list[Entry]) -> None:
        self.conn = conn
        self.people: dict[uuid.UUID, Person] = {}
        self.by_email: dict[str, Person] = {}
        self.by_name_org: dict[tuple[str, str], Person] = {}
        self.orgs: dict[str, Org] = {}
        self._load_orgs()
        self._load_people(entries)

    def _load_orgs(self) -> None:
        rows = self.conn.execute(
            select(
                Organization.id, Organization.name_ko, Organization.name_en, Organization.short_name
            ).where(Organization.deleted_at.is_(None))
        )
        for ident, ko, en, short in rows:
            org = Org(ident, ko, en)
            for name in (short, en, ko):  # Korean name wins a clash
                if name:
                    self.orgs[match_key(name)] = org

    def _load_people(self, entries: list[Entry]) -> None:
        ids = {e.uid for e in entries if e.uid}
        emails = {e.contact["email"].lower() for e in entries if e.contact["email"]}
        names = {e.contact["name_ko"] for e in entries} | {e.contact["name_en"] for e in entries}
        names.discard("")
        cols = (Contact.id, Contact.version, *(getattr(Contact, c) for c in CONTACT_COLUMNS))
        live = Contact.deleted_at.is_(None)
        found: list[Any] = []
        if len(entries) >= FULL_SCAN_MIN:
            found = list(self.conn.execute(select(*cols).where(live)))
        else:
            for chunk in _chunks(sorted(ids, key=str)):
                found += self.conn.execute(select(*cols).where(live, Contact.id.in_(chunk)))
            for chunk in _chunks(sorted(emails)):
                found += self.conn.execute(select(*cols).where(live, func.lower(Contact.email).in_(chunk)))
            for chunk in _chunks(sorted(names)):
                found += self.conn.execute(
                    select(*cols).where(live, or_(Contact.name_ko.in_(chunk), Contact.name_en.in_(chunk)))
                )
        for row in found:
            if row.id in self.people:
                continue
            person = Person(row.id, row.version, {c: getattr(row, c) for c in CONTACT_COLUMNS})
            self.people[row.id] = person
        people = list(self.people.values())
        positions = select(
            Membership.id, Membership.version, Membership.contact_id, Membership.organization_id,
            *(getattr(Membership, c) for c in POSITION_COLUMNS),
        ).where(Membership.deleted_at.is_(None))  # fmt: skip
        if len(entries) >= FULL_SCAN_MIN:
            batches: Iterable[Any] = [self.conn.execute(positions)]
        else:
            known = [p.id for p in people]
            batches = (
                self.conn.execute(positions.where(Membership.contact_id.in_(c))) for c in _chunks(known)
            )
        for rows in batches:
            for m in rows:
                if m.contact_id in self.people:
                    self.people[m.contact_id].positions.setdefault(
                        m.organization_id,
                        Position(m.id, m.version, {c: getattr(m, c) for c in POSITION_COLUMNS}),
                    )
        org_names: dict[uuid.UUID, list[str]] = defaultdict(list)
        for key, org in self.orgs.items():
            org_names[org.id].append(key)
        for person in people:
            self.remember(person, [n for org_id in person.positions for n in org_names[org_id]] or [""])

    def remember(self, person: Person, org_keys: Iterable[str]) -> None:
        if person.values["email"]:
            self.by_email.setdefault(person.values["email"].lower(), person)
        for name in (person.values["name_ko"], person.values["name_en"]):
            if name:
                for org_key in org_keys:
                    self.by_name_org.setdefault((match_key(name), org_key), person)

    def find(self, entry: Entry) -> Person | None:
        if entry.uid and entry.uid in self.people:
            return self.people[entry.uid]
        email = entry.contact["email"].lower()
        if email and email in self.by_email:
            return self.by_email[email]
        org_key = match_key(entry.organization)
        for name in (entry.contact["name_ko"], entry.contact["name_en"]):
            person = self.by_name_org.get((match_key(name), org_key)) if name else None
            # A namesake with another e-mail address is another person.
            if person is not None and not (email and person.values["email"]):
                return person
        return None

    def organization(self, name: str) -> Org:
        key = match_key(name)
        org = self.orgs.get(key)
        if org is None:
            ko, en = (name, "") if has_hangul(name) else ("", name)
            org = Org(uuid.uuid4(), ko, en, new=True)
            self.orgs[key] = org
        return org


def _chunks(items: list[Any], size: int = 500) -> Iterable[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def plan(matcher: Matcher, entries: list[Entry], upsert: Upsert) -> None:
    """Decide what each entry does, counted in ``upsert``."""
    for entry in entries:
        person = matcher.find(entry)
        org = matcher.organization(entry.organization) if entry.organization else None
        changed = fresh = False
        if person is None:
            fresh = True
            person = Person(uuid.uuid4(), 1, dict(entry.contact), new=True)
            matcher.people[person.id] = person
            upsert.created += 1
        else:
            for column in CONTACT_COLUMNS:
                new = entry.contact[column]
                old = person.values[column]
                if new and new != old and not (column == "email" and new.lower() == old.lower()):
                    person.values[column] = new
                    if not person.new:
                        person.changes[column] = [person.changes.get(column, [old])[0], new]
                    changed = True
        if org is not None:
            position = person.positions.get(org.id)
            if position is None:
                person.positions[org.id] = Position(uuid.uuid4(), 1, dict(entry.position), new=True)
                changed = True
            else:
                for column in POSITION_COLUMNS:
                    new, old = entry.position[column], position.values[column]
                    if new and new != old:
                        position.values[column] = new
                        if not position.new:
                            position.changes[column] = [position.changes.get(column, [old])[0], new]
                        changed = True
        matcher.remember(person, [match_key(entry.organization)])
        if changed and not fresh:
            upsert.updated += 1
        elif not fresh:
            upsert.unchanged += 1


def write(db: Database, conn: Connection, matcher: Matcher, progress: Progress) -> tuple[int, int]:
    writer = BulkWriter(conn, db.actor, db.device_id, clock.now())
    orgs = {o.id: o for o in matcher.orgs.values() if o.new}
    writer.insert(
        Organization,
        ("id", "name_ko", "name_en", "short_name", "org_kind", "country", "website", "notes"),
        [(o.id, o.name_ko, o.name_en, "", OrgKind.COMPANY, "KR", "", "") for o in orgs.values()],
    )
    people = list(matcher.people.values())
    progress.check()
    progress.report(0, len(people), "writing")
    writer.insert(
        Contact,
        ("id", *CONTACT_COLUMNS),
        [(p.id, *(p.values[c] for c in CONTACT_COLUMNS)) for p in people if p.new],
    )
    writer.update(Contact, [(p.id, p.version, p.changes) for p in people if p.changes])
    new_positions: list[tuple[Any, ...]] = []
    position_changes: list[tuple[uuid.UUID, int, dict[str, list[Any]]]] = []
    touched: set[uuid.UUID] = set()
    for p in people:
        for org_id, pos in p.positions.items():
            if pos.new:
                new_positions.append((pos.id, p.id, org_id, *(pos.values[c] for c in POSITION_COLUMNS)))
                if not p.new:
                    touched.add(p.id)
            elif pos.changes:
                position_changes.append((pos.id, pos.version, pos.changes))
                touched.add(p.id)
        if p.changes:
            touched.add(p.id)
    writer.insert(Membership, ("id", "contact_id", "organization_id", *POSITION_COLUMNS), new_positions)
    writer.update(Membership, position_changes)
    writer.flush_events()
    progress.check()
    progress.report(len(people), len(people), "indexing")
    org_names = {o.id: (o.name_ko, o.name_en) for o in matcher.orgs.values()}
    docs: list[Doc] = []
    for p in people:
        if p.new:
            v = p.values
            positions = [
                (*org_names.get(oid, ("", "")), *(pos.values[c] for c in POSITION_COLUMNS))
                for oid, pos in p.positions.items()
            ]
            docs.append(
                contact_doc(
                    p.id,
                    v["name_ko"],
                    v["name_en"],
                    v["email"],
                    v["phone"],
                    v["mobile"],
                    v["notes"],
                    positions,
                )
            )
    write_documents(conn, build(conn, "organization", list(orgs)))
    write_documents(conn, docs)
    refresh(conn, {"contact": touched})
    return len(orgs), len(new_positions)


def import_contacts(
    db: Database, path: Path, options: ImportOptions | None = None, progress: Progress | None = None
) -> ImportReport:
    """Import contacts from a CSV, XLSX or vCard file (see the module docstring)."""
    options = options or ImportOptions()
    progress = progress or Progress()
    source = read_source(Path(path), options)
    upsert = Upsert("contacts", options)
    entries = validate(source, progress, upsert)
    with db.session() as s:
        conn = s.connection()
        matcher = Matcher(conn, entries)
        plan(matcher, entries, upsert)
        if upsert.written:
            orgs_created, positions_created = write(db, conn, matcher, progress)
        else:
            s.rollback()
            orgs_created = sum(1 for o in matcher.orgs.values() if o.new)
            positions_created = sum(1 for p in matcher.people.values() for x in p.positions.values() if x.new)
    progress.report(len(source.entries), len(source.entries), "done")
    report = upsert.report(
        source.format,
        len(source.entries),
        source.encoding,
        source.mapping,
        organizations_created=orgs_created,
        memberships_created=positions_created,
    )
    return replace(report, unused=source.unused)
