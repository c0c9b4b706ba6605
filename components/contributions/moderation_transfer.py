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

# -- import / export / audit ------------------------------------------------------------------

ACTION_LABELS = ("create", "update", "unchanged", "invalid")


def _report_frame(report: ImportReport, lang: str) -> pd.DataFrame:
    rows = [
        {
            t("mod.line", lang): e.row,
            "id": "",
            t("contrib.name", lang): "",
            t("mod.action", lang): t("mod.action.invalid", lang),
            t("mod.errors", lang): f"{e.column} : {e.message}",
        }
        for e in report.header_errors
    ]
    for row in report.rows:
        rows.append(
            {
                t("mod.line", lang): row.line,
                "id": row.slug,
                t("contrib.name", lang): row.name,
                t("mod.action", lang): t(f"mod.action.{row.action}", lang),
                t("mod.errors", lang): "; ".join(
                    f"{e.column or '?'} : {e.message}" for e in row.errors
                ),
            }
        )
    return pd.DataFrame(rows)


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
    flash("success", t("mod.imported", lang, count=report.written))


def import_tab(lang: str) -> None:
    st.markdown(t("mod.import_help", lang, megabytes=MAX_IMPORT_BYTES // (1024 * 1024)))
    upload = st.file_uploader(t("mod.upload", lang), type=["csv"], key="w_mod_upload")
    if upload is None:
        st.session_state.pop(IMPORT_KEY, None)
        return
    if upload.size > MAX_IMPORT_BYTES:
        st.error(t("mod.too_big", lang, megabytes=MAX_IMPORT_BYTES // (1024 * 1024)))
        return
    try:
        table = parse_import(upload.getvalue())
    except ImportFileError as exc:
        st.error(md_escape(str(exc)))
        return
    report = store_access.store().preview_import(table)
    st.session_state[IMPORT_KEY] = {"name": upload.name, "table": table}
    st.caption(
        t(
            "mod.import_summary",
            lang,
            rows=len(report.rows),
            valid=len(report.valid),
            invalid=len(report.invalid),
            writes=len(report.to_write),
        )
    )
    st.dataframe(_report_frame(report, lang), hide_index=True, width="stretch")
    left, right = st.columns(2)
    left.button(
        t("mod.import_all", lang, count=len(report.to_write)),
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
