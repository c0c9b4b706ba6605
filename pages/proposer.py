"""Proposer une initiative: the contribution form (goes to the moderation queue)."""

from __future__ import annotations

from components import state
from components.contributions import form as contribution_form

lang = state.lang()
state.show_notices()
contribution_form.render(lang)
state.sync_url()
