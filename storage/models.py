"""Typed SQLAlchemy 2 models. Personal fields use `EncryptedText` and never reach the
database in clear; invariants that must hold under concurrency are CHECK constraints."""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    DateTime,
    Enum,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from storage.crypto import cipher


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite drops the zone otherwise)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime stored; use storage.models.utcnow()")
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


class EncryptedText(TypeDecorator[str]):
    """Text encrypted with the configured `DATA_ENCRYPTION_KEY` on the way in."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Any) -> str | None:
        return cipher().encrypt(value) if value is not None else None

    def process_result_value(self, value: str | None, dialect: Any) -> str | None:
        return cipher().decrypt(value) if value is not None else None


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime()}


def _enum(cls: type[StrEnum], name: str) -> Enum:
    return Enum(
        cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=24,
        values_callable=lambda members: [m.value for m in members],
    )


class Role(StrEnum):
    PUBLIC = "public"
    SOCIAL_WORKER = "social_worker"


class NeedType(StrEnum):
    MEDICAL = "medical"
    EDUCATION = "education"
    HOUSING = "housing"
    DISASTER = "disaster"
    LIVING = "living"
    EMPLOYMENT = "employment"
    PRODUCTION = "production"
    OTHER = "other"


class CaseStatus(StrEnum):
    SUBMITTED = "submitted"
    VERIFIED = "verified"
    REJECTED = "rejected"
    PARTLY_MATCHED = "partly_matched"
    MATCHED = "matched"
    DELIVERED = "delivered"
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"


class ResourceKind(StrEnum):
    MONEY = "money"
    GOODS = "goods"
    SERVICE = "service"


class PledgeStatus(StrEnum):
    OPEN = "open"
    PARTLY_ALLOCATED = "partly_allocated"
    ALLOCATED = "allocated"
    FULFILLED = "fulfilled"
    CANCELLED = "cancelled"
    EXPIRED = "expired"


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    openid: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[Role] = mapped_column(_enum(Role, "role"), default=Role.PUBLIC)
    consent_version: Mapped[str | None] = mapped_column(String(32))
    consent_at: Mapped[datetime | None]
    # Mirrors the Redis conversation state so a lost state (Redis restart) can be noticed.
    active_flow: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class HouseholdProfile(Base):
    """A household as described by whoever filed the case (themselves or a relative). A
    household without WeChat (filed by a social worker, 代办) has no user: its phone is how
    it is reached."""

    __tablename__ = "household_profiles"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    name: Mapped[str | None] = mapped_column(EncryptedText)
    id_number: Mapped[str | None] = mapped_column(EncryptedText)
    id_number_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    phone: Mapped[str | None] = mapped_column(EncryptedText)
    phone_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    address: Mapped[str | None] = mapped_column(EncryptedText)
    # How the household would be reached, in its own words (听不见，发短信给我)
    contact_note: Mapped[str | None] = mapped_column(EncryptedText)
    region_code: Mapped[str] = mapped_column(String(6))
    household_size: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (CheckConstraint("household_size BETWEEN 1 AND 30", name="household_size"),)


class VerificationMethod(StrEnum):
    VISIT = "visit"
    PHONE = "phone"


class Case(Base):
    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The household's WeChat user; None for a household without WeChat (代办, see filed_by_id).
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("household_profiles.id"))
    need_type: Mapped[NeedType] = mapped_column(_enum(NeedType, "need_type"))
    poverty_cause: Mapped[str | None] = mapped_column(String(16))
    description: Mapped[str] = mapped_column(EncryptedText)
    amount_needed: Mapped[int | None]
    amount_matched: Mapped[int] = mapped_column(default=0)
    region_code: Mapped[str] = mapped_column(String(6), index=True)
    urgency: Mapped[int] = mapped_column(default=2)
    status: Mapped[CaseStatus] = mapped_column(
        _enum(CaseStatus, "case_status"), default=CaseStatus.SUBMITTED, index=True
    )
    flags: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    verified_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    verified_at: Mapped[datetime | None]
    # How the social worker verified it, read from their note (上门 / 电话); None if unsaid.
    verification_method: Mapped[VerificationMethod | None] = mapped_column(
        _enum(VerificationMethod, "verification_method")
    )
    review_note: Mapped[str | None] = mapped_column(EncryptedText)
    # Set when a social worker filed the case for a household (代办).
    filed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    escalated_at: Mapped[datetime | None]  # waited too long; the admins were told
    submitted_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    profile: Mapped[HouseholdProfile] = relationship(foreign_keys=[profile_id])

    __table_args__ = (
        CheckConstraint("amount_needed IS NULL OR amount_needed > 0", name="amount_positive"),
        CheckConstraint(
            "amount_matched >= 0 AND (amount_needed IS NULL OR amount_matched <= amount_needed)",
            name="matched_within_need",
        ),
        CheckConstraint("urgency BETWEEN 1 AND 3", name="urgency_range"),
    )

    @property
    def number(self) -> str:
        """The case number users see and type, e.g. Q000042."""
        return f"Q{self.id:06d}"

    @property
    def console_path(self) -> str:
        return f"/console/cases/{self.id}"


class Pledge(Base):
    __tablename__ = "pledges"

    id: Mapped[int] = mapped_column(primary_key=True)
    donor_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    kind: Mapped[ResourceKind] = mapped_column(_enum(ResourceKind, "resource_kind"))
    need_type: Mapped[NeedType | None] = mapped_column(_enum(NeedType, "need_type"))
    amount: Mapped[int | None]
    amount_allocated: Mapped[int] = mapped_column(default=0)
    item_description: Mapped[str | None] = mapped_column(Text)
    region_pref: Mapped[str | None] = mapped_column(String(6))
    # A pledge for one project (支持项目): the matcher gives it to that project only.
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id"))
    project: Mapped[Project | None] = relationship()
    display_name: Mapped[str | None] = mapped_column(EncryptedText)
    # The donor asked to be named on the thank-you list (公开致谢 J…; anonymous by default).
    thank_publicly: Mapped[bool] = mapped_column(default=False, server_default=false())
    # How the social worker can reach the donor to arrange delivery (given with consent).
    contact_phone: Mapped[str | None] = mapped_column(EncryptedText)
    expires_at: Mapped[datetime | None]
    expiry_reminded_at: Mapped[datetime | None]
    status: Mapped[PledgeStatus] = mapped_column(
        _enum(PledgeStatus, "pledge_status"), default=PledgeStatus.OPEN, index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    __table_args__ = (
        CheckConstraint("amount IS NULL OR amount > 0", name="amount_positive"),
        CheckConstraint(
            "amount_allocated >= 0 AND (amount IS NULL OR amount_allocated <= amount)",
            name="allocated_within_amount",
        ),
    )

    @property
    def number(self) -> str:
        """The pledge number donors see and type, e.g. J000007."""
        return f"J{self.id:06d}"


class InboundMessage(Base):
    """Every message WeChat delivered, once (dedup key), with its content encrypted."""

    __tablename__ = "inbound_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    dedup_key: Mapped[str] = mapped_column(String(96), unique=True)
    openid: Mapped[str] = mapped_column(String(64), index=True)
    msg_type: Mapped[str] = mapped_column(String(32))
    content: Mapped[str | None] = mapped_column(EncryptedText)
    # The reply it got, so that a retry arriving after the handler died still gets it.
    reply: Mapped[str | None] = mapped_column(EncryptedText)
    outcome: Mapped[str] = mapped_column(String(16), default="handled")
    received_at: Mapped[datetime] = mapped_column(default=utcnow)


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(48))
    target_type: Mapped[str] = mapped_column(String(24))
    target_id: Mapped[int | None]
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # The tamper-evident chain (storage/audit_chain.py).
    content_hash: Mapped[str | None] = mapped_column(String(64))
    chain_hash: Mapped[str | None] = mapped_column(String(64))
    seq: Mapped[int | None] = mapped_column(unique=True)  # place in the chain, once sealed
    erased: Mapped[bool] = mapped_column(default=False, server_default=false())


def region_prefix(code: str) -> str:
    """The code prefix a region covers: 620000 → 62, 621100 → 6211, 621121 → 621121."""
    prefix = code
    while prefix.endswith("00") and len(prefix) > 2:
        prefix = prefix[:-2]
    return prefix


class Organisation(Base):
    """A social-work organisation (社工机构) covering some regions."""

    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    # A request for a person not taken within this many minutes goes to the organisation's
    # admins (None: the HANDOFF_ESCALATE_MINUTES default).
    handoff_limit_minutes: Mapped[int | None]
    # The supervised account donors transfer money to (shown to donors of confirmed matches).
    payment_account: Mapped[str | None] = mapped_column(Text)
    # A case or match waiting longer than this many days goes to the admins, once (None:
    # REMINDER_AFTER_DAYS).
    review_limit_days: Mapped[int | None]
    # When its households are asked how they are doing after help (days after delivery,
    # e.g. "30,90,180"; None: CHECKIN_AFTER_DAYS).
    checkin_after_days: Mapped[str | None] = mapped_column(String(60))
    # Its standing as an implementer (good / watch / suspended), set by an operator after
    # review from the rule in domain.standing; a suspended organisation's projects get no money.
    standing: Mapped[str] = mapped_column(String(16), default="good", server_default="good")
    standing_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ApplicationStatus(StrEnum):
    SUBMITTED = "submitted"  # waiting for an operator
    MORE_NEEDED = "more_needed"  # the operator asked for more; the applicant edits and resends
    APPROVED = "approved"  # the organisation exists; the applicant is its admin
    REJECTED = "rejected"


class OrganisationApplication(Base):
    """An organisation applying to implement projects (项目实施机构): who it is, where and in
    which fields it works, and its documents (attachments); vetted by an operator."""

    __tablename__ = "organisation_applications"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)  # the applicant
    name: Mapped[str] = mapped_column(String(100))
    credit_code: Mapped[str] = mapped_column(String(18), index=True)  # 统一社会信用代码
    contact_name: Mapped[str] = mapped_column(EncryptedText)
    contact_phone: Mapped[str] = mapped_column(EncryptedText)
    region_codes: Mapped[list[str]] = mapped_column(JSON)
    fields: Mapped[list[str]] = mapped_column(JSON)  # need types
    about: Mapped[str] = mapped_column(Text)
    status: Mapped[ApplicationStatus] = mapped_column(
        _enum(ApplicationStatus, "application_status"), default=ApplicationStatus.SUBMITTED
    )
    review_note: Mapped[str | None] = mapped_column(Text)  # the reason, or what more is needed
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    submitted_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_at: Mapped[datetime | None]

    @property
    def number(self) -> str:
        return f"A{self.id:06d}"

    @property
    def console_path(self) -> str:
        return f"/console/applications/{self.id}"


class ApplicationLink(Base):
    """A one-time link to fill in (or complete) an application, sent by chat; only its
    keyed hash is stored."""

    __tablename__ = "application_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    application_id: Mapped[int | None] = mapped_column(ForeignKey("organisation_applications.id"))
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]


class ProjectStatus(StrEnum):
    DRAFT = "draft"  # the organisation is writing it (or was sent back to)
    UNDER_REVIEW = "under_review"
    OPEN = "open"  # open for funding
    FUNDED = "funded"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    EVALUATED = "evaluated"
    CANCELLED = "cancelled"


class Project(Base):
    """A project an approved organisation carries out (a village's water pipe, a skills
    class for 40 people): where, for whom, the budget by its main lines, the schedule and
    measurable goals; approved by an operator before it is open for funding."""

    __tablename__ = "projects"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    title: Mapped[str] = mapped_column(String(120))
    need_type: Mapped[NeedType] = mapped_column(_enum(NeedType, "need_type"))
    region_codes: Mapped[list[str]] = mapped_column(JSON)
    people_served: Mapped[int]
    budget_yuan: Mapped[int]
    budget_lines: Mapped[list[dict[str, Any]]] = mapped_column(JSON)  # [{"item", "yuan"}]
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    goals: Mapped[list[str]] = mapped_column(JSON)
    status: Mapped[ProjectStatus] = mapped_column(
        _enum(ProjectStatus, "project_status"), default=ProjectStatus.DRAFT
    )
    review_note: Mapped[str | None] = mapped_column(Text)
    # What money pledges the matcher allocated to it (never more than the budget).
    funded_yuan: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # The final report: when it ended, what was spent, each goal's result (met / partly /
    # not, with a note), and the organisation's account of it; then the evaluation.
    completed_on: Mapped[date | None]
    spent_yuan: Mapped[int | None]
    goal_results: Mapped[list[dict[str, str]] | None] = mapped_column(JSON)
    final_report: Mapped[str | None] = mapped_column(Text)
    evaluation: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    submitted_at: Mapped[datetime | None]
    approved_at: Mapped[datetime | None]

    organisation: Mapped[Organisation] = relationship()

    __table_args__ = (
        CheckConstraint(
            "funded_yuan >= 0 AND funded_yuan <= budget_yuan", name="funded_within_budget"
        ),
    )

    @property
    def number(self) -> str:
        return f"P{self.id:06d}"

    @property
    def console_path(self) -> str:
        return f"/console/projects/{self.id}"


class ProjectFunding(Base):
    """Money from a pledge the matcher allocated to a project, in one run."""

    __tablename__ = "project_fundings"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"), index=True)
    pledge_id: Mapped[int] = mapped_column(ForeignKey("pledges.id"), index=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("match_runs.id"))
    amount: Mapped[int]
    reason: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    project: Mapped[Project] = relationship()

    __table_args__ = (CheckConstraint("amount > 0", name="amount_positive"),)


class ProjectUpdate(Base):
    """Progress an organisation posts about its project (text; photos as attachments)."""

    __tablename__ = "project_updates"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ProjectRating(Base):
    """A household the project served rates it by chat (1–5), once."""

    __tablename__ = "project_ratings"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    rating: Mapped[int]
    feedback: Mapped[str | None] = mapped_column(EncryptedText)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        UniqueConstraint("project_id", "user_id"),
        CheckConstraint("rating BETWEEN 1 AND 5", name="rating_range"),
    )


class Lesson(Base):
    """What worked (助人脱贫经验): an evaluated project or a closed case written up by its
    social worker as a short lesson — poverty cause, what was done, the result. No personal
    data: it is searched in the console and quoted by the bot."""

    __tablename__ = "lessons"

    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"))
    title: Mapped[str] = mapped_column(String(80))
    poverty_cause: Mapped[str] = mapped_column(String(20))
    need_type: Mapped[NeedType] = mapped_column(_enum(NeedType, "need_type"))
    region_code: Mapped[str] = mapped_column(String(6), index=True)
    what_was_done: Mapped[str] = mapped_column(Text)
    result: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ProjectDigest(Base):
    """What a funding donor last heard of a project's progress: updates are grouped into one
    message per donor and project at most every PROJECT_DIGEST_HOURS."""

    __tablename__ = "project_digests"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"))
    donor_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    last_update_id: Mapped[int]
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (UniqueConstraint("project_id", "donor_id"),)


class OrganisationRegion(Base):
    __tablename__ = "organisation_regions"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    region_code: Mapped[str] = mapped_column(String(6))
    region_prefix: Mapped[str] = mapped_column(String(6), index=True)

    __table_args__ = (UniqueConstraint("organisation_id", "region_code"),)


class SocialWorker(Base):
    __tablename__ = "social_workers"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), unique=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # An organisation admin also hears of requests for a person nobody took in time.
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    bound_at: Mapped[datetime] = mapped_column(default=utcnow)
    deactivated_at: Mapped[datetime | None]

    user: Mapped[User] = relationship()
    organisation: Mapped[Organisation] = relationship()


class SocialWorkerRegion(Base):
    __tablename__ = "social_worker_regions"

    id: Mapped[int] = mapped_column(primary_key=True)
    social_worker_id: Mapped[int] = mapped_column(ForeignKey("social_workers.id"), index=True)
    region_code: Mapped[str] = mapped_column(String(6))
    region_prefix: Mapped[str] = mapped_column(String(6), index=True)

    __table_args__ = (UniqueConstraint("social_worker_id", "region_code"),)


class Invite(Base):
    """A one-time code that makes a WeChat user a social worker; only its hash is stored."""

    __tablename__ = "invites"

    id: Mapped[int] = mapped_column(primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    regions: Mapped[list[str]] = mapped_column(JSON)
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    used_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class NotificationStatus(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"


class Notification(Base):
    """The outbox: written in the same transaction as the change it announces, sent by a job.
    `dedup_key` names what it announces, so the same event is never announced twice."""

    __tablename__ = "notifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    dedup_key: Mapped[str] = mapped_column(String(120), unique=True)
    text: Mapped[str] = mapped_column(EncryptedText)
    status: Mapped[NotificationStatus] = mapped_column(
        _enum(NotificationStatus, "notification_status"),
        default=NotificationStatus.PENDING,
        index=True,
    )
    channel: Mapped[str | None] = mapped_column(String(16))
    # The console page of the record it is about (a path; the sender adds PUBLIC_BASE_URL).
    link: Mapped[str | None] = mapped_column(String(120))
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(String(200))
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]

    user: Mapped[User] = relationship()


class CaseQuestion(Base):
    """A social worker's question to a household about a case (补充), and the answer."""

    __tablename__ = "case_questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    asked_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    question: Mapped[str] = mapped_column(EncryptedText)
    answer: Mapped[str | None] = mapped_column(EncryptedText)
    asked_at: Mapped[datetime] = mapped_column(default=utcnow)
    answered_at: Mapped[datetime | None]


