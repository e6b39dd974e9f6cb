"""The audit log: every service that writes something important calls `log_action`."""

from collections.abc import Iterable
from typing import Any

from django.db import models
from django.utils import timezone

from thidua.core.models import AuditEntry, Notification, NotificationsSeen
from thidua.core.text import clean


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


def notify(*, units: Iterable, text: str, link: str = "", by=None) -> list[Notification]:
    """Send `text` to the officers of each unit (shown on /quan-ly/thong-bao/ with a count in
    the navigation bar); one notification per unit, one audit entry for the lot."""
    units = list(dict.fromkeys(units))  # once each, in the given order
    text = clean(text)[:500]
    sender = by if getattr(by, "pk", None) else None
    sent = Notification.objects.bulk_create(
        [Notification(unit=unit, text=text, link=link, created_by=sender) for unit in units])
    log_action("thidua.notification.sent", by=by, summary=text, object_type="core.notification",
               after={"units": [unit.pk for unit in units], "link": link})
    return sent


def mark_notifications_seen(*, user) -> None:
    """The user opened their notifications: those sent until now no longer count as unread."""
    NotificationsSeen.objects.update_or_create(user=user, defaults={"seen_at": timezone.now()})
