"""Outcome records as exported: one row per record, or one text per initiative."""

from __future__ import annotations

import pandas as pd

from components.i18n import colon, t

OUTCOME_COLUMNS = (
    ("initiative_id", "col.id"),
    ("indicator_fr", "col.out.indicator"),
    ("value", "col.out.value"),
    ("unit", "col.out.unit"),
    ("period_start", "col.out.period_start"),
    ("period_end", "col.out.period_end"),
    ("baseline", "col.out.baseline"),
    ("baseline_period", "col.out.baseline_period"),
    ("measured_by", "col.out.measured_by"),
    ("measurer", "col.out.measurer"),
    ("method", "col.out.method"),
    ("source", "col.out.source"),
    ("summary_fr", "col.out.summary"),
)


def outcomes_table(outcomes: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The outcome records, one per row, as the catalogue's ``outcomes.csv`` holds them
    (column names in ``lang``; who measured in words)."""
    frame = pd.DataFrame({t(key, lang): outcomes[column] for column, key in OUTCOME_COLUMNS})
    who = t("col.out.measured_by", lang)
    frame[who] = [t(f"outcome.by.{v}", lang) for v in outcomes["measured_by"].astype(str)]
    return frame.reset_index(drop=True)


def outcome_texts(outcomes: pd.DataFrame, lang: str) -> dict[str, str]:
    """``initiative_id`` -> its records as one text: summary (who measured; source)."""
    out: dict[str, list[str]] = {}
    for r in outcomes.itertuples(index=False):
        who = t(f"outcome.by.{r.measured_by}", lang)
        out.setdefault(r.initiative_id, []).append(
            f"{r.summary_fr} ({who}{colon(lang)} {r.measurer} ; {r.source})"
        )
    return {key: " | ".join(items) for key, items in out.items()}
