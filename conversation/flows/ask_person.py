"""人工 when nothing says which county's social workers to ask: one question, then the
hand-off is opened (`domain.handoff`)."""

from __future__ import annotations

import messages as msg
from conversation import handoff as person
from conversation.flow import Flow
from conversation.steps import Step, parse_county, show_region

FLOW = Flow(
    name="handoff",
    steps=(Step("region", "所在地区", msg.ASK_HANDOFF_REGION, parse_county, show_region),),
    submit=lambda conversation, slots: person.ask_person(conversation, slots["region"]),
    confirm=False,
)
