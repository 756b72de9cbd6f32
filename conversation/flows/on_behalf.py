"""代办: a social worker files a case for a household without WeChat, consent obtained in
person. The help questions, asked of the worker about the household."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

import messages as msg
from conversation.flow import Triggers
from conversation.flows import help as help_flow

FLOW = replace(
    help_flow.FLOW,
    name="help_on_behalf",
    steps=tuple(
        replace(step, prompt=msg.ON_BEHALF_PROMPTS.get(step.name, step.prompt))
        for step in help_flow.FLOW.steps
    ),
    submit=partial(help_flow.submit_help, on_behalf=True),
    triggers=Triggers(worker_command="代办"),
    records_consent=False,
)
