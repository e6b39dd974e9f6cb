"""What a certificate says, line by line, from the award register (document-forms.md §3).

These are the words printed on Vietnamese paper, not interface text: they stay in Vietnamese
whatever the user's language. Every value goes through `clean` (NFC, Đ for Ð), so that names
typed in NFD or with look-alike letters print with correct diacritics."""

import re
from dataclasses import asdict, dataclass

from thidua.awards import catalogue
from thidua.awards.choices import Authority, Category, SubjectKind
from thidua.awards.models import Award, Decision
from thidua.core.text import clean
from thidua.documents.bodies import locality, locality_place, place_name
from thidua.documents.certificates.choices import CertificateForm
from thidua.documents.dates import document_date
from thidua.people.choices import Gender

# Paper of the designed certificates, landscape (mm): A3 for a Bằng khen (document-forms §3.3),
# A4 for a Giấy khen and for title certificates (§3.2).
PAPER = {CertificateForm.BANG_KHEN: (420, 297), CertificateForm.GIAY_KHEN: (297, 210),
         CertificateForm.TITLE: (297, 210)}
TITLES = {CertificateForm.BANG_KHEN: "BẰNG KHEN", CertificateForm.GIAY_KHEN: "GIẤY KHEN"}
SALUTATIONS = {Gender.MALE: "Ông", Gender.FEMALE: "Bà"}
CENTRAL = "Hà Nội"  # the place written by central bodies outside the unit tree
_QUALIFIER = re.compile(r"\s*\((cá nhân|tập thể|hộ gia đình|doanh nghiệp)\)\s*$", re.IGNORECASE)
_SPACE_COMMA = re.compile(r"\s+(?=,)")  # "nhiệm vụ , góp phần" when the period is unknown
_LOCALITY = re.compile(r"(?:tỉnh|thành phố|huyện|thị xã|quận|đặc khu|xã|phường|thị trấn)\s+(.+)$",
                       re.IGNORECASE)


@dataclass(frozen=True)
class DecisionLines:
    """The lines every certificate of one decision shares."""

    authority: str
    decision: str
    place_date: str
    signer_title: str
    signer_name: str


@dataclass(frozen=True)
class Lines:
    """The text of one certificate (its verification code and QR code come apart)."""

    form: str
    authority: str
    lead: str
    award: str
    awardee: str
    unit: str
    achievement: str
    decision: str
    register: str
    place_date: str
    signer_title: str
    signer_name: str


def form_of(award_type) -> str:
    if award_type.code.startswith("bk_"):
        return CertificateForm.BANG_KHEN
    if award_type.code == "giay_khen":
        return CertificateForm.GIAY_KHEN
    return CertificateForm.TITLE


def decision_lines(decision: Decision) -> DecisionLines:
    when = document_date(decision.date)
    return DecisionLines(
        authority=authority_line(decision),
        decision=f"Quyết định số {clean(decision.number)}, {when}",
        place_date=f"{place_of(decision)}, {when}",
        signer_title=signer_title_line(decision),
        signer_name=clean(decision.signer_name),
    )


def lines_of(award: Award, shared: DecisionLines, *, position: int = 0) -> Lines:
    """The lines of `award`'s certificate; `shared` are its decision's; `position` (from 1)
    is its place in the decision, the register number when none was recorded."""
    form = form_of(award.award_type)
    register = clean(award.register_number) or (str(position) if position else "")
    return Lines(
        form=form, lead=lead_line(award.award_type), award=award_line(award.award_type, form),
        awardee=awardee_line(award), unit=clean(award.unit_name),
        achievement=achievement_line(award),
        register=f"Số sổ vàng: {register}" if register else "",
        **asdict(shared),
    )


def authority_line(decision: Decision) -> str:
    """The red line naming who awards: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN"."""
    issuer = clean(decision.issuer_name)
    committee = f"Ủy ban nhân dân {locality(issuer)}"
    by = decision.decided_by
    text = {
        Authority.PROVINCIAL_CHAIR: f"Chủ tịch {committee}",
        Authority.DISTRICT_CHAIR: f"Chủ tịch {committee}",
        Authority.COMMUNE_CHAIR: f"Chủ tịch {committee}",
        Authority.PROVINCIAL_PEOPLES_COMMITTEE: committee,
        Authority.DEPARTMENT_HEAD: f"Giám đốc {issuer}",
        Authority.ENTERPRISE_DIRECTOR: f"Giám đốc {issuer}",
        Authority.UNIT_HEAD: f"Thủ trưởng {issuer}",
        Authority.MINISTER: f"Bộ trưởng {issuer}",
        Authority.PRIME_MINISTER: "Thủ tướng Chính phủ",
        Authority.PRESIDENT: "Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam",
    }.get(by, issuer)
    return clean(text).upper()


