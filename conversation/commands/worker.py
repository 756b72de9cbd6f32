"""A social worker's commands: cases (待核实 查看 核实 驳回 补充 记录 金额 致贫 回访 跟进), matches
(确认 拒绝 送达 M…), pledges and matches to look at (查看 J… / M…), 代办, 统计, 解绑."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

import messages as msg
from conversation.commands import Command, Who
from conversation.matches import match_command
from conversation.records import RecordViewer
from conversation.social_work import WorkerCommands
from nlu.amounts import parse_amount

if TYPE_CHECKING:
    from conversation.engine import Conversation

Run = Callable[["Conversation", re.Match[str]], str | None]


def _on_case(action: str) -> Run:
    def run(conversation: Conversation, found: re.Match[str]) -> str:
        rest = (found.group(2) or "").strip()
        return WorkerCommands(conversation).on_case(action, found.group(1), rest)

    return run


def _plain(method: Callable[[WorkerCommands], str]) -> Run:
    return lambda conversation, _found: method(WorkerCommands(conversation))


def _view_other(conversation: Conversation, found: re.Match[str]) -> str:
    viewer = RecordViewer(conversation, conversation.worker_prefixes())
    record_id, full = int(found.group(2)), found.group(3) is not None
    if found.group(1).upper() == "J":
        return viewer.pledge(record_id, full)
    return viewer.match(record_id, full)


# Words around a command that are no note (好的 确认一下M2; 麻烦帮我核实Q3)
_FILLER = re.compile(r"^(?:(?:好的?|嗯+|行|可以|那就|麻烦|请|帮我)[，,\s]*)+", re.I)


def _as_command(conversation: Conversation, found: re.Match[str]) -> str:
    """An action on a case or a match said in a sentence (已经上门看过了，情况属实，核实一下
    Q000002; 好的 确认一下M2): the command it stands for, to check and send; nothing is done
    from a sentence."""
    action = found.group(1)
    return _suggested(action, found.group(2), int(found.group(3)), found.group(0), said=action)


def _suggested(action: str, letter: str, number: int, text: str, said: str = "") -> str:
    """The command for a record said in a sentence, the rest of the sentence (without the
    record's number, the action's word and what is said around it) as its note."""
    number_said = rf"{letter}\s*0*{number}(?:的|号)?"
    words = rf"(?:{said})(?:一下)?|{number_said}" if said else number_said
    note = _FILLER.sub("", re.sub(words, "", text).strip(" ，,。；;：:"))
    if action == "金额" and (amount := parse_amount(note)) is not None:  # Q2的金额改成三万
        note = str(amount)
    record = f"{letter.upper().replace('Ｑ', 'Q')}{number:06d}"
    command = f"{action} {record}" + (f" {note}" if note else "")
    return msg.WORKER_COMMAND_FORMAT.format(
        action=msg.ACTION_SAID.get(action, action), command=command
    )


def _in_a_sentence(actions: tuple[str, ...], letters: str) -> str:
    """One of the actions and a record number, anywhere in a sentence."""
    return rf"^(?=.*?({'|'.join(actions)}))(?=.*?([{letters}])\s*(\d{{1,6}})(?!\d)).+$"


MATCH_ACTIONS = ("确认", "拒绝", "送达")


def _rejection(conversation: Conversation, found: re.Match[str]) -> str:
    """Q3 情况不属实: the 驳回 command it stands for, the sentence as the reason."""
    return _suggested("驳回", found.group(1), int(found.group(2)), found.group(0))


def _worker(name: str, pattern: str, run: Run, priority: int = 70) -> Command:
    return Command(name, re.compile(pattern, re.S), run, Who.WORKER, priority)


COMMANDS = (
    _worker(
        "配对", rf"^({'|'.join(MATCH_ACTIONS)})\s*[Mm]\s*(\d+)\s*(.*)$", match_command, priority=80
    ),
    _worker("查看记录", r"^查看\s*([JjMm])\s*(\d+)\s*(全部)?\s*$", _view_other, priority=80),
    *(
        _worker(action, rf"^{action}\s*[QqＱ]?\s*(\d+)\s*(.*)$", _on_case(action))
        for action in WorkerCommands.CASE_ACTIONS
    ),
    # a record's number alone is looking it up (Q000297 → 查看 Q000297, masked), and so is
    # asking to see it in other words (看看Q3, 查一下 Q000297); seeing all of it is said as such
    _worker("编号", r"^[QqＱ]\s*(\d{6})\s*(全部)?\s*$", _on_case("查看")),
    _worker(
        "查看说法",
        r"^(?:看看|看下|看一下|查一下|查下|查查|调出|打开)\s*[QqＱ]\s*(\d{1,6})(?:的?(?:详情|情况|资料))?()\s*$",
        _on_case("查看"),
    ),
    _worker("编号记录", r"^([JjMm])\s*(\d{6})\s*(全部)?\s*$", _view_other),
    _worker("待核实", r"^待核实$", _plain(WorkerCommands.pending)),
    _worker("统计", r"^统计$", _plain(WorkerCommands.stats)),
    _worker("解绑", r"^解绑$", _plain(WorkerCommands.unbind)),
    _worker("代办", r"^代办$", _plain(WorkerCommands.file_on_behalf)),
    _worker("命令格式", _in_a_sentence(WorkerCommands.CASE_ACTIONS, "QqＱ"), _as_command, 20),
    _worker("配对命令格式", _in_a_sentence(MATCH_ACTIONS, "Mm"), _as_command, priority=20),
    # a case found untrue, said in a sentence (Q3 情况不属实): 驳回 is what it stands for
    _worker(
        "驳回说法",
        r"^(?=.*?([QqＱ])\s*(\d{1,6})(?!\d))(?=.*?(?:不属实|不符合|不真实|是假的|造假|虚报)).+$",
        _rejection,
        priority=19,
    ),
    # the plain commands in other words (要核实的有哪些, 今天有啥新的求助吗, 看看统计, 怎么驳回)
    _worker(
        "待核实说法",
        r"^.{0,8}(?:待|要|需要|等着|等待|没)核实.{0,8}$"
        r"|^.{0,8}(?:新的?|新来的|最新的?)(?:求助|案子|案件|申请|单子).{0,8}$"
        # what there is to do (有什么要我处理的, 我的待办)
        r"|^.{0,8}(?:要我处理|需要处理|要处理|待处理|待办|我的任务|有什么任务|有啥任务).{0,6}$",
        _plain(WorkerCommands.pending),
        priority=15,
    ),
    _worker("统计说法", r"^.{0,6}统计.{0,6}$", _plain(WorkerCommands.stats), priority=15),
    _worker(
        "负责地区说法",
        r"^.{0,4}(?:我负责|我管)(?:哪些|哪几个|哪个|什么)?(?:地方|地区|县|区域).{0,4}$",
        _plain(WorkerCommands.coverage),
        priority=15,
    ),
    _worker(
        "社工帮助说法",
        r"^.{0,6}(?:怎么|如何|咋)(?:用|操作|核实|驳回|补充|记录|确认|送达|代办|查看).{0,6}$"
        r"|^.{0,4}(?:命令|指令)(?:有哪些|是什么|列表)?.{0,4}$",
        lambda c, f: msg.WORKER_HELP,
        priority=15,
    ),
    _worker(
        "社工帮助",
        r"^(社工帮助|查看|核实|驳回|补充|记录|金额|致贫|回访|跟进)$",
        lambda c, f: msg.WORKER_HELP,
        priority=15,  # a bare word, in a flow an answer (金额 at the summary: change it)
    ),
)
