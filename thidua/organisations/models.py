import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.organisations.choices import LineageKind, UnitKind
from thidua.people.choices import RatingLevel


class Unit(models.Model):
    """An agency, locality or sub-unit, as it existed between `valid_from` and `valid_to`.

    A rename or reorganisation never edits a unit: it closes this record and opens a successor,
    linked by a LineageEvent, so that awards keep pointing at the unit of their time.
    """

    code = models.SlugField(_("unit code"), max_length=60, unique=True)
    name = models.CharField(_("unit name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=120, blank=True)
    kind = models.CharField(_("unit type"), max_length=30, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("parent unit"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="children",
    )
    # Materialised path of primary keys ("/1/7/42/"): a subtree is one indexed prefix match.
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid until"), null=True, blank=True)
    name_folded = models.CharField(max_length=255, db_index=True, editable=False, default="")
    sort_key = models.CharField(max_length=255, editable=False, default="")
    address = models.CharField(_("address"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["path"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True) | models.Q(valid_from__isnull=True)
                | models.Q(valid_to__gte=models.F("valid_from")),
                name="unit_valid_range",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def is_current(self, on: datetime.date | None = None) -> bool:
        on = on or datetime.date.today()
        return (self.valid_from is None or self.valid_from <= on) and (
            self.valid_to is None or on <= self.valid_to
        )


class LineageEvent(models.Model):
    """A rename, merge, split, dissolution or transfer: predecessors become successors on `date`."""

    kind = models.CharField(_("event type"), max_length=20, choices=LineageKind.choices)
    date = models.DateField(_("effective date"))
    basis = models.CharField(_("basis (legal document)"), max_length=255, blank=True)
    note = models.TextField(_("note"), blank=True)
    predecessors = models.ManyToManyField(
        Unit, verbose_name=_("predecessor units"), related_name="lineage_as_predecessor", blank=True,
    )
    successors = models.ManyToManyField(
        Unit, verbose_name=_("successor units"), related_name="lineage_as_successor", blank=True,
    )

    class Meta:
        verbose_name = _("unit lineage event")
        verbose_name_plural = _("unit lineage events")
        ordering = ["date", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date:%d/%m/%Y}"


class CollectiveRating(models.Model):
    """A collective's own task-completion rating for one year."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="ratings")
    year = models.PositiveSmallIntegerField(_("year"))
    level = models.CharField(_("rating level"), max_length=4, choices=RatingLevel.choices)
    member_count = models.PositiveIntegerField(_("number of members"), null=True, blank=True)

    class Meta:
        verbose_name = _("collective rating")
        verbose_name_plural = _("collective ratings")
        ordering = ["unit", "year"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="collective_rating_unique")
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.year}: {self.level}"
