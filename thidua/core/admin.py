"""Admin: the audit log (read-only), and the bases that every app's admin builds on.

The admin is a tool for administrators, not a back door: an object is added or changed there only
through the app's service (audited like any other write), and records that history depends on
are never deleted."""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.db import DataError
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponseRedirect
from django.utils.translation import gettext as _

from thidua.core.ids import ModelMultipleIdField, parse_id
from thidua.core.models import AuditEntry
from thidua.core.text import fold


class LookupSafeChangeList(ChangeList):
    """A list whose odd query string (an id past a bigint, the year 99999 of a date hierarchy)
    is Django's "wrong lookup": the list again without it, rather than a server error."""

    def get_filters(self, request: HttpRequest):
        try:
            return super().get_filters(request)
        except (OverflowError, ValueError) as error:
            raise IncorrectLookupParameters(error) from error

    def get_results(self, request: HttpRequest) -> None:
        try:
            super().get_results(request)
        except (OverflowError, DataError) as error:  # SQLite / PostgreSQL, at the count
            raise IncorrectLookupParameters(error) from error


class OddInputMixin:
    """What every admin of thidua does with values no page of its own sends: odd ids in the
    list's query string, in a multiple choice, in the rows chosen for an action."""

    def get_changelist(self, request: HttpRequest, **kwargs):
        return LookupSafeChangeList

    def formfield_for_manytomany(self, db_field, request: HttpRequest, **kwargs):
        kwargs.setdefault("form_class", ModelMultipleIdField)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def response_action(self, request: HttpRequest, queryset: QuerySet):
        chosen = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
        if any(parse_id(pk) is None for pk in chosen):
            self.message_user(request, _("The rows chosen are not rows of this list."),
                              messages.WARNING)
            return HttpResponseRedirect(request.get_full_path())
        return super().response_action(request, queryset)

    def to_field_allowed(self, request: HttpRequest, to_field: str) -> bool:
        try:
            return super().to_field_allowed(request, to_field)
        except AttributeError:  # Django, given a many-to-many relation's name
            return False


class FoldedSearchMixin:
    """Searches with the accent-folded term, for `name_folded` columns: "phu quy" and "Phú Quý"
    both find "UBND huyện Phú Quý". Other search fields must hold folded-safe values (codes,
    digits)."""

    def get_search_results(self, request: HttpRequest, queryset: QuerySet, search_term: str):
        return super().get_search_results(request, queryset, fold(search_term))


class ServiceAdmin(OddInputMixin, admin.ModelAdmin):
    """Adds through `create`, changes through `update` (both call the app's service); without
    them the admin only shows. Nothing is deleted."""

    create = None  # (request, cleaned_data) -> saved object
    update = None  # (request, object as stored, cleaned_data) -> saved object

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self.create is not None and super().has_add_permission(request)

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self.update is not None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: Model, form, change: bool) -> None:
        if change:
            stored = type(obj).objects.get(pk=obj.pk)
            saved = self.update(request, stored, form.cleaned_data)
        else:
            saved = self.create(request, form.cleaned_data)
        # The admin goes on with `obj` (its log entry, the redirect): make it the saved object.
        obj.__dict__.update(saved.__dict__)

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:
        """The services write related rows themselves (lineage units, cluster members)."""


class ReadOnlyAdmin(ServiceAdmin):
    """For records that are only ever written by the system (audit, register, imports)."""


class ReadOnlyInline(admin.TabularInline):
    """Rows shown with their parent, never added, changed or removed there: `fields` are all
    read-only."""

    extra = 0
    can_delete = False
    show_change_link = False

    def get_readonly_fields(self, request: HttpRequest, obj: Model | None = None):
        return self.fields

    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ["at", "actor", "action", "object_type", "object_id", "summary"]
    list_filter = ["object_type"]
    list_select_related = ["actor"]
    search_fields = ["action", "=object_id", "summary"]
    date_hierarchy = "at"
