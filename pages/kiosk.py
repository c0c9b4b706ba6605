"""Kiosk: the conference touch screen (placeholder until the kiosk feature lands)."""

from __future__ import annotations

import streamlit as st

from components import filters, state
from components.map_view import show_map

state.show_notices()
shown = filters.initiative_filters(st.container())
show_map(shown, height=760)
