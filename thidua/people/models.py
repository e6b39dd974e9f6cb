from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.people.choices import DisciplineLevel, Gender, PersonGroup, PostGroup, RatingLevel

YEAR_VALIDATORS = [MinValueValidator(1945), MaxValueValidator(2100)]


class Person(models.Model):
    """An individual who may be rated and awarded. A person is not a user account."""

    full_name = models.CharField(_("full name"), max_length=120)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, blank=True)
    # Số định danh cá nhân (CCCD): 12 digits, unique when present, shown only to some roles.
    personal_id = models.CharField(_("personal identification number"), max_length=12, blank=True)
    ethnicity = models.CharField(_("ethnicity"), max_length=50, blank=True)
    group = models.CharField(
        _("person group"), max_length=20, choices=PersonGroup.choices, default=PersonGroup.STAFF
    )
    unit = models.ForeignKey(
        "organisations.Unit", verbose_name=_("current unit"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="people",
        db_index=False,  # the (unit, sort_key) index below serves lookups by unit
    )
    title = models.CharField(_("current position"), max_length=150, blank=True)
    # Indexed in Meta rather than with db_index: on PostgreSQL db_index adds a second,
    # varchar_pattern_ops index for LIKE 'prefix%', which no query here makes; every import
    # of tens of thousands of people paid for maintaining it.
    name_folded = models.CharField(max_length=120, editable=False, default="")
    sort_key = models.CharField(max_length=255, editable=False, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["sort_key", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["personal_id"], condition=~models.Q(personal_id=""),
                name="person_personal_id_unique",
            )
        ]
        indexes = [
            models.Index(fields=["unit", "sort_key"]),
            models.Index(fields=["name_folded"], name="person_name_folded"),
            models.Index(fields=["sort_key"], name="person_sort_key"),
        ]

    def __str__(self) -> str:
        return self.full_name


class Position(models.Model):
    """A post a person held in a unit, with its dates (quá trình công tác)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="positions")
    unit = models.ForeignKey(
        "organisations.Unit", verbose_name=_("unit"), on_delete=models.PROTECT,
        related_name="positions",
    )
    unit_name = models.CharField(_("unit name at the time"), max_length=255)
    title = models.CharField(_("position"), max_length=150, blank=True)
    post_group = models.CharField(
        _("position group"), max_length=40, choices=PostGroup.choices, blank=True
    )
    is_leader = models.BooleanField(_("leadership or management"), default=False)
    is_direct_worker = models.BooleanField(_("directly engaged in labour, production or work"), default=False)
    start = models.DateField(_("start date"))
    end = models.DateField(_("end date"), null=True, blank=True)

    class Meta:
        verbose_name = _("work history entry")
        verbose_name_plural = _("work history")
        ordering = ["person", "start"]

    def __str__(self) -> str:
        return f"{self.title} – {self.unit_name}"


class Rating(models.Model):
    """A person's task-completion rating for one year (đánh giá, xếp loại)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="ratings")
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    level = models.CharField(_("rating level"), max_length=4, choices=RatingLevel.choices)
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("individual rating")
        verbose_name_plural = _("individual ratings")
        ordering = ["person", "year"]
        constraints = [
            models.UniqueConstraint(fields=["person", "year"], name="rating_person_year_unique")
        ]

    def __str__(self) -> str:
        return f"{self.year}: {self.level}"


class Discipline(models.Model):
    """A disciplinary measure and the period it runs (kỷ luật)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="disciplines")
    level = models.CharField(_("disciplinary measure"), max_length=20, choices=DisciplineLevel.choices)
    start = models.DateField(_("start date"))
    end = models.DateField(_("end date"), null=True, blank=True)
    decision = models.CharField(_("decision"), max_length=120, blank=True)
    reason = models.CharField(_("reason"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("discipline record")
        verbose_name_plural = _("discipline records")
        ordering = ["person", "start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(end__gte=models.F("start")),
                name="discipline_period_order",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_level_display()} {self.start:%d/%m/%Y}"
