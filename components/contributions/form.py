"""The "Proposer une initiative" form: fields, per-field errors, acknowledgement.

The contributor is thanked only once :meth:`data.store.Store.submit` has returned,
that is after COMMIT. Each form instance carries a token, so a double click or a
retry stores the proposal once. Whatever the contributor typed is shown back as
text (Markdown-escaped), never as HTML.
"""

from __future__ import annotations

import datetime as dt
import uuid

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from components import cache
from components.contributions import store_access
from components.i18n import t
from components.map.build import lever_label
from components.map.popups import actor_label, status_label
from components.text import md_escape
from data.initiatives import ACTOR_TYPES, FIRST_YEAR, MEASURED_BY, STATUSES
from data.levers import LEVER_CODES
from data.search import PlaceIndex, commune_places
from data.store import InvalidProposal, Proposal, SubmissionResult
from data.store.outcome_fields import OUTCOME_LIMITS
from data.store.validation import (
    DESCRIPTION_MAX,
    DESCRIPTION_MIN,
    NAME_MAX,
    outcome_field,
)

PREFIX = "w_contrib_"
W_NAME = PREFIX + "name"
W_COMMUNE_QUERY = PREFIX + "commune_query"
W_COMMUNE = PREFIX + "commune"
W_LEVER = PREFIX + "lever"
W_YEAR = PREFIX + "year"
W_ACTORS = PREFIX + "actors"
W_STATUS = PREFIX + "status"
W_DESCRIPTION = PREFIX + "description"
# The optional outcome record: one widget per column of outcomes.csv it fills.
OUTCOME_WIDGETS: dict[str, str] = {
    "indicator_fr": PREFIX + "out_indicator",
    "value": PREFIX + "out_value",
    "unit": PREFIX + "out_unit",
    "period_end": PREFIX + "out_period_end",
    "measured_by": PREFIX + "out_measured_by",
    "measurer": PREFIX + "out_measurer",
    "source": PREFIX + "out_source",
    "summary_fr": PREFIX + "out_summary",
}
W_SOURCES = PREFIX + "sources"
W_EMAIL = PREFIX + "email"
TOKEN_KEY = "_contrib_token"  # noqa: S105 (a session-state key)
ERRORS_KEY = "_contrib_errors"
DONE_KEY = "_contrib_done"
FAILURE_KEY = "_contrib_failure"
COMMUNE_HITS = 12


def _option(code: str, name: str) -> str:
    return f"{code}|{name}"


def _split_option(option: object) -> tuple[str, str]:
    code, _, name = str(option or "").partition("|")
    return code, name


@st.cache_resource(show_spinner=False)
def commune_index() -> PlaceIndex:
    """Current communes and their communes déléguées/associées (which resolve to the
    current commune's code), searched without accents or case."""
    a = cache.static_atlas()
    return PlaceIndex(commune_places(a.communes, a.commune_aliases))


def _token() -> str:
    if TOKEN_KEY not in st.session_state:
        st.session_state[TOKEN_KEY] = uuid.uuid4().hex
    return st.session_state[TOKEN_KEY]


def _outcome_record() -> dict[str, object] | None:
    """The outcome record typed in the form, or None when every one of its fields is empty."""
    get = st.session_state.get
    record = {column: get(key) or "" for column, key in OUTCOME_WIDGETS.items()}
    if not any(str(value).strip() for value in record.values()):
        return None
    return record


def _proposal() -> Proposal:
    get = st.session_state.get
    year = get(W_YEAR)
    code, name = _split_option(get(W_COMMUNE))
    return Proposal(
        name=str(get(W_NAME) or ""),
        lever=str(get(W_LEVER) or ""),
        description_fr=str(get(W_DESCRIPTION) or ""),
        sources=[str(get(W_SOURCES) or "")],
        commune_code=code,
        commune=name,
        year_started=int(year) if year is not None else None,
        carrying_actor=list(get(W_ACTORS) or []),
        status=str(get(W_STATUS) or "unknown"),
        outcomes=[r for r in (_outcome_record(),) if r is not None],
        contact_email=str(get(W_EMAIL) or ""),
        token=_token(),
    )


# What each widget shows when the form is empty. Deleting a widget's state is not
# enough: the browser keeps showing (and sends back) what was typed. Setting the value
# in a callback, before the widgets are drawn, empties the fields on screen too.
EMPTY: dict[str, object] = {
    W_NAME: "",
    W_COMMUNE_QUERY: "",
    W_COMMUNE: None,
    W_LEVER: None,
    W_YEAR: None,
    W_ACTORS: [],
    W_STATUS: "unknown",
    W_DESCRIPTION: "",
    **{key: None if column == "measured_by" else "" for column, key in OUTCOME_WIDGETS.items()},
    W_SOURCES: "",
    W_EMAIL: "",
}
WIDGETS = tuple(EMPTY)


