"""The last word on a reading: the model's best guess is kept only when the text could
mean it. DIET is often certain and wrong on sentences unlike its training data (an illness
read as a status question, a bare hardship read as a donation), so a few intents must be
backed by the words that make them:

- `check_status` needs a word about progress or a record (进度, 批了没, 收到了吗, Q000012);
- `inform` (a bare answer) is no longer a sentence that describes a need or a hardship;
- a doubtful `out_of_scope` does not stand for a text that names a need;
- help and donation are never guessed: a cue for the other side, or low confidence, makes
  the reading `unsure_side`, and the bot asks. Two cues are stronger than the model's
  doubt: asking for oneself (能给我家…吗) settles the side, and an explicit request or
  offer, or a hardship that names a need, decides when the model itself is unsure (below
  `SURE_OF_SIDE`).

A reading that fails its check is replaced by what the text's own cues say (a side, or a
described need, which is a request for help), or else by the next plausible intent."""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlu.lexicon import bare, need_types
from nlu.sides import GIVE, HELP, Strength, side_cue

Ranking = list[tuple[str, float]]

# Help or donation: a reading below this confidence (and no cue in the text) is asked about.
SURE_OF_SIDE = 0.6
UNSURE_SIDE = "unsure_side"
# How sure a reading the text's own cues gave is taken to be.
CUE_CONFIDENCE = 0.8
# A bare answer is short; a longer text that names a need is a request.
ANSWER_LENGTH = 10

STATUS = re.compile(
    r"进度|进展|到哪|哪一步|批|审核|审过|审批|核实|结果|怎么样|咋样|如何了|消息|动静|多久|要等"
    r"|收到|到账|到位|用在|用到|给了谁|给谁|去向|送到|送过去|送出去|配对|匹配|通过|被拒|拒了"
    r"|有人管|有人帮|联系|记录|状态|查|落实|办好|办得|下来|来过|什么时候|[QJMqjm]\s*\d{3}"
    r"|着落|认领|有人看|看[过了]?没|看看我的|我的(?:申请|求助|认捐|捐款|捐赠)|拿到|领到|发下来"
    r"|啥时候|几时|哪天|多会儿|咋还没|怎么还没|还没(?:有)?(?:动静|消息|回音|人)"
    # "has it happened yet?": a perfective question at the end
    r"|(?:了吗|了没|了没有)[？?吗啊呀]*$"
)


@dataclass(frozen=True)
class Cues:
    """What the words themselves say, read once per message."""

    text: str
    side: str | None  # a cue for help or for donation
    strength: Strength | None
    names_need: bool
    short: bool  # as short as a bare answer

    @property
    def decisive_when_unsure(self) -> bool:
        """An explicit request or offer, or a hardship with a named need: enough to decide
        when the model is unsure."""
        return self.strength == Strength.SAID or (
            self.strength == Strength.HARDSHIP and self.names_need
        )

    @classmethod
    def of(cls, text: str) -> Cues:
        side, strength = side_cue(text) or (None, None)
        return cls(text, side, strength, bool(need_types(text)), len(bare(text)) < ANSWER_LENGTH)


def _plausible(intent: str, confidence: float, cues: Cues) -> bool:
    if intent == "out_of_scope":  # a doubtful "off topic" for a text that names a need
        return not (cues.names_need and confidence < SURE_OF_SIDE)
    if intent == "check_status":
        return STATUS.search(cues.text) is not None
    if intent == "inform":
        return cues.short or not (cues.names_need or cues.side == HELP)
    return True


def _by_cues(cues: Cues, ranking: Ranking) -> tuple[str | None, float]:
    """What the text's own words say when the model's guess does not fit them."""
    if cues.side is not None:
        return cues.side, CUE_CONFIDENCE
    if cues.names_need:
        return HELP, CUE_CONFIDENCE
    return next(((i, c) for i, c in ranking[1:] if _plausible(i, c, cues)), (None, 0.0))


def _side_checked(cues: Cues, intent: str | None, confidence: float) -> tuple[str | None, float]:
    """Help or donation stands when the text's cue agrees (two signals: as sure as a cue),
    or, with no cue, when the model is sure; otherwise the bot asks."""
    if intent not in (HELP, GIVE):
        return intent, confidence
    cue, sure = cues.side, confidence >= SURE_OF_SIDE
    if cue == intent:
        return intent, max(confidence, CUE_CONFIDENCE)
    if cue is None:
        return (intent, confidence) if sure else (UNSURE_SIDE, 1.0)
    if cues.strength == Strength.FOR_ME or (not sure and cues.decisive_when_unsure):
        return cue, CUE_CONFIDENCE
    return UNSURE_SIDE, 1.0  # certain that the side must be asked


def arbitrate(text: str, ranking: Ranking) -> tuple[str | None, float]:
    """The intent acted on, and how sure it is, from Rasa's ranking and the text."""
    if not ranking:
        return None, 0.0
    cues = Cues.of(text)
    intent, confidence = ranking[0]
    if _plausible(intent, confidence, cues):
        return _side_checked(cues, intent, confidence)
    return _side_checked(cues, *_by_cues(cues, ranking))
