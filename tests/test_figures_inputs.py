"""Malformed raw files: the readers raise InputError naming the file, row and column."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest

from data.build import figures
from data.build.raw_apl import FILE as APL_FILE
from data.build.raw_apl import read_apl
from data.build.raw_cnom import FILE as CNOM_FILE
from data.build.raw_cnom import read_cnom
from data.build.raw_insee import FILE as INSEE_FILE
from data.build.raw_insee import read_insee_population
from data.build.raw_rpps2018 import FILE as RPPS2018_FILE
from data.build.raw_rpps2018 import read_rpps2018
from data.build.raw_rpps2022 import DENSITE_FILE, EFFECTIFS_FILE, read_rpps2022
from data.errors import InputError
from data.paths import raw_dir


def _copy(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copyfile(raw_dir() / name, target)
    return target


def _edit_line(path: Path, line: int, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` on 1-based ``line`` of a text file."""
    lines = path.read_text(encoding="utf-8").split("\n")
    assert old in lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    path.write_text("\n".join(lines), encoding="utf-8")


def test_rpps_missing_column(tmp_path: Path) -> None:
    path = _copy(tmp_path, EFFECTIFS_FILE)
    _edit_line(path, 1, "11-Pédiatrie", "11-Pediatrie")
    with pytest.raises(InputError) as info:
        read_rpps2022(path, integers=True)
    assert info.value.file == str(path)
    assert (info.value.row, info.value.column) == (1, "11-Pédiatrie")
    assert EFFECTIFS_FILE in str(info.value) and "11-Pédiatrie" in str(info.value)


def test_rpps_non_numeric_cell(tmp_path: Path) -> None:
    path = _copy(tmp_path, DENSITE_FILE)
    _edit_line(path, 5, '"165,09"', "n.d.")  # département 04, GP density
    with pytest.raises(InputError) as info:
        read_rpps2022(path, integers=False)
    assert (info.value.file, info.value.row, info.value.column) == (
        str(path),
        5,
        "01-Médecine générale",
    )
    assert "ligne 5" in str(info.value) and "n.d." in str(info.value)


def test_rpps_count_must_be_integer(tmp_path: Path) -> None:
    path = _copy(tmp_path, EFFECTIFS_FILE)
    _edit_line(path, 2, "1,672,", '1,"672,5",')
    with pytest.raises(InputError) as info:
        read_rpps2022(path, integers=True)
    assert (info.value.row, info.value.column) == (2, "01-Médecine générale")


def test_rpps_missing_departement(tmp_path: Path) -> None:
    path = _copy(tmp_path, EFFECTIFS_FILE)
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(line for line in lines if not line.startswith("02B,")), "utf-8")
    with pytest.raises(InputError, match="2B") as info:
        read_rpps2022(path, integers=True)
    assert info.value.column == "dept_code"


def test_insee_non_numeric_population(tmp_path: Path) -> None:
    path = _copy(tmp_path, INSEE_FILE)
    _edit_line(path, 3, ";523342;", ";523 342x;")  # Aisne
    with pytest.raises(InputError) as info:
        read_insee_population(path)
    assert (info.value.file, info.value.row, info.value.column) == (str(path), 3, "PMUN")


def test_cnom_bad_code(tmp_path: Path) -> None:
    path = _copy(tmp_path, CNOM_FILE)
    _edit_line(path, 2, "1,Ain", "1A,Ain")
    with pytest.raises(InputError) as info:
        read_cnom(path)
    assert (info.value.row, info.value.column) == (2, "code_departement_raw")


def test_rpps2018_non_numeric_cell(tmp_path: Path) -> None:
    path = tmp_path / RPPS2018_FILE
    workbook = openpyxl.load_workbook(raw_dir() / RPPS2018_FILE)
    sheet = workbook.worksheets[0]
    assert str(sheet["A20"].value).startswith("03 - ")
    sheet.cell(row=20, column=sheet.max_column).value = "abc"
    workbook.save(path)
    with pytest.raises(InputError) as info:
        read_rpps2018(path)
    assert (info.value.file, info.value.row, info.value.column) == (
        str(path),
        20,
        "Médecine générale",
    )


def _sheet_member(archive: zipfile.ZipFile, name: str) -> str:
    workbook = archive.read("xl/workbook.xml").decode()
    rels = archive.read("xl/_rels/workbook.xml.rels").decode()
    rid = re.search(rf'<sheet name="{name}" sheetId="\d+" r:id="(rId\d+)"', workbook)
    assert rid, name
    target = re.search(rf'Id="{rid.group(1)}"[^>]*Target="([^"]+)"', rels)
    assert target
    return "xl/" + target.group(1)


def _corrupt_apl(tmp_path: Path, sheet: str, cell: str, text: str) -> Path:
    """Copy the APL workbook, replacing one cell of one sheet with an inline string."""
    source = raw_dir() / APL_FILE
    target = tmp_path / APL_FILE
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        member = _sheet_member(zin, sheet)
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == member:
                xml = data.decode()
                new, count = re.subn(
                    rf'<c r="{cell}"[^>]*?(?:/>|>.*?</c>)',
                    f'<c r="{cell}" t="inlineStr"><is><t>{text}</t></is></c>',
                    xml,
                    count=1,
                )
                assert count == 1
                data = new.encode()
            zout.writestr(info, data)
    return target


def test_apl_non_numeric_cell(tmp_path: Path) -> None:
    path = _corrupt_apl(tmp_path, "APL 2023", "D12", "secret")
    with pytest.raises(InputError) as info:
        read_apl(path)
    assert str(path) in info.value.file and "APL 2023" in info.value.file
    assert (info.value.row, info.value.column) == (
        12,
        "APL aux médecins généralistes de moins de 65 ans",
    )


def test_apl_missing_column(tmp_path: Path) -> None:
    path = _corrupt_apl(tmp_path, "APL 2022", "F9", "Autre chose")
    with pytest.raises(InputError) as info:
        read_apl(path)
    assert "APL 2022" in info.value.file
    assert (info.value.row, info.value.column) == (9, "Population totale")


def test_apl_bad_commune_code(tmp_path: Path) -> None:
    path = _corrupt_apl(tmp_path, "APL 2022", "A13", "1004")
    with pytest.raises(InputError) as info:
        read_apl(path)
    assert (info.value.row, info.value.column) == (13, "Code commune INSEE")


@pytest.mark.parametrize(
    "name", [APL_FILE, EFFECTIFS_FILE, DENSITE_FILE, RPPS2018_FILE, INSEE_FILE, CNOM_FILE]
)
def test_missing_file(tmp_path: Path, name: str) -> None:
    for other in (APL_FILE, EFFECTIFS_FILE, DENSITE_FILE, RPPS2018_FILE, INSEE_FILE, CNOM_FILE):
        if other != name:
            (tmp_path / other).symlink_to(raw_dir() / other)
    with pytest.raises(InputError, match="introuvable") as info:
        figures.build_figures(tmp_path / "out", raw=tmp_path)
    assert info.value.file == str(tmp_path / name)
    assert not (tmp_path / "out").exists()