class MatchStatus(StrEnum):
    PROPOSED = "proposed"
    CONFIRMED = "confirmed"
    DELIVERED = "delivered"
    CLOSED = "closed"
    DECLINED = "declined"


class Match(Base):
    """Money from one pledge for one case, proposed by the matcher."""

    __tablename__ = "matches"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    pledge_id: Mapped[int] = mapped_column(ForeignKey("pledges.id"), index=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("match_runs.id"))
    amount: Mapped[int | None]  # yuan; None for goods and services (matched whole)
    status: Mapped[MatchStatus] = mapped_column(
        _enum(MatchStatus, "match_status"), default=MatchStatus.PROPOSED, index=True
    )
    reason: Mapped[str] = mapped_column(String(120))
    decline_reason: Mapped[str | None] = mapped_column(EncryptedText)
    delivery_note: Mapped[str | None] = mapped_column(EncryptedText)
    rating: Mapped[int | None]
    feedback: Mapped[str | None] = mapped_column(EncryptedText)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    confirmed_at: Mapped[datetime | None]
    delivered_at: Mapped[datetime | None]
    escalated_at: Mapped[datetime | None]  # waited too long; the admins were told

    case: Mapped[Case] = relationship()
    pledge: Mapped[Pledge] = relationship()

    __table_args__ = (
        CheckConstraint("amount IS NULL OR amount > 0", name="amount_positive"),
        CheckConstraint("rating IS NULL OR rating BETWEEN 1 AND 5", name="rating_range"),
    )

    @property
    def number(self) -> str:
        """The match number social workers type, e.g. M000003."""
        return f"M{self.id:06d}"

    @property
    def console_path(self) -> str:
        return f"/console/matches/{self.id}"

    @property
    def what(self) -> str:
        """What the match gives, for messages: "5000 元" or the goods or service offered."""
        if self.amount is not None:
            return f"{self.amount} 元"
        return self.pledge.item_description or "物资或服务"


