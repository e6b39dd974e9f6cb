"""Helpers of the eligibility tests: cases written as the JSON of contracts §2."""

from django.utils import translation

from thidua.eligibility.engine import check

PROPOSE_KEYS = ("decision_date", "received_date", "decided_by", "province")


def case(code: str, year: int = 2025, **parts) -> dict:
    """A case proposing `code` for `year`; propose.* options are passed as keywords."""
    propose = {"code": code, "year": year}
    for key in PROPOSE_KEYS:
        if key in parts:
            propose[key] = parts.pop(key)
    return {**parts, "propose": propose}


def verdict(data: dict | list, language: str = "vi") -> dict | list:
    with translation.override(language):
        return check(data)


def checks(answer: dict) -> dict:
    """check → met, for the reasons of an answer (the last one wins on duplicates)."""
    return {item["check"]: item["met"] for item in answer["reasons"]}


def ratings(first: int, last: int, level: str = "HTT", **exceptions) -> dict:
    """{"2020": "HTT", …}; exceptions as y2021="HT"."""
    found = {str(year): level for year in range(first, last + 1)}
    found.update({key[1:]: value for key, value in exceptions.items()})
    return found


def titles(code: str, *years: int, kind: str | None = None) -> list[dict]:
    return [{"code": code, "year": year, **({"kind": kind} if kind else {})} for year in years]
