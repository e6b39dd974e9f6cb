"""The catalogue of titles and forms, kept as data in data/catalogue.yaml."""

from decimal import Decimal
from functools import cache
from pathlib import Path

from thidua.core.datafiles import read_yaml
from thidua.core.text import fold

CATALOGUE_FILE = Path(__file__).parent / "data" / "catalogue.yaml"


@cache
def entries() -> tuple[dict, ...]:
    return tuple(read_yaml(CATALOGUE_FILE))


@cache
def _wordings() -> dict[str, str | dict]:
    return {entry["code"]: entry["achievement"] for entry in entries() if "achievement" in entry}


def achievement_wording(code: str, subject: str) -> str | None:
    """The catalogue's achievement sentence printed on the certificate of an award `code`
    given to a `subject` (SubjectKind value) whose register line has no summary, with
    `{period}` for the achievement period; None when the catalogue has none for them.
    An entry's `achievement` is one sentence, or one per subject kind."""
    wording = _wordings().get(code)
    return wording.get(subject) if isinstance(wording, dict) else wording


def defaults(entry: dict, order: int) -> dict:
    """Model field values for one catalogue entry."""
    bonus = entry.get("bonus")
    return {
        "name": entry["name"],
        "short_name": entry.get("short", ""),
        "category": entry["category"],
        "level": entry["level"],
        "subjects": entry["subjects"],
        "default_kind": entry.get("kind", "cong_trang"),
        "authorities": entry.get("authorities", []),
        "is_annual": bool(entry.get("annual", False)),
        "bonus_coefficient": Decimal(str(bonus)) if bonus is not None else None,
        "legal_basis": entry.get("basis", ""),
        "aliases": entry.get("aliases", []),
        "sort_order": order,
    }


def sync(award_type_model) -> int:
    """Create or update every catalogue entry; returns how many there are.

    Takes the model class so that a data migration can pass its historical model.
    """
    for order, entry in enumerate(entries(), start=1):
        award_type_model.objects.update_or_create(code=entry["code"], defaults=defaults(entry, order))
    return len(entries())


def name_index(award_types) -> dict[str, object]:
    """Accent-folded code, name, short name and aliases -> award type, for importers."""
    index = {}
    for award_type in award_types:
        for label in [award_type.code, award_type.name, award_type.short_name, *award_type.aliases]:
            if label:
                index.setdefault(fold(label), award_type)
    return index
