"""All configuration, read once from the environment (and `.env` when present).

Development is lenient (missing secrets get safe local defaults); production
(`ZHULIAN_ENV=production`) refuses to start without the secrets WeChat and the
data encryption need.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from dotenv import load_dotenv

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# Fixed development secrets so a fresh checkout runs without setup; production refuses them.
DEV_ENCRYPTION_KEY = "zWl1y9y3rH8Gm2b0dW5nVbq7mC0X3oYJm5nE7tM3w0Q="  # noqa: S105
DEV_WECHAT_TOKEN = "zhulian-dev-token"  # noqa: S105
DEV_APP_SECRET = "zhulian-dev-secret"  # noqa: S105
DEV_SECRET_KEY = "zhulian-dev-console-session-key"  # noqa: S105


class SettingsError(RuntimeError):
    """Raised when the environment cannot produce a usable configuration."""


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    try:
        return int(raw) if raw else default
    except ValueError as exc:
        raise SettingsError(f"{name} must be an integer, got {raw!r}") from exc


def _str(name: str, default: str = "") -> str:
    """The variable's value, or the default when it is unset or empty."""
    return os.environ.get(name, "").strip() or default


@dataclass(frozen=True)
class Settings:
    env: str = "development"
    wechat_token: str = DEV_WECHAT_TOKEN
    wechat_app_id: str = "wxzhuliandev000001"
    wechat_app_secret: str = DEV_APP_SECRET
    wechat_encoding_aes_key: str = ""
    wechat_previous_aes_key: str = ""
    wechat_api_base_url: str = "https://api.weixin.qq.com"
    database_url: str = f"sqlite:///{PROJECT_ROOT / 'var' / 'zhulian.db'}"
    redis_url: str = "redis://127.0.0.1:6379/0"
    nlu_url: str = "http://127.0.0.1:5005"
    nlu_timeout_seconds: float = 1.5
    web_port: int = 8000
    data_encryption_key: str = DEV_ENCRYPTION_KEY
    # Webhook behaviour
    signature_max_age_seconds: int = 300
    max_body_bytes: int = 32 * 1024
    reply_budget_seconds: float = 3.5
    dedup_ttl_seconds: int = 600
    user_rate_limit_per_minute: int = 30
    # Conversations
    conversation_ttl_seconds: int = 1800
    paused_ttl_seconds: int = 86400
    consent_version: str = "2026-11"
    inbound_retention_days: int = 180
    # Social work
    wechat_notice_template_id: str = "zhulian-notice"
    invite_ttl_hours: int = 72
    reminder_after_days: int = 3
    # A request for a person nobody took within this many minutes goes to the organisation's
    # admins (each organisation may set its own limit).
    handoff_escalate_minutes: int = 120
    # Matching
    pledge_ttl_days: int = 90
    pledge_expiry_reminder_days: int = 7
    followup_after_days: int = 3
    # Check-ins (回访) after delivery: days after it (fractional allowed, so that a demo or a
    # test can run one within a minute), when to remind once, when a check-in counts as
    # missed after the reminder, and how long "过几天再说" waits.
    checkin_after_days: str = "30,90,180"
    checkin_remind_after_days: float = 3.0
    checkin_missed_after_days: float = 4.0
    checkin_postpone_days: float = 3.0
    # The survey file (questions, readings, risk rules); empty: domain/surveys/checkin.yml.
    checkin_survey_file: str = ""
    # Photos and documents: where the encrypted files live (a local directory, or an
    # S3-compatible store when its URL is set), and the largest accepted.
    media_dir: str = str(PROJECT_ROOT / "var" / "media")
    media_s3_url: str = ""
    media_max_bytes: int = 10 * 1024 * 1024
    # A project's funding donors hear of its progress at most once per this many hours.
    project_digest_hours: int = 24
    # The web console (web/console): where links in messages point, how long a sign-in
    # lasts, and WeChat's web authorisation host (the stand-in's in development and tests).
    secret_key: str = DEV_SECRET_KEY
    public_base_url: str = ""
    wechat_oauth_base_url: str = "https://open.weixin.qq.com"
    console_session_hours: int = 8
    sign_in_link_minutes: int = 10
    sign_in_attempts_per_minute: int = 10
    console_page_size: int = 20
    # Times on console pages, and the days of the statistics' date range.
    display_timezone: str = "Asia/Shanghai"
    # Above these amounts (yuan) a case is flagged for the social worker to look at twice.
    amount_caps: str = (
        "medical=300000,education=50000,housing=100000,disaster=100000,"
        "living=20000,employment=20000,production=50000,other=20000"
    )

    @property
    def amount_cap(self) -> dict[str, int]:
        pairs = (item.split("=", 1) for item in self.amount_caps.split(",") if "=" in item)
        return {need.strip(): int(cap) for need, cap in pairs}

    @property
    def base_url(self) -> str:
        """Where the console is reached from outside (links in messages)."""
        return (self.public_base_url or f"http://127.0.0.1:{self.web_port}").rstrip("/")

    @property
    def safe_mode(self) -> bool:
        """True when messages are AES-encrypted (an EncodingAESKey is configured)."""
        return bool(self.wechat_encoding_aes_key)

    @property
    def is_production(self) -> bool:
        return self.env == "production"

    def with_overrides(self, **overrides: object) -> Settings:
        """A copy with some fields replaced (used by tests and the CLI)."""
        return replace(self, **overrides)  # type: ignore[arg-type]

    def check(self) -> Settings:
        """Refuse configurations that would run insecurely in production."""
        if self.wechat_encoding_aes_key and len(self.wechat_encoding_aes_key) != 43:
            raise SettingsError("WECHAT_ENCODING_AES_KEY must be 43 characters")
        if self.is_production:
            missing = [
                name
                for name, value in (
                    ("WECHAT_TOKEN", self.wechat_token),
                    ("WECHAT_APP_ID", self.wechat_app_id),
                    ("WECHAT_APP_SECRET", self.wechat_app_secret),
                    ("DATA_ENCRYPTION_KEY", self.data_encryption_key),
                    ("SECRET_KEY", self.secret_key),
                    ("PUBLIC_BASE_URL", self.public_base_url),
                )
                if not value
            ]
            if missing:
                raise SettingsError(f"production needs {', '.join(missing)}")
            if self.data_encryption_key == DEV_ENCRYPTION_KEY:
                raise SettingsError("production must not use the development DATA_ENCRYPTION_KEY")
            if self.secret_key == DEV_SECRET_KEY:
                raise SettingsError("production must not use the development SECRET_KEY")
        return self