class MatchRun(Base):
    """One allocation run that wrote; its key makes a retried job a no-op."""

    __tablename__ = "match_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    run_key: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    matches: Mapped[int] = mapped_column(default=0)


class Operator(Base):
    """A platform operator: sees every region, hears of requests for a person that no
    organisation covers, and may take any of them."""

    __tablename__ = "operators"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), unique=True)
    name: Mapped[str] = mapped_column(String(60))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    user: Mapped[User] = relationship()


class HandoffStatus(StrEnum):
    WAITING = "waiting"
    ACTIVE = "active"
    CLOSED = "closed"


class Handoff(Base):
    """A person asked for a person (人工): waiting until a social worker or operator takes
    it, then messages travel both ways through the official account until either ends it."""

    __tablename__ = "handoffs"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    region_code: Mapped[str | None] = mapped_column(String(6))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"))
    status: Mapped[HandoffStatus] = mapped_column(
        _enum(HandoffStatus, "handoff_status"), default=HandoffStatus.WAITING, index=True
    )
    taken_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    requested_at: Mapped[datetime] = mapped_column(default=utcnow)
    taken_at: Mapped[datetime | None]
    escalated_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]

    user: Mapped[User] = relationship(foreign_keys=[user_id])
    organisation: Mapped[Organisation | None] = relationship()

    @property
    def number(self) -> str:
        """The number workers type, e.g. H000004."""
        return f"H{self.id:06d}"