def _reset_form() -> None:
    for key, value in EMPTY.items():
        st.session_state[key] = value
    st.session_state[TOKEN_KEY] = uuid.uuid4().hex
    st.session_state.pop(ERRORS_KEY, None)


# A field's error stays on screen only while the field still holds what was sent.
FIELD_WIDGETS: dict[str, tuple[str, ...]] = {
    "name": (W_NAME,),
    "commune": (W_COMMUNE_QUERY, W_COMMUNE),
    "lever": (W_LEVER,),
    "year_started": (W_YEAR,),
    "carrying_actor": (W_ACTORS,),
    "status": (W_STATUS,),
    "description_fr": (W_DESCRIPTION,),
    **{outcome_field(0, column): (key,) for column, key in OUTCOME_WIDGETS.items()},
    "sources": (W_SOURCES,),
    "contact_email": (W_EMAIL,),
}


def _sent_values(field: str) -> tuple[object, ...]:
    return tuple(repr(st.session_state.get(key)) for key in FIELD_WIDGETS.get(field, ()))


def _submit() -> None:
    """Button callback: store the proposal, then (after COMMIT) say thank you."""
    proposal = _proposal()
    blank = not (proposal.name.strip() or proposal.description_fr.strip())
    if blank and st.session_state.get(DONE_KEY) is not None:
        return  # a second click on an emptied form: keep the thank-you on screen
    st.session_state.pop(FAILURE_KEY, None)
    st.session_state.pop(DONE_KEY, None)
    try:
        result = store_access.store().submit(proposal, require_commune=True)
    except InvalidProposal as exc:
        by_field: dict[str, tuple[tuple[object, ...], list[str]]] = {}
        for err in exc.errors:
            by_field.setdefault(err.field, (_sent_values(err.field), []))[1].append(err.message)
        st.session_state[ERRORS_KEY] = by_field
        return
    except SQLAlchemyError:
        st.session_state[FAILURE_KEY] = True
        return
    st.session_state[DONE_KEY] = result
    _reset_form()


def _open_errors() -> dict[str, list[str]]:
    """The errors of the last submission whose field has not been changed since."""
    sent = st.session_state.get(ERRORS_KEY) or {}
    return {f: msgs for f, (values, msgs) in sent.items() if _sent_values(f) == values}


def _field_errors(field: str, lang: str) -> None:
    for message in _open_errors().get(field, []):
        st.error(md_escape(message), icon=":material/error:")


def _acknowledgement(result: SubmissionResult, lang: str) -> None:
    st.success(t("contrib.thanks", lang, number=result.pk), icon=":material/check_circle:")
    published = result.published_duplicates
    if published:
        names = ", ".join(f"« {md_escape(d.name)} »" for d in published)
        st.warning(t("contrib.duplicates_published", lang, names=names))
    if result.pending_duplicates:
        st.info(t("contrib.duplicates_pending", lang, count=len(result.pending_duplicates)))


def _commune_picker(lang: str) -> str | None:
    query = st.text_input(
        t("contrib.commune", lang),
        key=W_COMMUNE_QUERY,
        placeholder=t("contrib.commune_placeholder", lang),
        help=t("contrib.commune_help", lang),
    )
    if not query.strip():
        st.session_state[W_COMMUNE] = None
        return None
    hits = commune_index().search(query, limit=COMMUNE_HITS)
    if not hits:
        st.session_state[W_COMMUNE] = None
        st.caption(t("contrib.commune_none", lang, q=md_escape(query[:60])))
        return None
    communes = cache.atlas().communes
    labels = {}
    for p in hits:
        label = f"{p.name} ({p.departement_code}) — {p.code}"
        current = communes.at[p.code, "nom"] if p.code in communes.index else p.name
        if current != p.name:
            label = f"{p.name} ({p.departement_code}) → {current} — {p.code}"
        labels[_option(p.code, p.name)] = label
    if st.session_state.get(W_COMMUNE) not in labels:
        st.session_state[W_COMMUNE] = next(iter(labels))
    option = st.selectbox(
        t("contrib.commune_pick", lang),
        list(labels),
        format_func=labels.__getitem__,
        key=W_COMMUNE,
    )
    code, _name = _split_option(option)
    if code in communes.index:
        lon, lat = communes.at[code, "lon"], communes.at[code, "lat"]
        sep = "," if lang == "fr" else "."
        point = (
            t(
                "contrib.commune_point",
                lang,
                lat=f"{lat:.4f}".replace(".", sep),
                lon=f"{lon:.4f}".replace(".", sep),
            )
            if lon == lon and lat == lat
            else t("contrib.commune_no_point", lang)
        )
        st.caption(
            t("contrib.commune_resolved", lang, name=md_escape(communes.at[code, "nom"]), code=code)
            + " · "
            + point
        )
    return code


