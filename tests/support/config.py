"""Where the tests find their services, and the secrets of the test WeChat account."""

import os

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
