"""The one composition root: the web app, the RQ worker's jobs, the scheduler and the CLI
all build their services here, from one `Settings`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from redis import Redis

from config.settings import Settings, load_settings
from conversation.engine import Services
from conversation.state import ConversationStore
from nlu.client import NluClient
from storage import crypto
from storage.db import Database
from storage.files import file_store


def build(settings: Settings | None = None) -> Services:
    """Services for one process: the cipher configured, a database, Redis, the NLU client."""
    settings = settings or load_settings()
    crypto.configure(settings.data_encryption_key)
    database = Database()
    database.configure(settings.database_url)
    redis = Redis.from_url(
        settings.redis_url, decode_responses=True, socket_timeout=2, socket_connect_timeout=2
    )
    return Services(
        settings=settings,
        redis=redis,
        db=database,
        nlu=NluClient(settings.nlu_url, settings.nlu_timeout_seconds),
        store=ConversationStore(redis, settings.conversation_ttl_seconds),
        files=file_store(settings.media_dir, settings.media_s3_url),
    )


def close(services: Services) -> None:
    services.redis.close()
    services.db.dispose()


# The worker process's own services, shared by its jobs (see `kept_for_jobs`).
_kept: Services | None = None


@contextmanager
def kept_for_jobs(settings: Settings) -> Iterator[Services]:
    """While open, every job of this process shares one set of services: the RQ worker runs
    its jobs one after another in its own process, so its database pool and Redis connection
    serve them all instead of being built and torn down (with a new PostgreSQL backend) per
    job."""
    global _kept
    _kept = build(settings)
    try:
        yield _kept
    finally:
        close(_kept)
        _kept = None


@contextmanager
def opened(settings: Settings | None = None) -> Iterator[Services]:
    """Services for one background job: the process's kept ones, or new ones closed when it
    ends."""
    if _kept is not None:
        yield _kept
        return
    services = build(settings)
    try:
        yield services
    finally:
        close(services)
