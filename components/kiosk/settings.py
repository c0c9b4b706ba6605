"""Kiosk settings: idle timeout, countdown, attract loop, public address (no streamlit here).

Environment (the kiosk machine's defaults) then URL parameters (per screen), each
validated on its own; a bad value falls back to the default with a short notice:

- ``ATLAS_KIOSK_IDLE_SECONDS`` / ``?idle=NN``: seconds without a touch before the view
  resets (default 90, 5 to 3600); the countdown shows for the last ``countdown_seconds``;
- ``ATLAS_KIOSK_ATTRACT_SECONDS`` / ``?attract=NN``: seconds per slide of the attract
  loop (default 12, 3 to 600);
- ``ATLAS_PUBLIC_URL``: the public address of the atlas (``https://…``), used by the
  permalink QR code so that a phone opens the current view on the public site.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

IDLE_DEFAULT, IDLE_MIN, IDLE_MAX = 90, 5, 3600
ATTRACT_DEFAULT, ATTRACT_MIN, ATTRACT_MAX = 12, 3, 600
COUNTDOWN_MAX = 10
HEALTH_POLL_SECONDS = 3

ENV_IDLE = "ATLAS_KIOSK_IDLE_SECONDS"
ENV_ATTRACT = "ATLAS_KIOSK_ATTRACT_SECONDS"
ENV_PUBLIC_URL = "ATLAS_PUBLIC_URL"


@dataclass(frozen=True)
class KioskSettings:
    idle_seconds: int = IDLE_DEFAULT
    attract_seconds: int = ATTRACT_DEFAULT
    public_url: str | None = None
    # URL parameters that configure this screen, kept when the view resets.
    config_params: tuple[tuple[str, str], ...] = ()

    @property
    def countdown_seconds(self) -> int:
        """The countdown shown before a reset: 10 s, less for very short timeouts."""
        return max(2, min(COUNTDOWN_MAX, self.idle_seconds // 2))

    def reset_query(self, kiosk_in_url: bool) -> str:
        """The query string of the clean kiosk view (national view, default filters)."""
        params: list[tuple[str, str]] = [("kiosk", "1")] if kiosk_in_url else []
        params += list(self.config_params)
        return urlencode(params)


def _seconds(
    raw: str | None, default: int, low: int, high: int, label: str, notices: list[str]
) -> tuple[int, bool]:
    """``(value, given)``: the validated integer, or the default and a notice."""
    if raw is None or not raw.strip():
        return default, False
    text = raw.strip()
    if text.isdigit() and low <= int(text) <= high:
        return int(text), True
    notices.append(f"{label} invalide ({text[:12]!r}, attendu {low} à {high} s) : {default} s")
    return default, False


def public_url(raw: str | None, notices: list[str]) -> str | None:
    """An http(s) address without query or fragment, or None."""
    if not raw or not raw.strip():
        return None
    parts = urlsplit(raw.strip())
    if parts.scheme in ("http", "https") and parts.netloc and not parts.query:
        return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"
    notices.append(f"{ENV_PUBLIC_URL} ignorée (attendu https://…)")
    return None


def kiosk_settings(
    env: Mapping[str, str], params: Mapping[str, str]
) -> tuple[KioskSettings, list[str]]:
    """Settings from the environment, overridden by URL parameters; and the notices."""
    notices: list[str] = []
    idle, _ = _seconds(
        env.get(ENV_IDLE), IDLE_DEFAULT, IDLE_MIN, IDLE_MAX, "Délai d'inactivité", notices
    )
    attract, _ = _seconds(
        env.get(ENV_ATTRACT),
        ATTRACT_DEFAULT,
        ATTRACT_MIN,
        ATTRACT_MAX,
        "Durée des diapositives",
        notices,
    )
    config: list[tuple[str, str]] = []
    idle_param, given = _seconds(
        params.get("idle"), idle, IDLE_MIN, IDLE_MAX, "Paramètre idle", notices
    )
    if given:
        idle = idle_param
        config.append(("idle", str(idle)))
    attract_param, given = _seconds(
        params.get("attract"), attract, ATTRACT_MIN, ATTRACT_MAX, "Paramètre attract", notices
    )
    if given:
        attract = attract_param
        config.append(("attract", str(attract)))
    settings = KioskSettings(
        idle_seconds=idle,
        attract_seconds=attract,
        public_url=public_url(env.get(ENV_PUBLIC_URL), notices),
        config_params=tuple(config),
    )
    return settings, notices
