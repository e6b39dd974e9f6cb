"""Admin of emulation clusters, their years and the handovers of their chair."""

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from thidua.core.admin import ReadOnlyAdmin, ServiceAdmin
from thidua.movements import services
from thidua.movements.models import ChairHandover, Cluster, ClusterMember, ClusterYear


@admin.register(Cluster)
class ClusterAdmin(ServiceAdmin):
    list_display = ["name", "code", "kind", "organiser", "valid_from", "valid_to"]
    list_filter = ["kind"]
    list_select_related = ["organiser"]
    search_fields = ["name", "=code"]
    raw_id_fields = ["organiser"]
    fields = ["code", "name", "kind", "organiser", "managing_council", "valid_from", "note"]

    def create(self, request: HttpRequest, data: dict) -> Cluster:
        return services.create_cluster(by=request.user, **data)


class ClusterMemberInline(admin.TabularInline):
    model = ClusterMember
    fields = ["unit", "unit_name"]
    raw_id_fields = ["unit"]
    extra = 0

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(ClusterYear)
class ClusterYearAdmin(ReadOnlyAdmin):
    """Members, chair and vice-chair of a year are set together on the cluster's page."""

    list_display = ["cluster", "year", "chair_name", "vice_chair_name", "covenant_signed_on"]
    list_filter = ["year"]
    list_select_related = ["cluster"]
    search_fields = ["cluster__name", "chair_name"]
    raw_id_fields = ["chair", "vice_chair"]
    inlines = [ClusterMemberInline]


@admin.register(ClusterMember)
class ClusterMemberAdmin(ReadOnlyAdmin):
    list_display = ["unit_name", "cluster_year"]
    list_select_related = ["cluster_year__cluster"]
    search_fields = ["unit_name", "cluster_year__cluster__name"]
    raw_id_fields = ["cluster_year", "unit"]


class ChairHandoverForm(forms.ModelForm):
    class Meta:
        model = ChairHandover
        fields = ["cluster", "for_year", "date", "from_unit", "to_unit", "note"]

    def clean(self) -> dict:
        # services.hand_over_chair refuses it too, but after the form.
        data = super().clean()
        if data.get("from_unit") and data.get("from_unit") == data.get("to_unit"):
            self.add_error("to_unit", _("The chair cannot be handed over to the same unit."))
        return data


@admin.register(ChairHandover)
class ChairHandoverAdmin(ServiceAdmin):
    form = ChairHandoverForm
    list_display = ["cluster", "for_year", "date", "from_name", "to_name"]
    list_filter = ["for_year"]
    list_select_related = ["cluster"]
    search_fields = ["cluster__name", "from_name", "to_name"]
    raw_id_fields = ["from_unit", "to_unit"]

    def create(self, request: HttpRequest, data: dict) -> ChairHandover:
        return services.hand_over_chair(by=request.user, **data)