def _live_duplicates(lang: str, commune: str | None) -> None:
    """Warn while typing when the commune already has an initiative of a similar name."""
    name = str(st.session_state.get(W_NAME) or "").strip()
    if not name or not commune:
        return
    try:
        found = store_access.store().find_duplicates(name, commune)
    except SQLAlchemyError:
        return
    published = [d for d in found if d.state == "published"]
    if published:
        names = ", ".join(f"« {md_escape(d.name)} »" for d in published)
        st.warning(t("contrib.duplicates_published", lang, names=names))
    pending = len(found) - len(published)
    if pending:
        st.info(t("contrib.duplicates_pending", lang, count=pending))


def _outcome_fields(lang: str) -> None:
    """The optional outcome record, each field with its own messages."""
    with st.expander(t("contrib.outcome", lang), icon=":material/analytics:"):
        st.caption(t("contrib.outcome_help", lang))
        for column, key in OUTCOME_WIDGETS.items():
            label = t(f"contrib.out.{column}", lang)
            if column == "measured_by":
                st.selectbox(
                    label,
                    list(MEASURED_BY),
                    index=None,
                    format_func=lambda code: t(f"contrib.out.by.{code}", lang),
                    placeholder=t("contrib.choose", lang),
                    key=key,
                )
            elif column == "summary_fr":
                st.text_area(label, key=key, max_chars=OUTCOME_LIMITS[column])
            else:
                help_text = t(f"contrib.out.{column}_help", lang)
                st.text_input(label, key=key, help=help_text or None)
            _field_errors(outcome_field(0, column), lang)


def render(lang: str) -> None:
    """The whole page body."""
    st.title(t("contrib.title", lang))
    st.markdown(t("contrib.intro", lang))
    done = st.session_state.get(DONE_KEY)
    if isinstance(done, SubmissionResult):
        _acknowledgement(done, lang)
    if st.session_state.get(FAILURE_KEY):
        st.error(t("contrib.failure", lang), icon=":material/cloud_off:")
    if _open_errors():
        st.error(t("contrib.has_errors", lang), icon=":material/error:")

    st.text_input(
        t("contrib.name", lang), key=W_NAME, help=t("contrib.name_help", lang, high=NAME_MAX)
    )
    _field_errors("name", lang)
    commune = _commune_picker(lang)
    _field_errors("commune", lang)
    _live_duplicates(lang, commune)

    st.selectbox(
        t("contrib.lever", lang),
        list(LEVER_CODES),
        format_func=lambda code: lever_label(code, lang),
        index=None,
        placeholder=t("contrib.choose", lang),
        key=W_LEVER,
    )
    _field_errors("lever", lang)
    st.number_input(
        t("contrib.year", lang),
        min_value=FIRST_YEAR,
        max_value=dt.date.today().year + 1,
        step=1,
        value=None,
        placeholder=t("contrib.optional", lang),
        key=W_YEAR,
    )
    _field_errors("year_started", lang)
    st.multiselect(
        t("contrib.actors", lang),
        list(ACTOR_TYPES),
        format_func=lambda code: actor_label(code, lang),
        help=t("contrib.actors_help", lang),
        placeholder=t("contrib.choose", lang),
        key=W_ACTORS,
    )
    _field_errors("carrying_actor", lang)
    st.selectbox(
        t("contrib.status", lang),
        list(STATUSES),
        format_func=lambda code: status_label(code, lang),
        key=W_STATUS,
    )
    _field_errors("status", lang)
    st.text_area(
        t("contrib.description", lang),
        key=W_DESCRIPTION,
        help=t("contrib.description_help", lang, low=DESCRIPTION_MIN, high=DESCRIPTION_MAX),
    )
    _field_errors("description_fr", lang)
    _outcome_fields(lang)
    st.text_area(
        t("contrib.sources", lang),
        key=W_SOURCES,
        placeholder="https://…",
        help=t("contrib.sources_help", lang),
    )
    _field_errors("sources", lang)
    st.text_input(
        t("contrib.email", lang),
        key=W_EMAIL,
        help=t("contrib.email_help", lang),
    )
    _field_errors("contact_email", lang)
    st.button(
        t("contrib.submit", lang),
        type="primary",
        on_click=_submit,
        icon=":material/send:",
        key=PREFIX + "submit",
    )
    st.caption(t("contrib.moderation_note", lang))
