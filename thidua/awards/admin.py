"""Admin of the catalogue, decisions, the award register and initiatives.

The register is history: an award or a revocation is never edited here (a correction or a
revocation is a new record under a new decision), so both are shown read-only. So are the
records only the system writes: decision drafts (edited and issued on their own screens, where
the checks run), the numbering of decisions, the packages received and the files they
brought."""

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from thidua.awards import services
from thidua.awards.models import (
    AnnexLine,
    Award,
    AwardType,
    Decision,
    DecisionDraft,
    DecisionFile,
    DecisionNumber,
    DecisionSequence,
    ImportBatch,
    Initiative,
    PackageReceipt,
    Revocation,
)
from thidua.core.admin import FoldedSearchMixin, ReadOnlyAdmin, ReadOnlyInline, ServiceAdmin


@admin.register(AwardType)
class AwardTypeAdmin(ReadOnlyAdmin):
    """The catalogue is data (awards/data/catalogue.yaml), loaded by a migration."""

    list_display = ["code", "name", "category", "level", "default_kind", "is_annual", "active"]
    list_filter = ["category", "level", "default_kind", "active"]
    search_fields = ["code", "name", "short_name"]


class DecisionForm(forms.ModelForm):
    class Meta:
        model = Decision
        fields = ["number", "date", "issuer", "issuer_name", "decided_by", "signer_name",
                  "signer_title", "legal_basis", "period", "period_start_year", "period_end_year"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if "issuer_name" in self.fields:  # absent from the read-only view
            # Empty: the service takes the issuing unit's name on the decision date.
            self.fields["issuer_name"].required = False


class DecisionFileInline(ReadOnlyInline):
    """The files a decision package brought: shown, never added, changed or removed here."""

    model = DecisionFile
    fields = ["original_name", "kind", "dossier", "size", "content_type", "sha256", "receipt",
              "received_at"]


@admin.register(Decision)
class DecisionAdmin(ServiceAdmin):
    form = DecisionForm
    list_display = ["number", "date", "issuer_name", "decided_by", "signer_name"]
    list_filter = ["decided_by"]
    search_fields = ["number", "issuer_name"]
    raw_id_fields = ["issuer"]
    date_hierarchy = "date"

    def get_inlines(self, request: HttpRequest, obj: Decision | None) -> list:
        # Only a decision received in a package has files; one added here has none.
        return [DecisionFileInline] if obj is not None else []

    def create(self, request: HttpRequest, data: dict) -> Decision:
        return services.create_decision(by=request.user, **data)


@admin.register(Award)
class AwardAdmin(FoldedSearchMixin, ReadOnlyAdmin):
    list_display = ["awardee_name", "award_type", "year", "kind", "decision", "unit_name"]
    list_filter = ["kind", "award_type"]
    list_select_related = ["award_type", "decision"]
    search_fields = ["person__name_folded", "collective__name_folded"]
    raw_id_fields = ["person", "collective", "unit", "decision", "import_batch"]
    # The register holds millions of rows: order by the primary key and skip the full count.
    ordering = ["-id"]
    show_full_result_count = False


@admin.register(Revocation)
class RevocationAdmin(ReadOnlyAdmin):
    list_display = ["award", "decision", "reason"]
    list_select_related = ["award__award_type", "decision"]
    search_fields = ["award__awardee_name", "decision__number"]
    raw_id_fields = ["award", "decision"]


@admin.register(Initiative)
class InitiativeAdmin(FoldedSearchMixin, ServiceAdmin):
    list_display = ["title", "person", "year", "scope", "recognised_by"]
    list_filter = ["scope", "recognised_by"]
    list_select_related = ["person"]
    search_fields = ["person__name_folded"]
    raw_id_fields = ["person", "recognising_body"]

    def create(self, request: HttpRequest, data: dict) -> Initiative:
        return services.record_initiative(by=request.user, **data)


@admin.register(ImportBatch)
class ImportBatchAdmin(ReadOnlyAdmin):
    list_display = ["file_name", "status", "dry_run", "created_by", "created_at", "total_rows",
                    "created_awards"]
    list_filter = ["status", "dry_run"]
    list_select_related = ["created_by"]
    search_fields = ["file_name"]


class AnnexLineInline(ReadOnlyInline):
    model = AnnexLine
    fields = ["position", "subject_kind", "name", "unit_name", "award_type", "nominee"]


@admin.register(DecisionDraft)
class DecisionDraftAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "state", "issuer_name", "date", "round", "decision", "issued_at"]
    list_filter = ["state", "decided_by"]
    list_select_related = ["round", "decision"]
    search_fields = ["number", "issuer_name", "subject"]
    raw_id_fields = ["round", "issuer", "decision", "created_by", "issued_by"]
    inlines = [AnnexLineInline]
    date_hierarchy = "date"


@admin.register(DecisionSequence)
class DecisionSequenceAdmin(ReadOnlyAdmin):
    list_display = ["issuer", "year", "last_number"]
    list_filter = ["year"]
    list_select_related = ["issuer"]
    search_fields = ["issuer__name_folded"]


@admin.register(DecisionNumber)
class DecisionNumberAdmin(ReadOnlyAdmin):
    list_display = ["serial", "year", "issuer", "decision"]
    list_filter = ["year"]
    list_select_related = ["issuer", "decision"]
    search_fields = ["decision__number"]
    raw_id_fields = ["issuer", "decision"]


@admin.register(PackageReceipt)
class PackageReceiptAdmin(ReadOnlyAdmin):
    list_display = ["kind", "file_name", "object_type", "object_id", "received_by", "received_at"]
    list_filter = ["kind"]
    list_select_related = ["received_by"]
    search_fields = ["file_name", "=content_sha256"]


@admin.register(DecisionFile)
class DecisionFileAdmin(ReadOnlyAdmin):
    list_display = ["original_name", "kind", "decision", "dossier", "size", "received_at"]
    list_filter = ["kind"]
    list_select_related = ["decision"]
    search_fields = ["original_name", "decision__number", "dossier", "=sha256"]
    raw_id_fields = ["decision", "receipt"]
