"""The migrations are the schema: one head, and no difference from the models."""

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask.testing import FlaskCliRunner
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

from storage import audit_chain, migrate
from storage.migrate import alembic_config
from storage.models import Base


def test_single_head() -> None:
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    assert len(script.get_heads()) == 1


def test_upgrade_head_matches_the_models(database_url: str) -> None:
    engine = create_engine(database_url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert diff == []


def test_cli_upgrade_is_idempotent(runner: FlaskCliRunner) -> None:
    result = runner.invoke(args=["db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert "head" in result.output


def test_pending_rating_questions_become_scheduled_flows(tmp_path: Path) -> None:
    """0005 moves rating questions not yet asked into scheduled_flows."""
    url = f"sqlite:///{tmp_path / 'old.db'}"
    migrate.upgrade(url, "0004")
    engine = create_engine(url)
    with engine.begin() as connection:
        for statement in (
            "INSERT INTO users (id, openid, role, created_at) "
            "VALUES (1, 'o1', 'public', '2026-11-20')",
            "INSERT INTO household_profiles (id, user_id, region_code, household_size, created_at) "
            "VALUES (1, 1, '621121', 3, '2026-11-20')",
            "INSERT INTO cases (id, user_id, profile_id, need_type, description, amount_matched, "
            "region_code, urgency, status, flags, submitted_at, updated_at) VALUES (1, 1, 1, "
            "'medical', 'x', 0, '621121', 2, 'delivered', '[]', '2026-11-20', '2026-11-20')",
            "INSERT INTO match_runs (id, run_key, created_at, matches) "
            "VALUES (1, 'k', '2026-11-20', 1)",
            "INSERT INTO pledges (id, donor_id, kind, amount_allocated, status, created_at, "
            "updated_at) VALUES (1, 1, 'goods', 0, 'fulfilled', '2026-11-20', '2026-11-20')",
            "INSERT INTO matches (id, case_id, pledge_id, run_id, status, reason, created_at, "
            "followup_due_at) VALUES (1, 1, 1, 1, 'delivered', 'r', '2026-11-20', "
            "'2026-11-25 00:00:00.000000')",
        ):
            connection.execute(text(statement))
    migrate.upgrade(url)
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT key, user_id, flow FROM scheduled_flows")).all()
    engine.dispose()
    assert [tuple(row) for row in rows] == [("rating:1", 1, "rating")]


def test_existing_audit_entries_are_chained(tmp_path: Path) -> None:
    """0007 chains the audit entries written before it, in id order."""
    url = f"sqlite:///{tmp_path / 'old.db'}"
    migrate.upgrade(url, "0006")
    engine = create_engine(url)
    with engine.begin() as connection:
        for i in (1, 2, 3):
            connection.execute(
                text(
                    "INSERT INTO audit_log (id, at, actor, action, target_type, target_id, detail) "
                    "VALUES (:id, :at, :actor, 'case.viewed', 'case', :id, '{}')"
                ),
                {"id": i, "at": f"2026-11-2{i} 08:00:00.000000", "actor": f"o{i}"},
            )
    migrate.upgrade(url)
    with Session(engine) as session:
        verdict = audit_chain.verify(session)
    engine.dispose()
    assert verdict.intact and verdict.checked == 3
