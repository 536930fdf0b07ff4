"""The attacker's audit of a suppressed table, for the privacy tests: each hidden entry's feasible range.

Hundepool et al. (2012), *Statistical Disclosure Control*, §4.2 (the "interval" of a suppressed cell): by
linear programming (scipy.optimize.linprog), each hidden entry's smallest and largest value consistent with
every entry shown and every published relation, every entry at least 0.  A range that is a point gives the
entry away.
"""

from __future__ import annotations

import math
from typing import Hashable, Iterable, Mapping, Sequence

import numpy as np

#: One published relation: ``Σ coefficient × value = rhs`` over (entry, coefficient) terms.
Equation = tuple[Sequence[tuple[Hashable, float]], float]


def audit_ranges(values: Mapping[Hashable, float], shown: Iterable[Hashable], equations: Sequence[Equation], *,
                 at_most: Sequence[tuple[Hashable, Hashable]] = ()) -> dict[Hashable, tuple[float, float]]:
    """Each hidden entry's (min, max), ``math.inf`` when unbounded.

    *values*: every entry's true value; the entries not in *shown* are the unknowns (the true values of
    hidden entries never enter a constraint).  *equations*: the published relations (:data:`Equation`);
    *at_most*: pairs ``(a, b)`` with ``value[a] <= value[b]`` (e.g. an entry's open cases at most its cases).
    """
    from scipy.optimize import linprog

    shown = set(shown)
    hidden = [k for k in values if k not in shown]
    index = {k: i for i, k in enumerate(hidden)}

    def row_of(terms: Iterable[tuple[Hashable, float]]) -> tuple[np.ndarray, float]:
        row, known = np.zeros(len(hidden)), 0.0
        for k, coefficient in terms:
            if k in index:
                row[index[k]] += coefficient
            else:
                known += coefficient * float(values[k])
        return row, known

    eq, eq_rhs = [], []
    for terms, rhs in equations:
        row, known = row_of(terms)
        if row.any():
            eq.append(row)
            eq_rhs.append(float(rhs) - known)
    ub, ub_rhs = [], []
    for a, b in at_most:
        row, known = row_of([(a, 1.0), (b, -1.0)])
        if row.any():
            ub.append(row)
            ub_rhs.append(-known)
    constraints = {"A_eq": np.array(eq) if eq else None, "b_eq": eq_rhs or None,
                   "A_ub": np.array(ub) if ub else None, "b_ub": ub_rhs or None}
    out = {}
    for k, i in index.items():
        goal = np.zeros(len(hidden))
        goal[i] = 1
        low = linprog(goal, bounds=(0, None), method="highs", **constraints)
        high = linprog(-goal, bounds=(0, None), method="highs", **constraints)
        assert low.status == 0, (k, low.message)  # the published figures are consistent
        out[k] = (round(low.fun, 6), math.inf if high.status == 3 else round(-high.fun, 6))
    return out


def sums(entries: Iterable[Hashable], total: Hashable | None = None, *, rhs: float = 0.0) -> Equation:
    """The relation "the *entries* add up to *total*" (an entry) or to *rhs* (a published number)."""
    terms = [(k, 1.0) for k in entries]
    return (terms + [(total, -1.0)] if total is not None else terms), rhs
