"""Reads of the notifications a user receives: those sent to their own unit."""

from django.db.models import QuerySet

from thidua.core.models import Notification, NotificationsSeen


def notifications_for(user) -> QuerySet[Notification]:
    """Notifications sent to the user's unit, newest first (none for a user without a unit)."""
    if not getattr(user, "is_authenticated", False) or user.unit_id is None:
        return Notification.objects.none()
    return Notification.objects.filter(unit_id=user.unit_id).order_by("-created_at", "-id")


def last_seen(user):
    return NotificationsSeen.objects.filter(user=user).values_list("seen_at", flat=True).first()


def unread_count(user) -> int:
    """Notifications of the user's unit sent after the user last opened the page."""
    notifications = notifications_for(user)
    seen = last_seen(user) if user.is_authenticated else None
    if seen is not None:
        notifications = notifications.filter(created_at__gt=seen)
    return notifications.count()
