"""Changes to a match that are not the matcher's: the household's rating of delivered help.
(Confirming, declining and delivering follow in `conversation.matches` for now.)"""

from __future__ import annotations

from sqlalchemy.orm import Session

from domain.records import settle
from storage.models import Case, Match, MatchStatus, User
from storage.repositories import audit


def rate(
    session: Session, household: User, match_id: int, rating: int, feedback: str | None
) -> bool:
    """Record the household's 1–5 rating once; False when the match is not theirs to rate."""
    match = session.get(Match, match_id)
    case = session.get(Case, match.case_id) if match else None
    if match is None or case is None or case.user_id != household.id or match.rating is not None:
        return False
    match.rating, match.feedback, match.status = rating, feedback, MatchStatus.CLOSED
    audit(session, household.openid, "match.rated", "match", match.id)
    settle(session, {match.case_id}, {match.pledge_id})
    return True
