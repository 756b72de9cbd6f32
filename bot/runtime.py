"""The objects a web process shares: settings, Redis, database, NLU client, dispatcher."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app
from redis import Redis

from bot.delivery import Dispatcher
from config.settings import Settings
from handlers.conversation import Services
from handlers.state import ConversationStore
from nlu.client import NluClient
from storage import crypto
from storage.db import Database


@dataclass
class Runtime:
    settings: Settings
    services: Services
    dispatcher: Dispatcher

    def close(self) -> None:
        """Release connections and threads (tests build many apps in one process)."""
        self.dispatcher.close()
        self.services.redis.close()
        self.dispatcher.jobs.close()
        self.services.db.dispose()


def build_runtime(settings: Settings) -> Runtime:
    crypto.configure(settings.data_encryption_key)
    database = Database()
    database.configure(settings.database_url)
    redis = Redis.from_url(
        settings.redis_url, decode_responses=True, socket_timeout=2, socket_connect_timeout=2
    )
    services = Services(
        settings=settings,
        redis=redis,
        db=database,
        nlu=NluClient(settings.nlu_url, settings.nlu_timeout_seconds),
        store=ConversationStore(redis, settings.conversation_ttl_seconds),
    )
    return Runtime(settings, services, Dispatcher(services, Redis.from_url(settings.redis_url)))


def runtime() -> Runtime:
    return current_app.extensions["zhulian"]
