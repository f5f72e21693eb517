"""The meeting editor holds the pre-meeting brief's texts: typed, saved, shown again."""

from __future__ import annotations

import factories

from app.db import Database
from app.services import meetings


def test_brief_texts_are_saved_and_shown_again(qtbot, db: Database, make_ctx) -> None:  # type: ignore[no-untyped-def]
    from ui.views.meeting_editor import MeetingEditor

    meeting = factories.meeting(db, "실무협의회 (4차)")
    editor = MeetingEditor(make_ctx(db, "ko"))
    qtbot.addWidget(editor)
    editor.show()
    editor.load(meeting.id)
    assert editor.form.text("purpose_ko") == ""
    editor.form.set_text("purpose_ko", "□ 이월 조치사항 확정\n○ 기한 경과 1건")
    editor.form.set_text("talking_points_en", "Fix the partner list this year")
    assert editor.dirty
    editor.save()
    record = meetings.get_meeting(db, meeting.id)
    assert record.purpose_ko == "□ 이월 조치사항 확정\n○ 기한 경과 1건"
    assert record.talking_points_en == "Fix the partner list this year"

    again = MeetingEditor(make_ctx(db, "en"))
    qtbot.addWidget(again)
    again.load(meeting.id)
    assert again.form.text("purpose_ko") == "□ 이월 조치사항 확정\n○ 기한 경과 1건"
    assert again.form.text("talking_points_en") == "Fix the partner list this year"
