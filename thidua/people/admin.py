"""Admin of people, their work history, ratings and discipline, written through the services."""

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from thidua.core.admin import FoldedSearchMixin, ServiceAdmin
from thidua.core.text import clean
from thidua.people import services
from thidua.people.models import Discipline, Person, Position, Rating
from thidua.people.validators import personal_id_errors


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["full_name", "birth_date", "gender", "personal_id", "ethnicity", "group", "unit",
                  "title"]

    def clean(self) -> dict:
        # The service checks the ID too, but after the form: here the error shows beside it.
        data = super().clean()
        personal_id = clean(data.get("personal_id") or "")
        if personal_id:
            errors = personal_id_errors(personal_id, gender=data.get("gender") or "",
                                        birth_date=data.get("birth_date"))
            for error in errors:
                self.add_error("personal_id", error)
        return data


@admin.register(Person)
class PersonAdmin(FoldedSearchMixin, ServiceAdmin):
    form = PersonForm
    list_display = ["full_name", "birth_date", "gender", "unit", "group", "title"]
    list_filter = ["gender", "group"]
    list_select_related = ["unit"]
    search_fields = ["name_folded", "=personal_id"]
    raw_id_fields = ["unit"]

    def create(self, request: HttpRequest, data: dict) -> Person:
        return services.create_person(by=request.user, **data)

    def update(self, request: HttpRequest, person: Person, data: dict) -> Person:
        return services.update_person(by=request.user, person=person, **data)


@admin.register(Position)
class PositionAdmin(FoldedSearchMixin, ServiceAdmin):
    list_display = ["person", "title", "unit_name", "start", "end", "is_leader",
                    "is_direct_worker"]
    list_filter = ["is_leader", "is_direct_worker", "post_group"]
    list_select_related = ["person"]
    search_fields = ["person__name_folded"]
    raw_id_fields = ["person", "unit"]
    fields = ["person", "unit", "title", "post_group", "is_leader", "is_direct_worker", "start",
              "end"]

    def create(self, request: HttpRequest, data: dict) -> Position:
        return services.add_position(by=request.user, **data)


@admin.register(Rating)
class RatingAdmin(FoldedSearchMixin, ServiceAdmin):
    list_display = ["person", "year", "level", "note"]
    list_filter = ["level"]
    list_select_related = ["person"]
    search_fields = ["person__name_folded"]
    raw_id_fields = ["person"]
    # Twenty years of ratings for a province: order by the primary key, skip the full count.
    ordering = ["-id"]
    show_full_result_count = False

    def get_readonly_fields(self, request: HttpRequest, obj=None) -> list[str]:
        return ["person", "year"] if obj else []

    def create(self, request: HttpRequest, data: dict) -> Rating:
        return services.record_rating(by=request.user, **data)

    def update(self, request: HttpRequest, rating: Rating, data: dict) -> Rating:
        return services.record_rating(by=request.user, person=rating.person, year=rating.year,
                                      level=data["level"], note=data["note"])


@admin.register(Discipline)
class DisciplineAdmin(FoldedSearchMixin, ServiceAdmin):
    list_display = ["person", "level", "start", "end", "decision"]
    list_filter = ["level"]
    list_select_related = ["person"]
    search_fields = ["person__name_folded"]
    raw_id_fields = ["person"]

    def create(self, request: HttpRequest, data: dict) -> Discipline:
        return services.record_discipline(by=request.user, **data)
