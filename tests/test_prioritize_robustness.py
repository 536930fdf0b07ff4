"""svcwork.prioritize.robustness: exact one-weight sensitivity and SMAA rank acceptability.

Checked by re-scoring around every crossover point, against scipy's beta distribution and
against a plain per-sample loop on the same Dirichlet draws.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from scipy import stats

from svcwork import AnalysisError
from svcwork.prioritize import crossover_points, rank_acceptability, sensitivity


# =========================================================================== sensitivity
def rescaled(w, k, v):
    out = np.asarray(w, float) * (1 - v) / (1 - w[k])
    out[k] = v
    return out


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(3, 8), c=st.integers(2, 4))
def test_crossover_points_swap_the_pair_exactly_there(seed, n, c):
    rng = np.random.default_rng(seed)
    r = pd.DataFrame(rng.random((n, c)), index=[f"S{i}" for i in range(n)], columns=[f"c{j}" for j in range(c)])
    w = rng.dirichlet(np.ones(c) * 2)
    assume(w.min() > 0.01)
    for k, name in enumerate(r.columns):
        table = crossover_points(r, w, name)
        for first, second, v in table.itertuples(index=False):
            if not 1e-6 < v < 1 - 1e-6:
                continue
            gap_below = r.loc[first] @ rescaled(w, k, v - 1e-6) - r.loc[second] @ rescaled(w, k, v - 1e-6)
            gap_above = r.loc[first] @ rescaled(w, k, v + 1e-6) - r.loc[second] @ rescaled(w, k, v + 1e-6)
            assume(abs(gap_below - gap_above) > 1e-12)
            assert gap_below > 0 > gap_above, (first, second, v)
            assert r.loc[first] @ rescaled(w, k, v) == pytest.approx(r.loc[second] @ rescaled(w, k, v), abs=1e-12)


def top_set(r, w, n):
    return set(np.argsort(-(r @ w), kind="stable")[:n])


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(4, 10), c=st.integers(2, 4), top=st.integers(1, 3),
       scores=st.booleans())
def test_weight_ranges_hold_inside_and_break_just_outside(seed, n, c, top, scores):
    rng = np.random.default_rng(seed)
    r = rng.integers(0, 5, (n, c)) / 4 if scores else rng.random((n, c))  # scores: ties at the bounds are common
    w = rng.dirichlet(np.ones(c) * 2)
    assume(w.min() > 0.01)
    res = sensitivity(r, w, top_n=top)
    now = top_set(r, w, top)
    for k, rng_ in enumerate(res.ranges):
        assert rng_.lower <= w[k] + 1e-12 <= rng_.upper + 2e-12
        for v in np.linspace(rng_.lower, rng_.upper, 9)[1:-1]:
            assert top_set(r, rescaled(w, k, v), top) == now
        if rng_.upper_by is not None:
            assert rng_.upper < 1  # the top changes strictly inside [0, 1], never by a tie on the bound
            if rng_.upper + 1e-7 <= 1:
                assert top_set(r, rescaled(w, k, rng_.upper + 1e-7), top) != now
        if rng_.lower_by is not None:
            assert rng_.lower > 0
            if rng_.lower - 1e-7 >= 0:
                assert top_set(r, rescaled(w, k, rng_.lower - 1e-7), top) != now


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(3, 8), c=st.integers(2, 4), scores=st.booleans())
def test_reversals_are_the_smallest_single_weight_change(seed, n, c, scores):
    rng = np.random.default_rng(seed)
    # 1–5 scores normalised (0, 0.25 … 1) make weakly dominated pairs, which tie only at a bound, common
    values = rng.integers(0, 5, (n, c)) / 4 if scores else rng.random((n, c))
    r = pd.DataFrame(values, index=[f"S{i}" for i in range(n)], columns=[f"c{j}" for j in range(c)])
    w = rng.dirichlet(np.ones(c) * 2)
    assume(w.min() > 0.01)
    res = sensitivity(r, w, top_n=3)
    grid = np.linspace(0, 1, 2001)  # holds 0 and 1: a pair that can be reversed is reversed at one of them
    for rev in res.reversals:
        # independent check on a grid: no weight change smaller than the reported one reverses the pair
        smallest = math.inf
        diff = (r.loc[rev.behind] - r.loc[rev.ahead]).to_numpy()
        for k in range(c):
            weights = np.array([rescaled(w, k, v) for v in grid])
            ahead_of = weights @ diff > 1e-12  # strictly ahead (ties, e.g. at a bound, do not count)
            if ahead_of.any():
                smallest = min(smallest, float(np.abs(grid[ahead_of] - w[k]).min()))
        if rev.criterion is None:
            assert smallest == math.inf, rev
            continue
        assert smallest < math.inf, rev  # the grid confirms that some single weight reverses the pair
        assert abs(rev.change) <= smallest + 1e-12
        assert smallest <= abs(rev.change) + 1e-3
        # just past the reported weight, inside [0, 1], the service behind is strictly ahead
        k = list(r.columns).index(rev.criterion)
        bound = 1.0 if rev.new_weight > rev.weight else 0.0
        room = abs(bound - rev.new_weight)
        assert room > 0, rev  # never a crossover on the bound itself
        probe = rev.new_weight + math.copysign(min(1e-7, room / 2), bound - rev.new_weight)
        assert 0 <= probe <= 1
        assert r.loc[rev.behind] @ rescaled(w, k, probe) > r.loc[rev.ahead] @ rescaled(w, k, probe), rev


def test_a_pair_that_only_ties_at_a_bound_is_not_reversed():
    # Two criteria, normalised values (1 = best), weights (0.6, 0.4); rows in this order:
    #   B = (0.5, 0.5) → 0.6·0.5 + 0.4·0.5 = 0.50
    #   A = (1.0, 0.5) → 0.6·1.0 + 0.4·0.5 = 0.80   (A weakly dominates B: equal on c2, better on c1)
    #   C = (0.2, 0.9) → 0.6·0.2 + 0.4·0.9 = 0.48
    # Ranking A, B, C.  With the weight of c1 at v (c2 at 1 − v): A − B = 0.5 v, zero only at v = 0, where
    # both score 0.5 — a tie, never an overtaking, so no single weight reverses A and B.  B − C = 0.7 v − 0.4
    # is negative for v < 4/7: from 0.6 down to 4/7 is a change of 1/35 (the same as moving c2 from 0.4 up
    # to 3/7, since with two criteria moving one weight moves the other).
    r = pd.DataFrame([[0.5, 0.5], [1.0, 0.5], [0.2, 0.9]], index=["B", "A", "C"], columns=["c1", "c2"])
    res = sensitivity(r, [0.6, 0.4], top_n=2)
    ab, bc = res.reversals
    assert (ab.rank, ab.ahead, ab.behind) == (1, "A", "B")
    assert ab.criterion is None and ab.new_weight is None and ab.change is None
    assert (bc.rank, bc.ahead, bc.behind) == (2, "B", "C")
    assert abs(bc.change) == pytest.approx(1 / 35, abs=1e-12)
    assert bc.new_weight == pytest.approx({"c1": 4 / 7, "c2": 3 / 7}[bc.criterion], abs=1e-12)
    # first place: A − C = 1.2 v − 0.4, so A leads for c1 from 1/3 up (c2 up to 2/3), and C takes over below
    c1, c2 = res.first
    assert (c1.lower, c1.upper, c1.lower_by, c1.upper_by) == (pytest.approx(1 / 3), 1.0, "C", None)
    assert (c2.lower, c2.upper, c2.lower_by, c2.upper_by) == (0.0, pytest.approx(2 / 3), None, "C")
    # A and B alone: A leads for every weight in [0, 1]; their tie at c1 = 0 (c2 = 1), which the row order
    # (B first) would break for B, is no change of the leader
    pair = sensitivity(r.loc[["B", "A"]], [0.6, 0.4], top_n=1)
    assert pair.reversals[0].criterion is None
    for rng_ in pair.first + pair.ranges:
        assert (rng_.lower, rng_.upper, rng_.lower_by, rng_.upper_by) == (0.0, 1.0, None, None), rng_
    assert pair.most_sensitive is None


# =========================================================================== rank acceptability (SMAA)
def test_acceptability_rows_and_columns_are_distributions_and_dominance_is_respected():
    rng = np.random.default_rng(2)
    r = rng.random((12, 3)) * 0.8
    r[0] = 1.0          # dominates everyone
    r[5] = r[4] * 0.5   # dominated by service 4
    res = rank_acceptability(r, [0.5, 0.3, 0.2], n_samples=3000, seed=11, top_n=3)
    acc = res.acceptability.to_numpy()
    np.testing.assert_allclose(acc.sum(axis=1), 1.0)
    np.testing.assert_allclose(acc.sum(axis=0), 1.0)
    assert res.first.iloc[0] == 1.0 and res.first.iloc[5] == 0.0
    # service 5 is never ahead of service 4: P(rank(5) ≤ r) ≤ P(rank(4) ≤ r − 1) for all r
    cum = np.cumsum(acc, axis=1)
    assert np.all(cum[5, 1:] <= cum[4, :-1] + 1e-12)
    assert res.top.iloc[0] == 1.0


def test_acceptability_converges_to_the_beta_probability():
    # two services, each best on one criterion: A first iff w1 > 1/2, and w1 ~ Beta(c·0.6, c·0.4)
    c, n = 20.0, 40_000
    res = rank_acceptability([[1.0, 0.0], [0.0, 1.0]], [0.6, 0.4], concentration=c, n_samples=n, seed=3)
    exact = stats.beta(c * 0.6, c * 0.4).sf(0.5)
    assert abs(res.first.iloc[0] - exact) < 4 * math.sqrt(exact * (1 - exact) / n)
    assert res.first.iloc[1] == pytest.approx(1 - res.first.iloc[0])


def test_acceptability_equals_a_plain_per_sample_loop_on_the_same_draws():
    rng = np.random.default_rng(9)
    r = rng.random((7, 3))
    w = np.array([0.2, 0.5, 0.3])
    n, seed, c = 500, 42, 30.0
    res = rank_acceptability(r, w, concentration=c, n_samples=n, seed=seed, chunk=n)
    draws = np.random.default_rng(seed).dirichlet(c * w, size=n)
    counts = np.zeros((7, 7))
    for d in draws:
        for rank, s in enumerate(np.argsort(-(r @ d), kind="stable")):
            counts[s, rank] += 1
    np.testing.assert_allclose(res.acceptability.to_numpy(), counts / n, atol=1e-12)


def test_identical_services_share_their_ranks_and_zero_weights_change_nothing():
    r = np.array([[0.9, 0.1, 0.3], [0.5, 0.5, 0.7], [0.5, 0.5, 0.2], [0.2, 0.8, 0.9]])
    res = rank_acceptability(r, [0.4, 0.6, 0.0], n_samples=2000, seed=1)
    np.testing.assert_allclose(res.acceptability.iloc[1], res.acceptability.iloc[2], atol=1e-12)
    without = rank_acceptability(r[:, :2], [0.4, 0.6], n_samples=2000, seed=1)
    np.testing.assert_allclose(res.acceptability.to_numpy(), without.acceptability.to_numpy(), atol=1e-12)


def test_acceptability_is_reproducible_and_checks_its_input():
    r = np.random.default_rng(0).random((5, 2))
    a = rank_acceptability(r, [0.5, 0.5], n_samples=500, seed=7)
    b = rank_acceptability(r, [0.5, 0.5], n_samples=500, seed=7)
    pd.testing.assert_frame_equal(a.acceptability, b.acceptability)
    with pytest.raises(AnalysisError, match="concentration"):
        rank_acceptability(r, [0.5, 0.5], concentration=0)
    with pytest.raises(AnalysisError, match="missing"):
        rank_acceptability([[np.nan, 1.0]], [0.5, 0.5])
