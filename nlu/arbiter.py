"""The last word on a reading: the model's best guess is kept only when the text could
mean it. DIET is often certain and wrong on sentences unlike its training data (an illness
read as a status question, a bare hardship read as a donation), so a few intents must be
backed by the words that make them:

- `check_status` needs a word about progress or a record (进度, 批了没, 收到了吗, Q000012),
  and a doubtful one does not stand for a need told as one's own (低保钱还没发下来, 米面快没了);
- `inform` (a bare answer) is no longer a sentence that describes a need or a hardship;
- `request_human` needs a person, or a way to reach one (人工, 社工, 打电话, 上门);
- a doubtful yes or no that asks about progress (配对成功没有啊) is no answer, and a
  doubtful question about the platform that asks nothing and tells one's own need
  (女儿听力不好要配个助听器) is a request;
- a doubtful `out_of_scope` does not stand for a text that names a need, asks or offers;
- help and donation are never guessed: a cue for the other side, or low confidence, makes
  the reading `unsure_side`, and the bot asks; so does a doubtful other reading of a text
  with words of both sides (能捐几袋面粉吗). Two cues are stronger than the model's
  doubt: asking for oneself (能给我家…吗) settles the side, and an explicit request or
  offer, or a hardship that names a need, decides when the model itself is unsure (below
  `SURE_OF_SIDE`).

A reading that fails its check is replaced by what the text's own cues say (a side, or a
described need, which is a request for help), or else by the next plausible intent."""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlu.lexicon import bare, need_types
from nlu.sides import GIVE, HELP, Strength, says_both, side_cue

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
    r"|有人管|有人帮|联系|记录|状态|查|落实|办好|办得|(?:批|拨|款|钱|申请|补助)[^，。]{0,3}下来|来过"
    r"|什么时候|[QJMqjm]\s*\d{3}|用出去|花出去|花在|花到|用了没|用掉|打过去|转过去|汇过去|拨过去"
    r"|着落|认领|有人看|看[过了]?没|看看我的|我的(?:申请|求助|认捐|捐款|捐赠)|拿到|领到|发下来"
    r"|啥时候|几时|哪天|多会儿|咋还没|怎么还没|还没(?:有)?(?:动静|消息|回音|人)"
    # "has it happened yet?": a perfective question at the end
    r"|(?:了吗|了没|了没有)[？?吗啊呀]*$"
)


# Asking for a person names one, or a way to reach one (not 人工耳蜗).
HUMAN = re.compile(
    r"人工(?!耳蜗|授精)|真人|活人|社工|工作人员|客服|负责人|负责的|管事|电话|打给|回电|回个电|当面"
    r"|面谈|上门|来我家|找个人|找人|叫人|跟人|人来|说话|聊聊|谈谈|见面|领导|你们的人|专人|转人|机器"
    r"|有人[^，。]{0,4}(?:跟|和|给|来|帮)"
)
# A question, and one that ends asking whether something happened.
QUESTION = re.compile(r"[吗呢？?]|怎么|咋|如何|什么|啥|多少|哪|能不能|可不可以|是不是|有没有|几")
QUESTION_END = re.compile(r"(?:吗|呢|没有|没|了没)[啊呀吧？?]*$")
# An "off topic" reading below this does not stand for a text that asks or offers.
SURE_OFF_TOPIC = 0.9


@dataclass(frozen=True)
class Cues:
    """What the words themselves say, read once per message."""

    text: str
    side: str | None  # a cue for help or for donation
    strength: Strength | None
    names_need: bool
    short: bool  # as short as a bare answer
    both_sides: bool  # words of both sides

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
        short = len(bare(text)) < ANSWER_LENGTH
        return cls(text, side, strength, bool(need_types(text)), short, says_both(text))


def _plausible(intent: str, confidence: float, cues: Cues) -> bool:
    if intent == "out_of_scope":  # doubtful for a text that names a need, more so one that asks
        asks = cues.strength in (Strength.SAID, Strength.FOR_ME) and confidence < SURE_OFF_TOPIC
        return not (asks or (cues.names_need and confidence < SURE_OF_SIDE))
    if intent == "request_human":
        return HUMAN.search(cues.text) is not None
    if intent == "check_status":  # a doubtful one does not stand for a need told as one's own
        troubled = cues.side == HELP and cues.names_need and confidence < SURE_OF_SIDE
        return STATUS.search(cues.text) is not None and not troubled
    if intent in ("affirm", "deny"):  # a doubtful yes or no that asks about progress
        asks_progress = STATUS.search(cues.text) and QUESTION_END.search(cues.text)
        return not (asks_progress and confidence < SURE_OF_SIDE)
    if intent == "ask_about":  # a doubtful question about us that tells one's own need
        told = cues.side == HELP and cues.names_need and not QUESTION.search(cues.text)
        return not (told and confidence < SURE_OF_SIDE)
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
    if intent not in (HELP, GIVE):  # a doubtful other reading of words of both sides: ask
        doubtful_side = cues.both_sides and confidence < SURE_OF_SIDE
        return (UNSURE_SIDE, 1.0) if doubtful_side else (intent, confidence)
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
