"""Optimal allocation of money pledges to verified cases and open projects, as a
minimum-cost flow.

Value of one yuan from pledge p to case c (all integers)::

    value(p, c) = LOCALITY[level of p's region preference]      # county > city > province > any
                + URGENCY[c.urgency] + min(c.waiting_days, WAITING_CAP) + c.bonus

A **project** (an organisation's, for many people) is one more need in the same optimisation,
with the same eligibility (need type, and its whole area inside the pledge's region
preference: a project is placed at the smallest region containing all its places, so a pledge
for one county does not fund a project spread over the city). It is valued like an ordinary
household case (urgency 一般, plus its waiting days) plus a bonus for how many people each
yuan reaches: ``min(REACH_WEIGHT x people served per 10,000 yuan, REACH_CAP)``. A household
case reaches about 2–4 people per 10,000 yuan (bonus 10–20); a skills class for 40 people on
23,000 yuan reaches 17 (bonus 85), which puts it between a 较急 and a 紧急 case, so an urgent
household still comes first and a project that reaches many people comes before ordinary
cases.

and the allocation maximises the sum of value x amount, subject to: a pledge gives at most its
remaining amount, a case receives at most its remaining need, and only eligible pairs (same
kind, the pledge's need type or 不限, the case inside the pledge's region preference or 不限).

Because the value is a sum of a pledge part and a case part, the eligible pairs need not be
listed one by one. For every need type a tree of region nodes (national → province → city →
county) carries the money:

    source → pledge ─(−locality)→ region node of the pledge's preference ─(0)→ … child nodes
          … → county node ─(−case value, capacity = remaining need)→ case → sink
    pledge ─(0)→ sink                                      (money may stay unallocated)

A pledge for 不限 need type enters the tree of every need type; a pledge for one project (支持项目),
or with a pair declined before, bypasses the trees with one arc per need it may reach. Every
path from a pledge to a
case is exactly an eligible pair with exactly its value, so the minimum-cost flow is the optimum
of the transportation problem while the graph grows linearly (pledges x at most 8 + regions +
cases) instead of with the number of eligible pairs. The constraint matrix is totally
unimodular: the optimal flow is whole yuan without integer programming. OR-Tools'
SimpleMinCostFlow solves it; splitting the tree flow back into (pledge, case) pairs is a
top-down pass that hands each node's incoming money to its children (any split has the same
objective, because value is separable). Basic optimal solutions put money on few arcs, so
cases are finished rather than spread thinly; the waiting and urgency terms decide who first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray
from ortools.graph.python import min_cost_flow

from vocabulary import NEED_LABELS

LEVEL_LABELS = {"county": "同县", "city": "同市", "province": "同省", "any": "不限地区"}
URGENCY_LABELS = {1: "一般", 2: "较急", 3: "紧急"}


@dataclass(frozen=True)
class Params:
    locality: dict[str, int] = field(
        default_factory=lambda: {"county": 40, "city": 25, "province": 10, "any": 0}
    )
    urgency: dict[int, int] = field(default_factory=lambda: {1: 100, 2: 150, 3: 220})
    waiting_cap_days: int = 60
    reach_weight: int = 5  # per person served per 10,000 yuan of a project's budget
    reach_cap: int = 120


@dataclass(frozen=True)
class CaseNeed:
    """A household case, or (`project`) an organisation's project; a need is known by
    (project, id)."""

    id: int
    need_type: str
    kind: str
    remaining: int
    region_code: str  # a case's county; a project's smallest region holding all its places
    urgency: int
    waiting_days: int
    project: bool = False
    bonus: int = 0  # a project's reach (see `project_bonus`)

    @property
    def key(self) -> tuple[bool, int]:
        return self.project, self.id


@dataclass(frozen=True)
class PledgeOffer:
    id: int
    kind: str
    need_type: str | None  # None: any need type
    remaining: int
    region_pref: str | None  # a GB/T 2260 code at any level; None: anywhere
    project_id: int | None = None  # for this project only (支持项目)


@dataclass(frozen=True)
class Allocation:
    case_id: int  # the project's id when `project`
    pledge_id: int
    amount: int
    reason: str
    project: bool = False


def project_bonus(people_served: int, budget_yuan: int, params: Params | None = None) -> int:
    """A project's extra value per yuan: the people each 10,000 yuan reaches, weighted and
    capped (see the module docstring)."""
    params = params or Params()
    reach = people_served * 10_000 // max(budget_yuan, 1)
    return min(params.reach_weight * reach, params.reach_cap)


def area_of(region_codes: Iterable[str]) -> str:
    """The smallest region holding all these places, as a code: one county, a city
    (621100), a province (620000), or the whole country (000000)."""
    codes = list(region_codes)
    for width in (6, 4, 2):
        if codes and len({code[:width] for code in codes}) == 1:
            return codes[0][:width].ljust(6, "0")
    return "000000"


def region_level(code: str | None) -> str:
    if code is None:
        return "any"
    if code.endswith("0000"):
        return "province"
    return "city" if code.endswith("00") else "county"


def _node_key(level: str, code: str | None) -> str:
    """The region node a code sits on: '' (national), '62', '6211', '621121'."""
    if level == "any" or code is None:
        return ""
    return {"province": code[:2], "city": code[:4], "county": code}[level]


def case_value(case: CaseNeed, params: Params) -> int:
    waiting = min(case.waiting_days, params.waiting_cap_days)
    return params.urgency[case.urgency] + waiting + case.bonus


def pair_value(pledge: PledgeOffer, case: CaseNeed, params: Params) -> int:
    return params.locality[region_level(pledge.region_pref)] + case_value(case, params)


def eligible(pledge: PledgeOffer, case: CaseNeed) -> bool:
    if pledge.project_id is not None:  # named one project: that one or nothing
        return case.project and case.id == pledge.project_id and pledge.kind == case.kind
    return (
        pledge.kind == case.kind
        and (pledge.need_type is None or pledge.need_type == case.need_type)
        and (
            pledge.region_pref is None
            or case.region_code.startswith(
                _node_key(region_level(pledge.region_pref), pledge.region_pref)
            )
        )
    )


def _reason(pledge: PledgeOffer, case: CaseNeed) -> str:
    parts = [
        "项目" if case.project else "",
        LEVEL_LABELS[region_level(pledge.region_pref)],
        NEED_LABELS.get(case.need_type, case.need_type),
        f"等待 {case.waiting_days} 天",
        URGENCY_LABELS.get(case.urgency, ""),
    ]
    return " · ".join(p for p in parts if p)


def pick_case(
    pledge: PledgeOffer, cases: Iterable[CaseNeed], excluded: set[int], params: Params | None = None
) -> tuple[CaseNeed, str] | None:
    """For goods and services, matched whole: the one eligible case it does most for (most
    local, most urgent, longest waiting; the lowest id on a tie), with the reason."""
    params = params or Params()
    candidates = [
        c
        for c in cases
        if not c.project
        and c.id not in excluded
        and (pledge.need_type is None or pledge.need_type == c.need_type)
        and (
            pledge.region_pref is None
            or c.region_code.startswith(
                _node_key(region_level(pledge.region_pref), pledge.region_pref)
            )
        )
    ]
    if not candidates:
        return None
    best = max(candidates, key=lambda c: (pair_value(pledge, c, params), -c.id))
    return best, _reason(pledge, best)


class _Graph:
    """Node numbering and arcs for one solve."""

    def __init__(self) -> None:
        self.ids: dict[tuple[str, ...], int] = {}
        self.tails: list[int] = []
        self.heads: list[int] = []
        self.caps: list[int] = []
        self.costs: list[int] = []

    def node(self, *key: str) -> int:
        return self.ids.setdefault(key, len(self.ids))

    def arc(self, tail: int, head: int, cap: int, cost: int) -> int:
        self.tails.append(tail)
        self.heads.append(head)
        self.caps.append(cap)
        self.costs.append(cost)
        return len(self.tails) - 1


def allocate(
    cases: Iterable[CaseNeed],
    pledges: Iterable[PledgeOffer],
    params: Params | None = None,
    excluded: frozenset[tuple[int, int]] = frozenset(),
) -> list[Allocation]:
    """The optimal money allocation (deterministic for the same input order). `excluded`
    holds (case id, pledge id) pairs that must not be proposed (declined before)."""
    params = params or Params()
    cases = [c for c in cases if c.kind == "money" and c.remaining > 0]
    pledges = [p for p in pledges if p.kind == "money" and p.remaining > 0]
    if not cases or not pledges:
        return []
    g = _Graph()
    sink = g.node("sink")
    total = sum(p.remaining for p in pledges)
    big = total
    needed = {c.need_type for c in cases}
    # Region trees, one per need type that has cases: county → city → province → national.
    tree_edges: list[tuple[str, str, str]] = []  # (need type, parent key, child key)
    case_arcs: list[tuple[int, CaseNeed]] = []
    for case in cases:
        chain = ["", case.region_code[:2], case.region_code[:4], case.region_code]
        for parent, child in zip(chain, chain[1:], strict=False):
            if ("region", case.need_type, child) not in g.ids:
                g.node("region", case.need_type, child)
                tree_edges.append((case.need_type, parent, child))
        county = g.node("region", case.need_type, case.region_code)
        case_node = g.node(*_need_node(case))
        arc = g.arc(county, case_node, case.remaining, -case_value(case, params))
        case_arcs.append((arc, case))
        g.arc(case_node, sink, case.remaining, 0)
    for need in sorted(needed):
        g.node("region", need, "")
    tree_arcs: dict[int, tuple[str, str, str]] = {}
    for need, parent, child in tree_edges:
        arc = g.arc(g.node("region", need, parent), g.node("region", need, child), big, 0)
        tree_arcs[arc] = (need, parent, child)
    entry_arcs: list[tuple[int, PledgeOffer, str, str]] = []
    direct_arcs: list[tuple[int, PledgeOffer, CaseNeed]] = []
    barred = {pledge_id for _, pledge_id in excluded}
    for pledge in pledges:
        source = g.node("pledge", str(pledge.id))
        level = region_level(pledge.region_pref)
        g.arc(source, sink, pledge.remaining, 0)
        if pledge.id in barred or pledge.project_id is not None:
            # A pledge with a declined pair, or for one project, cannot use the shared tree
            # (it would reach other needs): one arc per eligible need, worth the full pair
            # value, instead.
            for case in cases:
                if eligible(pledge, case) and not _barred(case, pledge, excluded):
                    case_node = g.ids[_need_node(case)]  # every need has its node by now
                    cost = -pair_value(pledge, case, params)
                    direct_arcs.append(
                        (g.arc(source, case_node, case.remaining, cost), pledge, case)
                    )
            continue
        key = _node_key(level, pledge.region_pref)
        for need in sorted(needed) if pledge.need_type is None else [pledge.need_type]:
            if ("region", need, key) in g.ids:
                node = g.ids[("region", need, key)]
                arc = g.arc(source, node, pledge.remaining, -params.locality[level])
                entry_arcs.append((arc, pledge, need, key))
    solver = min_cost_flow.SimpleMinCostFlow()
    solver.add_arcs_with_capacity_and_unit_cost(
        np.array(g.tails, dtype=np.int32),
        np.array(g.heads, dtype=np.int32),
        np.array(g.caps, dtype=np.int64),
        np.array(g.costs, dtype=np.int64),
    )
    supplies = np.zeros(len(g.ids), dtype=np.int64)
    for pledge in pledges:
        supplies[g.ids[("pledge", str(pledge.id))]] = pledge.remaining
    supplies[sink] = -total
    solver.set_nodes_supplies(np.arange(len(g.ids), dtype=np.int32), supplies)
    status = solver.solve()
    if status != solver.OPTIMAL:
        raise RuntimeError(f"min-cost flow did not solve: status {status}")
    flows = solver.flows(np.arange(len(g.tails), dtype=np.int64))
    allocations = _decompose(flows, entry_arcs, tree_arcs, case_arcs)
    allocations += [
        Allocation(case.id, pledge.id, int(flows[arc]), _reason(pledge, case), case.project)
        for arc, pledge, case in direct_arcs
        if flows[arc] > 0
    ]
    return sorted(allocations, key=lambda a: (a.project, a.case_id, a.pledge_id))


def _need_node(case: CaseNeed) -> tuple[str, str]:
    return ("project" if case.project else "case", str(case.id))


def _barred(case: CaseNeed, pledge: PledgeOffer, excluded: frozenset[tuple[int, int]]) -> bool:
    """A declined (case, pledge) pair (projects are not declined pair by pair)."""
    return not case.project and (case.id, pledge.id) in excluded


def _decompose(
    flows: NDArray[np.int64],
    entry_arcs: list[tuple[int, PledgeOffer, str, str]],
    tree_arcs: dict[int, tuple[str, str, str]],
    case_arcs: list[tuple[int, CaseNeed]],
) -> list[Allocation]:
    """Turn tree flows into (pledge, case, amount): top-down, each node hands the money that
    entered it (pledges' own entries, then what came from its parent) to its children."""
    # node -> [[pledge, amount]]: money that reached the node and is not handed on yet
    pools: dict[tuple[str, str], list[list[Any]]] = defaultdict(list)
    for arc, pledge, need, key in entry_arcs:
        if flows[arc] > 0:
            pools[(need, key)].append([pledge, int(flows[arc])])
    children: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    for arc, (need, parent, child) in tree_arcs.items():
        if flows[arc] > 0:
            children[(need, parent)].append((child, int(flows[arc])))
    to_cases: dict[tuple[str, str], list[tuple[CaseNeed, int]]] = defaultdict(list)
    for arc, case in case_arcs:
        if flows[arc] > 0:
            to_cases[(case.need_type, case.region_code)].append((case, int(flows[arc])))
    allocations: dict[tuple[tuple[bool, int], int], int] = defaultdict(int)
    pledge_of: dict[int, PledgeOffer] = {}
    case_of: dict[tuple[bool, int], CaseNeed] = {}

    def take(pool: list[list[Any]], amount: int) -> list[list[Any]]:
        taken = []
        while amount > 0:
            pledge, left = pool[0]
            used = min(left, amount)
            taken.append([pledge, used])
            amount -= used
            if used == left:
                pool.pop(0)
            else:
                pool[0][1] = left - used
        return taken

    # Parents before children (a shorter key is a higher level): a node's pool is complete
    # when it is handed on, whether its money came from above or entered there.
    nodes = set(pools) | set(children) | set(to_cases)
    for node in sorted(nodes, key=lambda n: (n[0], len(n[1]), n[1])):
        need, key = node
        pool = pools[node]
        for child, amount in sorted(children[node]):
            pools[(need, child)] = take(pool, amount) + pools[(need, child)]
        for case, amount in sorted(to_cases[node], key=lambda item: item[0].key):
            for pledge, used in take(pool, amount):
                allocations[(case.key, pledge.id)] += used
                pledge_of[pledge.id], case_of[case.key] = pledge, case
    return [
        Allocation(key[1], pledge_id, amount, _reason(pledge_of[pledge_id], case_of[key]), key[0])
        for (key, pledge_id), amount in sorted(allocations.items())
    ]
