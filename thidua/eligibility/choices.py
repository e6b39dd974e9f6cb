"""Vocabulary of the eligibility engine: verdicts, statuses and the codes a case may use
(contracts §2). Imports nothing from this app."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from thidua.awards.choices import NOT_A_BASE, Authority, AwardKind, InitiativeScope, SubjectKind
from thidua.people.choices import RATING_RANK, DisciplineLevel, Gender, PersonGroup, PostGroup


class Verdict(models.TextChoices):
    """In the order in which they win (contracts §2): the first that applies is the verdict."""

    INVALID_AUTHORITY = "INVALID_AUTHORITY", _("The decider has no authority")
    INELIGIBLE = "INELIGIBLE", _("Not eligible")
    DEFERRED = "DEFERRED", _("Deferred")
    NEEDS_HUMAN_REVIEW = "NEEDS_HUMAN_REVIEW", _("Needs review by an officer")
    ELIGIBLE = "ELIGIBLE", _("Eligible")


class Status(models.TextChoices):
    """The status of a rule version. "In force" of a rule (đang có hiệu lực) is not "in force"
    of an award that was not revoked (còn hiệu lực, awards app): the context keeps them apart
    in the merged catalogues."""

    IN_FORCE = "in_force", pgettext_lazy("rule status", "In force")
    HISTORICAL = "historical", pgettext_lazy("rule status", "Historical")
    UNCONFIRMED = "unconfirmed", pgettext_lazy("rule status", "Unconfirmed")


RATINGS = tuple(RATING_RANK)  # best first
RANK = RATING_RANK
KINDS = tuple(AwardKind.values)
BASE_KIND = AwardKind.CONG_TRANG.value
NOT_BASE_KINDS = frozenset(kind.value for kind in NOT_A_BASE)
SCOPES = tuple(InitiativeScope.values)
SCOPE_RANK = {scope: rank for rank, scope in enumerate(SCOPES, start=1)}
SUBJECT_KINDS = tuple(SubjectKind.values)
PERSON_GROUPS = tuple(PersonGroup.values)
GENDERS = tuple(Gender.values)
AUTHORITIES = tuple(Authority.values)
POST_GROUPS = tuple(PostGroup.values)
# Discipline levels, lightest first: "at least canh_cao" means canh_cao or heavier.
DISCIPLINE_LEVELS = tuple(DisciplineLevel.values)
DISCIPLINE_RANK = {level: rank for rank, level in enumerate(DISCIPLINE_LEVELS, start=1)}

# Conduct facts the proposing unit asserts by proposing, and registration: they count as true
# unless given as false, and the answer lists them under `to_confirm` (contracts §2).
CONDUCT_FACTS = (
    "self_reliant_united_active_in_emulation",
    "law_abiding_good_lifestyle",
    "productive_and_active_in_movements",
    "regular_effective_emulation",
    "united_and_compliant",
    "united_and_exemplary",
    "united_thrift_anti_corruption",
    "united_clean_strong_orgs_thrift_anti_corruption",
    "democracy_movements_welfare_thrift_anti_corruption",
    "meets_provincial_detail_criteria",
    "outstanding_among_peers",
)
REGISTRATION_FACT = "registered_for_emulation"
DEFAULT_TRUE_FACTS = frozenset((*CONDUCT_FACTS, REGISTRATION_FACT))
# G05: any of these true defers the proposal.
PENDING_FACTS = ("discipline_under_consideration", "investigation_open",
                 "complaint_under_verification")
# G07: the year was (partly) spent on statutory maternity leave, which counts as working time.
MATERNITY_FACT = "maternity_leave_in_year"
# G11: an initiative the proposal relies on was already used as a criterion for another form.
INITIATIVE_USED_FACT = "initiative_already_used"
