"""The allocation: hard constraints on random instances (households' cases and
organisations' projects together, their ids overlapping), optimality against an independent
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
    area_of,
    eligible,
    pair_value,
    project_bonus,
)

COUNTIES = ["621121", "621102", "621122", "530627", "530602", "513431", "110105"]
# A project's area: a county, a city, a province, the whole country.
AREAS = ["621121", "621100", "620000", "530600", "000000"]
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
    cases += [
        CaseNeed(
            id=i + 1,  # the same ids as cases: a need is known by (project, id)
            need_type=rng.choice(NEEDS),
            kind="money",
            remaining=rng.randint(10, 300) * 100,
            region_code=rng.choice(AREAS),
            urgency=1,
            waiting_days=rng.randint(0, 90),
            project=True,
            bonus=project_bonus(rng.randint(5, 200), rng.randint(10, 300) * 100),
        )
        for i in range(rng.randint(0, 3))
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
    projects = [c.id for c in cases if c.project]
    pledges += [  # for one project only (支持项目); sometimes one that is not open any more
        PledgeOffer(
            id=200 + i,
            kind="money",
            need_type=None,
            remaining=rng.randint(1, 50) * 100,
            region_pref=None,
            project_id=rng.choice([*projects, 99]),
        )
        for i in range(rng.randint(0, 2))
    ]
    return cases, pledges


def objective(
    allocations: list[Allocation],
    cases: list[CaseNeed],
    pledges: list[PledgeOffer],
    params: Params,
) -> int:
    case_of = {c.key: c for c in cases}
    pledge_of = {p.id: p for p in pledges}
    return sum(
        a.amount * pair_value(pledge_of[a.pledge_id], case_of[(a.project, a.case_id)], params)
        for a in allocations
    )


def lp_optimum(
    cases: list[CaseNeed],
    pledges: list[PledgeOffer],
    params: Params,
    excluded: frozenset[tuple[int, int]] = frozenset(),
) -> float:
    pairs = [
        (p, c)
        for p in pledges
        for c in cases
        if eligible(p, c) and (c.project or (c.id, p.id) not in excluded)
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
    received: dict[tuple[bool, int], int] = defaultdict(int)
    case_of = {c.key: c for c in cases}
    pledge_of = {p.id: p for p in pledges}
    for a in allocations:
        assert a.amount > 0 and a.reason
        assert eligible(pledge_of[a.pledge_id], case_of[(a.project, a.case_id)])
        given[a.pledge_id] += a.amount
        received[(a.project, a.case_id)] += a.amount
    assert all(given[p.id] <= p.remaining for p in pledges)
    assert all(received[c.key] <= c.remaining for c in cases)
    assert objective(allocations, cases, pledges, params) == pytest.approx(
        lp_optimum(cases, pledges, params)
    )


@pytest.mark.parametrize("seed", range(15))
def test_excluded_pairs_are_never_proposed_and_the_rest_stays_optimal(seed: int) -> None:
    rng = random.Random(1000 + seed)
    cases, pledges = random_instance(rng, rng.randint(2, 12), rng.randint(2, 8))
    pairs = [(c.id, p.id) for p in pledges for c in cases if eligible(p, c) and not c.project]
    excluded = frozenset(rng.sample(pairs, k=min(len(pairs), rng.randint(1, 4))))
    params = Params()
    allocations = allocate(cases, pledges, params, excluded)
    assert not {(a.case_id, a.pledge_id) for a in allocations if not a.project} & excluded
    given: dict[int, int] = defaultdict(int)
    received: dict[tuple[bool, int], int] = defaultdict(int)
    for a in allocations:
        given[a.pledge_id] += a.amount
        received[(a.project, a.case_id)] += a.amount
    assert all(given[p.id] <= p.remaining for p in pledges)
    assert all(received[c.key] <= c.remaining for c in cases)
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


def test_a_project_is_placed_at_the_smallest_region_holding_all_its_places() -> None:
    assert area_of(["621121"]) == "621121"
    assert area_of(["621121", "621122"]) == "621100"
    assert area_of(["621121", "622921"]) == "620000"
    assert area_of(["621121", "530627"]) == "000000"


def test_a_pledge_for_one_county_does_not_fund_a_project_spread_over_the_city() -> None:
    project = CaseNeed(1, "education", "money", 5000, "621100", 1, 0, project=True, bonus=50)
    county = PledgeOffer(100, "money", None, 1000, "621121")
    city = PledgeOffer(101, "money", None, 1000, "621100")
    assert not eligible(county, project) and eligible(city, project)
    assert [(a.pledge_id, a.project) for a in allocate([project], [county, city])] == [(101, True)]


def test_a_flexible_pledge_goes_partly_to_a_project_and_partly_to_a_case_optimally() -> None:
    """A pledge larger than the project's need: the project (reach 17 people per 10,000
    yuan) is funded first, the rest goes to the ordinary case, as the LP says."""
    case = CaseNeed(1, "employment", "money", 20000, "621121", 1, 10)
    bonus = project_bonus(40, 23000)
    project = CaseNeed(1, "employment", "money", 23000, "621121", 1, 10, project=True, bonus=bonus)
    pledge = PledgeOffer(100, "money", None, 30000, None)
    allocations = allocate([case, project], [pledge])
    assert [(a.project, a.amount) for a in allocations] == [(False, 7000), (True, 23000)]
    params = Params()
    assert objective(allocations, [case, project], [pledge], params) == pytest.approx(
        lp_optimum([case, project], [pledge], params)
    )


def test_a_pledge_for_one_project_goes_to_it_or_nowhere() -> None:
    project = CaseNeed(3, "living", "money", 1000, "530600", 1, 0, project=True, bonus=10)
    other = CaseNeed(4, "living", "money", 5000, "530600", 1, 0, project=True, bonus=120)
    case = CaseNeed(3, "living", "money", 5000, "530627", 3, 60)
    named = PledgeOffer(100, "money", None, 3000, None, project_id=3)
    allocations = allocate([project, other, case], [named])
    assert [(a.project, a.case_id, a.amount) for a in allocations] == [(True, 3, 1000)]
