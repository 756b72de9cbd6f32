"""The allocation: hard constraints on random instances, optimality against an independent
LP (SciPy's HiGHS on the explicit pair formulation), determinism."""

from __future__ import annotations

import random
from collections import defaultdict

import numpy as np
import pytest
from scipy.optimize import linprog

from matcher.allocate import (
    Allocation,
    CaseNeed,
    Params,
    PledgeOffer,
    allocate,
    eligible,
    pair_value,
)

COUNTIES = ["621121", "621102", "621122", "530627", "530602", "513431", "110105"]
NEEDS = ["medical", "education", "housing", "living"]


def random_instance(
    rng: random.Random, n_cases: int, n_pledges: int
) -> tuple[list[CaseNeed], list[PledgeOffer]]:
    cases = [
        CaseNeed(
            id=i + 1,
            need_type=rng.choice(NEEDS),
            kind="money",
            remaining=rng.randint(1, 60) * 100,
            region_code=rng.choice(COUNTIES),
            urgency=rng.randint(1, 3),
            waiting_days=rng.randint(0, 90),
        )
        for i in range(n_cases)
    ]
    prefs = [None, "620000", "621100", "621121", "530600", "110000", "510000"]
    pledges = [
        PledgeOffer(
            id=100 + i,
            kind="money",
            need_type=rng.choice([None, *NEEDS]),
            remaining=rng.randint(1, 80) * 100,
            region_pref=rng.choice(prefs),
        )
        for i in range(n_pledges)
    ]
    return cases, pledges


def objective(
    allocations: list[Allocation],
    cases: list[CaseNeed],
    pledges: list[PledgeOffer],
    params: Params,
) -> int:
    case_of = {c.id: c for c in cases}
    pledge_of = {p.id: p for p in pledges}
    return sum(
        a.amount * pair_value(pledge_of[a.pledge_id], case_of[a.case_id], params)
        for a in allocations
    )


def lp_optimum(
    cases: list[CaseNeed],
    pledges: list[PledgeOffer],
    params: Params,
    excluded: frozenset[tuple[int, int]] = frozenset(),
) -> float:
    pairs = [
        (p, c) for p in pledges for c in cases if eligible(p, c) and (c.id, p.id) not in excluded
    ]
    if not pairs:
        return 0.0
    costs = [-pair_value(p, c, params) for p, c in pairs]
    rows, bounds = [], []
    for pledge in pledges:
        rows.append([1 if p is pledge else 0 for p, _ in pairs])
        bounds.append(pledge.remaining)
    for case in cases:
        rows.append([1 if c is case else 0 for _, c in pairs])
        bounds.append(case.remaining)
    result = linprog(costs, A_ub=np.array(rows), b_ub=np.array(bounds), method="highs")
    assert result.status == 0
    return -float(result.fun)


@pytest.mark.parametrize("seed", range(25))
def test_constraints_and_optimality_on_random_instances(seed: int) -> None:
    rng = random.Random(seed)
    cases, pledges = random_instance(rng, rng.randint(1, 14), rng.randint(1, 10))
    params = Params()
    allocations = allocate(cases, pledges, params)
    given: dict[int, int] = defaultdict(int)
    received: dict[int, int] = defaultdict(int)
    case_of = {c.id: c for c in cases}
    pledge_of = {p.id: p for p in pledges}
    for a in allocations:
        assert a.amount > 0 and a.reason
        assert eligible(pledge_of[a.pledge_id], case_of[a.case_id])
        given[a.pledge_id] += a.amount
        received[a.case_id] += a.amount
    assert all(given[p.id] <= p.remaining for p in pledges)
    assert all(received[c.id] <= c.remaining for c in cases)
    assert objective(allocations, cases, pledges, params) == pytest.approx(
        lp_optimum(cases, pledges, params)
    )


@pytest.mark.parametrize("seed", range(15))
def test_excluded_pairs_are_never_proposed_and_the_rest_stays_optimal(seed: int) -> None:
    rng = random.Random(1000 + seed)
    cases, pledges = random_instance(rng, rng.randint(2, 12), rng.randint(2, 8))
    pairs = [(c.id, p.id) for p in pledges for c in cases if eligible(p, c)]
    excluded = frozenset(rng.sample(pairs, k=min(len(pairs), rng.randint(1, 4))))
    params = Params()
    allocations = allocate(cases, pledges, params, excluded)
    assert not {(a.case_id, a.pledge_id) for a in allocations} & excluded
    given: dict[int, int] = defaultdict(int)
    received: dict[int, int] = defaultdict(int)
    for a in allocations:
        given[a.pledge_id] += a.amount
        received[a.case_id] += a.amount
    assert all(given[p.id] <= p.remaining for p in pledges)
    assert all(received[c.id] <= c.remaining for c in cases)
    assert objective(allocations, cases, pledges, params) == pytest.approx(
        lp_optimum(cases, pledges, params, excluded)
    )


def test_deterministic() -> None:
    cases, pledges = random_instance(random.Random(7), 40, 30)
    assert allocate(cases, pledges) == allocate(cases, pledges)


def test_local_money_goes_first_and_flexible_money_is_saved() -> None:
    """Greedy would spend the flexible pledge on the first case; the optimum saves it."""
    cases = [
        CaseNeed(1, "medical", "money", 1000, "621121", 3, 5),
        CaseNeed(2, "medical", "money", 1000, "530627", 3, 5),
    ]
    pledges = [
        PledgeOffer(10, "money", None, 1000, None),
        PledgeOffer(11, "money", "medical", 1000, "621121"),
    ]
    pairs = {(a.case_id, a.pledge_id): a.amount for a in allocate(cases, pledges)}
    assert pairs == {(1, 11): 1000, (2, 10): 1000}


def test_nothing_eligible_allocates_nothing() -> None:
    cases = [CaseNeed(1, "medical", "money", 1000, "621121", 3, 5)]
    pledges = [
        PledgeOffer(10, "money", "education", 5000, None),
        PledgeOffer(11, "money", None, 5000, "530000"),
    ]
    assert allocate(cases, pledges) == []