class HandoffMessage(Base):
    """One message of a hand-off conversation. A worker's message to a household outside
    WeChat's 48-hour window waits (`delivered_at` unset) until the household writes again."""

    __tablename__ = "handoff_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    handoff_id: Mapped[int] = mapped_column(ForeignKey("handoffs.id"), index=True)
    from_household: Mapped[bool] = mapped_column(Boolean)
    text: Mapped[str] = mapped_column(EncryptedText)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    delivered_at: Mapped[datetime | None]


class ScheduledFlow(Base):
    """A conversation to start for a user who did not write: a follow-up question that
    expects an answer (the rating after delivery; check-ins later). `key` names what it is
    about, so it is scheduled once."""

    __tablename__ = "scheduled_flows"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(120), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    flow: Mapped[str] = mapped_column(String(32))
    slots: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    due_at: Mapped[datetime] = mapped_column(index=True)
    started_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    user: Mapped[User] = relationship()


class FeedbackKind(StrEnum):
    COMPLAINT = "complaint"
    SUGGESTION = "suggestion"


class Feedback(Base):
    """A complaint (投诉) or suggestion (建议) about the service, routed to the organisation
    covering the region it is about (to the operators where none does)."""

    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    kind: Mapped[FeedbackKind] = mapped_column(_enum(FeedbackKind, "feedback_kind"))
    text: Mapped[str] = mapped_column(EncryptedText)
    region_code: Mapped[str | None] = mapped_column(String(6))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    # A complaint an operator found justified (counts against the organisation's score).
    upheld: Mapped[bool | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    @property
    def number(self) -> str:
        """The number staff refer to, e.g. F000002."""
        return f"F{self.id:06d}"


class Viewer(Base):
    """A read-only console user (a civil-affairs office): statistics and masked exports of
    its regions, nothing else."""

    __tablename__ = "viewers"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), unique=True)
    name: Mapped[str] = mapped_column(String(60))
    regions: Mapped[list[str]] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SignInLink(Base):
    """A one-time console sign-in link sent by chat (`登录`); only its hash is stored."""

    __tablename__ = "sign_in_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]


