"""Modération: pending proposals, edits, CSV import/export, audit trail (secret needed)."""

from __future__ import annotations

from components import moderation_panel, state

lang = state.lang()
moderation_panel.render(lang)
state.sync_url()
