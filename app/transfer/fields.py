"""Which column holds what: header synonyms in Korean and English, and known export layouts.

Headers are compared folded, without spaces and punctuation, so ``E-mail Address``,
``email address`` and ``이메일 주소`` are all the e-mail column. Outlook's export has
``Title`` for the honorific and ``Job Title`` for the position; Google Contacts
pairs ``Phone 1 - Label`` with ``Phone 1 - Value``; both split names into parts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.text import fold_for_search, has_hangul, split_by_script

CONTACT_FIELDS = (
    "name", "name_ko", "name_en", "first_name", "middle_name", "last_name", "organization", "title",
    "title_ko", "title_en", "department", "department_ko", "department_en", "email", "phone", "mobile",
    "notes", "uid",
)  # fmt: skip
ORGANIZATION_FIELDS = ("name", "name_ko", "name_en", "short_name", "org_kind", "country", "website", "notes")

_CONTACT_SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("이름", "성명", "name", "fullname", "담당자", "담당자명", "성함", "displayname"),
    "name_ko": ("이름한글", "한글이름", "한글성명", "성명한글", "국문이름", "국문성명", "koreanname", "namekorean"),
    "name_en": ("이름영문", "영문이름", "영문성명", "성명영문", "영문명", "englishname", "nameenglish"),
    "first_name": ("firstname", "givenname"),
    "middle_name": ("middlename", "additionalname", "중간이름"),
    "last_name": ("lastname", "familyname", "surname", "성"),
    "organization": (
        "소속", "기관", "기관명", "회사", "회사명", "소속기관", "소속기관명", "직장", "직장명", "소속회사", "회사이름",
        "조직", "조직이름", "조직1이름", "organization", "organisation", "company", "companyname", "org",
        "organizationname", "organization1name",
    ),
    "title": (
        "직위", "직책", "직급", "직함", "조직직함", "조직1직함", "jobtitle", "position", "organizationtitle",
        "organization1title", "title",  # "Title": our English list before 0011 (Outlook's is its honorific)
    ),
    "title_ko": (
        "직위한글", "한글직위", "직위국문", "국문직위", "직책한글", "한글직책", "직함한글", "titlekorean",
        "koreantitle", "jobtitlekorean", "positionkorean",
    ),
    "title_en": (
        "직위영문", "영문직위", "직책영문", "영문직책", "직함영문", "영문직함", "titleenglish", "englishtitle",
        "jobtitleenglish", "positionenglish",
    ),
    "department": (
        "부서", "부서명", "소속부서", "조직부서", "조직1부서", "department", "dept", "organizationdepartment",
        "organization1department",
    ),
    "department_ko": (
        "부서한글", "한글부서", "부서국문", "국문부서", "부서명한글", "한글부서명", "departmentkorean",
        "koreandepartment",
    ),
    "department_en": (
        "부서영문", "영문부서", "부서명영문", "영문부서명", "departmentenglish", "englishdepartment",
    ),
    "email": (
        "이메일", "이메일주소", "전자우편", "전자우편주소", "전자메일", "전자메일주소", "메일", "메일주소",
        "회사이메일", "업무이메일", "이메일회사", "이메일1", "이메일1값", "email", "emailaddress", "mail",
        "email1value", "email1address", "primaryemail", "workemail", "businessemail",
    ),
    "phone": (
        "전화", "전화번호", "사무실전화", "사무실", "유선전화", "직통전화", "회사전화", "회사전화번호",
        "근무처전화", "근무처전화2", "회사대표전화", "기본전화", "직장전화", "사무실번호", "전화회사", "전화직장",
        "유선전화번호", "phone", "telephone", "tel", "businessphone", "workphone", "officephone", "primaryphone",
        "companymainphone",
    ),
    "mobile": (
        "휴대전화", "휴대폰", "핸드폰", "휴대전화번호", "휴대폰번호", "핸드폰번호", "모바일", "휴대전화1", "휴대폰1",
        "전화휴대폰", "전화휴대전화", "mobile", "mobilephone", "cell", "cellphone",
    ),
    "notes": ("메모", "비고", "참고", "참고사항", "노트", "notes", "note", "memo", "remarks", "comments"),
    "uid": ("id", "uid"),  # the ID column of our own export
}  # fmt: skip

_ORGANIZATION_SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("기관", "기관명", "이름", "명칭", "name", "organization", "organisation", "company"),
    "name_ko": ("기관명한글", "한글명", "국문명", "국문기관명", "namekorean", "koreanname", "namekorean"),
    "name_en": ("기관명영문", "영문명", "영문기관명", "nameenglish", "englishname"),
    "short_name": ("약칭", "약어", "shortname", "abbreviation", "acronym"),
    "org_kind": ("유형", "기관유형", "구분", "종류", "kind", "type", "orgkind", "organizationkind"),
    "country": ("국가", "나라", "country", "countrycode"),
    "website": ("웹사이트", "홈페이지", "website", "web", "url", "homepage", "webpage"),
    "notes": ("메모", "비고", "참고", "notes", "note", "memo", "remarks"),
}

_AGREEMENT_SYNONYMS: dict[str, tuple[str, ...]] = {
    "title": ("제목", "명칭", "title", "name"),
    "title_ko": ("협약명", "협약명한글", "국문협약명", "한글협약명", "titlekorean", "koreantitle"),
    "title_en": ("영문협약명", "협약명영문", "titleenglish", "englishtitle"),
    "reference_no": (
        "관리번호",
        "문서번호",
        "협약번호",
        "reference",
        "referenceno",
        "refno",
        "referencenumber",
    ),
    "agreement_kind": ("유형", "종류", "협약유형", "kind", "type", "agreementkind"),
    "status": ("상태", "진행상태", "status"),
    "signed_on": ("서명일", "체결일", "협약일", "signed", "signedon", "signingdate", "datesigned"),
    "effective_on": ("발효일", "effective", "effectiveon", "inforcefrom"),
    "expires_on": ("만료일", "종료일", "expires", "expireson", "expiry", "expirydate"),
    "place": ("체결장소", "장소", "place", "placeofsigning"),
    "place_ko": ("체결장소한글", "장소한글", "한글체결장소", "placekorean", "placeofsigningkorean"),
    "place_en": ("체결장소영문", "장소영문", "영문체결장소", "placeenglish", "placeofsigningenglish"),
    "summary": ("개요", "요약", "내용", "summary", "description"),
    "summary_ko": ("개요한글", "요약한글", "한글개요", "국문개요", "summarykorean", "koreansummary"),
    "summary_en": ("개요영문", "요약영문", "영문개요", "summaryenglish", "englishsummary"),
    "id": ("id",),
}
AGREEMENT_FIELDS = tuple(_AGREEMENT_SYNONYMS)

_SEPARATORS = re.compile(r"[\s_\-./()\[\]:·]+")


def normalize_header(header: str) -> str:
    return _SEPARATORS.sub("", fold_for_search(header))


def _lookup(synonyms: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {normalize_header(s): f for f, words in synonyms.items() for s in words}


_CONTACT_LOOKUP = _lookup(_CONTACT_SYNONYMS)
_ORGANIZATION_LOOKUP = _lookup(_ORGANIZATION_SYNONYMS)
_AGREEMENT_LOOKUP = _lookup(_AGREEMENT_SYNONYMS)
# Google Contacts: "Phone 1 - Value" beside "Phone 1 - Label"; in Korean "전화 1 - 값" and "전화 1 - 라벨".
_GOOGLE_PHONE = re.compile(r"^(?:phone|전화)(\d+)(?:value|값)$")
_GOOGLE_EMAIL = re.compile(r"^(?:email|이메일)(\d+)(?:value|값)$")


def guess_mapping(headers: Sequence[str], kind: str = "contacts") -> dict[str, str]:
    """Header -> field for the headers recognised; the first column of a field wins."""
    keys = {normalize_header(h) for h in headers}
    outlook = {"firstname", "lastname", "jobtitle"} <= keys
    lookup = {"organizations": _ORGANIZATION_LOOKUP, "agreements": _AGREEMENT_LOOKUP}.get(
        kind, _CONTACT_LOOKUP
    )
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for header in headers:
        key = normalize_header(header)
        if outlook and key == "title":
            continue  # Outlook's "Title" is the honorific (Mr., Dr.)
        field = lookup.get(key)
        if field is None and kind == "contacts":
            if _GOOGLE_PHONE.match(key):
                field = "phone*"  # labelled by its "Phone N - Label" column
            elif _GOOGLE_EMAIL.match(key):
                field = "email"
            elif (key.startswith("email") or key.startswith("전자메일")) and key.endswith(
                ("address", "주소")
            ):
                field = "email"  # Outlook's "E-mail 2 Address", in Korean "전자 메일 2 주소"
        if field is None or (field in taken and field != "phone*"):
            continue
        mapping[header] = field
        taken.add(field)
    if kind == "contacts" and "last_name" in taken and "first_name" not in taken:
        # Korean Outlook and address books: 성 (family name) beside 이름 (given name).
        for header, field in mapping.items():
            if field == "name":
                mapping[header] = "first_name"
    return mapping


def unused_indexes(headers: Sequence[str], mapping: dict[str, str]) -> list[int]:
    """The positions of the columns nothing is read from (a phone's label column counts as read)."""
    reader = RowReader(headers, {h: f for h, f in mapping.items() if f})
    used = {i for i, _ in reader.columns} | set(reader.phone_labels.values())
    return [i for i in range(len(headers)) if i not in used]


def unused_columns(headers: Sequence[str], mapping: dict[str, str]) -> tuple[str, ...]:
    """The named columns nothing is read from."""
    return tuple(headers[i] for i in unused_indexes(headers, mapping) if headers[i].strip())


def match_key(text: str) -> str:
    """``text`` as imports compare names, titles and references: folded, without spaces."""
    return fold_for_search(text).replace(" ", "")


def by_language(text: str, language: object = None) -> tuple[str, str]:
    """(Korean, English) of a text a file gives with an optional LANGUAGE tag (``ko``, ``en-US``):
    the tag's language, else split by script. A Latin-language tag on text with Hangul is a
    program's locale rather than the text's language: such a text is split by script too."""
    tag = str(language[0] if isinstance(language, list) and language else language or "").strip().lower()
    if tag.startswith("ko"):
        return text, ""
    if tag.startswith("en") and not has_hangul(text):
        return "", text
    return split_by_script(text)


def both_languages(values: dict[str, str], field: str) -> tuple[str, str]:
    """(Korean, English) of ``field``: its own Korean and English columns, else the one-language
    column read by script (``split_by_script``, as migration 0011 read the stored values: a file
    written before the split imports into the fields its data went to)."""
    ko, en = values.get(f"{field}_ko", ""), values.get(f"{field}_en", "")
    one_ko, one_en = split_by_script(values.get(field, ""))
    return ko or one_ko, en or one_en


class RowReader:
    """Turns one row of cells into field values, using a header -> field mapping."""

    def __init__(self, headers: Sequence[str], mapping: dict[str, str]) -> None:
        self.columns: list[tuple[int, str]] = [
            (i, mapping[h]) for i, h in enumerate(headers) if mapping.get(h) and h in mapping
        ]
        self.phone_labels: dict[int, int] = {}
        keys = [normalize_header(h) for h in headers]
        for i, key in enumerate(keys):
            m = _GOOGLE_PHONE.match(key)
            if m:
                n = m.group(1)
                for label in (
                    f"phone{n}label",
                    f"phone{n}type",
                    f"전화{n}라벨",
                    f"전화{n}유형",
                    f"전화{n}종류",
                ):
                    if label in keys:
                        self.phone_labels[i] = keys.index(label)

    def values(self, cells: Sequence[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for i, field in self.columns:
            value = cells[i].strip() if i < len(cells) else ""
            if not value:
                continue
            if field == "phone*":
                label = cells[self.phone_labels[i]].lower() if i in self.phone_labels else ""
                # Google joins several numbers of one label with " ::: ".
                value = value.split(":::")[0].strip()
                field = (
                    "mobile"
                    if any(w in label for w in ("mobile", "cell", "휴대", "모바일", "핸드폰"))
                    else "phone"
                )
            out.setdefault(field, value)
        return out


def contact_names(values: dict[str, str]) -> tuple[str, str]:
    """(name_ko, name_en) from a full name, name parts or language-specific columns."""
    name_ko, name_en = values.get("name_ko", ""), values.get("name_en", "")
    full = values.get("name", "")
    if full:
        if has_hangul(full) and not name_ko:
            name_ko = full
        elif not has_hangul(full) and not name_en:
            name_en = full
    first, middle, last = (values.get(k, "") for k in ("first_name", "middle_name", "last_name"))
    if first or last:
        if has_hangul(first + last):
            # Korean names: family name first, no space (정수빈).
            name_ko = name_ko or (last + first).replace(" ", "")
        else:
            name_en = name_en or " ".join(p for p in (first, middle, last) if p)
    return name_ko, name_en
