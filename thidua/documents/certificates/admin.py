"""Administration of certificates: blank layouts (with their fields), issued codes, batches
and signed documents. Imported by thidua/documents/admin.py."""

from django.contrib import admin

from thidua.core.admin import OddInputMixin
from thidua.core.services import log_action
from thidua.documents.certificates.layouts import snapshot as layout_snapshot
from thidua.documents.models import (
    BlankField,
    BlankLayout,
    Certificate,
    CertificateBatch,
    SignedDocument,
)


class BlankFieldInline(admin.TabularInline):
    model = BlankField
    extra = 0


@admin.register(BlankLayout)
class BlankLayoutAdmin(OddInputMixin, admin.ModelAdmin):
    """A layout without unit is the default of its form for every unit without its own; an
    empty kind serves individuals and collectives alike."""

    list_display = ["form", "kind", "unit", "page_width", "page_height", "offset_x", "offset_y",
                    "updated_at"]
    list_filter = ["form", "kind"]
    raw_id_fields = ["unit"]
    inlines = [BlankFieldInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        log_action("thidua.blank_layout.saved", by=request.user, obj=form.instance,
                   after=layout_snapshot(form.instance))


class ReadOnlyAdmin(OddInputMixin, admin.ModelAdmin):
    """Issued codes and signed files are never edited, here or anywhere."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Certificate)
class CertificateAdmin(ReadOnlyAdmin):
    list_display = ["code", "award", "issued_at", "issued_by"]
    search_fields = ["code", "award__awardee_name"]
    list_select_related = ["award__award_type", "issued_by"]


@admin.register(CertificateBatch)
class CertificateBatchAdmin(ReadOnlyAdmin):
    list_display = ["decision", "blank", "status", "done", "total", "created_by", "created_at"]
    list_filter = ["status", "blank"]
    list_select_related = ["decision", "created_by"]


@admin.register(SignedDocument)
class SignedDocumentAdmin(ReadOnlyAdmin):
    list_display = ["title", "signer_subject", "signed_at", "signed_by", "sha256"]
    search_fields = ["title", "sha256"]
