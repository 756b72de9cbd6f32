"""求助还是帮助别人？ Asked when a first message could be either (the NLU reads it as
`unsure_side`): the answer starts the help or the pledge conversation, with what the first
message already said. Someone asking for another family (a neighbour, a village cadre) is
told how that family can ask, or a social worker come: their data needs their own consent.
Answered with what only a request asks (同意, an ID number, how many live there), it is a
request; when the answers still say neither, a social worker is asked to get in touch
rather than the question asked a fourth time."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import messages as msg
from conversation import registry
from conversation.flow import Flow, Triggers
from conversation.state import ConversationState
from conversation.steps import EndFlow, Reprompt, Slots, Step, menu_or_keyword
from nlu.entities import extract_entities, find_id_number, region_entity
from nlu.lexicon import menu_number
from nlu.sides import GIVE, HELP, OWN, Strength, side_cue
from nlu.validators import find_household_size
from vocabulary import NEIGHBOURS

if TYPE_CHECKING:
    from conversation.engine import Conversation

SIDES = ("help", "pledge", "another_family")  # the flows the first two answers start
PERSON = "person"  # no side after so many answers: a social worker gets in touch
UNCLEAR_ANSWERS = 3
ANOTHER_FAMILY = re.compile(
    "|".join(("替", *NEIGHBOURS, "村里", "村民", "乡亲", "别人家", r"别的(?:困难)?(?:家庭|人家)"))
)


# Neither side: only asking, or something else ("都不是", "我就是想问问").
NEITHER = re.compile(r"都不是|都不|不是|只是问问|想问问|随便问问|就问问|了解一下|看看")


# Their family, said alone at the question (就是他们家): not a gift to them (捐给她家孩子).
THEIR_FAMILY = re.compile(r"(?:就是|是)?(?:他们|他|她)家(?:的|人)?[吧啊呀。！!]*")


def _side_in(text: str) -> str | None:
    if ANOTHER_FAMILY.search(text) or THEIR_FAMILY.fullmatch(text.strip()):
        return "another_family"
    if NEITHER.search(text) and not re.search(r"捐|求助|申请|帮", text):
        raise EndFlow(msg.FAQ["about"], outcome="neither")
    if re.search(r"帮助?别人|帮别人|捐|帮他们|帮人", text):
        return "pledge"
    if re.search(r"求助|自己|家人|我家|俺家|给我|我要帮助|想要|需要|缺", text):
        return "help"  # 我是想要面粉
    # 我是贫困户, 我想认捐; a hardship told as one's own (老公欠了赌债跑了), not a sum by the year
    # that a donor gives as well as a household pays (每人每年五千: asked again)
    cue = side_cue(text)
    if cue is not None and (cue[1] >= Strength.SAID or (cue[0] == HELP and OWN.search(text))):
        return FLOW_OF_SIDE[cue[0]]
    return None


FLOW_OF_SIDE = {HELP: "help", GIVE: "pledge"}
INTENT_OF_FLOW = {flow: intent for intent, flow in FLOW_OF_SIDE.items()}
SAID = "said"  # the answer in words (捐钱, 我想资助一个学生): it tells the flow more
_menu = menu_or_keyword(SIDES, _side_in, msg.ASK_WHICH_SIDE)


def _parse_side(text: str, state: ConversationState) -> str:
    try:
        side = _menu(text, state)
    except Reprompt:
        if _answers_a_request(text):  # 同意, at this question: a request, for whom it names
            return "another_family" if ANOTHER_FAMILY.search(state.slots["first"]) else "help"
        if state.errors + 1 >= UNCLEAR_ANSWERS:
            state.slots[SAID] = text  # 甘肃定西通渭县: where the social worker is to come from
            return PERSON
        raise
    if menu_number(text, len(SIDES)) is None:
        state.slots[SAID] = text
    return side


def _answers_a_request(text: str) -> bool:
    """What only a help request asks for, said here: agreeing to the record, an ID number,
    how many live in the household."""
    said = text.strip(" 。，,！!")
    agrees = said.startswith("同意") and not said.startswith("同意捐")
    return agrees or find_id_number(text) is not None or find_household_size(text) is not None


def _keep_first_message(text: str, entities: dict[str, Any]) -> Slots:
    return {"first": text, "entities": entities}


def _start_chosen(conversation: Conversation, slots: Slots) -> str:
    if slots["side"] == "another_family":
        return msg.FOR_ANOTHER_FAMILY
    if slots["side"] == PERSON:
        places = (region_entity(said) for said in (slots[SAID], slots["first"]))
        county = next((place["code"] for place in places if place and place.get("county")), None)
        return msg.SIDE_UNCLEAR_PERSON + conversation.ask_person(county)
    flow = registry.flows()[slots["side"]]
    entities = dict(slots["entities"])
    if said := slots.get(SAID):  # what the answer adds (捐钱: money), read as that side's
        told = extract_entities(said, INTENT_OF_FLOW[flow.name])
        entities.update({key: value for key, value in told.items() if value})
    return conversation.start_from(flow, slots["first"], entities)


FLOW = Flow(
    name="which_side",
    steps=(
        Step(
            "side",
            "方向",
            msg.ASK_WHICH_SIDE,
            _parse_side,
            revisitable=False,
        ),
    ),
    submit=_start_chosen,
    triggers=Triggers(intents=("unsure_side",), prefill=_keep_first_message),
    confirm=False,
)
