"""A web worker loads what it needs before it serves its first message, so that the first
minute after a start is as fast as the rest.

Before the first request (in the factory, a second or so): the region index, the
normalisers and lexicons, the conversation flows, the cipher, a full pool of database
connections, Redis and the delivery ledger's scripts. In the background, as soon as Rasa
answers: Rasa's first parses (the client's connections, and Rasa's own lazy loading), then
one whole turn of a conversation in a transaction that is rolled back, so SQLAlchemy has
compiled the statements a message runs. `/healthz` reports `ready` once both are done."""

from __future__ import annotations

import logging
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import text

from conversation import registry
from conversation.engine import Conversation, Services
from nlu import server
from nlu.entities import extract_entities
from nlu.regions import is_known_id_prefix, region_index
from nlu.text import normalise_text
from storage import crypto
from storage.repositories import arrival
from web.delivery import Dispatcher

log = logging.getLogger(__name__)

# What people send first: each warms a different path (a request, an offer, a status
# question, a sentence full of entities).
SAMPLES = ("我想求助", "我想捐两千", "进度", "甘肃定西通渭县的娃上学还差两千 13800138000")
NLU_WAIT_SECONDS = 300


class Warmup:
    def __init__(self, services: Services, dispatcher: Dispatcher, connections: int) -> None:
        self._services = services
        self._dispatcher = dispatcher
        self._connections = connections
        self._done = threading.Event()
        self._stopped = threading.Event()

    @property
    def ready(self) -> bool:
        return self._done.is_set()

    def stop(self) -> None:
        """Stop waiting for the NLU (the app is being closed)."""
        self._stopped.set()

    def start(self) -> None:
        """Warm what is local now; the NLU and a whole turn in the background."""
        started = time.perf_counter()
        self._local()
        log.info("worker %s warm in %.2f s; warming the NLU", os.getpid(), self._since(started))
        threading.Thread(target=self._background, name="warmup", daemon=True).start()

    @staticmethod
    def _since(started: float) -> float:
        return time.perf_counter() - started

    def _local(self) -> None:
        region_index()
        is_known_id_prefix("110105")  # the address codes ID cards may carry
        for sample in SAMPLES:
            extract_entities(normalise_text(sample))
        registry.flows()
        crypto.cipher().decrypt(crypto.cipher().encrypt(SAMPLES[0]))
        self._services.redis.ping()
        self._dispatcher.ledger.load_scripts()
        self._fill_pool()

    def _fill_pool(self) -> None:
        """Open the pool's connections now, all at once, rather than on the first messages."""
        engine = self._services.db.engine

        def ping(_: int) -> None:
            with engine.connect() as connection:
                connection.execute(text("SELECT 1"))
                time.sleep(0.05)  # hold it, so that the others open their own

        with ThreadPoolExecutor(max_workers=self._connections) as pool:
            list(pool.map(ping, range(self._connections)))

    def _background(self) -> None:
        started = time.perf_counter()
        try:
            deadline = time.monotonic() + NLU_WAIT_SECONDS
            while not server.is_ready(self._services.nlu.base_url, timeout=2):
                if time.monotonic() > deadline:
                    log.warning("the NLU did not answer; ready without it (rules answer)")
                    return
                if self._stopped.wait(0.5):
                    return
            for sample in SAMPLES:
                self._services.nlu.interpret(normalise_text(sample))
            self._one_turn()
            log.info("worker %s ready in %.2f s", os.getpid(), self._since(started))
        except Exception:
            log.exception("warm-up did not finish; serving anyway")
        finally:
            self._done.set()

    def _one_turn(self) -> None:
        """A first message of a made-up user, rolled back: nothing stays."""
        openid = f"warmup-{os.getpid()}"
        with self._services.db.rolled_back() as session:
            arrived = arrival(session, f"warmup:{openid}", openid)
            Conversation(self._services, session, openid, arrived).reply_to_text(SAMPLES[0])
        self._services.store.clear(openid)
