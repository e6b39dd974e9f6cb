"""The audit log: every service that writes something important calls `log_action`."""

from collections.abc import Iterable
from typing import Any

from django.db import models

from thidua.core.models import AuditEntry


def snapshot(obj: models.Model, fields: Iterable[str] | None = None) -> dict[str, Any]:
    """JSON-safe values of a model's concrete fields, for the before/after of an audit entry."""
    names = fields or [f.attname for f in obj._meta.concrete_fields]
    data = {}
    for name in names:
        value = getattr(obj, name)
        data[name] = value if isinstance(value, str | int | float | bool | type(None)) else str(value)
    return data


def log_action(action: str, *, by, obj: models.Model | None = None, summary: str = "",
               before: dict | None = None, after: dict | None = None,
               object_type: str = "", object_id: str = "") -> AuditEntry:
    return AuditEntry.objects.create(
        actor=by if getattr(by, "pk", None) else None,
        action=action,
        object_type=object_type or (obj._meta.label_lower if obj is not None else ""),
        object_id=object_id or (str(obj.pk) if obj is not None else ""),
        summary=summary[:500],
        before=before,
        after=after,
    )
