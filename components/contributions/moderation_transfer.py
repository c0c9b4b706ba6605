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
from data.store.importing import ImportRowReport

ACTION_LABELS = ("create", "update", "unchanged", "invalid")
UPLOAD_GENERATION = "_moderation_upload_generation"
INVALID_BACKGROUND = "background-color: #fde8e8"
DUPLICATE_BACKGROUND = "background-color: #fff4d6"


def _megabytes() -> int:
    return MAX_IMPORT_BYTES // (1024 * 1024)


def upload_key(kind: str = "") -> str:
    """An uploader's key (``kind``: "" for initiatives, "outcomes"); a new one after an
    import empties both uploaders."""
    generation = st.session_state.get(UPLOAD_GENERATION, 0)
    return f"w_mod_upload_{kind + '_' if kind else ''}{generation}"


def _duplicate_text(row: ImportRowReport) -> str:
    return "; ".join(str(d) for d in row.duplicates)


def _report_frame(report: ImportReport, lang: str) -> pd.DataFrame:
    """One row per file line: what will happen and why, invalid lines first, then the
    probable duplicates; the outcome records' lines after those of the initiatives."""
    action, errors, line = t("mod.action", lang), t("mod.errors", lang), t("mod.line", lang)
    name, file_col, dup = t("contrib.name", lang), t("mod.file", lang), t("mod.duplicate", lang)
    columns = [action, errors, line, file_col, name, "id", dup]
    initiatives_file, outcomes_file = t("mod.file.initiatives", lang), t("mod.file.outcomes", lang)

    def header_row(e, file_name: str) -> dict:
        return {
            action: "⚠ " + t("mod.action.invalid", lang),
            errors: f"{e.column} : {e.message}",
            line: e.row,
            file_col: file_name,
            name: "",
            "id": "",
            dup: "",
        }

    rows = [header_row(e, initiatives_file) for e in report.header_errors]
    rows += [header_row(e, outcomes_file) for e in report.outcome_header_errors]
    for row in report.rows:
        label = t(f"mod.action.{row.action}", lang)
        if row.duplicates:
            label = f"{label} — {t('mod.action.duplicate', lang)}"
        rows.append(
            {
                action: ("⚠ " if row.errors or row.duplicates else "") + label,
                errors: "; ".join(f"{e.column or '?'} : {e.message}" for e in row.errors),
                line: row.line,
                file_col: initiatives_file,
                name: row.name,
                "id": row.slug,
                dup: _duplicate_text(row),
            }
        )
    for rec in report.outcomes:
        rows.append(
            {
                action: ("⚠ " if rec.errors else "") + t(f"mod.outcome.{rec.action}", lang),
                errors: "; ".join(f"{e.column or '?'} : {e.message}" for e in rec.errors),
                line: rec.line,
                file_col: outcomes_file,
                name: "",
                "id": rec.initiative_id,
                dup: "",
            }
        )
    frame = pd.DataFrame(rows, columns=columns)
    rank = (frame[errors] == "").astype(int) * 2 + (frame[dup] == "").astype(int)
    order = frame[file_col].map({initiatives_file: 0, outcomes_file: 1})
    return (
        frame.assign(_rank=rank, _file=order)
        .sort_values(["_rank", "_file", line], kind="stable")
        .drop(columns=["_rank", "_file"])
        .reset_index(drop=True)
    )


def _styled_report(frame: pd.DataFrame, lang: str):
    """Invalid lines on a pale red background (their Action also says ⚠ in words)."""
    errors = t("mod.errors", lang)

    dup = t("mod.duplicate", lang)

    def paint(row: pd.Series) -> list[str]:
        colour = INVALID_BACKGROUND if row[errors] else DUPLICATE_BACKGROUND if row[dup] else ""
        return [colour] * len(row)

    return frame.style.apply(paint, axis=1)


def _do_import(only_valid: bool, lang: str) -> None:
    pending = st.session_state.get(IMPORT_KEY)
    if pending is None:
        return
    who = st.session_state.get(WHO_KEY, "")
    try:
        report = store_access.store().import_rows(
            pending["table"], who, only_valid=only_valid, outcomes=pending.get("outcomes")
        )
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


def _read_upload(upload, lang: str):
    """The uploaded file as a table, or None after saying why not."""
    if upload.size > MAX_IMPORT_BYTES:
        st.error(t("mod.too_big", lang, megabytes=_megabytes()))
        return None
    try:
        return parse_import(upload.getvalue())
    except ImportFileError as exc:
        st.error(f"{md_escape(upload.name)} : {md_escape(str(exc))}")
        return None


def _summary(report: ImportReport, lang: str) -> None:
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
    if report.outcomes:
        st.caption(
            t(
                "mod.outcome_summary",
                lang,
                rows=len(report.outcomes),
                invalid=len(report.invalid_outcomes),
                sets=len(report.outcome_sets_to_write),
            )
        )
    if report.flagged:
        st.warning(t("mod.flagged", lang, count=len(report.flagged)))


def import_tab(lang: str) -> None:
    st.markdown(t("mod.import_help", lang))
    st.html(_uploader_css(lang))
    upload = st.file_uploader(t("mod.upload", lang), type=["csv"], key=upload_key())
    outcomes_upload = st.file_uploader(
        t("mod.upload_outcomes", lang), type=["csv"], key=upload_key("outcomes")
    )
    st.caption(t("mod.upload_limit", lang, megabytes=_megabytes()))
    if upload is None:
        st.session_state.pop(IMPORT_KEY, None)
        return
    table = _read_upload(upload, lang)
    outcomes = None if outcomes_upload is None else _read_upload(outcomes_upload, lang)
    if table is None or (outcomes_upload is not None and outcomes is None):
        st.session_state.pop(IMPORT_KEY, None)
        return
    report = store_access.store().preview_import(table, outcomes)
    st.session_state[IMPORT_KEY] = {"name": upload.name, "table": table, "outcomes": outcomes}
    _summary(report, lang)
    st.dataframe(
        _styled_report(_report_frame(report, lang), lang),
        hide_index=True,
        width="stretch",
        column_config={
            t("mod.errors", lang): st.column_config.TextColumn(width="large"),
            t("mod.duplicate", lang): st.column_config.TextColumn(width="large"),
        },
    )
    rows = len(report.rows) + len(report.outcomes)
    invalid = len(report.invalid) + len(report.invalid_outcomes)
    if not report.all_valid:
        st.warning(t("mod.import_blocked", lang, invalid=invalid, rows=rows))
    writes = len(report.to_write) + len(report.outcome_sets_to_write)
    left, right = st.columns(2)
    left.button(
        t("mod.import_all", lang, count=rows),
        disabled=not report.all_valid or not writes,
        on_click=_do_import,
        args=(False, lang),
        key="w_mod_import_all",
        type="primary",
    )
    right.button(
        t("mod.import_valid", lang, count=writes),
        disabled=bool(report.header_errors or report.outcome_header_errors) or not writes,
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
    st.download_button(
        t("mod.export_outcomes", lang),
        data=store.export_published_outcomes_csv(),
        file_name="resultats-publies.csv",
        mime="text/csv",
        icon=":material/download:",
        key="w_mod_export_outcomes",
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
