"""Case studies: one Markdown file each in ``data/case_studies/<slug>.md``.

Each file starts with YAML front matter between two ``---`` lines::

    slug: e-meuse-sante            # = file name without .md
    order: 1                       # position in lists (unique)
    title: "e-Meuse santé (…)"
    departements: ["55", "52", "54"]   # main département first, then partners
    levers: [telemedecine]         # codes of data.levers
    initiatives: [e-meuse-sante-programme, …]   # ids of the catalogue (data/catalogue/)
    summary: "One sentence."
    sources:                       # http(s) URLs; title optional
      - title: "meuse.fr – …"
        url: https://meuse.fr/…

The Markdown body follows. Links with the catalogue go both ways: every
initiative listed here has ``case_study`` = this slug in its region's
``initiatives.csv``, and every catalogue row with a ``case_study`` is listed by that
case study.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from data.errors import InputError
from data.initiatives import CATALOGUE_DIR, DEPARTEMENT_RE, SLUG_RE, is_http_url, read_catalogue
from data.levers import is_lever
from data.paths import DATA_DIR

CASE_STUDIES_DIR = DATA_DIR / "case_studies"
FIELDS: tuple[str, ...] = (
    "slug",
    "order",
    "title",
    "departements",
    "levers",
    "initiatives",
    "summary",
    "sources",
)

# libyaml's C parser when the wheel has it (ten times faster), same safe semantics.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Source:
    url: str
    title: str | None = None


@dataclass(frozen=True)
class CaseStudy:
    slug: str
    order: int
    title: str
    departements: tuple[str, ...]  # main département first
    levers: tuple[str, ...]
    initiatives: tuple[str, ...]
    sources: tuple[Source, ...]
    summary: str
    body_markdown: str


def split_front_matter(text: str) -> tuple[str, str, int]:
    """``(yaml_text, body, body_first_line)``; raises ``ValueError`` without front matter."""
    lines = text.lstrip("\ufeff").splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise ValueError("le fichier doit commencer par une ligne « --- » (front matter YAML)")
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return "".join(lines[1:index]), "".join(lines[index + 1 :]).strip(), index + 2
    raise ValueError("front matter YAML non refermé par une ligne « --- »")


class _Parser:
    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.lines = text.splitlines()

    def fail(self, message: str, field: str | None = None) -> InputError:
        row = None
        if field is not None:
            pattern = re.compile(rf"^{re.escape(field)}\s*:")
            row = next((i + 1 for i, line in enumerate(self.lines) if pattern.match(line)), None)
        return InputError(str(self.path), message, row=row, column=field)

    def text(self, meta: Mapping[str, Any], field: str) -> str:
        value = meta.get(field)
        if not isinstance(value, str) or not value.strip():
            raise self.fail("texte non vide attendu", field)
        return value.strip()

    def str_list(self, meta: Mapping[str, Any], field: str) -> list[str]:
        value = meta.get(field)
        if not isinstance(value, list) or not value:
            raise self.fail("liste non vide attendue", field)
        items = []
        for item in value:
            if isinstance(item, int) and field == "departements":
                item = f"{item:02d}"  # a YAML number written without quotes
            if not isinstance(item, str) or not item.strip():
                raise self.fail(f"élément invalide {item!r}", field)
            items.append(item.strip())
        if len(set(items)) != len(items):
            raise self.fail("élément répété", field)
        return items


def parse_case_study(path: Path) -> CaseStudy:
    """Read and check one case study file on its own (no cross-file checks)."""
    text = path.read_text(encoding="utf-8")
    parser = _Parser(path, text)
    try:
        yaml_text, body, _ = split_front_matter(text)
        meta = yaml.load(yaml_text, Loader=_LOADER)  # noqa: S506 (a safe loader)
    except (ValueError, yaml.YAMLError) as exc:
        raise InputError(str(path), f"front matter illisible : {exc}") from exc
    if not isinstance(meta, dict):
        raise InputError(str(path), "le front matter doit être un dictionnaire YAML", row=2)
    for field in FIELDS:
        if field not in meta:
            raise InputError(str(path), "champ obligatoire absent", column=field)
    for field in meta:
        if field not in FIELDS:
            raise parser.fail(f"champ inconnu (champs : {', '.join(FIELDS)})", str(field))

    slug = parser.text(meta, "slug")
    if slug != path.stem:
        raise parser.fail(f"« {slug} » doit être le nom du fichier (« {path.stem} »)", "slug")
    if not SLUG_RE.match(slug):
        raise parser.fail(f"identifiant « {slug} » invalide", "slug")
    order = meta["order"]
    if not isinstance(order, int) or isinstance(order, bool) or order < 1:
        raise parser.fail("entier positif attendu", "order")

    departements = parser.str_list(meta, "departements")
    for code in departements:
        if not DEPARTEMENT_RE.match(code):
            raise parser.fail(f"code de département « {code} » invalide", "departements")
    levers = parser.str_list(meta, "levers")
    for code in levers:
        if not is_lever(code):
            raise parser.fail(f"levier inconnu « {code} »", "levers")
    initiatives = parser.str_list(meta, "initiatives")

    raw_sources = meta["sources"]
    if not isinstance(raw_sources, list) or not raw_sources:
        raise parser.fail("liste non vide de sources attendue", "sources")
    sources = []
    for item in raw_sources:
        if not isinstance(item, dict) or set(item) - {"url", "title"}:
            raise parser.fail("chaque source est {url, title (facultatif)}", "sources")
        url, title = item.get("url"), item.get("title")
        if not isinstance(url, str) or not is_http_url(url.strip()):
            raise parser.fail(f"source « {url} » : pas une URL http(s)", "sources")
        if title is not None and (not isinstance(title, str) or not title.strip()):
            raise parser.fail("titre de source vide", "sources")
        sources.append(Source(url.strip(), title.strip() if title else None))
    if len({s.url for s in sources}) != len(sources):
        raise parser.fail("source répétée", "sources")

    if not body:
        raise InputError(str(path), "texte de l'étude de cas vide après le front matter")
    return CaseStudy(
        slug=slug,
        order=order,
        title=parser.text(meta, "title"),
        departements=tuple(departements),
        levers=tuple(levers),
        initiatives=tuple(initiatives),
        sources=tuple(sources),
        summary=parser.text(meta, "summary"),
        body_markdown=body,
    )


def load_case_studies(
    dir: Path = CASE_STUDIES_DIR,  # noqa: A002 - the documented parameter name
    initiatives: Path | None = CATALOGUE_DIR,
) -> list[CaseStudy]:
    """All case studies, sorted by ``order``.

    With ``initiatives`` (the catalogue folder, by default ``data/catalogue/``),
    also checks that linked initiative ids exist and that links agree both ways;
    pass ``None`` to skip those checks.
    """
    if not dir.is_dir():
        raise InputError(str(dir), "dossier des études de cas absent")
    studies = [parse_case_study(path) for path in sorted(dir.glob("*.md"))]
    orders: dict[int, str] = {}
    for study in studies:
        if study.order in orders:
            raise InputError(
                str(dir / f"{study.slug}.md"),
                f"ordre {study.order} déjà pris par {orders[study.order]}",
                column="order",
            )
        orders[study.order] = study.slug
    if initiatives is not None:
        _check_links(studies, dir, initiatives)
    return sorted(studies, key=lambda s: s.order)


def _check_links(studies: list[CaseStudy], dir: Path, initiatives: Path) -> None:  # noqa: A002
    linked_by_row = {
        row.values.get("id", "").strip(): (
            str(file.path),
            row.line,
            row.values.get("case_study", "").strip(),
        )
        for file, row in read_catalogue(initiatives).initiative_rows()
    }
    slugs = {study.slug for study in studies}
    for study in studies:
        path = str(dir / f"{study.slug}.md")
        for ident in study.initiatives:
            if ident not in linked_by_row:
                raise InputError(
                    path,
                    f"initiative « {ident} » absente du catalogue ({initiatives})",
                    column="initiatives",
                )
            file, line, linked = linked_by_row[ident]
            if linked != study.slug:
                raise InputError(
                    file,
                    f"l'initiative « {ident} » est citée par l'étude de cas « {study.slug} » "
                    f"mais sa colonne case_study vaut « {linked} »",
                    row=line,
                    column="case_study",
                )
    listed = {ident: study.slug for study in studies for ident in study.initiatives}
    for ident, (file, line, linked) in linked_by_row.items():
        if not linked:
            continue
        if linked not in slugs:
            raise InputError(
                file,
                f"étude de cas « {linked} » inexistante",
                row=line,
                column="case_study",
            )
        if listed.get(ident) != linked:
            raise InputError(
                file,
                f"l'étude de cas « {linked} » ne cite pas l'initiative « {ident} »",
                row=line,
                column="case_study",
            )
