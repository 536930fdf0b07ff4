"""The earlier round of a demo client: the same organisation measured one period before, with planted,
known differences, so that the current report's "Since the last report" shows every verdict.

``northfield-licensing`` has an earlier round (``data/previous/northfield-licensing``): the 18 months
before the current period (no month shared), generated from the same specification and a stream of
its own, with these differences planted (the current round is the truth; the earlier one departs
from it):

* **improvements** — the survey: every unit's answers were lower then (each respondent's latent
  satisfaction :data:`SURVEY_LIFT` standard deviations lower), so satisfaction, ease and NPS are
  better now; and case times: the Medical, Legal and Licensing units were slower then
  (:data:`SLOWER_THEN`), so the end-to-end median and 90th percentile are better now;
* **a deterioration** — trust: the share trusting the agency was higher then, despite the lower
  satisfaction (each respondent's latent trust :data:`TRUST_THEN` standard deviations higher), so
  trust is worse now; and the ping-pong and rework variants were a third as likely
  (:data:`HANDOFFS_THEN`): hand-offs per case rose in the services whose files bounce most;
* **pure noise** — the frontline observations: the same generator, the same truth, other draws; their
  mean scores show no clear change.

The action plan then: the same actions (the same ids), those done now still in progress then; the
consultant's recommendations were the same, so the current report says where each stands now.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Callable

from .northfield import _northfield
from .spec import _Spec

__all__ = ["PREVIOUS", "SURVEY_LIFT", "TRUST_THEN", "SLOWER_THEN", "HANDOFFS_THEN", "previous_spec", "MONTHS_EARLIER"]

#: How many months earlier the earlier round's period lies (its length: no shared month).
MONTHS_EARLIER = 18
#: Latent survey satisfaction then, in standard deviations, against now (added to each unit's effect).
SURVEY_LIFT = -0.45
#: Unit time multipliers then (now: the client's own ``slow_units``).
SLOWER_THEN = {"Driver Medical Unit": 2.2, "Legal Services": 1.9, "Licensing Operations": 1.35}
#: Latent trust then, in standard deviations, against now (beyond the survey's lift).
TRUST_THEN = 0.9
#: Ping-pong and rework likelihood then, as a share of now's.
HANDOFFS_THEN = 1 / 3


def _shift(day: dt.date | str, months: int) -> dt.date:
    d = dt.date.fromisoformat(day) if isinstance(day, str) else day
    m = d.year * 12 + d.month - 1 - months
    y, mo = divmod(m, 12)
    last = (dt.date(y + (mo + 1) // 12, (mo + 1) % 12 + 1, 1) - dt.timedelta(days=1)).day
    month_end = (d + dt.timedelta(days=1)).day == 1  # a month's last day stays its month's last day
    return dt.date(y, mo + 1, last if month_end else min(d.day, last))


def _quarter(d: dt.date) -> str:
    return f"{d.year}Q{(d.month - 1) // 3 + 1}"


def previous_spec(spec: _Spec, *, months: int = MONTHS_EARLIER) -> _Spec:
    """The earlier round of *spec*: its period, survey waves and training *months* earlier, the planted
    differences of the module's docstring, and the action plan as it stood at the earlier period's end."""
    s = dict(spec.settings)
    s["period_start"], s["period_end"] = _shift(s["period_start"], months), _shift(s["period_end"], months)
    waves = tuple((_quarter(_shift(a, months)), _shift(a, months).isoformat(), _shift(b, months).isoformat())
                  for _, a, b in spec.waves)
    effects = {u: e + SURVEY_LIFT for u, e in spec.survey_unit_effects.items()}
    effects.update({u: SURVEY_LIFT for u in spec.pool_sizes if u not in effects})
    slow = {**spec.slow_units, **{u: m for u, m in SLOWER_THEN.items() if u in spec.pool_sizes}}
    services = tuple(dataclasses.replace(x, pingpong=x.pingpong * HANDOFFS_THEN, rework=x.rework * HANDOFFS_THEN)
                     for x in spec.services)
    # the plan then: the same actions (the same ids, which the recommendations name), none done yet
    actions = tuple((*a[:-1], "in progress" if a[-1] == "done" else a[-1]) for a in spec.actions)
    return dataclasses.replace(spec, settings=s, waves=waves, survey_unit_effects=effects, slow_units=slow,
                               services=services, actions=actions, survey_item_shift={"trust": TRUST_THEN},
                               training_date=_shift(spec.training_date, months).isoformat())


#: Demo clients with an earlier round: slug -> the earlier round's specification.
PREVIOUS: dict[str, Callable[[], _Spec]] = {"northfield-licensing": lambda: previous_spec(_northfield())}


def previous_dir(clients_dir: Path) -> Path:
    """Where the earlier rounds live beside the clients folder: ``<clients>/../previous``."""
    return Path(clients_dir).parent / "previous"
