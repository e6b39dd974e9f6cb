"""Reads of people: scope, accent-insensitive search, Vietnamese order."""

from django.db.models import Q, QuerySet

from thidua.core.text import fold
from thidua.organisations.models import Unit
from thidua.organisations.queries import in_scope, scope_paths
from thidua.people.models import Person


def visible_to(user) -> QuerySet[Person]:
    paths = scope_paths(user)
    if paths is None:
        return Person.objects.all()
    return Person.objects.filter(unit__in=Unit.objects.filter(in_scope(paths)).values("pk"))


def search(queryset: QuerySet[Person], text: str) -> QuerySet[Person]:
    """"nguyen thi hoa" finds "Nguyễn Thị Hoà" and "Nguyễn Thị Hòa"; digits match the ID."""
    text = text.strip()
    if not text:
        return queryset
    if text.isdigit() and len(text) >= 9:
        return queryset.filter(personal_id=text)
    query = Q()
    for word in fold(text).split():
        query &= Q(name_folded__contains=word)
    return queryset.filter(query)


def get_visible(user, pk: int) -> Person:
    """The person, or Person.DoesNotExist when it does not exist or lies outside the scope."""
    return visible_to(user).select_related("unit").get(pk=pk)
