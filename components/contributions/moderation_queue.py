"""The pending queue and the published list: approve, reject with a reason, edit."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from components.contributions import store_access
from components.contributions.moderation_state import WHO_KEY, flash
from components.i18n import t
from components.map.build import lever_label
from components.map.popups import actor_label, status_label
from components.text import md_escape
from data.initiatives import ACTOR_TYPES, STATUSES
from data.levers import LEVER_CODES
from data.store import (
    Initiative,
    InvalidRow,
    StoreError,
)
from data.store.validation import (
    DESCRIPTION_MAX,
    NAME_MAX,
    OUTCOME_MAX,
    REASON_MAX,
)

# -- pending queue -------------------------------------------------------------------------


def _act(action: Callable[[], object], success: str) -> None:
    try:
        action()
    except InvalidRow as exc:
        details = "; ".join(f"{e.column or '?'} : {e.message}" for e in exc.errors)
        flash("error", md_escape(details))
        return
    except StoreError as exc:
        flash("error", md_escape(str(exc)))
        return
    except SQLAlchemyError:
        flash("error", t("mod.db_error", "fr"))
        return
    flash("success", success)


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


def pending_tab(lang: str) -> None:
    items = store_access.store().pending()
    if not items:
        st.info(t("mod.queue_empty", lang))
        return
    for item in items:
        _pending_item(item, lang)


def published_tab(lang: str) -> None:
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
