"""Contributions: the proposal form, moderation, access to the store."""
