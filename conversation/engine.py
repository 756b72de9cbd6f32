"""The conversation engine: one text in, one reply out. Commands that work at every step
(取消 返回 修改 人工 进度 菜单) come first, then the active flow's current step, and with
no flow the NLU decides what the user wants."""

from __future__ import annotations

import re
from contextlib import suppress
from dataclasses import dataclass
from typing import Any, cast

from redis import Redis
from sqlalchemy.orm import Session

import messages as msg
from config.settings import Settings
from conversation import faq, registry
from conversation import handoff as person
from conversation.commands import Who
from conversation.flow import Flow
from conversation.state import ConversationState, ConversationStore, TurnState
from conversation.status import nothing_to_cancel, status_text
from conversation.steps import (
    Ask,
    EndFlow,
    Reprompt,
    Slots,
    Step,
    add_to_story,
    confirm_answer,
    county_named,
    tells_more_of_story,
)
from domain import attachments
from domain import handoff as handoffs
from domain.cases import added_to_note
from domain.events import Event, Outbox, Outcome
from nlu.arbiter import SURE_OFF_TOPIC, UNSURE_SIDE, asks_after_earlier
from nlu.client import MIN_CONFIDENCE, Interpretation, NluClient
from nlu.entities import extract_entities, mask_numbers
from nlu.geo import place_of
from nlu.lexicon import (
    BEATEN,
    CRISIS,
    EMERGENCY,
    FAREWELLS,
    bare,
    detect_need_type,
    is_sad,
    menu_number,
    small_talk,
)
from nlu.regions import region_index
from nlu.sides import (
    GIVE,
    HELP,
    of_another_family,
    side_cue,
    side_said,
    tells_only_despair,
)
from storage import social_work as social_work_store
from storage.db import Database
from storage.files import FileStore
from storage.models import Handoff, Operator, SocialWorker, User
from storage.repositories import Arrival, audit, get_or_create_user, record_consent
from vocabulary import NEED_LABELS, NEED_SAID_ALONE

CONFIRM = "_confirm"
# Where a correction's new answer begins: "电话错了，是138…", "改成三万", "应该是王秀兰".
NEW_VALUE = re.compile(r"改成|改为|换成|应该是|应是|其实是|(?<!不)是|[:：]")
# Saying an earlier answer was wrong (金额不对应该是三万五): read as that correction before the
# current question's parser, which might take it (a name is almost any text).
SAYS_WRONG = re.compile(r"不对|错了|说错|写错|填错|搞错|弄错|改成|改为|改一下|应该是")
# Progress asked after vaguely, in a few words, by someone with a record (咋样了, 我的事呢).
VAGUE_LENGTH = 10
PROGRESS_ASKED = re.compile(
    r"咋样|怎么样|如何了|消息|动静|我的事|我家的事|快点|快一点|快些|配上|配了|批了|有结果|进展"
    r"|还要等|等多久|(?:啥|什么)时候来"
)
# What follows 是 without being an answer: "名字是错的", "名字不是这个".
NOT_A_VALUE = re.compile(r"错|不对|没对|对的|这个|那个")
EDIT = "_edit"
MAX_FAILURES = 3
# An earlier answer said again at a later question is this short at most (两万, 5口人).
RESTATED_LENGTH = 12
# Commands at this priority and above are said in so many words (核实 Q000001, 待核实), not
# in other words (有哪些要核实的): a social worker's run even in the middle of a flow.
EXPLICIT = 50
# The menu's location picker sends its event, then the same place as a message, at once.
PICKED_PLACE_SECONDS = 60

