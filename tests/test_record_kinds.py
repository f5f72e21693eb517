"""Record kinds: one enum, one way between singular and plural, labels in both languages."""

from __future__ import annotations

import pytest

from app.enums import RecordKind
from app.services.transfer import LIST_KINDS, list_kind


@pytest.mark.parametrize("word", ["agreement", "agreements", " Agreements ", "AGREEMENT"])
def test_a_kind_is_named_singular_or_plural(word: str) -> None:
    assert RecordKind.parse(word) is RecordKind.AGREEMENT


@pytest.mark.parametrize("word", ["agreementss", "attachment", "", "s"])
def test_other_words_are_not_kinds(word: str) -> None:
    with pytest.raises(ValueError, match="not a record kind"):
        RecordKind.parse(word)


def test_lists_are_the_plurals_and_both_forms_name_them() -> None:
    assert LIST_KINDS == ("agreements", "organizations", "contacts", "meetings", "commitments")
    assert [list_kind(k.value) for k in RecordKind] == list(LIST_KINDS)
    assert [list_kind(k) for k in LIST_KINDS] == list(LIST_KINDS)
    assert list_kind("attachments") == "attachments"  # not a list: said so by the export


def test_every_kind_has_the_glossarys_names() -> None:
    assert [k.label("ko") for k in RecordKind] == ["협약", "기관", "담당자", "회의", "이행 과제"]
    assert [k.label("en") for k in RecordKind] == [
        "Agreement",
        "Organization",
        "Contact",
        "Meeting",
        "Commitment",
    ]
