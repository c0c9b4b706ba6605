"""Checks of a row's place: commune, département, region and the scope they imply."""

from __future__ import annotations

from collections.abc import Iterator

from data.initiatives.reference import Reference
from data.initiatives.row_error import ErrorMaker, Getter, RowError
from data.initiatives.schema import (
    COMMUNE_RE,
    DEPARTEMENT_RE,
    REGIONS,
    derive_scope,
    normalise_place_name,
)


class PlaceChecker:
    """Checks places against the reference tables (``None``: format checks only)."""

    def __init__(self, reference: Reference | None) -> None:
        self.reference = reference
        self.alias_names: dict[str, set[str]] = {}
        if reference is not None:
            for aliases in reference.aliases.values():
                for alias in aliases:
                    names = self.alias_names.setdefault(alias.parent_code, set())
                    names.add(normalise_place_name(alias.nom))

    def check(self, err: ErrorMaker, get: Getter) -> Iterator[RowError]:
        ref = self.reference
        name, code = get("commune"), get("commune_code")
        dep, region = get("departement_code"), get("region_code")

        dep_ok = True
        if dep and not DEPARTEMENT_RE.match(dep):
            dep_ok = False
            yield err("departement_code", f"code de département « {dep} » invalide")
        elif dep and ref is not None and dep not in ref.departements:
            dep_ok = False
            yield err("departement_code", f"département « {dep} » inconnu")

        if not region:
            yield err("region_code", "code de région obligatoire")
        elif region not in REGIONS:
            yield err("region_code", f"code de région « {region} » inconnu")
        elif dep and dep_ok and ref is not None and ref.departements[dep].region_code != region:
            expected = ref.departements[dep].region_code
            yield err(
                "region_code",
                f"le département {dep} est dans la région {expected} "
                f"({REGIONS.get(expected, '?')}), pas {region}",
            )

        if name and not code:
            yield err("commune_code", f"code INSEE obligatoire pour la commune « {name} »")
        if code:
            yield from self._check_commune(err, name, code, dep)

        scope = get("scope")
        expected_scope = derive_scope(code, dep)
        if scope != expected_scope:
            yield err("scope", f"« {scope} » au lieu de « {expected_scope} » (déduit des codes)")

    def _check_commune(self, err: ErrorMaker, name: str, code: str, dep: str) -> Iterator[RowError]:
        if not COMMUNE_RE.match(code):
            yield err(
                "commune_code",
                f"code INSEE « {code} » invalide (5 caractères : 2 chiffres ou 2A/2B, "
                "ou 97x pour l'outre-mer, puis le numéro de commune)",
            )
            return
        if not dep:
            yield err("departement_code", "département obligatoire quand la commune est donnée")
            return
        if not code.startswith(dep):
            yield err("commune_code", f"la commune {code} n'est pas dans le département {dep}")
            return
        ref = self.reference
        if ref is None:
            return
        commune = ref.communes.get(code)
        if commune is None:
            parents = {a.parent_code for a in ref.aliases.get(code, ())}
            hint = f" : commune déléguée, utiliser le code actuel {', '.join(sorted(parents))}"
            yield err(
                "commune_code",
                f"code INSEE {code} inconnu parmi les communes actuelles"
                + (hint if parents else ""),
            )
            return
        if commune.departement_code != dep:
            yield err(
                "commune_code",
                f"la commune {code} ({commune.nom}) est dans le département "
                f"{commune.departement_code}, pas {dep}",
            )
            return
        if name:
            known = {normalise_place_name(commune.nom)} | self.alias_names.get(code, set())
            if normalise_place_name(name) not in known:
                yield err(
                    "commune",
                    f"« {name} » ne correspond pas à la commune {code} ({commune.nom})",
                )