COMMANDS = {
    "cancel": (
        "取消",
        "退出",
        "不办了",
        "不弄了",
        "不填了",
        "结束",
        "撤销",
        "算了",
        "算了吧",
        "不申请了",
        "不捐了",
        # in a flow, the one under way (outside one, 取消认捐 lists the pledges to cancel)
        *("取消认捐", "取消捐款", "取消捐赠", "取消求助", "取消申请", "取消登记"),
    ),
    "back": ("返回", "上一步", "回退", "后退", "退回"),
    "restart": ("重新开始", "重来", "重新来", "从头开始", "重新填", "重新填写", "从头来"),
    "edit": ("修改", "改", "更改", "改一下", "我要改", "改信息"),
    "human": ("人工", "转人工", "找社工", "社工", "人工客服", "真人", "找人工"),
    "status": ("进度", "查进度", "查询进度", "查询", "我的记录"),
    "menu": ("菜单", "帮助", "help", "?", "主菜单"),
}
TOP_MENU = tuple(key for key, _, _ in msg.MENU_ITEMS)
CLAUSES = re.compile(r"[\s，。！？!?,.~～…、；;]+")
# Giving up, said in one breath ("算了不弄了", "我不想填了", "先不办了吧", "以后再说"): only
# in a short message, so an answer that tells a story ("孩子病了不想治了") is still an answer.
GIVING_UP = re.compile(
    r"算了|以后再说|改天再说|不(想|要|用)?(弄|填|办|搞|申请|登记|捐|写)了|(弄|填|办|申请|捐)不了了"
)
GIVING_UP_LENGTH = 10
# Not wanting to give one's details after all (我改主意了 不想把信息给你们), said at any length.
WITHHOLDS = re.compile(
    r"不(?:想|愿意|愿)(?:再)?(?:把|让)?[^，。？?]{0,4}(?:信息|资料|个人情况)"
    r"(?:交|留|告诉|给)?给?(?:你们|您们|这里|这儿)|不(?:想|愿意|愿)(?:再)?登记(?:信息|资料)"
)
# Coming back later ("等会儿再填", "明天再说", "我去找下身份证", "身份证在抽屉里我去找找",
# "等下我问问我儿子"): the answers are kept longer.
PAUSING = re.compile(
    r"(?:等会儿?|等一下|等下|待会儿?|过会儿?|一会儿?|晚点|晚些|稍后|明天|回头)儿?"
    r"(?:再(?:填|弄|说|发|办|写|回|找|来)?|填|弄|写|发(?![^，。]*[哪吗？?])|给你|找)"
    r"|去[找拿翻](?:一下|下)?(?:身份证|户口本|证件|号码)|^(?:等一下|等下|等会儿?|稍等|等等)"
    r"|(?:去|先|我)(?:找找|翻翻|翻一下|拿一下|找一下)$|马上(?:发|给|找|拿)"
    # asking someone at home first (身份证号我问问我妈)
    r"|(?:我|俺)(?:先|去)?(?:问问|问一下|问下)(?:我|俺)?(?:家)?(?:妈|爸|儿子|女儿|闺女|老伴|老公"
    r"|媳妇|家里人|孩子|孙子|孙女|老头|老婆|姐|哥|弟|妹)"
)
PAUSING_LENGTH = 20
# Asking for one's records in a few words (帮我查一下进度, 看看我的进度): the status command.
STATUS_ASKED = re.compile(
    r"^(?:帮我|给我|我想|我要|麻烦)?(?:查|看)(?:一下|下|查|看)?(?:我的|我家的)?(?:进度|进展)[吧呢呀]?$"
    r"|^(?:那|那你|你)?(?:帮我|给我|麻烦你?|帮忙)?(?:查一下|查下|查查|查一查)(?:吧|呗|呢|呀|看)?$"
)
# Asking for a person in a few words (有没有真人, 我要人工, 能不能找个社工): the human command.
HUMAN_ASKED = re.compile(
    r"^(?:我|俺)?(?:要|想)?(?:有没有|有|找|转|要|能不能找|可以找|能找|叫|换)(?:个|一个)?"
    r"(?:真人|活人|人工|社工|客服|工作人员)(?:吗|呢|啊|吧|没有|不)?$"
)
# Wanting all that was filled in taken back (把我刚才填的都删了): in a flow, nothing is kept
# yet. Not one answer (刚才写的名字删了重写): that is a correction.
UNFILLS = re.compile(
    r"(?:刚才|刚刚|前面|之前|上面)?(?:填|写)的(?:东西|内容|信息)?(?:都|全|全部)(?:删|清空|作废|不要)"
)
# A question in words, not letters typed at random (高铁票怎么退, not asdfgh).
SAID_IN_CHINESE = re.compile(r"[\u4e00-\u9fff]{3,}")
# Words of a foreign language and nothing Chinese ("I want to donate 500 yuan"): two words or more.
FOREIGN = re.compile(r"[A-Za-z]+(?:[\s,.'!?-]+[A-Za-z0-9]+)+[\s.!?]*")


# Not calling something off after all (算了 不取消了): nothing is stopped.
KEEPS = re.compile(r"不(?:要|用|想)?取消|别取消|不撤(?:回|销)?了")
# A change of mind about an answer (算了还是一千吧, 算了 改成教育): no giving up, unless what
# follows gives up too (算了还是不捐了).
CHANGES_MIND = re.compile(r"算了吧?[，,\s]*(?:还是|改成|改为|换成|就写)")


def _changes_mind(text: str) -> bool:
    found = CHANGES_MIND.search(text)
    return found is not None and GIVING_UP.search(text[found.end() :]) is None


def command_of(text: str) -> str | None:
    """The command a reply is, also when said in a few clauses ("算了，不弄了")."""
    cleaned = bare(text) or text.strip()
    if KEEPS.search(cleaned):
        return "keep"
    for command, words in COMMANDS.items():
        if cleaned in words:
            return command
    if len(cleaned) <= GIVING_UP_LENGTH and GIVING_UP.search(cleaned) and not _changes_mind(text):
        return "cancel"
    if WITHHOLDS.search(cleaned):
        return "cancel"
    # 等等 金额写错了 是五百: a correction, said after a word of waiting
    if len(cleaned) <= PAUSING_LENGTH and PAUSING.search(cleaned) and not SAYS_WRONG.search(text):
        return "pause"
    if STATUS_ASKED.match(cleaned):
        return "status"
    if HUMAN_ASKED.match(cleaned):
        return "human"
    if UNFILLS.search(cleaned):
        return "cancel"
    clauses = [clause for clause in CLAUSES.split(text.lower()) if clause]
    if len(clauses) > 1:
        found = {command_of(clause) for clause in clauses}
        if len(found) == 1:
            return found.pop()
    return None


def clarifying_question(ranking: list[tuple[str, float]]) -> str | None:
    """When unsure: ask which of the likely actions was meant, numbered as in the menu.
    Asking for help and offering it come together: which side someone is on is never
    guessed, so one is not offered without the other."""
    likely = {name for name, _ in ranking[:3]} & set(msg.TOP_MENU_LABELS)
    if likely & {HELP, GIVE}:
        likely |= {HELP, GIVE}
    if not likely:
        return None
    options = [label for name, label in msg.TOP_MENU_LABELS.items() if name in likely]
    if len(options) == 1:  # "3 查进度": 您是想查进度吗？
        number, label = options[0].split(" ", 1)
        return msg.CLARIFY_ONE.format(number=number, label=label)
    return msg.CLARIFY.format(options="\n".join(options))


@dataclass
class Services:
    """What the handlers talk to; built once per process by the app factory."""

    settings: Settings
    redis: Redis
    db: Database
    nlu: NluClient
    store: ConversationStore
    files: FileStore


