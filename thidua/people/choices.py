from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Gender(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")


class PersonGroup(models.TextChoices):
    STAFF = "cbccvc_nld", _("Officials, civil servants, public employees and workers")
    DIRECT_WORKER = "direct_worker", _("Worker directly engaged in labour, production or work")
    ARMED_FORCES = "armed_forces", _("Armed forces")


class RatingLevel(models.TextChoices):
    """Task-completion rating, best first (mức độ hoàn thành nhiệm vụ)."""

    HTXS = "HTXS", _("Completed tasks excellently")
    HTT = "HTT", _("Completed tasks well")
    HT = "HT", _("Completed tasks")
    KHT = "KHT", _("Did not complete tasks")


RATING_RANK = {"HTXS": 4, "HTT": 3, "HT": 2, "KHT": 1}


class DisciplineLevel(models.TextChoices):
    KHIEN_TRACH = "khien_trach", pgettext_lazy("discipline", "Reprimand")
    CANH_CAO = "canh_cao", pgettext_lazy("discipline", "Warning")
    HA_BAC_LUONG = "ha_bac_luong", pgettext_lazy("discipline", "Salary grade reduction")
    CACH_CHUC = "cach_chuc", pgettext_lazy("discipline", "Removal from office")
    BUOC_THOI_VIEC = "buoc_thoi_viec", pgettext_lazy("discipline", "Dismissal")


class PostGroup(models.TextChoices):
    """Leadership post groups used by length-of-service awards (ND 152/2025 Art. 21)."""

    TONG_CUC_TRUONG = "tong_cuc_truong_tuong_duong", _("Director General of a General Department or equivalent")
    PHO_TONG_CUC_TRUONG = "pho_tong_cuc_truong_tuong_duong", _("Deputy Director General of a General Department or equivalent")
    VU_TRUONG = "vu_truong_tuong_duong", _("Director of a ministry department or equivalent")
    PHO_VU_TRUONG = "pho_vu_truong_tuong_duong", _("Deputy Director of a ministry department or equivalent")
    TRUONG_PHONG = "truong_phong_tuong_duong", _("Head of division or equivalent")
    PHO_TRUONG_PHONG = "pho_truong_phong_tuong_duong", _("Deputy Head of division or equivalent")
