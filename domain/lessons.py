"""What worked (助人脱贫经验): an evaluated project or a closed case written up by its social
worker or organisation as a short lesson (poverty cause, what was done, the result), found
again in the console by cause, need type and region, and quoted by the bot when someone
asks "有没有养牛脱贫的经验" — the two most relevant, with no personal data (the form says so
and the text is checked for phone and ID numbers).

Relevance is plain and explainable: the character pairs the question shares with a lesson's
title, cause, what was done and result, plus 5 when the question names the lesson's need
type."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

import messages as msg
from domain.organisations import Refused
from nlu.lexicon import need_types
from nlu.regions import region_index
from storage.models import Case, CaseStatus, Lesson, NeedType, Project, ProjectStatus, User
from storage.repositories import audit
from vocabulary import NEED_LABELS, POVERTY_CAUSES

NEED_MATCH = 5
SHOWN = 2
# Personal data a lesson must not carry: a mobile or an ID number.
PERSONAL = re.compile(r"1[3-9]\d{9}|\d{17}[\dXx]")
WRITTEN_UP_CASES = (CaseStatus.DELIVERED, CaseStatus.CLOSED)


@dataclass(frozen=True)
class Draft:
    title: str
    poverty_cause: str
    what_was_done: str
    result: str


def write(
    session: Session,
    author: User,
    organisation_id: int | None,
    draft: Draft,
    project: Project | None = None,
    case: Case | None = None,
) -> Lesson:
    """A lesson from an evaluated project or a delivered or closed case."""
    if project is not None and project.status != ProjectStatus.EVALUATED:
        raise Refused(msg.LESSON_NOT_FINISHED)
    if case is not None and case.status not in WRITTEN_UP_CASES:
        raise Refused(msg.LESSON_NOT_FINISHED)
    if draft.poverty_cause not in POVERTY_CAUSES:
        raise Refused(msg.LESSON_NO_CAUSE)
    text = " ".join((draft.title, draft.what_was_done, draft.result))
    if PERSONAL.search(text.replace(" ", "")):
        raise Refused(msg.LESSON_PERSONAL_DATA)
    if project is not None:
        region, need = project.region_codes[0], project.need_type
    elif case is not None:
        region, need = case.region_code, case.need_type
    else:
        raise Refused(msg.LESSON_NOT_FINISHED)
    lesson = Lesson(
        author_id=author.id,
        organisation_id=organisation_id,
        project_id=project.id if project else None,
        case_id=case.id if case else None,
        title=draft.title.strip()[:80],
        poverty_cause=draft.poverty_cause,
        need_type=NeedType(need),
        region_code=region,
        what_was_done=draft.what_was_done.strip()[:2000],
        result=draft.result.strip()[:2000],
    )
    session.add(lesson)
    session.flush()
    audit(session, author.openid, "lesson.written", "lesson", lesson.id)
    return lesson


def search(
    session: Session,
    cause: str | None = None,
    need_type: str | None = None,
    region_prefix: str | None = None,
    words: str = "",
) -> list[Lesson]:
    """Lessons by cause, need type and region (a code prefix), the most relevant to `words`
    first (newest first when no words)."""
    query = select(Lesson).order_by(Lesson.id.desc())
    if cause:
        query = query.where(Lesson.poverty_cause == cause)
    if need_type:
        query = query.where(Lesson.need_type == need_type)
    if region_prefix:
        query = query.where(Lesson.region_code.startswith(region_prefix))
    found = list(session.scalars(query))
    if not words.strip():
        return found
    scored = [(relevance(words, lesson), lesson) for lesson in found]
    return [lesson for score, lesson in sorted(scored, key=lambda s: -s[0]) if score > 0]


def _pairs(text: str) -> set[str]:
    compact = re.sub(r"\W", "", text)
    return {compact[i : i + 2] for i in range(len(compact) - 1)}


def relevance(question: str, lesson: Lesson) -> int:
    body = " ".join((lesson.title, lesson.poverty_cause, lesson.what_was_done, lesson.result))
    score = len(_pairs(question) & _pairs(body))
    if lesson.need_type.value in need_types(question):
        score += NEED_MATCH
    return score


def answer(session: Session, question: str) -> str:
    """The bot's reply to "有没有…的经验": the two most relevant lessons, or that none fits."""
    best = search(session, words=question)[:SHOWN]
    if not best:
        return msg.NO_LESSONS
    names = region_index()
    parts = [
        msg.LESSON_LINE.format(
            title=lesson.title,
            place=names.full_name(lesson.region_code),
            cause=lesson.poverty_cause,
            need=NEED_LABELS[lesson.need_type],
            done=lesson.what_was_done[:120],
            result=lesson.result[:80],
        )
        for lesson in best
    ]
    return msg.LESSONS_FOUND.format(lessons="\n\n".join(parts))
