"""UI texts (fr/en) of the kiosk feature, merged into components.i18n.TEXTS."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {}
