"""The objects a web process shares: settings, Redis, database, NLU client, dispatcher."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app
from redis import Redis

import compose
from config.settings import Settings
from conversation.engine import Services
from storage.db import POOL_SIZE
from web.delivery import Dispatcher
from web.warmup import Warmup


@dataclass
class Runtime:
    settings: Settings
    services: Services
    dispatcher: Dispatcher
    warmup: Warmup | None = None

    @property
    def ready(self) -> bool:
        """Warmed up (or not asked to: tests and the CLI)."""
        return self.warmup is None or self.warmup.ready

    def close(self) -> None:
        """Release connections and threads (tests build many apps in one process)."""
        if self.warmup is not None:
            self.warmup.stop()
        self.dispatcher.close()
        self.dispatcher.follow_ups.close()
        compose.close(self.services)


def build_runtime(settings: Settings, warm: bool) -> Runtime:
    services = compose.build(settings)
    built = Runtime(settings, services, Dispatcher(services, Redis.from_url(settings.redis_url)))
    if warm:
        built.warmup = Warmup(services, built.dispatcher, POOL_SIZE)
        built.warmup.start()
    return built


def runtime() -> Runtime:
    return current_app.extensions["zhulian"]
