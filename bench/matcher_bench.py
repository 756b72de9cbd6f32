"""Matcher benchmark: `allocate` at 1k, 10k and 100k cases x pledges (time, peak memory,
objective vs an LP optimum where an LP is tractable), and an incremental run after one new
pledge with 100k open records.

    .venv/bin/python -m bench.matcher_bench            # about a minute
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import time
from collections import defaultdict

import numpy as np

from matcher.allocate import CaseNeed, Params, PledgeOffer, allocate, pair_value
from nlu.regions import region_index
from vocabulary import NEED_ORDER as NEED_TYPES


def counties() -> list[str]:
    return sorted(c for c, r in region_index().by_code.items() if r.level == "county")


def instance(n: int, seed: int = 1) -> tuple[list[CaseNeed], list[PledgeOffer]]:
    """n cases and n pledges over real counties; amounts lognormal; a third of the pledges
    are flexible (any need type or a whole province or anywhere)."""
    rng = random.Random(seed)
    places = counties()
    cases = [
        CaseNeed(
            id=i,
            need_type=rng.choice(NEED_TYPES),
            kind="money",
            remaining=max(100, int(rng.lognormvariate(8.5, 0.9))),
            region_code=rng.choice(places),
            urgency=rng.choice((1, 2, 2, 3)),
            waiting_days=rng.randint(0, 90),
        )
        for i in range(n)
    ]
    pledges = []
    for i in range(n):
        county = rng.choice(places)
        pref = rng.choice((county, county, county, county[:4] + "00", county[:2] + "0000", None))
        need = rng.choice((*NEED_TYPES, None))
        amount = max(100, int(rng.lognormvariate(8.3, 1.0)))
        pledges.append(
            PledgeOffer(id=i, kind="money", need_type=need, remaining=amount, region_pref=pref)
        )
    return cases, pledges


def objective(allocations: list, cases: list[CaseNeed], pledges: list[PledgeOffer]) -> int:
    case_of = {c.id: c for c in cases}
    pledge_of = {p.id: p for p in pledges}
    params = Params()
    return sum(
        a.amount * pair_value(pledge_of[a.pledge_id], case_of[a.case_id], params)
        for a in allocations
    )


def lp_optimum(cases: list[CaseNeed], pledges: list[PledgeOffer]) -> float:
    """SciPy's HiGHS on the explicit pair formulation (one variable per eligible pair)."""
    from scipy.optimize import linprog
    from scipy.sparse import coo_matrix

    from matcher.allocate import eligible

    params = Params()
    rows, cols, costs = [], [], []
    for p_index, pledge in enumerate(pledges):
        for c_index, case in enumerate(cases):
            if eligible(pledge, case):
                var = len(costs)
                costs.append(-pair_value(pledge, case, params))
                rows += [p_index, len(pledges) + c_index]
                cols += [var, var]
    matrix = coo_matrix(
        (np.ones(len(rows)), (rows, cols)), shape=(len(pledges) + len(cases), len(costs))
    )
    bounds = [p.remaining for p in pledges] + [c.remaining for c in cases]
    result = linprog(costs, A_ub=matrix.tocsr(), b_ub=bounds, method="highs")
    return -float(result.fun)


def run_size(n: int, check_lp: bool) -> None:
    cases, pledges = instance(n)
    start = time.perf_counter()
    allocations = allocate(cases, pledges)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    value = objective(allocations, cases, pledges)
    money = sum(a.amount for a in allocations)
    line = (
        f"{n}x{n}: {seconds:.2f} s, peak RSS {peak_mb:.0f} MB, {len(allocations)} "
        f"allocations, {money} yuan of {sum(p.remaining for p in pledges)} pledged"
    )
    if check_lp:
        line += f", objective / LP optimum = {value / lp_optimum(cases, pledges):.6f}"
    print(line, flush=True)


def run_incremental(n: int) -> None:
    cases, pledges = instance(n)
    given: dict[int, int] = defaultdict(int)
    received: dict[int, int] = defaultdict(int)
    for a in allocate(cases, pledges):
        given[a.pledge_id] += a.amount
        received[a.case_id] += a.amount
    open_cases = [c for c in cases if c.remaining > received[c.id]]
    open_cases = [
        CaseNeed(
            c.id,
            c.need_type,
            c.kind,
            c.remaining - received[c.id],
            c.region_code,
            c.urgency,
            c.waiting_days,
        )
        for c in open_cases
    ]
    open_pledges = [
        PledgeOffer(p.id, p.kind, p.need_type, p.remaining - given[p.id], p.region_pref)
        for p in pledges
        if p.remaining > given[p.id]
    ]
    new = PledgeOffer(n + 1, "money", "medical", 20000, open_cases[0].region_code[:4] + "00")
    start = time.perf_counter()
    result = allocate(open_cases, [*open_pledges, new])
    seconds = time.perf_counter() - start
    print(
        f"incremental after one new pledge ({len(open_cases)} open cases, "
        f"{len(open_pledges) + 1} open pledges of {n}x{n}): {seconds:.2f} s, "
        f"{sum(a.amount for a in result if a.pledge_id == new.id)} yuan of the new pledge placed"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, help="run one size in this process")
    parser.add_argument("--lp", action="store_true")
    parser.add_argument("--incremental", type=int)
    args = parser.parse_args()
    if args.size:
        run_size(args.size, args.lp)
        return
    if args.incremental:
        run_incremental(args.incremental)
        return
    # Each size in its own process, so peak memory is that size's own.
    for argv in (
        ["--size", "1000", "--lp"],
        ["--size", "10000"],
        ["--size", "100000"],
        ["--incremental", "100000"],
    ):
        subprocess.run([sys.executable, "-m", "bench.matcher_bench", *argv], check=True)  # noqa: S603


if __name__ == "__main__":
    main()
