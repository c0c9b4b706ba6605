"""Modération: pending proposals, edits, CSV import/export, audit trail (secret needed)."""

from __future__ import annotations

from components import state
from components.contributions import moderation as moderation_panel

lang = state.lang()
moderation_panel.render(lang)
state.sync_url()
