"""Flows and commands are found, not listed: every module in `conversation/flows/` that
declares `FLOW`, and every module in `conversation/commands/` that declares `COMMANDS`, is
loaded once (as CTFd loads its plugins). Adding a conversation is adding a file."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from conversation.commands import Command
    from conversation.flow import Flow


def _modules(package_name: str) -> list[ModuleType]:
    package = importlib.import_module(package_name)
    return [
        importlib.import_module(f"{package_name}.{info.name}")
        for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name)
        if not info.name.startswith("_")
    ]


@cache
def flows() -> dict[str, Flow]:
    found = [module.FLOW for module in _modules("conversation.flows") if hasattr(module, "FLOW")]
    names = [flow.name for flow in found]
    duplicated = {name for name in names if names.count(name) > 1}
    if duplicated:
        raise RuntimeError(f"two flows named {', '.join(sorted(duplicated))}")
    return {flow.name: flow for flow in found}


@cache
def commands() -> tuple[Command, ...]:
    """Every registered command, highest priority first."""
    found = [
        command
        for module in _modules("conversation.commands")
        for command in getattr(module, "COMMANDS", ())
    ]
    return tuple(sorted(found, key=lambda command: -command.priority))


def flow_for_intent(intent: str) -> Flow | None:
    return next((f for f in flows().values() if intent in f.triggers.intents), None)


def flow_for_keyword(text: str) -> Flow | None:
    """The flow a bare reply names exactly, begins with one of its openers, or says in
    other words."""
    return flow_named(text) or flow_saying(text)


def flow_named(text: str) -> Flow | None:
    """The flow a bare reply names exactly or begins with one of its openers."""
    return next(
        (
            f
            for f in flows().values()
            if text in f.triggers.keywords
            or (f.triggers.openers and text.startswith(f.triggers.openers))
        ),
        None,
    )


def flow_saying(text: str) -> Flow | None:
    """The flow whose request a bare reply makes in other words (its trigger's `says`)."""
    return next(
        (f for f in flows().values() if f.triggers.says and f.triggers.says.search(text)), None
    )


def flow_for_menu(key: str) -> Flow | None:
    return next((f for f in flows().values() if f.triggers.menu == key), None)


def flow_for_worker_command(name: str) -> Flow | None:
    return next((f for f in flows().values() if f.triggers.worker_command == name), None)
