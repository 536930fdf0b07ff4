"""KPI snapshot: the latest value of each KPI per unit against its target.

The fallback signals of a unit's pack when the measures analysis passes none in (no
control-chart signals here; :func:`svcwork.links.unit_signals` gives those).  A KPI belongs to
the unit that owns it (the KPIs sheet's ``unit``, else its owner's unit in the Owners sheet, else
its service's unit), unless its values are given per unit.
"""

from __future__ import annotations

import pandas as pd

from ..common import require_columns
from ..schema import ENUMS, normalize_name
from ._base import _float, _owning_unit, _text

__all__ = ["kpi_snapshot", "kpi_units"]


def kpi_units(kpis: pd.DataFrame, *, owners: pd.DataFrame | None = None,
              services: pd.DataFrame | None = None) -> dict[str, str | None]:
    """The unit that owns each KPI, by ``kpi_id``: the KPIs sheet's ``unit``, else its owner's unit in
    the Owners sheet (*owners*), else the unit of its service (*services*); None when organisation-wide.

    What a unit's manager pack needs to show a KPI in the pack of the unit that owns it (values given
    per unit in the KPI values sheet belong to their own unit, see :func:`kpi_snapshot`).
    """
    if kpis is None or kpis.empty or "kpi_id" not in kpis.columns:
        return {}

    def opt(col: str) -> pd.Series:
        return kpis[col] if col in kpis.columns else pd.Series(pd.NA, index=kpis.index, dtype="string")

    owning, _ = _owning_unit(opt("unit"), opt("owner"), opt("service_id"), owners, services)
    return {str(k).strip(): (None if pd.isna(u) else str(u)) for k, u in zip(kpis["kpi_id"], owning)
            if isinstance(k, str) and k.strip()}


def kpi_snapshot(kpis: pd.DataFrame, kpi_values: pd.DataFrame, *, services: pd.DataFrame | None = None,
                 owners: pd.DataFrame | None = None) -> pd.DataFrame:
    """Latest value of each KPI per unit against its target (a fallback when no signals are passed in).

    The unit is the ``unit`` of the KPI value (a KPI measured per unit), else the unit that owns
    the KPI: the KPIs sheet's ``unit``, else its owner's unit in the Owners sheet (*owners*), else
    the unit of its service; None (organisation-wide) when none applies.  ``on_target`` follows
    the KPI's direction.  For control-chart signals use the measures analysis and pass its
    signals to :func:`~svcwork.management.packs.unit_packs`.
    """
    cols = ["unit", "kpi_id", "kpi_name", "period", "value", "target", "direction", "on_target"]
    if kpis is None or kpi_values is None or kpis.empty or kpi_values.empty:
        return pd.DataFrame(columns=cols)
    require_columns(kpis, ("kpi_id", "kpi_name", "direction", "target"), "KPIs")
    require_columns(kpi_values, ("kpi_id", "period", "value"), "KPI values")

    owning = kpi_units(kpis, owners=owners, services=services)
    meta = {}
    for _, r in kpis.iterrows():
        kid = str(r["kpi_id"]).strip()
        meta[kid.casefold()] = (kid, str(r["kpi_name"]).strip(), _float(r["target"]),
                                ENUMS["kpi_direction"].lookup().get(normalize_name(r["direction"]), "higher"),
                                owning.get(kid))
    v = pd.DataFrame({"kpi": _text(kpi_values["kpi_id"]).str.casefold(),
                      "period": pd.to_datetime(kpi_values["period"], errors="coerce"),
                      "value": pd.to_numeric(kpi_values["value"], errors="coerce"),
                      "year": (kpi_values["period_year"].fillna(False).astype(bool) if "period_year" in kpi_values.columns
                               else pd.Series(False, index=kpi_values.index)),
                      "unit": _text(kpi_values["unit"]) if "unit" in kpi_values.columns
                      else pd.Series(pd.NA, index=kpi_values.index, dtype="string")})
    v = v.dropna(subset=["kpi", "period", "value"])
    v = v[v["kpi"].isin(list(meta))]
    rows = []
    for (kid, unit), g in v.groupby([v["kpi"], v["unit"].fillna("")], sort=True):
        last = g.sort_values("period").iloc[-1]
        # an annual KPI (every period typed as a year) is shown by its year, as the measures section shows it
        period = pd.Period(str(last["period"].year), freq="Y") if bool(g["year"].all()) else last["period"]
        key, name, target, direction, own_unit = meta[kid]
        u = unit or own_unit
        value = float(last["value"])
        on = None if target is None else (value >= target if direction == "higher" else value <= target)
        rows.append({"unit": u, "kpi_id": key, "kpi_name": name, "period": period, "value": value,
                     "target": target, "direction": direction, "on_target": on})
    return pd.DataFrame(rows, columns=cols)
