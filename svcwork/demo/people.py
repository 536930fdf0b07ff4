"""The people data: who took the frontline-skills training, their scores, and the observations.

``training.csv`` holds pre/post scores of the trained employees; the observations (a sheet of the
intake workbook) follow four monthly rounds, two before the training and two after.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..schema import FRONTLINE_SKILLS
from .spec import _Spec, _Staff, _workdays


def _skills(lang: str) -> list[str]:
    return [he if lang == "he" else en for en, he in FRONTLINE_SKILLS]


def _trained(spec: _Spec, staff: _Staff, rng: np.random.Generator) -> dict[str, list[str]]:
    """Employees of each observed unit who took the frontline-skills training."""
    out = {}
    for u in spec.observed_units:
        pool = staff.pool(u)
        k = min(spec.trained_per_unit, len(pool))
        out[u] = sorted(rng.choice(pool, size=k, replace=False).tolist())
    return out


def _training(spec: _Spec, trained: dict[str, list[str]], rng: np.random.Generator) -> pd.DataFrame:
    """Training pre/post scores as text on 1–5 in half points, with the schema's column keys."""
    skills = _skills(spec.lang)
    effect = np.array([0.5, 0.7, 0.45, 0.05, 0.6])  # "complete solution" barely moves
    base = np.array([3.0, 2.6, 2.7, 2.9, 2.8])
    rows = []
    start = np.datetime64(spec.training_date)
    for u in spec.observed_units:
        for e in trained[u]:
            person = rng.normal(0, 0.35)
            day = start + np.timedelta64(int(rng.integers(0, 21)), "D")
            for k, skill in enumerate(skills):
                pre = np.clip(np.round((base[k] + person + rng.normal(0, 0.5)) * 2) / 2, 1, 5)
                post = np.clip(np.round((pre + effect[k] + rng.normal(0, 0.45)) * 2) / 2, 1, 5)
                rows.append((e, skill, f"{pre:.1f}", f"{post:.1f}", u, str(day)))
    frame = pd.DataFrame(rows, columns=["employee_code", "skill", "pre_score", "post_score", "unit", "date"])
    return frame


_OBS_ROUNDS = (2, 6, 12, 16)  # observation rounds: months after the period start (two before training, two after)


def _observations(spec: _Spec, staff: _Staff, trained: dict[str, list[str]], rng: np.random.Generator) -> list[dict]:
    """Frontline-skills observations, in four monthly rounds (two before the training, two after).

    Every observed unit but one sees at least 12 different employees (its trained employees
    first, plus a few untrained ones), so its unit × item cells clear ``min_group_size``; some
    trained employees are observed once before and once after the training (the transfer
    check).  ``spec.obs_small`` is seen on a handful of employees only, so its cells stay
    suppressed.  ``spec.n_double`` sessions are scored by two observers (calibration).
    """
    s = spec.settings
    skills = _skills(spec.lang)
    days = _workdays(s["period_start"], s["period_end"], spec.weekmask)
    months = days.astype("datetime64[M]")
    first_month = np.datetime64(s["period_start"], "M")
    units = spec.observed_units
    small, small_k = spec.obs_small if spec.obs_small else ("", 0)
    assert small not in units[:2], "the rising and the falling trend belong to units that are shown"
    unit_eff = rng.normal(0, 0.25, len(units))
    item_eff = np.array([0.25, -0.35, -0.2, 0.0, -0.1])
    bias = np.linspace(-0.2, 0.25, len(spec.observers))
    train_day = np.datetime64(spec.training_date)
    rounds = [np.flatnonzero(months == first_month + np.timedelta64(m, "M")) for m in _OBS_ROUNDS]
    before = [r for r, d in enumerate(rounds) if days[d[-1]] < train_day]
    after = [r for r, d in enumerate(rounds) if days[d[0]] > train_day + np.timedelta64(21, "D")]
    assert before and after, "observation rounds on both sides of the training"

    # sessions per unit: the small unit a few, the others an equal share of the rest
    n_small = small_k + 2 if small in units else 0
    big = [u for u in units if u != small]
    share = np.full(len(big), (spec.n_sessions - n_small) // len(big))
    share[: (spec.n_sessions - n_small) % len(big)] += 1
    n_of = dict(zip(big, share.tolist())) | ({small: n_small} if n_small else {})
    plan = []  # (unit index, employee, round)
    for ui, u in enumerate(units):
        pool = staff.pool(u)
        mine = [c for c in trained[u] if c in pool]
        others = [c for c in pool if c not in mine]
        k = small_k if u == small else min(len(pool), n_of[u] - 3)
        take_t = min(len(mine), max(k - 3, k - len(others)))
        extra = rng.choice(others, size=k - take_t, replace=False).tolist() if k > take_t else []
        roster = mine[:take_t] + extra
        n_repeat = n_of[u] - len(roster)
        repeat = [roster[i] for i in rng.choice(take_t, size=min(n_repeat, take_t), replace=False)]
        once = [c for c in roster if c not in repeat]
        spread = rng.permutation(np.arange(len(once)) % len(rounds))
        plan += [(ui, c, int(r)) for c, r in zip(once, spread)]
        for c in repeat:  # a trained employee seen before and after the training
            plan += [(ui, c, int(rng.choice(before))), (ui, c, int(rng.choice(after)))]
    person = {c: rng.normal(0, 0.3) for _, c, _ in plan}
    day_of = np.array([rounds[r][int(rng.integers(0, len(rounds[r])))] for _, _, r in plan])
    order = np.argsort(day_of, kind="stable")
    doubles = set(rng.choice(len(plan), spec.n_double, replace=False).tolist())
    rows = []
    for k, i in enumerate(order):
        ui, emp, _ = plan[i]
        u = units[ui]
        d = int(day_of[i])
        date = days[d]
        t = d / len(days)
        obs = [int(rng.integers(0, len(spec.observers)))]
        if k in doubles:
            obs.append((obs[0] + 1 + int(rng.integers(0, len(spec.observers) - 1))) % len(spec.observers))
        trained_now = emp in trained[u] and date > train_day
        for j, item in enumerate(skills):
            trend = -1.7 * t if (ui == 1 and j == 1) else (0.6 * t if ui == 0 else 0.0)  # one falling, one rising
            latent = 3.35 + unit_eff[ui] + item_eff[j] + person[emp] + trend + 0.45 * trained_now
            for o in obs:
                score = int(np.clip(np.round(latent + bias[o] + rng.normal(0, 0.5)), 1, 5))
                note = spec.obs_notes[int(rng.integers(0, len(spec.obs_notes)))] if rng.random() < 0.2 else None
                rows.append({"date": date.item(), "unit": u, "observer": spec.observers[o], "employee_code": emp,
                             "item": item, "score": score, "note": note})
    return rows
