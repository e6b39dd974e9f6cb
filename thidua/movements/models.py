from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from thidua.movements.choices import ClusterKind


class Cluster(models.Model):
    """An emulation cluster or block (cụm, khối thi đua) run by a council of the province."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(pgettext_lazy("field", "name"), max_length=255)
    kind = models.CharField(_("type"), max_length=10, choices=ClusterKind.choices,
                            default=ClusterKind.CLUSTER)
    organiser = models.ForeignKey(
        "organisations.Unit", verbose_name=_("organising level"), on_delete=models.PROTECT,
        related_name="clusters",
    )
    managing_council = models.CharField(_("steering council"), max_length=255, blank=True)
    valid_from = models.DateField(_("active from"), null=True, blank=True)
    valid_to = models.DateField(_("active until"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("emulation cluster or block")
        verbose_name_plural = _("emulation clusters and blocks")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class ClusterYear(models.Model):
    """A cluster in one year: its members, chair and vice-chair, and the covenant signed."""

    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="years")
    year = models.PositiveSmallIntegerField(_("year"))
    chair = models.ForeignKey(
        "organisations.Unit", verbose_name=_("cluster chair"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    chair_name = models.CharField(_("cluster chair unit name"), max_length=255, blank=True)
    vice_chair = models.ForeignKey(
        "organisations.Unit", verbose_name=_("cluster vice-chair"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    vice_chair_name = models.CharField(_("cluster vice-chair unit name"), max_length=255, blank=True)
    covenant_signed_on = models.DateField(_("covenant signing date"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("emulation cluster year")
        verbose_name_plural = _("emulation cluster years")
        ordering = ["cluster", "year"]
        constraints = [
            models.UniqueConstraint(fields=["cluster", "year"], name="cluster_year_unique")
        ]

    def __str__(self) -> str:
        return f"{self.cluster} – {self.year}"


class ClusterMember(models.Model):
    cluster_year = models.ForeignKey(ClusterYear, on_delete=models.CASCADE, related_name="members")
    unit = models.ForeignKey(
        "organisations.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    unit_name = models.CharField(_("unit name (that year)"), max_length=255)

    class Meta:
        verbose_name = _("cluster member")
        verbose_name_plural = _("cluster members")
        ordering = ["cluster_year", "unit_name"]
        constraints = [
            models.UniqueConstraint(fields=["cluster_year", "unit"], name="cluster_member_unique")
        ]

    def __str__(self) -> str:
        return self.unit_name


class ChairHandover(models.Model):
    """The chair of a cluster handed from one member to another (bàn giao cụm trưởng)."""

    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="handovers")
    for_year = models.PositiveSmallIntegerField(_("year of office"))
    date = models.DateField(_("handover date"))
    from_unit = models.ForeignKey(
        "organisations.Unit", verbose_name=_("handing-over unit"), on_delete=models.PROTECT,
        related_name="+",
    )
    from_name = models.CharField(_("handing-over unit name"), max_length=255)
    to_unit = models.ForeignKey(
        "organisations.Unit", verbose_name=_("receiving unit"), on_delete=models.PROTECT,
        related_name="+",
    )
    to_name = models.CharField(_("receiving unit name"), max_length=255)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("cluster chair handover")
        verbose_name_plural = _("cluster chair handovers")
        ordering = ["cluster", "for_year"]
        constraints = [
            models.UniqueConstraint(fields=["cluster", "for_year"], name="handover_cluster_year_unique")
        ]

    def __str__(self) -> str:
        return f"{self.from_name} → {self.to_name} ({self.for_year})"
