"""CSV import (report, then confirm), CSV export and the audit trail."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from components.contributions import store_access
from components.contributions.moderation_state import IMPORT_KEY, WHO_KEY, flash
from components.i18n import t
from components.text import md_escape
from data.store import (
    ImportFileError,
    ImportRejected,
    ImportReport,
    StoreError,
    parse_import,
)
from data.store.csvio import MAX_IMPORT_BYTES

ACTION_LABELS = ("create", "update", "unchanged", "invalid")
UPLOAD_GENERATION = "_moderation_upload_generation"
INVALID_BACKGROUND = "background-color: #fde8e8"


def _megabytes() -> int:
    return MAX_IMPORT_BYTES // (1024 * 1024)


def upload_key() -> str:
    """The uploader's key; a new one after an import empties the uploader."""
    return f"w_mod_upload_{st.session_state.get(UPLOAD_GENERATION, 0)}"


def _report_frame(report: ImportReport, lang: str) -> pd.DataFrame:
    """One row per file line: what will happen and why, invalid lines first."""
    action, errors, line = t("mod.action", lang), t("mod.errors", lang), t("mod.line", lang)
    rows = [
        {
            action: "⚠ " + t("mod.action.invalid", lang),
            errors: f"{e.column} : {e.message}",
            line: e.row,
            t("contrib.name", lang): "",
            "id": "",
        }
        for e in report.header_errors
    ]
    for row in report.rows:
        rows.append(
            {
                action: ("⚠ " if row.errors else "") + t(f"mod.action.{row.action}", lang),
                errors: "; ".join(f"{e.column or '?'} : {e.message}" for e in row.errors),
                line: row.line,
                t("contrib.name", lang): row.name,
                "id": row.slug,
            }
        )
    frame = pd.DataFrame(rows, columns=[action, errors, line, t("contrib.name", lang), "id"])
    invalid = frame[errors] != ""
    return (
        frame.assign(_invalid=invalid)
        .sort_values(["_invalid", line], ascending=[False, True], kind="stable")
        .drop(columns="_invalid")
        .reset_index(drop=True)
    )


def _styled_report(frame: pd.DataFrame, lang: str):
    """Invalid lines on a pale red background (their Action also says ⚠ in words)."""
    errors = t("mod.errors", lang)

    def paint(row: pd.Series) -> list[str]:
        return [INVALID_BACKGROUND if row[errors] else ""] * len(row)

    return frame.style.apply(paint, axis=1)


def _do_import(only_valid: bool, lang: str) -> None:
    pending = st.session_state.get(IMPORT_KEY)
    if pending is None:
        return
    who = st.session_state.get(WHO_KEY, "")
    try:
        report = store_access.store().import_rows(pending["table"], who, only_valid=only_valid)
    except ImportRejected as exc:
        flash("error", md_escape(str(exc)))
        return
    except StoreError as exc:
        flash("error", md_escape(str(exc)))
        return
    except SQLAlchemyError:
        flash("error", t("mod.db_error", lang))
        return
    st.session_state.pop(IMPORT_KEY, None)
    # A fresh uploader: the imported file does not stay there, read again as "0 à écrire".
    st.session_state[UPLOAD_GENERATION] = st.session_state.get(UPLOAD_GENERATION, 0) + 1
    flash("success", t("mod.imported", lang, count=report.written, name=pending["name"]))


def _uploader_css(lang: str) -> str:
    """Streamlit's uploader speaks English ("Upload", "5MB per file"): its own
    instructions are hidden, the limit is said once by our caption, in the UI language."""
    label = t("mod.upload_button", lang).replace("\\", "").replace('"', "")
    return (
        "<style>"
        "[data-testid='stFileUploaderDropzoneInstructions'] { display: none; }"
        "[data-testid='stFileUploaderDropzone'] button p { font-size: 0; }"
        f"[data-testid='stFileUploaderDropzone'] button p::after {{ content: \"{label}\";"
        " font-size: 1rem; }"
        "</style>"
    )


def import_tab(lang: str) -> None:
    st.markdown(t("mod.import_help", lang))
    st.html(_uploader_css(lang))
    upload = st.file_uploader(
        t("mod.upload", lang),
        type=["csv"],
        key=upload_key(),
    )
    st.caption(t("mod.upload_limit", lang, megabytes=_megabytes()))
    if upload is None:
        st.session_state.pop(IMPORT_KEY, None)
        return
    if upload.size > MAX_IMPORT_BYTES:
        st.error(t("mod.too_big", lang, megabytes=_megabytes()))
        return
    try:
        table = parse_import(upload.getvalue())
    except ImportFileError as exc:
        st.error(md_escape(str(exc)))
        return
    report = store_access.store().preview_import(table)
    st.session_state[IMPORT_KEY] = {"name": upload.name, "table": table}
    rows = len(report.rows)
    st.caption(
        t(
            "mod.import_summary",
            lang,
            rows=rows,
            valid=len(report.valid),
            invalid=len(report.invalid),
            writes=len(report.to_write),
        )
    )
    st.dataframe(
        _styled_report(_report_frame(report, lang), lang),
        hide_index=True,
        width="stretch",
        column_config={t("mod.errors", lang): st.column_config.TextColumn(width="large")},
    )
    if not report.all_valid:
        st.warning(t("mod.import_blocked", lang, invalid=len(report.invalid), rows=rows))
    left, right = st.columns(2)
    left.button(
        t("mod.import_all", lang, count=rows),
        disabled=not report.all_valid or not report.to_write,
        on_click=_do_import,
        args=(False, lang),
        key="w_mod_import_all",
        type="primary",
    )
    valid_writes = report.to_write
    right.button(
        t("mod.import_valid", lang, count=len(valid_writes)),
        disabled=bool(report.header_errors) or not valid_writes,
        on_click=_do_import,
        args=(True, lang),
        key="w_mod_import_valid",
    )


def export_tab(lang: str) -> None:
    store = store_access.store()
    st.markdown(t("mod.export_help", lang))
    st.download_button(
        t("mod.export", lang),
        data=store.export_published_csv(),
        file_name="initiatives-publiees.csv",
        mime="text/csv",
        icon=":material/download:",
        key="w_mod_export",
    )


def audit_tab(lang: str) -> None:
    entries = store_access.store().audit_trail(limit=300)
    if not entries:
        st.info(t("mod.audit_empty", lang))
        return
    frame = pd.DataFrame(
        [
            {
                t("mod.when", lang): e.at.strftime("%Y-%m-%d %H:%M:%S UTC"),
                t("mod.who_col", lang): e.actor,
                t("mod.action", lang): e.action,
                t("mod.initiative", lang): e.initiative_pk,
                t("mod.changed", lang): ", ".join(e.changed_fields()),
                t("mod.reason_col", lang): e.reason or "",
            }
            for e in entries
        ]
    )
    st.dataframe(frame, hide_index=True, width="stretch")
    ids = {e.id: e for e in entries}
    chosen = st.selectbox(
        t("mod.audit_pick", lang),
        list(ids),
        index=None,
        format_func=lambda i: f"#{i} — {ids[i].action} — n° {ids[i].initiative_pk}",
        key="w_mod_audit_pick",
    )
    if chosen is not None:
        before, after = st.columns(2)
        before.caption(t("mod.before", lang))
        before.json(ids[chosen].before or {})
        after.caption(t("mod.after", lang))
        after.json(ids[chosen].after or {})