class ConsoleSession(Base):
    """A signed-in console session; the cookie carries the token, the table its hash, so
    signing out (or deactivating the person) ends it on the server."""

    __tablename__ = "console_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    via: Mapped[str] = mapped_column(String(16))  # oauth | link
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]


class CheckinStatus(StrEnum):
    SCHEDULED = "scheduled"  # waiting for its day (or for the household to be free)
    ASKED = "asked"  # the first question went out; answers coming
    COMPLETED = "completed"
    MISSED = "missed"  # no answer after one reminder; the social worker was told
    STOPPED = "stopped"  # the household did not want to answer


class Checkin(Base):
    """One check-in (回访) of a household after help: the survey's answers, the risk they
    show and why. Scheduled at delivery (or when a social worker enrols a household)."""

    __tablename__ = "checkins"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    round: Mapped[int]  # 1, 2, 3: the first, second, third check-in of this case
    status: Mapped[CheckinStatus] = mapped_column(
        _enum(CheckinStatus, "checkin_status"), default=CheckinStatus.SCHEDULED, index=True
    )
    due_at: Mapped[datetime] = mapped_column(index=True)
    asked_at: Mapped[datetime | None]
    reminded_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    survey_version: Mapped[str | None] = mapped_column(String(24))
    # {question id: option value}: the household's situation, encrypted like all it says.
    answers: Mapped[str | None] = mapped_column(EncryptedText)
    risk: Mapped[str | None] = mapped_column(String(8))
    reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    # The case a social worker opened from this check-in (跟进), once.
    followup_case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (UniqueConstraint("case_id", "round"),)

    @property
    def number(self) -> str:
        return f"C{self.id:06d}"


