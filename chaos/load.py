"""The mixed load: households to a case number, donors to a pledge number, a social worker
verifying the cases as they come, every message through the stand-in as WeChat delivers it
(signed, retried when the reply is late). With `duplicates`, each message is also delivered
again at once and once more after the user's next message (a retry out of order)."""

from __future__ import annotations

import itertools
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import requests

from bench.webhook_load import PLEDGE, help_script

_MSG_IDS = itertools.count(int(time.time() * 1000) % 10**12 * 1000)
_CASE_NUMBER = re.compile(r"Q\d{6}")


@dataclass(frozen=True)
class Sent:
    openid: str
    text: str
    msg_id: int
    at: float
    seconds: float
    status: int | None
    reply: str | None


@dataclass
class Load:
    standin_url: str
    duplicates: bool = False
    pause: float = 0.6  # seconds a user takes to read and type: faults land mid-conversation
    sent: list[Sent] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def say(self, openid: str, text: str, msg_id: int | None = None) -> Sent:
        msg_id = msg_id or next(_MSG_IDS)
        start = time.time()
        try:
            body = requests.post(
                f"{self.standin_url}/standin/send",
                json={"openid": openid, "text": text, "msg_id": msg_id},
                timeout=30,
            ).json()
        except (requests.RequestException, ValueError):
            body = {"status": None, "reply": None}
        sent = Sent(openid, text, msg_id, start, time.time() - start, body["status"], body["reply"])
        with self.lock:
            self.sent.append(sent)
        return sent

    def script(self, openid: str, lines: list[str]) -> list[Sent]:
        said: list[Sent] = []
        for text in lines:
            said.append(self.say(openid, text))
            time.sleep(self.pause)
            if self.duplicates:
                self._deliver_again(said)
        return said

    def _deliver_again(self, said: list[Sent]) -> None:
        latest = said[-1]
        threading.Thread(target=self.say, args=(latest.openid, latest.text, latest.msg_id)).start()
        if len(said) >= 2:  # the one before, once more, after this one: out of order
            earlier = said[-2]
            self.say(earlier.openid, earlier.text, earlier.msg_id)


def run(load: Load, prefix: str, households: int, donors: int, worker: str | None) -> list[str]:
    """Households and donors at once; the worker verifies each case filed. Case numbers."""
    numbers: list[str] = []

    def household(i: int) -> None:
        replies = load.script(f"{prefix}_h{i}", help_script(i + int(time.time())))
        found = _CASE_NUMBER.search(replies[-1].reply or "") if replies else None
        if found:
            numbers.append(found.group(0))
            if worker is not None:
                load.say(worker, f"核实 {found.group(0)}")

    def donor(i: int) -> None:
        load.script(f"{prefix}_d{i}", PLEDGE)

    with ThreadPoolExecutor(max_workers=households + donors) as pool:
        jobs = [pool.submit(household, i) for i in range(households)]
        jobs += [pool.submit(donor, i) for i in range(donors)]
        for job in jobs:
            job.result()
    return numbers
