from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from thidua.awards import queries as award_queries
from thidua.core import queries as core_queries
from thidua.core.services import mark_notifications_seen
from thidua.movements import queries as cluster_queries
from thidua.organisations import queries as unit_queries
from thidua.people import queries as people_queries


def home(request: HttpRequest) -> HttpResponse:
    """The public portal's front page (news, lookup and verification come with later work)."""
    return render(request, "core/home.html")


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """Counts of what the user may see, and the latest decisions in their scope."""
    user = request.user
    decisions = award_queries.decisions_visible_to(user)
    context = {
        "unit_count": unit_queries.visible_to(user).count(),
        "person_count": people_queries.visible_to(user).count(),
        "award_count": award_queries.visible_to(user).count(),
        "revoked_count": award_queries.visible_to(user).filter(revocation__isnull=False).count(),
        "decision_count": decisions.count(),
        "cluster_count": cluster_queries.visible_to(user).count(),
        "recent_decisions": decisions.order_by("-date", "-id")[:8],
    }
    return render(request, "core/dashboard.html", context)


@login_required
def notifications(request: HttpRequest) -> HttpResponse:
    """The notifications of the user's unit; those sent since the last visit are marked new."""
    user = request.user
    seen = core_queries.last_seen(user)
    page = Paginator(core_queries.notifications_for(user).select_related("created_by"),
                     settings.PAGE_SIZE).get_page(request.GET.get("page"))
    mark_notifications_seen(user=user)
    return render(request, "core/notifications.html", {"page": page, "seen": seen})


@login_required
def notification_count(request: HttpRequest) -> HttpResponse:
    """The unread count for the navigation bar, fetched by htmx after the page has loaded, so
    that no page pays for it."""
    return render(request, "core/_notification_count.html",
                  {"unread": core_queries.unread_count(request.user)})
