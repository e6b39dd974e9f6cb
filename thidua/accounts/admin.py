"""Admin of accounts (with their role and unit) and of API keys."""

from django.contrib import admin, messages
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from thidua.accounts import services
from thidua.accounts.models import ApiToken, User
from thidua.core.admin import OddInputMixin, ReadOnlyAdmin

ROLE_FIELDS = (_("Role and unit"), {"fields": ("full_name", "role", "unit")})


admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(OddInputMixin, DjangoGroupAdmin):
    """Django's, with what every admin of thidua does with odd input (core.admin)."""


@admin.register(User)
class UserAdmin(OddInputMixin, DjangoUserAdmin):
    list_display = ["username", "full_name", "role", "unit", "is_active", "is_staff",
                    "last_login"]
    list_filter = ["role", "is_active", "is_staff", "is_superuser"]
    list_select_related = ["unit"]
    search_fields = ["username", "full_name", "email"]
    raw_id_fields = ["unit"]
    fieldsets = (*DjangoUserAdmin.fieldsets[:1], ROLE_FIELDS, *DjangoUserAdmin.fieldsets[1:])
    add_fieldsets = (*DjangoUserAdmin.add_fieldsets, ROLE_FIELDS)

    def save_model(self, request: HttpRequest, obj: User, form, change: bool) -> None:
        services.save_user(by=request.user, user=obj, created=not change)

    def has_delete_permission(self, request: HttpRequest, obj: User | None = None) -> bool:
        # The audit log points at accounts: disable an account (is_active) instead.
        return False


@admin.register(ApiToken)
class ApiTokenAdmin(ReadOnlyAdmin):
    """Keys are created with `thidua token create` (the raw key is shown once, on the terminal,
    never stored); here they are listed and revoked."""

    list_display = ["prefix", "name", "user", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["revoked_at"]
    list_select_related = ["user"]
    search_fields = ["prefix", "name", "user__username"]
    actions = ["revoke"]

    def has_revoke_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("accounts.change_apitoken")

    @admin.action(description=_("Revoke the selected API keys"), permissions=["revoke"])
    def revoke(self, request: HttpRequest, queryset) -> None:
        revoked = 0
        for token in queryset.filter(revoked_at__isnull=True):
            try:
                services.revoke_token(by=request.user, token=token)
            except ValidationError:  # revoked meanwhile by someone else
                continue
            revoked += 1
        self.message_user(request, ngettext("%(count)d API key revoked.",
                                            "%(count)d API keys revoked.", revoked)
                          % {"count": revoked}, messages.SUCCESS)
