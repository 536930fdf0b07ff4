"""KPI snapshot: the latest value of each KPI per unit against its target.

The fallback signals of a unit's pack when the measures analysis passes none in (no
control-chart signals here; :func:`svcwork.links.unit_signals` gives those).
"""

from __future__ import annotations

import pandas as pd

from ..common import require_columns
from ..schema import ENUMS, normalize_name
from ._base import _float, _service_units, _text

__all__ = ["kpi_snapshot"]


def kpi_snapshot(kpis: pd.DataFrame, kpi_values: pd.DataFrame, *, services: pd.DataFrame | None = None) -> pd.DataFrame:
    """Latest value of each KPI per unit against its target (a fallback when no signals are passed in).

    The unit is the ``unit`` of the KPI value, else the unit of the KPI's service, else None
    (organisation-wide).  ``on_target`` follows the KPI's direction.  For control-chart signals
    use the measures analysis and pass its signals to :func:`~svcwork.management.packs.unit_packs`.
    """
    cols = ["unit", "kpi_id", "kpi_name", "period", "value", "target", "direction", "on_target"]
    if kpis is None or kpi_values is None or kpis.empty or kpi_values.empty:
        return pd.DataFrame(columns=cols)
    require_columns(kpis, ("kpi_id", "kpi_name", "direction", "target"), "KPIs")
    require_columns(kpi_values, ("kpi_id", "period", "value"), "KPI values")
    units = _service_units(services)
    meta = {}
    for _, r in kpis.iterrows():
        kid = str(r["kpi_id"]).strip()
        svc = r.get("service_id")
        meta[kid.casefold()] = (kid, str(r["kpi_name"]).strip(), _float(r["target"]),
                                ENUMS["kpi_direction"].lookup().get(normalize_name(r["direction"]), "higher"),
                                units.get(str(svc).strip().casefold()) if isinstance(svc, str) else None)
    v = pd.DataFrame({"kpi": _text(kpi_values["kpi_id"]).str.casefold(),
                      "period": pd.to_datetime(kpi_values["period"], errors="coerce"),
                      "value": pd.to_numeric(kpi_values["value"], errors="coerce"),
                      "unit": _text(kpi_values["unit"]) if "unit" in kpi_values.columns
                      else pd.Series(pd.NA, index=kpi_values.index, dtype="string")})
    v = v.dropna(subset=["kpi", "period", "value"])
    v = v[v["kpi"].isin(list(meta))]
    rows = []
    for (kid, unit), g in v.groupby([v["kpi"], v["unit"].fillna("")], sort=True):
        last = g.sort_values("period").iloc[-1]
        key, name, target, direction, svc_unit = meta[kid]
        u = unit or svc_unit
        value = float(last["value"])
        on = None if target is None else (value >= target if direction == "higher" else value <= target)
        rows.append({"unit": u, "kpi_id": key, "kpi_name": name, "period": last["period"], "value": value,
                     "target": target, "direction": direction, "on_target": on})
    return pd.DataFrame(rows, columns=cols)