def lead_line(award_type) -> str:
    return "TẶNG DANH HIỆU" if award_type.category == Category.TITLE else "TẶNG"


def award_line(award_type, form: str) -> str:
    return TITLES.get(form) or _QUALIFIER.sub("", clean(award_type.name)).upper()


def awardee_line(award: Award) -> str:
    """ "Bà Nguyễn Thị Hoà"; a collective by its name alone."""
    name = clean(award.awardee_name)
    salutation = SALUTATIONS.get(award.person.gender) if award.person_id else None
    return f"{salutation} {name}" if salutation else name


def achievement_line(award: Award) -> str:
    """The award's own summary; else the catalogue's sentence for its code and the awardee's
    kind (awards/data/catalogue.yaml, `achievement`) with the period; else a generic one."""
    if award.summary:
        return clean(award.summary)
    subject = SubjectKind.COLLECTIVE if award.collective_id else SubjectKind.INDIVIDUAL
    wording = catalogue.achievement_wording(award.award_type.code, subject)
    period = period_of(award)
    if wording:
        return _SPACE_COMMA.sub("", clean(wording.format(period=period))).rstrip(" ,")
    return clean(f"Đã có thành tích xuất sắc trong thực hiện nhiệm vụ {period}")


def period_of(award: Award) -> str:
    """ "năm 2025" for a yearly title or an award with its year; "từ năm 2021 đến năm 2025"
    for a decision over several years; else the decision's period as written."""
    decision = award.decision
    first, last = decision.period_start_year, decision.period_end_year
    if award.year and (award.award_type.is_annual or not (first and last and first < last)):
        return f"năm {award.year}"
    if first and last and first < last:
        return f"từ năm {first} đến năm {last}"
    period = clean(decision.period)
    return f"{period[:1].lower()}{period[1:]}"


def place_of(decision: Decision) -> str:
    """The place of the date line: the proper name of the issuer's locality."""
    if decision.issuer_id:
        place = locality_place(decision.issuer)
        if place:
            return place
    if decision.decided_by in {Authority.PRIME_MINISTER, Authority.PRESIDENT, Authority.MINISTER}:
        return CENTRAL
    found = _LOCALITY.search(clean(decision.issuer_name))
    return found.group(1) if found else place_name(decision.issuer_name)


def signer_title_line(decision: Decision) -> str:
    """The signer's position, upper case, a line per part: "KT. Chủ tịch – Phó Chủ tịch" and
    "Phó Chủ tịch" (a deputy signs for the head) both give "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"."""
    title = decision.signer_title.strip() or _DEFAULT_SIGNER.get(decision.decided_by, "")
    parts = [clean(part) for part in re.split(r"\s+[–-]\s+|\n", title) if clean(part)]
    if len(parts) == 1 and parts[0].lower().startswith("phó "):
        parts = [f"KT. {parts[0][4:]}", parts[0]]
    return "\n".join(part.upper() for part in parts)


_DEFAULT_SIGNER = {
    Authority.PROVINCIAL_CHAIR: "Chủ tịch", Authority.DISTRICT_CHAIR: "Chủ tịch",
    Authority.COMMUNE_CHAIR: "Chủ tịch", Authority.PROVINCIAL_PEOPLES_COMMITTEE:
    "TM. Ủy ban nhân dân – Chủ tịch", Authority.DEPARTMENT_HEAD: "Giám đốc",
    Authority.ENTERPRISE_DIRECTOR: "Giám đốc", Authority.UNIT_HEAD: "Thủ trưởng đơn vị",
    Authority.MINISTER: "Bộ trưởng", Authority.PRIME_MINISTER: "Thủ tướng",
    Authority.PRESIDENT: "Chủ tịch nước",
}
