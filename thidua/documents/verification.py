"""Verification codes of certificates and their public lookup (`/xac-minh/<code>/`).

A code is 10 characters of Crockford's base32 (digits and upper-case letters without I, L, O,
U) drawn from `secrets`: 50 random bits, so that codes cannot be guessed or enumerated. Lookups
forgive what people do when they type a code from paper: lower case, spaces and hyphens, and
O for 0, I or L for 1."""

import re
import secrets
from collections.abc import Iterable

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse

from thidua.awards.models import Award
from thidua.core.bulk import insert_rows
from thidua.core.services import log_action
from thidua.documents.models import Certificate

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 10
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})
_SEPARATORS = re.compile(r"[\s\-_.]+")
_VALID = re.compile(f"[{ALPHABET}]{{{LENGTH}}}")


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise(raw: str) -> str:
    """The canonical form of a typed code, or "" when it cannot be one."""
    code = _SEPARATORS.sub("", str(raw)).upper().translate(_CONFUSABLE)
    return code if _VALID.fullmatch(code) else ""


def grouped(code: str) -> str:
    """ "ABCDE-FGHJK": easier to read aloud and to type from paper."""
    return f"{code[:5]}-{code[5:]}"


def public_url(code: str, prefix: str = "") -> str:
    """The address printed (and as a QR code) on the certificate: SITE_URL/xac-minh/<code>/.
    A batch passes `prefix` (public_prefix()) to resolve the address once, not per page."""
    return f"{prefix or public_prefix()}{code}/"


def public_prefix() -> str:
    """ "SITE_URL/xac-minh/": the verification addresses without their code."""
    return f"{settings.SITE_URL}{reverse('verification:form')}"


def find(raw: str) -> Certificate | None:
    """The certificate a typed code names, with what its page shows; None when unknown."""
    code = normalise(raw)
    if not code:
        return None
    return Certificate.objects.select_related(
        "award__award_type", "award__decision", "award__revocation__decision",
    ).filter(code=code).first()


def issue_certificates(awards: Iterable[Award], *, by) -> dict[int, str]:
    """The code of every award, issuing the missing ones; {award id: code}.

    Existing codes are kept. New ones are written in one transaction with one audit entry
    (a decision may hold thousands of awards)."""
    award_ids = [award.pk for award in awards]
    codes = _codes(award_ids)
    missing = [pk for pk in award_ids if pk not in codes]
    if missing and _create(missing, by=by):
        codes.update(_codes(missing))
    return codes


def _codes(award_ids: list[int]) -> dict[int, str]:
    return dict(Certificate.objects.filter(award_id__in=award_ids).values_list("award_id", "code"))


def _create(award_ids: list[int], *, by) -> bool:
    """Issue codes for these awards; False when another request issued them all meanwhile."""
    for _attempt in range(5):  # a collision of 50-bit codes is all but impossible; retry anyway
        try:
            with transaction.atomic():
                actor = _actor(by)
                insert_rows(Certificate, ["award_id", "code", "issued_by_id"],
                            [(pk, new_code(), actor.pk if actor else None)
                             for pk in award_ids])
                log_action("thidua.certificate.issued", by=by, object_type="documents.certificate",
                           summary=f"{len(award_ids)} certificates",
                           after={"awards": award_ids[:1000], "count": len(award_ids)})
            return True
        except IntegrityError:
            # A code collided, or another request issued some of these meanwhile: keep theirs
            # and draw again for the rest.
            award_ids = [pk for pk in award_ids if pk not in _codes(award_ids)]
            if not award_ids:
                return False
    raise RuntimeError("could not issue unique certificate codes")


def _actor(by):
    return by if getattr(by, "pk", None) else None