def load_settings() -> Settings:
    """Build the settings from the environment, reading `.env` at the project root first."""
    load_dotenv(PROJECT_ROOT / ".env", override=False)
    env = _str("ZHULIAN_ENV", "development")
    defaults = Settings()
    production = env == "production"
    settings = Settings(
        env=env,
        wechat_token=_str("WECHAT_TOKEN", "" if production else defaults.wechat_token),
        wechat_app_id=_str("WECHAT_APP_ID", "" if production else defaults.wechat_app_id),
        wechat_app_secret=_str(
            "WECHAT_APP_SECRET", "" if production else defaults.wechat_app_secret
        ),
        wechat_encoding_aes_key=_str("WECHAT_ENCODING_AES_KEY"),
        wechat_previous_aes_key=_str("WECHAT_PREVIOUS_ENCODING_AES_KEY"),
        wechat_api_base_url=_str("WECHAT_API_BASE_URL", defaults.wechat_api_base_url).rstrip("/"),
        database_url=_str("DATABASE_URL", defaults.database_url),
        redis_url=_str("REDIS_URL", defaults.redis_url),
        nlu_url=_str("NLU_URL", defaults.nlu_url).rstrip("/"),
        nlu_timeout_seconds=float(_str("NLU_TIMEOUT_SECONDS", "1.5")),
        web_port=_int("WEB_PORT", defaults.web_port),
        data_encryption_key=_str(
            "DATA_ENCRYPTION_KEY", "" if production else defaults.data_encryption_key
        ),
        signature_max_age_seconds=_int("SIGNATURE_MAX_AGE_SECONDS", 300),
        max_body_bytes=_int("MAX_BODY_BYTES", defaults.max_body_bytes),
        reply_budget_seconds=float(_str("REPLY_BUDGET_SECONDS", "3.5")),
        dedup_ttl_seconds=_int("DEDUP_TTL_SECONDS", defaults.dedup_ttl_seconds),
        user_rate_limit_per_minute=_int("USER_RATE_LIMIT_PER_MINUTE", 30),
        conversation_ttl_seconds=_int("CONVERSATION_TTL_SECONDS", 1800),
        paused_ttl_seconds=_int("PAUSED_TTL_SECONDS", 86400),
        consent_version=_str("CONSENT_VERSION", defaults.consent_version),
        inbound_retention_days=_int("INBOUND_RETENTION_DAYS", defaults.inbound_retention_days),
        wechat_notice_template_id=_str(
            "WECHAT_NOTICE_TEMPLATE_ID", defaults.wechat_notice_template_id
        ),
        invite_ttl_hours=_int("INVITE_TTL_HOURS", defaults.invite_ttl_hours),
        reminder_after_days=_int("REMINDER_AFTER_DAYS", defaults.reminder_after_days),
        handoff_escalate_minutes=_int(
            "HANDOFF_ESCALATE_MINUTES", defaults.handoff_escalate_minutes
        ),
        pledge_ttl_days=_int("PLEDGE_TTL_DAYS", defaults.pledge_ttl_days),
        pledge_expiry_reminder_days=_int(
            "PLEDGE_EXPIRY_REMINDER_DAYS", defaults.pledge_expiry_reminder_days
        ),
        followup_after_days=_int("FOLLOWUP_AFTER_DAYS", defaults.followup_after_days),
        checkin_after_days=_str("CHECKIN_AFTER_DAYS", defaults.checkin_after_days),
        checkin_remind_after_days=float(_str("CHECKIN_REMIND_AFTER_DAYS", "3")),
        checkin_missed_after_days=float(_str("CHECKIN_MISSED_AFTER_DAYS", "4")),
        checkin_postpone_days=float(_str("CHECKIN_POSTPONE_DAYS", "3")),
        checkin_survey_file=_str("CHECKIN_SURVEY_FILE"),
        media_dir=_str("MEDIA_DIR", defaults.media_dir),
        media_s3_url=_str("MEDIA_S3_URL"),
        media_max_bytes=_int("MEDIA_MAX_BYTES", defaults.media_max_bytes),
        project_digest_hours=_int("PROJECT_DIGEST_HOURS", defaults.project_digest_hours),
        amount_caps=_str("AMOUNT_CAPS", defaults.amount_caps),
        secret_key=_str("SECRET_KEY", "" if production else defaults.secret_key),
        public_base_url=_str("PUBLIC_BASE_URL"),
        wechat_oauth_base_url=_str("WECHAT_OAUTH_BASE_URL", defaults.wechat_oauth_base_url).rstrip(
            "/"
        ),
        console_session_hours=_int("CONSOLE_SESSION_HOURS", defaults.console_session_hours),
        sign_in_link_minutes=_int("SIGN_IN_LINK_MINUTES", defaults.sign_in_link_minutes),
        sign_in_attempts_per_minute=_int(
            "SIGN_IN_ATTEMPTS_PER_MINUTE", defaults.sign_in_attempts_per_minute
        ),
        console_page_size=_int("CONSOLE_PAGE_SIZE", defaults.console_page_size),
        display_timezone=_str("DISPLAY_TIMEZONE", defaults.display_timezone),
    )
    return settings.check()
