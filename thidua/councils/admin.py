"""Admin of councils: read-only views of councils, members and sessions (changes go through the
council screens, which call the services). Ballot lines (`Vote`) have no admin page at all: the
only way to read one is by its receipt code, on the receipt check page."""

from django.contrib import admin

from thidua.core.admin import ReadOnlyAdmin
from thidua.councils.models import Council, CouncilMember, Session


class MemberInline(admin.TabularInline):
    model = CouncilMember
    fields = ["full_name", "role", "user", "valid_from", "valid_to"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Council)
class CouncilAdmin(ReadOnlyAdmin):
    list_display = ["name", "organiser", "quorum_numerator", "quorum_denominator", "active"]
    list_select_related = ["organiser"]
    inlines = [MemberInline]


@admin.register(Session)
class SessionAdmin(ReadOnlyAdmin):
    list_display = ["council", "round", "date", "state", "paper_ballot"]
    list_select_related = ["council", "round"]
    list_filter = ["state", "paper_ballot"]
    exclude = ["agenda"]
