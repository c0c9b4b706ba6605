"""The moderation screen: login, pending queue, edits, CSV import/export, audit trail.

Access needs the secret of ``ATLAS_MODERATION_SECRET`` (or ``moderation_secret`` in
``.streamlit/secrets.toml``); without one, moderation is disabled. Failed logins are
rate-limited per client address (:func:`components.contributions.store_access.login_limiter`).
Contributors' text is shown as text: ``st.text``, dataframes, or Markdown-escaped.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Mapping

import pandas as pd
import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from components.contributions import store_access
from components.i18n import t
from components.map.build import lever_label
from components.map.popups import actor_label, status_label
from components.text import md_escape
from data.initiatives import ACTOR_TYPES, STATUSES
from data.levers import LEVER_CODES
from data.store import (
    ImportFileError,
    ImportRejected,
    ImportReport,
    Initiative,
    InvalidRow,
    StoreError,
    parse_import,
)
from data.store.auth import SecretTooShort, configured_secret, secret_fingerprint, secret_matches
from data.store.csvio import MAX_IMPORT_BYTES
from data.store.validation import (
    DESCRIPTION_MAX,
    MODERATOR_MAX,
    NAME_MAX,
    OUTCOME_MAX,
    REASON_MAX,
)

AUTH_KEY = "_moderation_auth"  # fingerprint of the secret the session logged in with
WHO_KEY = "_moderation_who"
FLASH_KEY = "_moderation_flash"
IMPORT_KEY = "_moderation_import"
W_LOGIN_NAME = "w_mod_login_name"
W_LOGIN_SECRET = "w_mod_login_secret"  # noqa: S105 (a widget key)


def _secrets() -> Mapping[str, object] | None:
    try:
        return {key: st.secrets[key] for key in st.secrets}
    except (FileNotFoundError, KeyError, OSError):
        return None


def _flash(kind: str, text: str) -> None:
    st.session_state.setdefault(FLASH_KEY, []).append((kind, text))


def _show_flash() -> None:
    for kind, text in st.session_state.pop(FLASH_KEY, []):
        (st.success if kind == "success" else st.error)(text)


# -- login -------------------------------------------------------------------------------


def _login(secret: str, lang: str) -> None:
    limiter = store_access.login_limiter()
    key = store_access.client_key()
    wait = limiter.retry_after(key)
    if wait > 0:
        st.error(t("mod.rate_limited", lang, minutes=math.ceil(wait / 60)), icon=":material/block:")
        return
    with st.form("mod_login"):
        st.text_input(t("mod.who", lang), key=W_LOGIN_NAME, max_chars=MODERATOR_MAX)
        st.text_input(t("mod.secret", lang), key=W_LOGIN_SECRET, type="password")
        submitted = st.form_submit_button(t("mod.login", lang), icon=":material/login:")
    if not submitted:
        return
    who = str(st.session_state.get(W_LOGIN_NAME) or "").strip()
    given = str(st.session_state.get(W_LOGIN_SECRET) or "")
    if not secret_matches(given, secret):
        limiter.failure(key)
        st.error(t("mod.wrong_secret", lang), icon=":material/error:")
        return
    if not who:
        st.error(t("mod.who_required", lang), icon=":material/error:")
        return
    limiter.success(key)
    st.session_state[AUTH_KEY] = secret_fingerprint(secret)
    st.session_state[WHO_KEY] = who
    st.rerun()


def _logout() -> None:
    st.session_state.pop(AUTH_KEY, None)
    st.session_state.pop(WHO_KEY, None)


# -- pending queue -------------------------------------------------------------------------


def _act(action: Callable[[], object], success: str) -> None:
    try:
        action()
    except InvalidRow as exc:
        details = "; ".join(f"{e.column or '?'} : {e.message}" for e in exc.errors)
        _flash("error", md_escape(details))
        return
    except StoreError as exc:
        _flash("error", md_escape(str(exc)))
        return
    except SQLAlchemyError:
        _flash("error", t("mod.db_error", "fr"))
        return
    _flash("success", success)


def _approve(pk: int, lang: str) -> None:
    who = st.session_state.get(WHO_KEY, "")
    _act(lambda: store_access.store().approve(pk, who), t("mod.approved", lang, number=pk))


def _reject(pk: int, lang: str) -> None:
    who = st.session_state.get(WHO_KEY, "")
    reason = str(st.session_state.get(f"w_mod_reason_{pk}") or "")
    _act(lambda: store_access.store().reject(pk, who, reason), t("mod.rejected", lang, number=pk))


def _edit_key(pk: int, field: str) -> str:
    return f"w_mod_edit_{pk}_{field}"


def _save_edit(item: Initiative, lang: str) -> None:
    who = st.session_state.get(WHO_KEY, "")
    get = st.session_state.get
    pk = item.pk
    year = get(_edit_key(pk, "year_started"))
    changes: dict[str, object] = {
        "name": get(_edit_key(pk, "name"), ""),
        "lever": get(_edit_key(pk, "lever"), ""),
        "year_started": str(year or "").strip(),
        "carrying_actor": list(get(_edit_key(pk, "carrying_actor"), [])),
        "status": get(_edit_key(pk, "status"), ""),
        "description_fr": get(_edit_key(pk, "description_fr"), ""),
        "outcome": get(_edit_key(pk, "outcome"), ""),
        "sources": [
            u.strip() for u in str(get(_edit_key(pk, "sources"), "")).splitlines() if u.strip()
        ],
        "commune_code": str(get(_edit_key(pk, "commune_code"), "")).strip(),
        "case_study": get(_edit_key(pk, "case_study"), ""),
    }
    if item.values["commune_code"] == changes["commune_code"]:
        changes.pop("commune_code")
    _act(
        lambda: store_access.store().edit(pk, changes, who),
        t("mod.saved", lang, number=pk),
    )


def _edit_form(item: Initiative, lang: str) -> None:
    v = item.values
    pk = item.pk
    with st.form(f"mod_edit_{pk}"):
        st.text_input(
            t("contrib.name", lang), v["name"], key=_edit_key(pk, "name"), max_chars=NAME_MAX
        )
        levers = list(LEVER_CODES)
        st.selectbox(
            t("contrib.lever", lang),
            levers,
            index=levers.index(v["lever"]) if v["lever"] in levers else None,
            format_func=lambda code: lever_label(code, lang),
            key=_edit_key(pk, "lever"),
        )
        st.text_input(t("contrib.year", lang), v["year_started"], key=_edit_key(pk, "year_started"))
        actors = [a for a in v["carrying_actor"].split(";") if a in ACTOR_TYPES]
        st.multiselect(
            t("contrib.actors", lang),
            list(ACTOR_TYPES),
            default=actors,
            format_func=lambda code: actor_label(code, lang),
            placeholder=t("contrib.choose", lang),
            key=_edit_key(pk, "carrying_actor"),
        )
        statuses = list(STATUSES)
        st.selectbox(
            t("contrib.status", lang),
            statuses,
            index=statuses.index(v["status"]) if v["status"] in statuses else 3,
            format_func=lambda code: status_label(code, lang),
            key=_edit_key(pk, "status"),
        )
        st.text_input(
            t("mod.commune_code", lang), v["commune_code"], key=_edit_key(pk, "commune_code")
        )
        st.text_area(
            t("contrib.description", lang),
            v["description_fr"],
            max_chars=DESCRIPTION_MAX,
            key=_edit_key(pk, "description_fr"),
        )
        st.text_area(
            t("contrib.outcome", lang),
            v["outcome"],
            max_chars=OUTCOME_MAX,
            key=_edit_key(pk, "outcome"),
        )
        st.text_area(
            t("contrib.sources", lang),
            "\n".join(u.strip() for u in v["sources"].split("|") if u.strip()),
            key=_edit_key(pk, "sources"),
        )
        st.text_input(t("mod.case_study", lang), v["case_study"], key=_edit_key(pk, "case_study"))
        st.form_submit_button(
            t("mod.save", lang), on_click=_save_edit, args=(item, lang), icon=":material/save:"
        )


def _details(item: Initiative, lang: str) -> None:
    v = item.values
    rows = [
        (
            t("contrib.lever", lang),
            lever_label(v["lever"], lang) if v["lever"] in LEVER_CODES else v["lever"],
        ),
        (
            t("mod.place", lang),
            f"{v['commune']} ({v['commune_code']}), dép. {v['departement_code']}",
        ),
        (t("contrib.year", lang), v["year_started"]),
        (
            t("contrib.actors", lang),
            ", ".join(actor_label(a, lang) for a in v["carrying_actor"].split(";") if a),
        ),
        (t("contrib.status", lang), status_label(v["status"], lang)),
        (t("contrib.description", lang), v["description_fr"]),
        (t("contrib.outcome", lang), v["outcome"]),
        (t("contrib.sources", lang), "\n".join(u.strip() for u in v["sources"].split("|"))),
        (t("contrib.email", lang), item.contact_email or ""),
        (t("mod.received", lang), item.created_at.strftime("%Y-%m-%d %H:%M UTC")),
    ]
    lines = []
    for label, value in rows:
        text = md_escape(value).replace("\n", "  \n") if value else "—"
        lines.append(f"**{md_escape(label)}** : {text}")
    st.markdown("  \n".join(lines))


def _pending_item(item: Initiative, lang: str) -> None:
    with st.container(border=True):
        st.subheader(f"n° {item.pk} — {md_escape(item.name)}")
        if item.duplicates:
            lines = [
                f"- n° {d.pk} « {md_escape(d.name)} » "
                f"({t('mod.state.' + d.state, lang)}, {int(d.score * 100)} %)"
                for d in item.duplicates
            ]
            st.warning(t("mod.duplicates", lang) + "\n" + "\n".join(lines))
        _details(item, lang)
        with st.expander(t("mod.edit", lang), icon=":material/edit:"):
            _edit_form(item, lang)
        left, right = st.columns(2)
        left.button(
            t("mod.approve", lang),
            key=f"w_mod_approve_{item.pk}",
            type="primary",
            on_click=_approve,
            args=(item.pk, lang),
            icon=":material/check:",
        )
        right.text_input(t("mod.reason", lang), key=f"w_mod_reason_{item.pk}", max_chars=REASON_MAX)
        right.button(
            t("mod.reject", lang),
            key=f"w_mod_reject_{item.pk}",
            on_click=_reject,
            args=(item.pk, lang),
            icon=":material/close:",
        )


def _pending_tab(lang: str) -> None:
    items = store_access.store().pending()
    if not items:
        st.info(t("mod.queue_empty", lang))
        return
    for item in items:
        _pending_item(item, lang)


def _published_tab(lang: str) -> None:
    store = store_access.store()
    published = store.listing("published")
    if not published:
        st.info(t("mod.none_published", lang))
        return
    labels = {i.pk: f"{i.name} — {i.slug}" for i in published}
    pk = st.selectbox(
        t("mod.pick_published", lang),
        list(labels),
        format_func=labels.__getitem__,
        index=None,
        key="w_mod_published_pick",
    )
    if pk is None:
        return
    item = store.get(pk)
    _details(item, lang)
    _edit_form(item, lang)


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
        _flash("error", md_escape(str(exc)))
        return
    except StoreError as exc:
        _flash("error", md_escape(str(exc)))
        return
    except SQLAlchemyError:
        _flash("error", t("mod.db_error", lang))
        return
    st.session_state.pop(IMPORT_KEY, None)
    _flash("success", t("mod.imported", lang, count=report.written))


def _import_tab(lang: str) -> None:
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


def _export_tab(lang: str) -> None:
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


def _audit_tab(lang: str) -> None:
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


def render(lang: str) -> None:
    """The whole page body."""
    st.title(t("mod.title", lang))
    try:
        secret = configured_secret(os.environ, _secrets())
    except SecretTooShort:
        st.error(t("mod.secret_too_short", lang), icon=":material/lock:")
        return
    if secret is None:
        st.info(t("mod.disabled", lang), icon=":material/lock:")
        return
    if st.session_state.get(AUTH_KEY) != secret_fingerprint(secret):
        _logout()
        _login(secret, lang)
        return
    who = st.session_state.get(WHO_KEY, "")
    top, out = st.columns([4, 1])
    top.caption(t("mod.logged_in", lang, who=md_escape(who)))
    out.button(t("mod.logout", lang), on_click=_logout, key="w_mod_logout")
    _show_flash()
    try:
        counts = store_access.store().counts()
    except SQLAlchemyError:
        st.error(t("mod.db_error", lang), icon=":material/cloud_off:")
        return
    tabs = st.tabs(
        [
            t("mod.tab.pending", lang, count=counts["pending"]),
            t("mod.tab.published", lang, count=counts["published"]),
            t("mod.tab.import", lang),
            t("mod.tab.export", lang),
            t("mod.tab.audit", lang),
        ]
    )
    with tabs[0]:
        _pending_tab(lang)
    with tabs[1]:
        _published_tab(lang)
    with tabs[2]:
        _import_tab(lang)
    with tabs[3]:
        _export_tab(lang)
    with tabs[4]:
        _audit_tab(lang)
