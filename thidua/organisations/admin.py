"""Admin of units, their lineage and collective ratings, written through the services."""

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from thidua.core.admin import FoldedSearchMixin, ServiceAdmin
from thidua.organisations import services
from thidua.organisations.choices import LineageKind
from thidua.organisations.models import CollectiveRating, LineageEvent, Unit


@admin.register(Unit)
class UnitAdmin(FoldedSearchMixin, ServiceAdmin):
    """A unit is never edited in place (a rename opens a successor): the admin adds units and
    shows them; renames and reorganisations are lineage events."""

    list_display = ["name", "code", "kind", "parent", "valid_from", "valid_to"]
    list_filter = ["kind"]
    list_select_related = ["parent"]
    search_fields = ["name_folded", "=code"]
    raw_id_fields = ["parent"]
    fields = ["code", "name", "short_name", "kind", "parent", "valid_from", "valid_to", "address"]

    def create(self, request: HttpRequest, data: dict) -> Unit:
        return services.create_unit(by=request.user, **data)


class LineageEventForm(forms.ModelForm):
    class Meta:
        model = LineageEvent
        fields = ["kind", "date", "predecessors", "successors", "basis", "note"]

    def clean(self) -> dict:
        # services.record_lineage checks the same, but its ValueError would come after the
        # form, too late to be shown beside the fields.
        data = super().clean()
        kind = data.get("kind")
        if kind and kind != LineageKind.ESTABLISH and not data.get("predecessors"):
            self.add_error("predecessors",
                           _("A lineage event needs at least one predecessor unit."))
        if kind and kind != LineageKind.DISSOLVE and not data.get("successors"):
            self.add_error("successors", _("A lineage event needs at least one successor unit."))
        return data


@admin.register(LineageEvent)
class LineageEventAdmin(ServiceAdmin):
    form = LineageEventForm
    list_display = ["date", "kind", "basis"]
    list_filter = ["kind"]
    search_fields = ["basis", "note"]
    raw_id_fields = ["predecessors", "successors"]
    date_hierarchy = "date"

    def create(self, request: HttpRequest, data: dict) -> LineageEvent:
        return services.record_lineage(
            by=request.user, kind=data["kind"], date=data["date"],
            predecessors=list(data["predecessors"]), successors=list(data["successors"]),
            basis=data["basis"], note=data["note"],
        )


@admin.register(CollectiveRating)
class CollectiveRatingAdmin(FoldedSearchMixin, ServiceAdmin):
    list_display = ["unit", "year", "level", "member_count"]
    list_filter = ["year", "level"]
    list_select_related = ["unit"]
    search_fields = ["unit__name_folded"]
    raw_id_fields = ["unit"]

    def get_readonly_fields(self, request: HttpRequest, obj=None) -> list[str]:
        return ["unit", "year"] if obj else []

    def create(self, request: HttpRequest, data: dict) -> CollectiveRating:
        return services.record_collective_rating(by=request.user, **data)

    def update(self, request: HttpRequest, rating: CollectiveRating, data: dict
               ) -> CollectiveRating:
        return services.record_collective_rating(by=request.user, unit=rating.unit,
                                                 year=rating.year, level=data["level"],
                                                 member_count=data["member_count"])