class Conversation:
    """Handles one user's text inside the caller's database transaction."""

    def __init__(
        self,
        services: Services,
        session: Session,
        openid: str,
        arrived: Arrival | None = None,
        saved: TurnState | None = None,
    ) -> None:
        self.services = services
        self.session = session
        self.openid = openid
        self.saved = saved or TurnState(services.store, openid)  # the conversation state
        known = arrived.user if arrived is not None else None
        self.user: User = known or get_or_create_user(session, openid)
        self._arrived = arrived
        self.outbox = Outbox(session)
        self.events = self.outbox.events  # dispatched by the caller after commit
        self._roles: dict[str, object] = {}

    def notify(self, user_id: int, dedup_key: str, text: str, link: str | None = None) -> None:
        """Queue a chat message to someone, in this transaction (the outbox)."""
        self.outbox.notify(user_id, dedup_key, text, link)

    def emit(self, *events: Event) -> None:
        """What to do once this turn is committed (send the outbox, run the matcher)."""
        self.events.update(events)

    def outcome(self, reply: str | None) -> Outcome:
        return Outcome(reply, frozenset(self.events))

    # --- entry points ----------------------------------------------------------------

    def reply_to_menu(self, key: str) -> str | None:
        """A custom-menu button: the same as its number in the text menu (a conversation
        going on is left). Unknown keys get nothing."""
        if key not in TOP_MENU:
            return None
        if (state := self.saved.load()) is not None:
            self._ended(registry.flows()[state.flow], state, "left")
            self._finish("")
        choice = key
        if (flow := registry.flow_for_menu(choice)) is not None:
            return self.start(flow)
        return self._simple(choice)

    def reply_to_location(
        self, latitude: float, longitude: float, label: str, picked: bool = False
    ) -> str | None:
        """A location message: the county it is in answers a region question going on;
        otherwise the person is told where we think they are, and what they can do. The
        menu's picker sends a place twice (`picked`: its event, then a location message):
        the message after the event gets no reply (None)."""
        place = f"{latitude:.5f},{longitude:.5f}"
        if picked:
            self.services.store.mark(self.openid, place, PICKED_PLACE_SECONDS)
        elif self.services.store.take_mark(self.openid, place):
            return None
        code = place_of(latitude, longitude, label)
        if code is None:
            return msg.LOCATION_UNKNOWN
        name = region_index().full_name(code)
        state = self.saved.load()
        if state is not None and state.step == "region":
            flow = registry.flows()[state.flow]
            answered = self._in_flow(flow, state, name, None)
            return msg.LOCATION_USED.format(region=name) + "\n" + answered
        return msg.LOCATION_SEEN.format(region=name)

    def reply_to_image(self, media_id: str) -> str:
        """A photo: kept with the sender's case (fetched by a job). Sent during a flow that
        keeps photos (the help intake), it waits for the case that flow writes. With several
        open and nothing else going on, they are asked which case; otherwise the latest
        gets it."""
        self.emit(Event.MEDIA_RECEIVED)
        state = self.saved.load()
        if state is not None and (flow := registry.flows()[state.flow]).keeps_photos:
            if flow.records_consent and "consent" not in state.slots:  # nothing kept before it
                return msg.IMAGE_BEFORE_CONSENT + "\n\n" + self._current_question(flow, state)
            held = attachments.hold_image(self.session, self.user, media_id)
            state.slots["photos"] = [*state.slots.get("photos", []), held.id]
            self._save(state)
            return msg.IMAGE_HELD + "\n\n" + self._current_question(flow, state)
        open_cases = attachments.open_cases(self.session, self.user)
        if len(open_cases) > 1 and state is None:
            held = attachments.hold_image(self.session, self.user, media_id)
            choices = [
                [
                    case.id,
                    msg.CASE_CHOICE.format(number=case.number, need=NEED_LABELS[case.need_type]),
                ]
                for case in open_cases
            ]
            flow = registry.flows()["photo_case"]
            return self.start(flow, {"attachments": [held.id], "choices": choices})
        return attachments.receive_image(self.session, self.user, media_id)

    def reply_to_voice(self, media_id: str) -> str:
        """A voice message without WeChat's transcript: kept for a social worker to hear,
        the sender asked to type (or to turn on 语音转文字)."""
        reply = attachments.receive_voice(self.session, self.user, media_id)
        self.emit(Event.MEDIA_RECEIVED)
        return reply

    def reply_to_text(self, text: str) -> str:
        """The reply to a text. Danger comes first with the numbers to call (被车撞了), and
        words of despair with where to get help now; with nothing else to act on (我不想活
        了), a social worker is asked for, unless the user is in the middle of something,
        who is told how to ask for one."""
        if CRISIS.search(text) is None:
            reply = self._reply_to_text(text)  # 被车撞了对方跑了: the numbers to call, first
            if EMERGENCY.search(text) is None:
                return reply
            return (msg.BEATEN if BEATEN.search(text) else msg.EMERGENCY) + reply
        if not tells_only_despair(text):  # 有没有好心人帮帮我，我真的活不下去了
            return msg.CRISIS + self._reply_to_text(text)
        if (relayed := person.household_turn(self, text)) is not None:
            return msg.CRISIS + relayed  # a social worker is talking with them already
        busy = self.saved.load() is not None
        return msg.CRISIS + (msg.CRISIS_PERSON if busy else self.ask_person(None))

    def _reply_to_text(self, text: str) -> str:
        state = self.saved.load()
        if state is None and self.user.active_flow:
            lost = registry.flows().get(self.user.active_flow)
            self.user.active_flow = None  # expired, or Redis lost it: say so, keep nothing
            if lost is None or not lost.interruptible:  # an unanswered follow-up just ends
                return msg.STATE_LOST + self._reply_to_text(text)  # then the message itself
        if (reply := person.household_turn(self, text)) is not None:
            return reply
        command = command_of(text)
        if state is not None:
            flow = registry.flows()[state.flow]
            if not (flow.interruptible and self._leaves(flow, state, text, command)):
                return self._in_flow(flow, state, text, command)
            self._ended(flow, state, "cancelled" if command == "cancel" else "left")
            self._finish("")
        if (reply := self._command(text)) is not None:
            return reply
        return self._idle(text, command)

    def _command(self, text: str, staff_only: bool = False) -> str | None:
        """The first registered command that matches, may be used by this user and
        answers. In the middle of a flow (`staff_only`), only a social worker's or an
        operator's explicit commands (核实 Q000001 …, 待核实), not their other words."""
        for command in registry.commands():
            if staff_only and (command.who == Who.ANYONE or command.priority < EXPLICIT):
                continue
            found = command.pattern.match(text.strip())
            if found is None or not self._may(command.who):
                continue
            if (reply := command.run(self, found)) is not None:
                return reply
        return None

    def _may(self, who: Who) -> bool:
        if who == Who.WORKER:
            return self.worker() is not None
        if who == Who.STAFF:
            return self.worker() is not None or self.operator() is not None
        return True

    def taken_handoff(self) -> Handoff | None:
        """The hand-off a person has taken for the user, if any: read with the delivery when
        the turn came through one (`Arrival`), asked of the database otherwise."""
        if self._arrived is None:
            return handoffs.active_handoff_of(self.session, self.user)
        found = self._arrived.taken_handoff_id
        return None if found is None else self.session.get(Handoff, found)

    def worker(self) -> SocialWorker | None:
        """The user as an active social worker, if they are one."""
        if "worker" not in self._roles:
            self._roles["worker"] = social_work_store.active_worker(self.session, self.user)
        return cast(SocialWorker | None, self._roles["worker"])

    def operator(self) -> Operator | None:
        """The user as an active operator, if they are one."""
        if "operator" not in self._roles:
            self._roles["operator"] = social_work_store.active_operator(self.session, self.user)
        return cast(Operator | None, self._roles["operator"])

    def worker_prefixes(self) -> list[str]:
        """The region prefixes the user covers as a social worker (none otherwise)."""
        worker = self.worker()
        return social_work_store.worker_prefixes(self.session, worker) if worker else []

    def reply_to_subscribe(self) -> str:
        """The welcome; to someone who followed again in the middle of something, with the
        question they were at."""
        audit(self.session, self.openid, "user.subscribed", "user", self.user.id)
        if (state := self.saved.load()) is None:
            return msg.WELCOME
        flow = registry.flows()[state.flow]
        return msg.WELCOME + msg.CONTINUE_PROMPT + self._current_question(flow, state)

    # --- no flow running -------------------------------------------------------------

    def _idle(self, text: str, command: str | None) -> str:
        if command is not None or menu_number(text, len(TOP_MENU)) is not None:
            self.services.store.clear_misses(self.openid)
        if command == "cancel":
            return nothing_to_cancel(self.session, self.user)
        if command == "keep":
            return msg.KEPT_AS_IS
        if command == "pause":
            return msg.ACKNOWLEDGED
        if command in ("status", "human", "menu"):
            return self._simple(command)
        if command == "restart":  # nothing under way: where to start from
            return self._simple("menu")
        if bare(text).rstrip("啦啊呀了哈~") in FAREWELLS:
            return msg.GOODBYE
        if (flow := self._flow_asked_for(bare(text))) is not None:
            return self.start_from(flow, text)
        number = menu_number(text, len(TOP_MENU))
        if number is not None:
            choice = TOP_MENU[number - 1]
            if (flow := registry.flow_for_menu(choice)) is not None:
                return self.start(flow)
            return self._simple(choice)
        return self._route_by_nlu(text)

    def _flow_asked_for(self, plain: str) -> Flow | None:
        """The flow a reply names, or asks for in other words when there is something for
        it to do (a change to one's request, from someone with none open, is read like any
        other message) or its answer is wanted all the same (a new phone number: there is
        nothing to change)."""
        if (named := registry.flow_named(plain)) is not None:
            return named
        flow = registry.flow_saying(plain)
        if flow is None or flow.triggers.says_always:
            return flow
        return flow if flow.needs is None or not flow.needs(self) else None

    def _simple(self, command: str) -> str:
        if command == "status":
            return status_text(self.session, self.user)
        if command == "human":
            return self.ask_person(None)
        if self.worker() is not None:
            return msg.WORKER_HELP
        return msg.MENU

    def ask_person(self, region_code: str | None) -> str:
        """人工: a hand-off to the covering social workers; asks the county when unknown."""
        if person.needs_region(self, region_code):
            return self.start(registry.flows()["handoff"])
        return person.ask_person(self, region_code)

    def _route_by_nlu(self, text: str) -> str:
        if is_sad(text):  # 😭😭, [流泪], 苦啊: someone too upset for words yet
            return self._missed(msg.SAD_FACES)
        if (answer := faq.answer_whatever_read(text)) is not None:
            return answer  # 我是记者想采访一下, 我要退款
        found = self.services.nlu.interpret(text)
        intent = found.intent or ""
        if intent == "inform" and bare(text) in NEED_SAID_ALONE:
            intent = UNSURE_SIDE  # 教育, said first: a household's need, or a donor's choice?
        elif intent == "inform" and (cue := side_cue(text)) is not None:
            intent = cue[0]  # an answer with no question asked: "捐1000", "学费还差三千"
        elif found.confidence < MIN_CONFIDENCE:
            if self._vague_progress(text, found.ranking):  # 咋样了, 有消息吗: with a record,
                status = status_text(self.session, self.user, text)  # where it stands
                if not status.endswith(msg.NO_RECORDS):
                    return status
            if intent == "ask_about" and (answer := faq.answer_to_question(text)) is not None:
                return answer  # 多久能有人联系我: a doubtful question, but on a known topic
            if found.source == "rules" and (answer := faq.answer_without_model(text)):
                return answer  # 钱怎么给你们, with Rasa down: its topic and a question word
            if (answer := faq.answer_off_topic(text)) is not None:
                return answer  # 网贷还不上了 天天催: where to go
            return self._clarify(found.ranking)
        if intent == HELP and of_another_family(text):
            intent = UNSURE_SIDE  # 有个邻居老太太没人管: the question offers asking for them
        if intent in (UNSURE_SIDE, "greet") and self._waiting_for_person():
            return msg.HANDOFF_WAITING_KEPT  # 人呢, 我想问问我家的事: for the person coming
        if intent in (HELP, UNSURE_SIDE) and self._about_open_request(text):
            return status_text(self.session, self.user) + msg.OPEN_REQUEST_HINT  # 能不能快点
        entities: dict[str, Any] = found.entities
        if (flow := registry.flow_for_intent(intent)) is not None:
            if (answer := self._platform_question(text)) is not None:
                return answer  # 能告诉我受助人是谁吗: a question, not a request
            if intent == HELP and (open_case := self._open_case_told_again(text)) is not None:
                add_or_new = registry.flows()["add_or_new"]  # 情况又变了，他爸也病倒了
                slots = add_or_new.triggers.prefill(text, entities)
                return self.start(add_or_new, {**slots, "number": open_case})
            return self.start_from(flow, text, entities)
        replies = {
            "check_status": lambda: self._status_asked(text),
            "request_human": lambda: self._simple("human"),
            "greet": lambda: msg.GREETING,
            "thank": lambda: msg.THANKS,
            "affirm": lambda: msg.ACKNOWLEDGED,  # 好的, 收到, 👍 after a notice
            "deny": lambda: msg.ACKNOWLEDGED,  # 不用了
            "cancel": lambda: nothing_to_cancel(self.session, self.user),  # 不需要帮助了
            "ask_about": lambda: self._platform_answer(text, entities),
            "out_of_scope": lambda: (  # 我没有身份证怎么办: a question on a known topic
                faq.answer_off_topic(text)
                or faq.answer_to_question(text)
                or self._off_topic(text, found)
            ),
        }
        if intent in replies:
            return replies[intent]()
        return self._not_understood(text)

    def _platform_answer(self, text: str, entities: dict[str, Any]) -> str:
        """The answer about the platform; whether it works in a county (我们县有没有你们的人)
        is looked up for the county named, or the one of the user's latest request, or
        asked."""
        if faq.topic_of(text) != "coverage":
            return faq.answer(text)
        return self.start(registry.flows()["coverage"], county_named(text, entities))

    def _status_asked(self, text: str) -> str:
        """Where one's requests and pledges stand; a donor asking who was helped (我捐的钱帮了
        谁) is told first why the family is not named, one asking when it is paid (我捐的钱
        什么时候扣) how paying works."""
        status = status_text(self.session, self.user, text)
        if status == msg.NO_RECORDS and self._waiting_for_person():
            return msg.HANDOFF_WAITING_KEPT  # 怎么还没人理我: the person asked for
        if (topic := faq.topic_of(text)) not in ("beneficiary", "payment"):
            return status
        told = msg.FAQ[topic]
        return told if status == msg.NO_RECORDS else f"{told}\n\n{status}"

    @staticmethod
    def _vague_progress(text: str, ranking: list[tuple[str, float]]) -> bool:
        """Something short and vague that reads as progress (咋样了, 有消息吗, 我的事呢, 配上了吗,
        能不能快点): from someone with a request or a pledge, where it stands is the answer."""
        if len(bare(text)) > VAGUE_LENGTH or side_said(text) or detect_need_type(text):
            return False
        likely = any(name == "check_status" for name, _ in ranking[:3])
        return likely or PROGRESS_ASKED.search(text) is not None

    def _about_open_request(self, text: str) -> bool:
        """A household with a request open, asking for nothing new in so many words and
        naming no need (能不能快点，急用): about that request, not a new one."""
        if side_said(text) is not None or detect_need_type(text) is not None:
            return False
        return bool(attachments.open_cases(self.session, self.user))

    def _open_case_told_again(self, text: str) -> str | None:
        """The number of the sender's latest open request, when the text tells a need (added
        to it, or a new request?)."""
        if detect_need_type(text) is None:
            return None
        found = attachments.open_cases(self.session, self.user)
        return found[0].number if found else None

    def _clarify(self, ranking: list[tuple[str, float]]) -> str:
        """A numbered question on what a doubtful message meant; a social worker, whose
        messages are mostly commands, is pointed to them instead."""
        question = clarifying_question(ranking)
        if question is None or self.worker() is not None:
            return self._not_understood()
        return self._missed(question)

    def _off_topic(self, text: str, found: Interpretation) -> str:
        """What the service does not do, said plainly when the reading is sure (高铁票怎么退);
        otherwise, as for a message not understood, the menu."""
        said = SAID_IN_CHINESE.search(text) is not None  # not asdfgh, not English
        if found.confidence < SURE_OFF_TOPIC or not said or self.worker() is not None:
            return self._not_understood(text)
        return self._missed(msg.OFF_TOPIC)

    def _not_understood(self, text: str = "") -> str:
        """The menu; from the third miss in a row, a person is offered too. Written in a
        foreign language (I want to donate), it is said that the chat is in Chinese."""
        foreign = FOREIGN.fullmatch(text.strip()) is not None
        if foreign:
            return self._missed(msg.ONLY_CHINESE)
        worker = self.worker() is not None  # a social worker is pointed to the commands
        return self._missed(msg.NOT_UNDERSTOOD_WORKER if worker else msg.NOT_UNDERSTOOD)

    def _waiting_for_person(self) -> bool:
        """Whether the user asked for a person who has not taken it yet."""
        return handoffs.open_handoff_of(self.session, self.user) is not None

    def _missed(self, reply: str) -> str:
        """A reply to a message not understood (the menu or a clarifying question); from
        the third miss in a row, a person is offered too. While a person is on the way,
        the message is left for them."""
        if self._waiting_for_person():
            return msg.HANDOFF_WAITING_KEPT
        misses = self.services.store.add_miss(self.openid)
        return reply + (msg.OFFER_PERSON if misses >= MAX_FAILURES else "")

    # --- a flow is running -----------------------------------------------------------

    def start(self, flow: Flow, slots: dict[str, Any] | None = None) -> str:
        """Begin a flow for this user; returns its first question, or why there is nothing
        to do (its `needs` says so: nothing open to add to)."""
        if flow.needs is not None and (nothing := flow.needs(self)) is not None:
            return nothing
        slots = {**(flow.known(self) if flow.known else {}), **(slots or {})}
        consented = self.user.consent_version == self.services.settings.consent_version
        if flow.records_consent and consented:
            slots["consent"] = True
        state = ConversationState(flow=flow.name, step="", slots=slots)
        self.user.active_flow = flow.name
        return self._advance(flow, state)

    def start_from(self, flow: Flow, text: str, entities: dict[str, Any] | None = None) -> str:
        """Begin a flow with what a message already says (its trigger's prefill and its
        remarks); a flow started by its keyword or opener has no NLU entities."""
        slots = self._prefilled(flow, text, entities or {})
        remarked = self._remarked(flow, slots, text)
        return remarked + self.start(flow, slots)

    def _prefilled(self, flow: Flow, text: str, entities: dict[str, Any] | None = None) -> Slots:
        """What a message says for the flow's questions (its trigger's prefill), read from
        its words other than its remarks: 我耳朵听不见 tells how to reach a household, not
        its need."""
        rest = flow.without_remarks(text)
        if entities is None or rest != text:
            entities = self.services.nlu.interpret(rest).entities if rest else {}
        return flow.triggers.prefill(text, entities)

    def _leaves(self, flow: Flow, state: ConversationState, text: str, command: str | None) -> bool:
        """Whether a message leaves a flow the user did not start: a command, or (unless
        the flow asks again instead) anything that is not an answer to its question. One
        the step follows up with a question of its own (挺好的 → 打几分?) stays."""
        if command is not None or self._other_request(text):
            return True
        try:
            flow.step(state.step).parse(text, state)
        except Reprompt:
            return flow.leaves_on_unclear
        except Ask:
            return False
        except EndFlow:
            return False  # the flow ends itself (and hears why)
        return False

    def _in_flow(self, flow: Flow, state: ConversationState, text: str, command: str | None) -> str:
        if command == "cancel":
            self._ended(flow, state, "cancelled")
            return self._finish(flow.cancelled)
        if command == "back":
            return self._back(flow, state)
        if command == "keep":  # 不取消了: the question again
            return msg.NOT_CALLED_OFF + self._current_question(flow, state)
        if command == "restart" and flow.triggers.menu is not None:  # a request or a pledge
            self._ended(flow, state, "cancelled")
            return msg.RESTARTED + self.start(flow)
        if command == "pause":
            kept = self.services.settings.paused_ttl_seconds
            self.saved.save(state, kept)
            return msg.PAUSED.format(hours=kept // 3600) + self._current_question(flow, state)
        if command == "edit":
            return self._edit_menu(flow, state)
        if command == "human":
            return self._person_from_flow(flow, state)
        if command == "status":
            return self._status_in_flow(flow, state)
        if command == "menu":
            return self._simple(command) + msg.CONTINUE_PROMPT + self._current_question(flow, state)
        if (ran := self._command(text, staff_only=True)) is not None:
            if self.user.active_flow != flow.name:
                self._ended(flow, state, "left")
                return ran  # 代办: the command began another flow
            return ran + msg.CONTINUE_PROMPT + self._current_question(flow, state)
        if state.step not in (CONFIRM, EDIT) and (told := flow.step(state.step).guidance(text)):
            return told  # 在外打工的算不算: what to write, and the question stays
        if (answer := self._platform_question(text)) is not None:
            return answer + msg.CONTINUE_PROMPT + self._current_question(flow, state)
        if state.step == CONFIRM:
            return self._confirm(flow, state, text)
        if state.step == EDIT:
            return self._choose_edit(flow, state, text)
        return self._answer(flow, state, text)

    def _status_in_flow(self, flow: Flow, state: ConversationState) -> str:
        """Where the user's earlier requests and pledges stand, and the question again."""
        status = status_text(self.session, self.user)
        if status.endswith(msg.NO_RECORDS):
            status = msg.NO_RECORDS_BEFORE
        return status + msg.CONTINUE_PROMPT + self._current_question(flow, state)

    def _person_from_flow(self, flow: Flow, state: ConversationState) -> str:
        region = state.slots.get("region")
        region = region if isinstance(region, str) and len(region) == 6 else None
        if person.needs_region(self, region):
            self._finish("")
            return self.start(registry.flows()["handoff"])
        reply = person.ask_person(self, region)
        return reply + msg.CONTINUE_PROMPT + self._current_question(flow, state)

    @staticmethod
    def _platform_question(text: str) -> str | None:
        """A question about the platform asked in the middle of a flow ("要收费吗？"); not
        an answer that happens to mention a need ("住院费用怎么办？"); whether a gift may go
        to a family one knows, or whether we find work (你们能帮我介绍工作吗), asks that
        whatever need it names."""
        if detect_need_type(text) is not None and faq.topic_of(text) not in faq.ABOUT_A_NEED:
            return None
        return faq.answer_to_question(text)

    def _answer(self, flow: Flow, state: ConversationState, text: str) -> str:
        step = flow.step(state.step)
        if SAYS_WRONG.search(text) and (fixed := self._correct(flow, state, text, True)):
            return fixed  # 金额不对应该是三万五, at the name question
        remarked = self._remarked(flow, state.slots, text)
        try:
            value = step.parse(text, state)
        except Reprompt as exc:
            return remarked + self._no_answer(flow, state, text, exc, remarked != "")
        except Ask as exc:
            state.choices, state.context = exc.choices, exc.context
            self._save(state)
            return remarked + exc.question
        except EndFlow as exc:
            self._ended(flow, state, exc.outcome)
            return self._finish(exc.message)
        if step.name == "consent" and flow.records_consent:
            record_consent(self.session, self.user, self.services.settings.consent_version)
        state.slots[step.name] = value
        if step.also_fills is not None:
            extra = step.also_fills(text)
            state.slots.update({k: v for k, v in extra.items() if k not in state.slots})
        _keep_told_along(flow, state, text)
        state.errors, state.choices, state.context = 0, [], ""
        return remarked + self._advance(flow, state)

    def _no_answer(
        self, flow: Flow, state: ConversationState, text: str, exc: Reprompt, remarked: bool
    ) -> str:
        """A text the step could not read: perhaps a correction, the other side, a story,
        an answer to another question or a remark (kept, and the question asked again);
        else the step's own re-prompt."""
        if (corrected := self._correct(flow, state, text, midway=True)) is not None:
            return corrected  # 刚才人口说错了，是六口: an earlier answer, not this one
        if (switched := self._other_side(flow, state, text)) is not None:
            return switched  # 我是想资助别人家的娃, at the help request's first question
        if asks_after_earlier(text):  # 之前我提交过一次 有结果了吗, at the county question
            return self._status_in_flow(flow, state)
        if found := self._story_kept(flow, state, text):  # 孙子耳朵聋了…, at the consent question
            return _noted(flow, found) + exc.message
        if (kept := self._said_for_another(flow, state, text)) is not None:
            return kept  # 每个月500 at the need question: the sum, said early
        if self._story_added(flow, state, text):  # 家里就我一个人种地…, at the amount question
            return msg.STORY_ADDED + self._current_question(flow, state)
        if remarked:  # 我听不见 有事发短信, at the amount question
            self._save(state)
            return self._current_question(flow, state)
        if (said := small_talk(text)) in ("greet", "thank"):  # 你好, 谢谢: no wrong answer
            return msg.SMALL_TALK_IN_FLOW[said] + self._current_question(flow, state)
        state.errors += 1
        self._save(state)
        return exc.message + (msg.OFFER_PERSON if state.errors >= MAX_FAILURES else "")

    @staticmethod
    def _remarked(flow: Flow, slots: dict[str, Any], text: str) -> str:
        """What the text remarks in passing (the flow's `remarks`), added to the slots; what
        the user is told of it, or "" when it remarks nothing new."""
        told = ""
        for remark in flow.remarks:
            said = mask_numbers(remark.found(text) or "")
            kept = slots.get(remark.name, "")
            if not said or said in kept:
                continue
            slots[remark.name] = added_to_note(kept, said)
            told += msg.REMARK_NOTED.format(said=said)
        return told

    @staticmethod
    def _other_request(text: str) -> bool:
        """The text starts another flow by its keyword, or is a chat command."""
        if registry.flow_for_keyword(bare(text)) is not None:
            return True
        return any(command.pattern.match(text.strip()) for command in registry.commands())

    def _ended(self, flow: Flow, state: ConversationState, outcome: str) -> None:
        if flow.on_end is not None:
            flow.on_end(self, state.slots, outcome)

    def _advance(self, flow: Flow, state: ConversationState) -> str:
        """Ask the first unanswered question, or show the summary when all are answered."""
        pending = flow.pending(state.slots)
        if not pending and not flow.confirm:
            return self._submit(flow, state)
        state.step = pending[0].name if pending else CONFIRM
        self._save(state)
        return self._current_question(flow, state)

    def _current_question(self, flow: Flow, state: ConversationState) -> str:
        if state.step == CONFIRM:
            return flow.summary(state.slots)
        if state.step == EDIT:
            return msg.EDIT_MENU.format(options=self._edit_options(flow, state))
        return flow.step(state.step).question(state.slots)

    def _confirm(self, flow: Flow, state: ConversationState, text: str) -> str:
        answer = confirm_answer(text)
        if answer is None:  # 还是匿名吧, 地区改成甘肃: one answer changed, and the summary again
            changed = self._correct(flow, state, text) or self._said_for_another(flow, state, text)
            return changed or msg.CONFIRM_REPROMPT
        if answer is False:
            return self._edit_menu(flow, state)
        return self._submit(flow, state)

    def _submit(self, flow: Flow, state: ConversationState) -> str:
        """Submit the answers; the flow ends unless its submit started another one. If it
        fails, the answers stay and the user can confirm again."""
        reply = flow.submit(self, state.slots)
        if self.user.active_flow == flow.name:
            self._finish("")
        return reply

    def _back(self, flow: Flow, state: ConversationState) -> str:
        answered = flow.editable(state.slots)
        if state.step not in (CONFIRM, EDIT):
            order = [s.name for s in flow.steps]
            current = order.index(state.step)
            answered = [s for s in answered if order.index(s.name) < current]
        if not answered:
            return msg.NOTHING_TO_GO_BACK + "\n" + self._current_question(flow, state)
        previous = answered[-1]
        del state.slots[previous.name]
        return self._ask_again(state, previous)

    def _ask_again(self, state: ConversationState, step: Step) -> str:
        """Make an answered question the current one again, afresh, and ask it."""
        state.step, state.errors, state.choices, state.context = step.name, 0, [], ""
        self._save(state)
        return step.question(state.slots)

    def _edit_options(self, flow: Flow, state: ConversationState) -> str:
        steps = flow.editable(state.slots)
        return "\n".join(
            f"{i} {s.label}：{s.show(state.slots[s.name])}" for i, s in enumerate(steps, start=1)
        )

    def _edit_menu(self, flow: Flow, state: ConversationState) -> str:
        if not flow.editable(state.slots):
            return msg.NOTHING_TO_GO_BACK + "\n" + self._current_question(flow, state)
        state.step, state.choices, state.context = EDIT, [], ""
        self._save(state)
        return msg.EDIT_MENU.format(options=self._edit_options(flow, state))

    def _choose_edit(self, flow: Flow, state: ConversationState, text: str) -> str:
        steps = flow.editable(state.slots)
        number = menu_number(text, len(steps))
        if number is None:
            return self._correct(flow, state, text) or msg.BAD_EDIT_CHOICE.format(
                options=self._edit_options(flow, state)
            )
        return self._ask_again(state, steps[number - 1])

    def _correct(
        self, flow: Flow, state: ConversationState, text: str, midway: bool = False
    ) -> str | None:
        """A correction that names one answer ("电话写错了，是138…", "改名字"): the new answer
        is taken when it follows 是 or 改成, else that question is asked again (at the
        summary; midway, the current question stays). None when it names no answer, or
        several, or midway without a new answer."""
        named = [step for step in flow.editable(state.slots) if step.named_in(text)]
        if len(named) != 1:
            return None
        step, found = named[0], NEW_VALUE.search(text)
        said = text[found.end() :].strip("，,。 ") if found is not None else ""
        try:
            if not said or NOT_A_VALUE.search(said):
                raise Reprompt("")
            state.slots[step.name] = step.parse(said, state)
        except (Reprompt, Ask, EndFlow):
            return None if midway else self._ask_again(state, step)
        return msg.CORRECTED + self._advance(flow, state)

    def _said_for_another(self, flow: Flow, state: ConversationState, text: str) -> str | None:
        """An answer to another question, given at this one: kept, and this one asked
        again. Said early (每个月500 at the need question), it is noted; said again,
        short and different, for a question already answered (两万 at the place question,
        after 一万多 at the amount one), it replaces that answer. Once it is found
        unmistakable, the step's own parser reads it, so that what it notes on the way is
        kept too (每个月500: a donor who means to give again)."""
        # Said again: short, and not digits alone (12345 at the phone question is a typo).
        plain = bare(text)
        restatable = len(plain) <= RESTATED_LENGTH and not plain.isdigit()
        for other in [*flow.pending(state.slots), *flow.editable(state.slots)]:
            if other.fills_ahead is None or other.name == state.step:
                continue
            answered = other.name in state.slots
            if answered and not restatable:
                continue
            if (value := other.fills_ahead(text)) is None:
                continue
            with suppress(Reprompt):
                value = other.parse(text, state)
            if answered and value == state.slots[other.name]:  # 医疗, said again
                said_again = msg.ALREADY_NOTED.format(label=other.label, value=other.show(value))
                return said_again + self._current_question(flow, state)
            state.slots[other.name] = value
            said = msg.RESTATED if answered else msg.NOTED_AHEAD
            noted = said.format(label=other.label, value=other.show(value))
            if (went_along := self._went_along(flow, state)) is not None:
                return noted + went_along
            self._save(state)
            return noted + self._current_question(flow, state)
        return None

    def _went_along(self, flow: Flow, state: ConversationState) -> str | None:
        """What the question proposed, taken when the user answered a later one instead
        (the county, at 听起来主要是「教育助学」…对吗？); then the next question. None when
        the question proposes nothing."""
        if state.step in (CONFIRM, EDIT):  # 还是匿名吧, at the summary: nothing proposed
            return None
        step = flow.step(state.step)
        if step.proposed is None or (value := step.proposed(state.slots)) is None:
            return None
        state.slots[step.name] = value
        state.errors, state.choices, state.context = 0, [], ""
        taken = msg.PROPOSAL_TAKEN.format(label=step.label, value=step.show(value))
        return taken + self._advance(flow, state)

    def _other_side(self, flow: Flow, state: ConversationState, text: str) -> str | None:
        """The other side said in so many words at a help request's or a pledge's first
        question (the bot had read the first message the wrong way): that side's flow,
        started from this message, in place of this one."""
        side = side_said(text)
        other = registry.flow_for_intent(side) if side is not None else None
        sides = (registry.flow_for_intent(HELP), registry.flow_for_intent(GIVE))
        if other is None or other is flow or flow not in sides or state.step != flow.steps[0].name:
            return None
        self._ended(flow, state, "cancelled")
        entities = self.services.nlu.interpret(text).entities
        return msg.OTHER_SIDE + self.start_from(other, text, entities)

    def _story_kept(self, flow: Flow, state: ConversationState, text: str) -> Slots:
        """What a first message would have said, told at the flow's first question (the
        need, the sum, the place at the consent question): kept, so it is not asked for
        again. What was kept. A lone menu digit tells nothing (3 is no sum)."""
        if state.step != flow.steps[0].name or re.fullmatch(r"\d{1,2}", bare(text)):
            return {}
        found = self._prefilled(flow, text)
        found = {key: value for key, value in found.items() if key not in state.slots}
        state.slots.update(found)
        if found:
            self._save(state)
        return found

    def _story_added(self, flow: Flow, state: ConversationState, text: str) -> bool:
        """More of the user's own account, told at a later question: added to the flow's
        story (within its step's length) and kept. Whether it was added."""
        kept = state.slots.get(flow.story or "")
        if not kept or not tells_more_of_story(text, flow.without_remarks(text)):
            return False
        if not add_to_story(state.slots, cast(str, flow.story), text):
            return False
        self._save(state)
        return True

    def _save(self, state: ConversationState) -> None:
        ttl = registry.flows()[state.flow].ttl_seconds
        self.saved.save(state, ttl)

    def _finish(self, reply: str) -> str:
        self.saved.clear()
        self.user.active_flow = None
        return reply


def _noted(flow: Flow, kept: Slots) -> str:
    """What the user is told of answers kept ahead of their questions: the one answer kept
    (好的，所在地区记下了：…), or that their account is noted."""
    names = {step.name: step for step in flow.steps}
    if len(kept) == 1 and (name := next(iter(kept))) in names and name != flow.story:
        step = names[name]
        return msg.NOTED_AHEAD.format(label=step.label, value=step.show(kept[name]))
    return msg.STORY_NOTED


# An answer long enough to tell more than one thing (宕昌县的家里五口人我叫包红梅).
TOLD_ALONG_LENGTH = 8


def _keep_told_along(flow: Flow, state: ConversationState, text: str) -> None:
    """Answers to questions still to come, told with this one (我们是甘肃陇南宕昌县的家里五口人
    我叫包红梅, at the county question): what the flow's first message would have taken from
    the text, kept for the later questions that say they can be (`Step.told_along`: the
    household's size, the name, an ID or a mobile number), so they are not asked."""
    if len(bare(text)) < TOLD_ALONG_LENGTH:
        return
    ahead = {step.name for step in flow.pending(state.slots) if step.told_along}
    found = flow.triggers.prefill(text, extract_entities(text)) if ahead else {}
    state.slots.update({key: value for key, value in found.items() if key in ahead})
