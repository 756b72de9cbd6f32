"""The objects a web process shares: settings, Redis, database, NLU client, dispatcher."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app
from redis import Redis

import compose
from config.settings import Settings
from conversation.engine import Services
from web.delivery import Dispatcher


@dataclass
class Runtime:
    settings: Settings
    services: Services
    dispatcher: Dispatcher

    def close(self) -> None:
        """Release connections and threads (tests build many apps in one process)."""
        self.dispatcher.close()
        self.dispatcher.jobs.close()
        compose.close(self.services)


def build_runtime(settings: Settings) -> Runtime:
    services = compose.build(settings)
    return Runtime(settings, services, Dispatcher(services, Redis.from_url(settings.redis_url)))


def runtime() -> Runtime:
    return current_app.extensions["zhulian"]
