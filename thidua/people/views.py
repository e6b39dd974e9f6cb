"""People screens: the searchable list and one person's page with their award timeline."""

import datetime
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, OuterRef, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django_htmx.http import push_url

from thidua.awards import queries as award_queries
from thidua.awards.models import Award, Initiative
from thidua.organisations import queries as unit_queries
from thidua.organisations.forms import unit_choices
from thidua.people import queries as people_queries
from thidua.people.forms import PersonFilterForm
from thidua.people.models import Discipline, Person, Rating


@login_required
def person_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = PersonFilterForm(request.GET or None, user=user)
    people = filter_people(people_queries.visible_to(user), valid_filters(form), user)
    page = Paginator(people.select_related("unit"), settings.PAGE_SIZE).get_page(
        request.GET.get("page"))
    count_awards(page)
    context = {"form": form, "page": page, "show_id": user.can_see_personal_id}
    if request.htmx and not request.htmx.history_restore_request:
        response = push_url(render(request, "people/_results.html", context), clean_url(request))
    else:
        context["unit_options"] = unit_choices(user)
        response = render(request, "people/list.html", context)
    # The same address answers a full page or the table alone: caches must tell them apart.
    patch_vary_headers(response, ["HX-Request"])
    return response


def clean_url(request: HttpRequest) -> str:
    """The address of these results without the empty filters, for the browser's history."""
    query = urlencode([(key, value) for key, values in request.GET.lists()
                       for value in values if value.strip()])
    return f"{request.path}?{query}" if query else request.path


def valid_filters(form: PersonFilterForm) -> dict:
    """The filters that passed validation; the others are reported on the page and ignored."""
    form.is_valid()
    return getattr(form, "cleaned_data", {})


def filter_people(people: QuerySet[Person], filters: dict, user) -> QuerySet[Person]:
    text = filters.get("q", "")
    if text.isdigit() and len(text) >= 9 and not user.can_see_personal_id:
        return people.none()  # no probing of ID numbers by roles that may not see them
    people = people_queries.search(people, text)
    if unit := filters.get("unit"):
        # unit_id IN (subtree) lets the database use the person's unit index; a join on the
        # path would scan every person in name order.
        people = people.filter(unit__in=unit_queries.subtree(unit))
    for name in ("gender", "group"):
        if filters.get(name):
            people = people.filter(**{name: filters[name]})
    if filters.get("born_from") is not None:
        people = people.filter(birth_date__gte=datetime.date(filters["born_from"], 1, 1))
    if filters.get("born_to") is not None:
        people = people.filter(birth_date__lte=datetime.date(filters["born_to"], 12, 31))
    if filters.get("award"):
        held = Award.objects.filter(person=OuterRef("pk"), award_type__code=filters["award"])
        people = people.filter(Exists(award_queries.in_force(held)))
    return people


def count_awards(page: Page) -> None:
    """Set `award_count` (awards in force) on the people of one page, in one grouped query."""
    people = list(page)
    counts = dict(
        award_queries.in_force(Award.objects.filter(person__in=[p.pk for p in people]))
        .order_by().values_list("person_id").annotate(n=Count("pk"))
    ) if people else {}
    for person in people:
        person.award_count = counts.get(person.pk, 0)


@dataclass
class TimelineYear:
    """Everything recorded for one person in one year."""

    year: int
    rating: Rating | None = None
    awards: list[Award] = field(default_factory=list)
    initiatives: list[Initiative] = field(default_factory=list)
    disciplines: list[Discipline] = field(default_factory=list)
    under_discipline: list[Discipline] = field(default_factory=list)


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    try:
        person = people_queries.get_visible(user, pk)
    except Person.DoesNotExist:
        raise Http404 from None
    positions = list(person.positions.select_related("unit").order_by("-start", "-id"))
    disciplines = list(person.disciplines.order_by("start", "id"))
    years = timeline(
        ratings=person.ratings.all(),
        awards=award_queries.history_of_person(person),
        initiatives=person.initiatives.select_related("recognising_body").order_by("year", "id"),
        disciplines=disciplines,
    )
    linkable = set(unit_queries.visible_to(user).filter(
        pk__in={p.unit_id for p in positions}).values_list("pk", flat=True)) if positions else set()
    return render(request, "people/detail.html", {
        "person": person, "positions": positions, "years": years, "linkable": linkable,
        "disciplines": disciplines, "show_id": user.can_see_personal_id,
    })


def timeline(*, ratings, awards, initiatives, disciplines: list[Discipline]) -> list[TimelineYear]:
    """The person's record grouped per year, latest first. An award without an achievement
    year sits in its decision's year; a discipline sits in the year it starts and marks the
    other years it covers."""
    years: dict[int, TimelineYear] = {}

    def at(year: int) -> TimelineYear:
        return years.setdefault(year, TimelineYear(year))

    for rating in ratings:
        at(rating.year).rating = rating
    for award in awards:
        at(award.year or award.decision.date.year).awards.append(award)
    for initiative in initiatives:
        at(initiative.year).initiatives.append(initiative)
    for discipline in disciplines:
        at(discipline.start.year).disciplines.append(discipline)
    last = timezone.localdate().year
    for entry in years.values():
        entry.under_discipline = [
            d for d in disciplines
            if d.start.year < entry.year <= (d.end.year if d.end else last)
        ]
    return sorted(years.values(), key=lambda entry: entry.year, reverse=True)
