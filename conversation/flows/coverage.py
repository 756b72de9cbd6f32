"""我们县有没有你们的人: whether a social-work organisation works in a county. One question
when neither the message nor the user's latest request names the county; started by the
engine for a platform question on that topic."""

from __future__ import annotations

from typing import TYPE_CHECKING

import messages as msg
from conversation.flow import Flow
from conversation.known import latest_county
from conversation.steps import Step, parse_county, show_region
from nlu.regions import region_index
from storage.social_work import covering_organisation

if TYPE_CHECKING:
    from conversation.engine import Conversation


def coverage(conversation: Conversation, region_code: str) -> str:
    """Who works there, or that nobody does yet and what happens to a request meanwhile."""
    region = region_index().full_name(region_code)
    organisation = covering_organisation(conversation.session, region_code)
    if organisation is None:
        return msg.NOT_COVERED_YET.format(region=region)
    return msg.COVERED.format(region=region, org=organisation.name)


FLOW = Flow(
    name="coverage",
    steps=(Step("region", "所在地区", msg.ASK_COVERAGE_REGION, parse_county, show_region),),
    submit=lambda conversation, slots: coverage(conversation, slots["region"]),
    confirm=False,
    known=latest_county,
)
