"""Where the tests find their services, and the secrets of the test WeChat account."""

import os
import uuid
from collections.abc import Iterator

import psycopg

from storage import crypto

TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
PG_ADMIN_URL = os.environ.get(
    "TEST_POSTGRES_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
DATABASES = os.environ.get("TEST_DATABASES", "sqlite,postgresql").split(",")
TEST_TOKEN = "test-token"
TEST_APP_ID = "wxtest0000000001"
TEST_SECRET = "test-secret"
TEST_KEY = crypto.generate_key()


def postgres_database() -> Iterator[str]:
    """A new, empty PostgreSQL database for as long as the generator runs; dropped after."""
    name = f"zhulian_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    base = PG_ADMIN_URL.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
