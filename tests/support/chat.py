"""What many end-to-end tests do: a household's usual answers, filing a case through the
chat, running the queued jobs like the worker, and reading what was pushed to someone."""

from __future__ import annotations

from redis import Redis

from config.queues import MATCHER_QUEUE, NOTIFY_QUEUE
from config.settings import load_settings
from jobs import worker
from tests.support.wechat import WeChatUser

HOUSEHOLD_ANSWERS = (
    "同意",
    "1",
    "孩子他爸住院做手术，家里拿不出钱",
    "两万",
    "甘肃定西通渭县",
    "五口人",
    "王秀英",
    "11010519491231002X",
    "13800138000",
)


def run_worker(redis_url: str) -> None:
    """Run every queued job (matcher first, then notifications) with the service's own
    worker, its jobs sharing one set of services as they do in production."""
    with Redis.from_url(redis_url) as connection:
        worker.run(load_settings(), connection, (MATCHER_QUEUE, NOTIFY_QUEUE), burst=True)


def file_case(
    household: WeChatUser, id_number: str = "11010519491231002X", region: str = "甘肃定西通渭县"
) -> str:
    household.say("我想求助")
    answers = list(HOUSEHOLD_ANSWERS)
    answers[answers.index("11010519491231002X")] = id_number
    answers[answers.index("甘肃定西通渭县")] = region
    replies = household.conversation(*answers, "确认")
    return replies[-1].split("编号是 ")[1][:7]


def pushed_texts(user: WeChatUser) -> list[str]:
    return [m.get("content") or str(m.get("data")) for m in user.pushed()]


def proposal_for(worker: WeChatUser) -> str:
    """The number of the first match proposed to the worker (M000001)."""
    notice = next(t for t in pushed_texts(worker) if "配对建议" in t)
    return notice.split("配对建议 ")[1][:7]


def money_match_proposed(
    household: WeChatUser, donor: WeChatUser, worker: WeChatUser, redis_url: str
) -> str:
    """A verified 20000-yuan case, a 5000-yuan pledge for anywhere, and the proposal the
    matcher made to the worker; returns the match number."""
    case = file_case(household)
    assert "已核实" in worker.say(f"核实 {case}")
    donor.conversation("我想捐五千", "1", "不限", "匿名", "不留", "确认")
    run_worker(redis_url)
    return proposal_for(worker)
