"""The list exports that may be large, as row iterators for the shared writer (xlsx.py): the
award register with the filters of its page. Small ones are written in the request; above
EXPORT_INLINE_MAX_ROWS rows an ExportJob writes them in the background (tasks.py)."""

from collections.abc import Iterator

from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.awards import queries as award_queries
from thidua.awards.choices import AwardKind
from thidua.awards.views.register import AwardFilterForm, filter_awards, valid_filters
from thidua.documents.bodies import Body, body_of
from thidua.documents.dates import place_and_date
from thidua.documents.xlsx import Heading, Sheet

CHUNK = 2000


def register_queryset(user, params: QueryDict):
    """The awards the register page shows for these filters (and this user's scope)."""
    form = AwardFilterForm(params, user=user)
    filters = valid_filters(form)
    awards = filter_awards(award_queries.visible_to(user), filters)
    return award_queries.with_status(awards).order_by("-pk"), filters


def register_header() -> list[str]:
    return [_("No."), _("Full name or collective"), _("Date of birth"), _("Unit (at the time)"),
            _("Title or form"), _("Year"), _("Kind"), _("Decision number"), _("Decision date"),
            _("Issuing body"), _("Status")]


def register_rows(awards) -> Iterator[list]:
    """One row per award, read in chunks of plain values: no model instances, flat memory."""
    kinds = {key: str(label) for key, label in AwardKind.choices}  # translated once, not per row
    revoked, in_force = _("Revoked"), _("In force")
    values = awards.values_list(
        "awardee_name", "person__birth_date", "unit_name", "award_type__name", "year", "kind",
        "decision__number", "decision__date", "decision__issuer_name", "revoked")
    for number, row in enumerate(values.iterator(chunk_size=CHUNK), start=1):
        yield [number, row[0], row[1], row[2] or None, row[3], row[4], kinds.get(row[5], ""),
               row[6], row[7], row[8], revoked if row[9] else in_force]


def register_sheet(awards) -> Sheet:
    return Sheet(_("Award register"), register_header(), register_rows(awards),
                 [7, 30, 12, 34, 40, 7, 14, 18, 12, 34, 12], wrap=frozenset({3, 4, 9}))


def register_heading(user, filters: dict) -> Heading:
    unit = filters.get("unit") or getattr(user, "unit", None)
    body = body_of(unit) if unit is not None else Body("", "", "")
    lines = [_("Achievement year %(year)s") % {"year": filters["year"]}] if filters.get(
        "year") else []
    return Heading(body, _("AWARD REGISTER"), lines,
                   place_date=place_and_date(body.place, timezone.localdate()))


def register_file_name() -> str:
    return f"so-khen-thuong-{timezone.localdate():%Y%m%d}.xlsx"
