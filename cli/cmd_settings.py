"""settings: show and change the settings (briefing department, author, phone, ...)."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.services.installation import AppPaths, app_paths, current_language
from app.services.settings import DESCRIPTIONS, list_settings, set_setting


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "settings",
        help="show or change settings: settings list | settings set KEY VALUE",
        description="Show or change the settings, e.g. the department, author and phone on briefings.",
    )
    actions = p.add_subparsers(dest="settings_action", metavar="ACTION", required=True)
    actions.add_parser("list", help="every setting with its value").set_defaults(handler=cmd_list)
    setter = actions.add_parser("set", help="change one setting")
    setter.add_argument("key", metavar="KEY", help="the setting's name (see 'settings list')")
    setter.add_argument("value", metavar="VALUE", help="its new value ('' to clear)")
    setter.set_defaults(handler=cmd_set)


def _paths(args: argparse.Namespace) -> AppPaths:
    return app_paths(Path(args.home) if getattr(args, "home", None) else None)


def cmd_list(args: argparse.Namespace) -> int:
    values = list_settings(_paths(args))
    ko = current_language() == "ko"
    width = max(len(k) for k in values)
    for key, value in values.items():
        ko_text, en_text = DESCRIPTIONS.get(key, ("", ""))
        about = ko_text if ko else en_text
        print(f"{key:<{width}}  {value!s:<24}  # {about}".rstrip())
    return 0


def cmd_set(args: argparse.Namespace) -> int:
    saved = set_setting(_paths(args), args.key, args.value)
    print(f"{args.key} = {saved[args.key]}")
    return 0
