"""Who hears about a case: the household in its own chat, or, for a household without
WeChat (代办), the social worker who filed it, told clearly which household it is about."""

from __future__ import annotations

from collections.abc import Callable

import messages as msg
from nlu.validators import mask_name
from storage.models import Case

Notify = Callable[[int, str, str], object]


def tell_household(
    case: Case, key: str, notify: Notify, household_text: str, proxy_text: str
) -> None:
    """`household_text` to the household; `proxy_text` (what to pass on) to the worker who
    filed the case for a household without WeChat."""
    if case.user_id is not None:
        notify(case.user_id, key, household_text)
    elif case.filed_by_id is not None:
        name = mask_name(case.profile.name) if case.profile.name else "户主"
        notify(
            case.filed_by_id,
            key,
            msg.ABOUT_PROXY_CASE.format(number=case.number, name=name, text=proxy_text),
        )
