"""No class of ui/ reuses the name of a Qt member by accident.

A Python ``update()`` on a widget hides ``QWidget.update()``: a call meant to repaint it
runs something else. ``self.result = QLabel()`` hides ``QDialog.result()``, the exit code.
Every class of ui/ built on Qt is checked: the methods and class attributes it defines, and the attributes its
methods assign to ``self``, must not be members of its Qt base classes, except the Qt
functions it means to replace (listed below, class by class).
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import textwrap
from pathlib import Path

import pytest

import ui.app
from ui.views.editor import RecordEditor

# The Qt functions these classes replace on purpose: virtual functions Qt calls (events,
# the item model's interface, dialog and wizard steps), and the elided label's text.
OVERRIDES: dict[str, set[str]] = {
    "ui.app._FirstPaint": {"eventFilter"},
    "ui.dialogs.briefing_dialog.BriefingDialog": {"done"},
    "ui.dialogs.import_wizard.ConfirmPage": {"initializePage", "isComplete"},
    "ui.dialogs.import_wizard.FilePage": {"isComplete"},
    "ui.dialogs.import_wizard.ImportWizard": {"accept"},
    "ui.dialogs.import_wizard.PreviewPage": {"initializePage", "isComplete"},
    "ui.idle_lock.IdleLock": {"eventFilter"},
    "ui.main_window.MainWindow": {"closeEvent"},
    "ui.models.lazy.LazyTableModel": {
        "columnCount",
        "data",
        "flags",
        "headerData",
        "rowCount",
        "sort",
    },
    "ui.runner._Task": {"run"},
    "ui.undo.DeleteCommand": {"redo", "undo"},
    "ui.views.editor.HeaderLayout": {
        "addItem",
        "count",
        "expandingDirections",
        "hasHeightForWidth",
        "heightForWidth",
        "itemAt",
        "minimumSize",
        "setGeometry",
        "sizeHint",
        "takeAt",
    },
    "ui.views.editor.RecordTitle": {"resizeEvent", "text"},  # text() is the plain title
    "ui.views.welcome_view.WelcomeView": {"showEvent"},
    "ui.widgets.attachments.AttachmentsPanel": {"dragEnterEvent", "dropEvent"},
    "ui.widgets.dates._TypedField": {"eventFilter"},
    "ui.widgets.marked.MarkedDelegate": {"paint", "sizeHint"},
    "ui.widgets.related.FlowLayout": {
        "addItem",
        "count",
        "expandingDirections",
        "hasHeightForWidth",
        "heightForWidth",
        "itemAt",
        "minimumSize",
        "setGeometry",
        "sizeHint",
        "takeAt",
    },
    "ui.widgets.pickers.ElidedLabel": {"resizeEvent", "setText", "text"},  # text() is the whole text
    "ui.widgets.pickers.PickerButton": {"eventFilter"},
    "ui.widgets.pickers.PickerDialog": {"keyPressEvent"},
}


def _qt_bases(cls: type) -> list[type]:
    return [base for base in cls.__mro__ if base.__module__.split(".")[0] in ("PySide6", "Shiboken")]


def _qt_names(cls: type) -> set[str]:
    return set().union(*(dir(base) for base in _qt_bases(cls))) - {"staticMetaObject"}


def _own_names(cls: type) -> set[str]:
    """What ``cls`` itself defines, and the attributes its methods assign to ``self``."""
    names = {name for name in vars(cls) if not (name.startswith("__") and name.endswith("__"))}
    for node in ast.walk(ast.parse(textwrap.dedent(inspect.getsource(cls)))):
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign | ast.AugAssign):
            targets = [node.target]
        else:
            continue
        for target in targets:
            for element in target.elts if isinstance(target, ast.Tuple) else [target]:
                if (
                    isinstance(element, ast.Attribute)
                    and isinstance(element.value, ast.Name)
                    and element.value.id == "self"
                ):
                    names.add(element.attr)
    return names


def _name(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def _ui_qt_classes() -> list[type]:
    found: list[type] = []
    # The program's folder: under pytest the name ``ui`` may stand for this test folder.
    for info in pkgutil.walk_packages([str(Path(ui.app.__file__).parent)], "ui."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if inspect.isclass(value) and value.__module__ == module.__name__ and _qt_bases(value):
                found.append(value)
    return found


QT_CLASSES = _ui_qt_classes()


@pytest.mark.parametrize("cls", QT_CLASSES, ids=_name)
def test_no_qt_member_is_hidden_by_accident(cls: type) -> None:
    hidden = (_own_names(cls) & _qt_names(cls)) - OVERRIDES.get(_name(cls), set())
    assert not hidden, f"{_name(cls)} hides Qt's {sorted(hidden)}: choose another name"


def test_the_record_editors_are_among_the_checked_classes() -> None:
    editors = {cls for cls in QT_CLASSES if issubclass(cls, RecordEditor)}
    assert {cls.__name__ for cls in editors} == {
        "RecordEditor",
        "AgreementEditor",
        "OrganizationEditor",
        "ContactEditor",
        "MeetingEditor",
        "CommitmentEditor",
    }
    for cls in editors:  # the database writes go through the record service
        assert not {"create", "update", "fetch", "save_new", "save_changes"} & _own_names(cls)


def test_every_listed_override_is_one() -> None:
    classes = {_name(cls): cls for cls in QT_CLASSES}
    for name, members in OVERRIDES.items():
        cls = classes[name]
        assert members <= _own_names(cls) & _qt_names(cls), name
