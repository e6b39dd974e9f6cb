"""Every write to decisions, awards, revocations and initiatives (actor as `by=`)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from thidua.awards.choices import Source
from thidua.awards.models import Award, AwardType, Decision, Initiative, Revocation
from thidua.core.services import log_action, snapshot
from thidua.core.text import clean

DECISION_FIELDS = ["number", "date", "issuer_id", "issuer_name", "decided_by", "signer_name",
                   "signer_title", "period", "period_start_year", "period_end_year"]
AWARD_FIELDS = ["award_type_id", "person_id", "collective_id", "awardee_name", "unit_id",
                "unit_name", "year", "kind", "decision_id", "register_number"]


@transaction.atomic
def create_decision(*, by, number: str, date: datetime.date, issuer=None, issuer_name: str = "",
                    **fields) -> Decision:
    """A decision keeps the issuer's name as it was on `date` (snapshot) beside the link."""
    decision = Decision(number=clean(number), date=date, issuer=issuer,
                        issuer_name=clean(issuer_name or (issuer.name if issuer else "")),
                        **{k: clean(v) if isinstance(v, str) else v for k, v in fields.items()})
    decision.full_clean()
    decision.save()
    log_action("thidua.decision.created", by=by, obj=decision,
               after=snapshot(decision, DECISION_FIELDS))
    return decision


@transaction.atomic
def record_award(*, by, award_type: AwardType, decision: Decision, person=None, collective=None,
                 year: int | None = None, kind: str = "", summary: str = "",
                 register_number: str = "", unit=None, unit_name: str = "",
                 source: str = Source.MANUAL) -> Award:
    """Enter one award in the register, with names as they were on the decision date."""
    if (person is None) == (collective is None):
        raise ValidationError(_("An award goes to exactly one person or one collective."))
    unit = unit if unit is not None else (person.unit if person else collective.parent)
    award = Award(
        award_type=award_type, decision=decision, person=person, collective=collective,
        awardee_name=(person.full_name if person else collective.name),
        unit=unit, unit_name=clean(unit_name or (unit.name if unit else "")),
        year=year, kind=kind or award_type.default_kind, summary=clean(summary),
        register_number=clean(register_number), source=source,
    )
    award.full_clean()
    award.save()
    log_action("thidua.award.recorded", by=by, obj=award, after=snapshot(award, AWARD_FIELDS))
    return award


@transaction.atomic
def revoke_award(*, by, award: Award, decision: Decision, reason: str, basis: str = "") -> Revocation:
    """Revocation is a new record under a later decision; the award row is never changed."""
    award = Award.objects.select_for_update().get(pk=award.pk)
    if Revocation.objects.filter(award=award).exists():
        raise ValidationError(_("This award has already been revoked."))
    if decision.date < award.decision.date:
        raise ValidationError(_("A revoking decision cannot be dated before the award's decision."))
    revocation = Revocation.objects.create(award=award, decision=decision, reason=clean(reason),
                                           basis=clean(basis))
    log_action("thidua.award.revoked", by=by, obj=award,
               after={"revocation": revocation.pk, "decision": decision.pk, "reason": reason})
    return revocation


@transaction.atomic
def record_initiative(*, by, person, title: str, year: int, scope: str, recognised_by: str = "",
                      recognising_body=None, recognising_body_name: str = "",
                      decision_number: str = "", decision_date=None) -> Initiative:
    initiative = Initiative(
        person=person, title=clean(title), year=year, scope=scope, recognised_by=recognised_by,
        recognising_body=recognising_body,
        recognising_body_name=clean(recognising_body_name
                                    or (recognising_body.name if recognising_body else "")),
        decision_number=clean(decision_number), decision_date=decision_date,
    )
    initiative.full_clean()
    initiative.save()
    log_action("thidua.initiative.recorded", by=by, obj=initiative, after=snapshot(initiative))
    return initiative