class AttachmentStatus(StrEnum):
    PENDING = "pending"  # the media id is known; the file is being fetched from WeChat
    STORED = "stored"  # checked, cleaned (no EXIF), encrypted in the file store
    REJECTED = "rejected"  # not an image, too big, or a decompression bomb
    FAILED = "failed"  # WeChat would not give it (after the retries)
    ERASED = "erased"  # delete-my-data


class Attachment(Base):
    """A photo or document a household sent about its case (or, later, a worker's proof of
    delivery). The file lives encrypted in the file store under `storage_key`; it is never
    served by a public URL."""

    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    # A social worker's proof of delivery belongs to the match delivered.
    match_id: Mapped[int | None] = mapped_column(ForeignKey("matches.id"), index=True)
    # A photo of a project's progress belongs to that update.
    project_update_id: Mapped[int | None] = mapped_column(
        ForeignKey("project_updates.id"), index=True
    )
    # An organisation's document (a registration certificate) belongs to its application.
    application_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation_applications.id"), index=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    media_id: Mapped[str] = mapped_column(String(128))
    kind: Mapped[str] = mapped_column(String(16), default="image")  # image | voice | proof
    status: Mapped[AttachmentStatus] = mapped_column(
        _enum(AttachmentStatus, "attachment_status"), default=AttachmentStatus.PENDING
    )
    content_type: Mapped[str | None] = mapped_column(String(40))
    size: Mapped[int | None]
    storage_key: Mapped[str | None] = mapped_column(String(80))
    problem: Mapped[str | None] = mapped_column(String(120))
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    stored_at: Mapped[datetime | None]
