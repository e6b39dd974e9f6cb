"""Issuing bodies as the header of an administrative document writes them (Decree 30/2020,
ô 2 and ô 4): the parent body (upright), the issuing body (bold), and the place name of the
date line.

A People's Committee writes "ỦY BAN NHÂN DÂN" over its locality ("TỈNH BÌNH THUẬN") with no
parent line; any other body writes its parent, abbreviated ("UBND TỈNH BÌNH THUẬN"), over its
own name. The place is the proper name of the body's locality: "Phan Thiết", "Bình Thuận"."""

import re
from dataclasses import dataclass

from thidua.core.text import clean
from thidua.organisations.choices import UnitKind

COMMITTEE = "Ủy ban nhân dân"
LOCALITIES = {UnitKind.PROVINCE, UnitKind.DISTRICT, UnitKind.COMMUNE, UnitKind.WARD,
              UnitKind.TOWNSHIP, UnitKind.SPECIAL_ZONE, UnitKind.PEOPLES_COMMITTEE}
# "UBND", "Ủy ban nhân dân" and the old spelling "Uỷ ban nhân dân", at the start of a name.
_COMMITTEE = re.compile(r"^(ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+", re.IGNORECASE)
# Generic words before a locality's proper name, longest first.
_LOCALITY_WORD = re.compile(
    r"^(thành phố|thị xã|thị trấn|đặc khu|tỉnh|huyện|quận|xã|phường)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Body:
    parent: str  # upper case, "" when none
    name: str  # upper case; a People's Committee spans two lines ("\n")
    place: str

    @property
    def name_lines(self) -> list[str]:
        return self.name.split("\n")

    @property
    def single_line(self) -> str:
        return self.name.replace("\n", " ")


def upper(text: str) -> str:
    return clean(text).upper()


def locality(name: str) -> str:
    """ "UBND huyện Phú Quý" → "huyện Phú Quý"; a name without the committee words is kept."""
    return _COMMITTEE.sub("", clean(name))


def place_name(name: str) -> str:
    """ "UBND thành phố Phan Thiết" → "Phan Thiết" (Decree 30: the locality's proper name)."""
    return _LOCALITY_WORD.sub("", locality(name))


def is_committee(name: str, kind: str = "") -> bool:
    return bool(_COMMITTEE.match(clean(name))) or (kind in LOCALITIES
                                                   and bool(_LOCALITY_WORD.match(clean(name))))


def in_sentence(name: str) -> str:
    """A body's name inside a sentence: "UBND Tỉnh Bình Thuận" → "Ủy ban nhân dân tỉnh Bình
    Thuận" (the generic word of a locality is lower case, Decree 30 Annex II)."""
    text = locality(name)
    match = _LOCALITY_WORD.match(text)
    if match:
        text = match.group(1).lower() + text[match.end(1):]
    return f"{COMMITTEE} {text}" if match or text != clean(name) else text


def abbreviated(name: str) -> str:
    """The parent line may abbreviate the committee: "UBND TỈNH BÌNH THUẬN"."""
    text = clean(name)
    if is_committee(text) or _LOCALITY_WORD.match(text):
        return upper(f"UBND {locality(text)}")
    return upper(text)


def body_from_names(name: str, *, kind: str = "", parent: str = "", place: str = "") -> Body:
    """A body from names as written at the time (decisions keep such snapshots)."""
    if is_committee(name, kind):
        return Body("", f"{COMMITTEE.upper()}\n{upper(locality(name))}", place or place_name(name))
    return Body(abbreviated(parent) if parent else "", upper(name), place)


def body_of(unit, *, name: str = "") -> Body:
    """The header of a document issued by `unit` (under `name`, its name at the time)."""
    name = name or unit.name
    if is_committee(name, unit.kind):  # no parent line: the parent is not even read
        return body_from_names(name, kind=unit.kind, place=locality_place(unit))
    parent = unit.parent
    return body_from_names(name, kind=unit.kind, parent=parent.name if parent else "",
                           place=locality_place(unit))


def locality_place(unit) -> str:
    """The proper name of the nearest locality among the unit and its ancestors."""
    while unit is not None:
        if unit.kind in LOCALITIES:
            return place_name(unit.name)
        unit = unit.parent
    return ""
