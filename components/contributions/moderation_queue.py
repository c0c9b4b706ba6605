"""The pending queue and the published list: approve, reject with a reason, edit."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from components.contributions import store_access
from components.contributions.moderation_state import WHO_KEY, flash
from components.i18n import t
from components.map.build import lever_label
from components.map.popups import actor_label, status_label
from components.text import md_escape
from data.initiatives import ACTOR_TYPES, MEASURED_BY, STATUSES
from data.levers import LEVER_CODES
from data.store import (
    Initiative,
    InvalidOutcomes,
    InvalidRow,
    StoreError,
)
from data.store.outcome_fields import FORM_FIELDS
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
        "status_date": str(get(_edit_key(pk, "status_date"), "") or "").strip(),
        "verified_on": str(get(_edit_key(pk, "verified_on"), "") or "").strip(),
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
        dates = st.columns(2)
        dates[0].text_input(
            t("mod.status_date", lang),
            v["status_date"],
            help=t("mod.status_date_help", lang),
            key=_edit_key(pk, "status_date"),
        )
        dates[1].text_input(
            t("mod.verified_on", lang),
            v["verified_on"],
            help=t("mod.verified_on_help", lang),
            key=_edit_key(pk, "verified_on"),
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
            t("mod.outcome_note", lang),
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
    _outcomes_editor(item, lang)


# -- outcome records -----------------------------------------------------------------------


OUTCOMES_GENERATION = "_moderation_outcomes_generation"


def outcomes_key(pk: int) -> str:
    """The outcome editor's key; a new one after a save empties its edit state."""
    return f"w_mod_outcomes_{pk}_{st.session_state.get(OUTCOMES_GENERATION, 0)}"


def _outcome_rows(item: Initiative) -> list[dict[str, str]]:
    return [{c: str(r.get(c) or "") for c in FORM_FIELDS} for r in item.outcomes]


def edited_records(base: list[dict[str, str]], state: object) -> list[dict[str, object]]:
    """The records once the editor's edit state (edited, added, deleted rows) is applied
    to ``base``; rows left wholly empty are dropped."""
    state = state if isinstance(state, dict) else {}
    rows: list[dict[str, object]] = [dict(r) for r in base]
    for index, change in (state.get("edited_rows") or {}).items():
        if 0 <= int(index) < len(rows):
            rows[int(index)].update(change or {})
    deleted = {int(i) for i in state.get("deleted_rows") or ()}
    rows = [r for i, r in enumerate(rows) if i not in deleted]
    rows += [dict(r or {}) for r in state.get("added_rows") or ()]
    out = []
    for row in rows:
        record = {c: "" if row.get(c) is None else row.get(c) for c in FORM_FIELDS}
        if any(str(value).strip() for value in record.values()):
            out.append(record)
    return out


def _save_outcomes(item: Initiative, lang: str) -> None:
    who = st.session_state.get(WHO_KEY, "")
    state = st.session_state.get(outcomes_key(item.pk))
    records = edited_records(_outcome_rows(item), state)
    try:
        store_access.store().set_outcomes(item.pk, records, who)
    except InvalidOutcomes as exc:
        lines = [
            t("mod.outcome_error", lang, number=index + 1, field=field, message=message)
            for index, fields in sorted(exc.by_record().items())
            for field, messages in fields.items()
            for message in messages
        ]
        lines += [e.message for e in exc.errors if e.field == "outcomes"]
        flash("error", "  \n".join(md_escape(line) for line in lines))
        return
    except StoreError as exc:
        flash("error", md_escape(str(exc)))
        return
    except SQLAlchemyError:
        flash("error", t("mod.db_error", lang))
        return
    # A fresh editor: its edits are now the stored records, not to be applied again.
    generation = st.session_state.get(OUTCOMES_GENERATION, 0) + 1
    st.session_state[OUTCOMES_GENERATION] = generation
    flash("success", t("mod.outcomes_saved", lang, number=item.pk, count=len(records)))


def _outcomes_editor(item: Initiative, lang: str) -> None:
    st.markdown(f"**{t('mod.outcomes', lang)}**")
    st.caption(t("mod.outcomes_help", lang))
    frame = pd.DataFrame(_outcome_rows(item), columns=list(FORM_FIELDS), dtype="object")
    config = {c: st.column_config.TextColumn(c) for c in FORM_FIELDS}
    config["measured_by"] = st.column_config.SelectboxColumn(
        "measured_by", options=list(MEASURED_BY)
    )
    st.data_editor(
        frame,
        num_rows="dynamic",
        hide_index=True,
        column_config=config,
        key=outcomes_key(item.pk),
    )
    st.button(
        t("mod.save_outcomes", lang),
        on_click=_save_outcomes,
        args=(item, lang),
        key=f"w_mod_save_outcomes_{item.pk}",
        icon=":material/save:",
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
        (t("mod.outcome_note", lang), v["outcome"]),
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
