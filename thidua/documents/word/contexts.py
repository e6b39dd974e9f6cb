"""What each Word document is filled with: plain dicts of texts and lists, built from the
records (a decision and its awards, a proposal dossier, a council's minutes). The names are
the template's placeholders (Vietnamese without accents, for the administrators who edit the
templates in Word); docs/documents.md lists them.

Texts keep the names as they were at the time (decisions and awards hold snapshots)."""

import datetime
import re
from collections import Counter
from decimal import ROUND_CEILING, Decimal

from django.db.models import Prefetch, Q
from django.utils import timezone

from thidua.awards.choices import Authority, Category
from thidua.core.text import clean, sort_key, unit_sort_key
from thidua.documents.bodies import Body, body_from_names, body_of, in_sentence
from thidua.documents.dates import document_date, place_and_date
from thidua.documents.numbers import amount_figures, amount_in_words
from thidua.people.models import Position

BLANK_NUMBER = "       "  # the number a draft leaves for the clerk
SUBJECT_SUFFIX = re.compile(r"\s*\((cá nhân|tập thể|hộ gia đình|doanh nghiệp)\)$")
AUTHORITY_TITLES = {
    Authority.PROVINCIAL_CHAIR: "Chủ tịch", Authority.DISTRICT_CHAIR: "Chủ tịch",
    Authority.COMMUNE_CHAIR: "Chủ tịch", Authority.DEPARTMENT_HEAD: "Giám đốc",
    Authority.ENTERPRISE_DIRECTOR: "Giám đốc", Authority.MINISTER: "Bộ trưởng",
    Authority.UNIT_HEAD: "Thủ trưởng",
}
# Base salary (lương cơ sở) by the date it took effect; bonuses are multiples of it.
BASE_SALARY = [(datetime.date(2023, 7, 1), 1_800_000), (datetime.date(2024, 7, 1), 2_340_000),
               (datetime.date(2026, 7, 1), 2_530_000)]
REFORM = datetime.date(2025, 7, 1)  # Decree 152/2025 and the 2025 local government law


# -- shared pieces ------------------------------------------------------------------------
def header(body: Body, number: str, on: datetime.date | None, year: int) -> dict:
    """Boxes 2–4 of Decree 30: bodies, number and symbol, place and date (blank in a draft)."""
    return {"co_quan_chu_quan": body.parent, "co_quan_ban_hanh": body.name,
            "so_ky_hieu": number, "dia_danh_ngay": place_and_date(body.place, on, year=year)}


def signer_lines(title: str, fallback: str) -> list[str]:
    """ "Phó Chủ tịch" → ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]: a deputy signs for the head."""
    lines = [clean(line) for line in title.split("\n") if clean(line)]
    if len(lines) == 1 and lines[0].lower().startswith("phó "):
        return [f"KT. {lines[0][4:].upper()}", lines[0].upper()]
    return [line.upper() for line in lines] or [fallback]


def form_name(name: str) -> str:
    """ "Bằng khen của Chủ tịch … tỉnh (cá nhân)" → without the subject in brackets."""
    return SUBJECT_SUFFIX.sub("", clean(name))


def authority(decided_by: str, issuer_name: str) -> str:
    """Who decides, as a sentence writes it: "Chủ tịch Ủy ban nhân dân tỉnh Bình Thuận"."""
    if decided_by == Authority.PRIME_MINISTER:
        return "Thủ tướng Chính phủ"
    if decided_by == Authority.PRESIDENT:
        return "Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam"
    title = AUTHORITY_TITLES.get(decided_by, "")
    return f"{title} {in_sentence(issuer_name)}".strip()


def counted(collectives: int, individuals: int) -> str:
    parts = [f"{collectives:02d} tập thể" if collectives else "",
             f"{individuals:02d} cá nhân" if individuals else ""]
    return " và ".join(part for part in parts if part)


def base_salary(on: datetime.date) -> int:
    amounts = [amount for start, amount in BASE_SALARY if start <= on]
    return amounts[-1] if amounts else BASE_SALARY[0][1]


def bonus(coefficient: Decimal | None, on: datetime.date) -> int:
    """Coefficient × base salary, rounded up to the nearest 10,000 đồng (ND 152 Art. 49)."""
    if not coefficient:
        return 0
    amount = Decimal(base_salary(on)) * coefficient / 10_000
    return int(amount.to_integral_value(ROUND_CEILING)) * 10_000


def money(amount: int) -> str:
    words = amount_in_words(amount)
    return f"{amount_figures(amount)} đồng (bằng chữ: {words[0].upper()}{words[1:]})"


def legal_bases(on: datetime.date, written: str) -> list[str]:
    """The decision's own bases, or the laws in force on its date (document-forms §4.3)."""
    lines = [clean(line) for line in written.split("\n") if clean(line)]
    if lines:
        return lines
    if on >= REFORM:
        return ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
                "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
                "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy "
                "định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi "
                "tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng;"]
    return ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
            "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định "
            "chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;"]


def closed(lines: list[str]) -> list[str]:
    """The last line of a list of bases ends with a full stop."""
    return [*lines[:-1], re.sub(r"[;,.]?$", ".", lines[-1], count=1)] if lines else lines


def salutation(gender: str) -> str:
    return {"female": "Bà", "male": "Ông"}.get(gender, "")


def position_on(person, day: datetime.date) -> str:
    """The post held on `day` (from the prefetched work history), else the current title."""
    held = [p for p in getattr(person, "held", []) if p.start <= day
            and (p.end is None or p.end >= day)]
    return held[-1].title if held and held[-1].title else person.title


def positions_on(day: datetime.date, lookup: str = "positions") -> Prefetch:
    """The posts held on `day`, as `held` on each person."""
    return Prefetch(lookup, to_attr="held", queryset=Position.objects.filter(
        Q(end__isnull=True) | Q(end__gte=day), start__lte=day).order_by("start"))


def joined(*parts: str) -> str:
    return ", ".join(part for part in (clean(p) for p in parts) if part)


# -- the decision and its annex -----------------------------------------------------------
def decision_context(decision, *, draft: bool = False) -> dict:
    """A decision (awards.Decision) with its awards; `draft` leaves number and date blank."""
    awards = list(decision.awards.select_related(
        "award_type", "collective__parent", "person").prefetch_related(
        positions_on(decision.date, "person__positions")))
    number = decision.number if not draft else f"{BLANK_NUMBER}/{symbol(decision.number)}"
    return decision_text(decision, awards, number=number, on=None if draft else decision.date)


def decision_text(decision, awards: list, *, number: str, on: datetime.date | None) -> dict:
    """The decision and its annex from `decision` (anything with a decision's header fields
    and `proposals`) and `awards` (anything with an award's fields: word/drafts.py passes a
    draft's annex lines); `on` None leaves the date blank."""
    collectives = sorted((a for a in awards if a.collective_id),
                         key=lambda a: unit_sort_key(a.awardee_name))
    individuals = sorted((a for a in awards if a.person_id),
                         key=lambda a: (sort_key(a.awardee_name), a.pk))
    body = decision_body(decision)
    who = authority(decision.decided_by, decision.issuer_name)
    forms = sorted({form_name(a.award_type.name) for a in awards})
    context = {
        **header(body, number, on, decision.date.year),
        "trich_yeu": clean(getattr(decision, "subject", "")) or summary_line(awards, forms),
        "tham_quyen": who.upper(),
        "can_cu": legal_bases(decision.date, decision.legal_basis),
        "de_nghi": proposed_by(decision),
        "chuc_danh_ky": signer_lines(decision.signer_title, body.single_line),
        "nguoi_ky": clean(decision.signer_name),
        "tap_the": [collective_line(i, a) for i, a in enumerate(collectives, start=1)],
        "ca_nhan": [person_line(i, a, decision.date) for i, a in enumerate(individuals, 1)],
        "so_tap_the": f"{len(collectives):02d}", "so_ca_nhan": f"{len(individuals):02d}",
        "tong_so": counted(len(collectives), len(individuals)),
        "tieu_de_danh_sach": annex_title(awards, forms, bool(collectives), bool(individuals)),
        "kem_theo": f"(Kèm theo Quyết định số {number} "
                    f"{document_date(on) if on else 'ngày      tháng      năm'} của {who})",
    }
    context["cac_dieu"] = articles(decision, awards, forms, context)
    context["noi_nhan"] = [f"- Như Điều {len(context['cac_dieu'])};", "- Lưu: VT."]
    if not context["de_nghi"]:
        context["can_cu"] = closed(context["can_cu"])
    return context


def decision_body(decision) -> Body:
    if decision.issuer_id:
        return body_of(decision.issuer, name=decision.issuer_name)
    return body_from_names(decision.issuer_name)


def symbol(number: str) -> str:
    """ "05/QĐ-UBND" → "QĐ-UBND"."""
    return number.split("/", 1)[1] if "/" in number else number


def is_title(awards) -> bool:
    return bool(awards) and all(a.award_type.category == Category.TITLE for a in awards)


def summary_line(awards, forms: list[str]) -> str:
    if len(forms) != 1:
        return "Về việc khen thưởng"
    if is_title(awards):
        years = sorted({a.year for a in awards if a.year})
        return f"Về việc công nhận danh hiệu {forms[0]}" + (
            f" năm {years[0]}" if len(years) == 1 else "")
    return f"Về việc tặng {forms[0]}"


def annex_title(awards, forms: list[str], collectives: bool, individuals: bool) -> str:
    who = ", ".join(word for word, present in (("TẬP THỂ", collectives),
                                               ("CÁ NHÂN", individuals)) if present)
    verb = "ĐƯỢC CÔNG NHẬN DANH HIỆU" if is_title(awards) else "ĐƯỢC TẶNG"
    return f"{who} {verb} {'; '.join(forms).upper()}".strip()


def proposed_by(decision) -> str:
    """ "Xét đề nghị của … tại Tờ trình số …" from the dossiers the decision answered."""
    proposals = getattr(decision, "proposals", None)
    if proposals is None:
        return ""
    parts = [joined(p.unit_name) + (f" tại Tờ trình số {p.number}" if p.number else "")
             for p in proposals.order_by("unit_name", "pk")]
    return f"Xét đề nghị của {'; '.join(parts)}." if parts else ""


def collective_line(number: int, award) -> dict:
    parent = award.collective.parent.name if award.collective and award.collective.parent else ""
    return {"stt": number, "ten": clean(award.awardee_name),
            "don_vi": clean(award.unit_name) or clean(parent),
            "hinh_thuc": form_name(award.award_type.name), "thanh_tich": clean(award.summary)}


def person_line(number: int, award, day: datetime.date) -> dict:
    person = award.person
    title = clean(position_on(person, day))
    unit = clean(award.unit_name)
    return {"stt": number, "danh_xung": salutation(person.gender),
            "ho_ten": clean(award.awardee_name), "chuc_vu": title, "don_vi": unit,
            "chuc_vu_don_vi": joined(title, unit), "hinh_thuc": form_name(award.award_type.name),
            "thanh_tich": clean(award.summary)}


def articles(decision, awards, forms: list[str], context: dict) -> list[str]:
    """Điều 1 (the award), Điều 2 (the bonus, when the catalogue gives one), Điều 3 (entry
    into force and who carries it out)."""
    verb = "Công nhận danh hiệu" if is_title(awards) else "Tặng"
    who = first_awardee(context) or f"{context['tong_so']} (có danh sách kèm theo)"
    period = clean(decision.period)  # "Năm 2024" reads "năm 2024" inside the sentence
    period = f"{period[:1].lower()}{period[1:]}"
    achievement = f"đã có thành tích xuất sắc {period}" if period else "đã có thành tích xuất sắc"
    text = [f"{verb} {', '.join(forms)} cho {who}, {achievement}."]
    paid = bonus_sentence(awards, decision.date)
    if paid:
        text.append(paid)
    text.append("Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng, Thủ trưởng các cơ "
                "quan, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách "
                "nhiệm thi hành Quyết định này./.")
    return text


def first_awardee(context: dict) -> str:
    """A decision for one awardee names them in Điều 1 instead of pointing to the list."""
    people, teams = context["ca_nhan"], context["tap_the"]
    if len(people) + len(teams) != 1:
        return ""
    if teams:
        return joined(teams[0]["ten"], teams[0]["don_vi"])
    line = people[0]
    return joined(f"{line['danh_xung']} {line['ho_ten']}".strip(), line["chuc_vu_don_vi"])


def bonus_sentence(awards, on: datetime.date) -> str:
    per_line = Counter()
    for award in awards:
        amount = bonus(award.award_type.bonus_coefficient, on)
        if amount:
            per_line[("tập thể" if award.collective_id else "cá nhân", amount)] += 1
    if not per_line:
        return ""
    parts = [f"mỗi {who} được thưởng {money(amount)}" for (who, amount) in sorted(per_line)]
    total = sum(amount * count for (_, amount), count in per_line.items())
    return (f"Kèm theo mức tiền thưởng theo quy định: {'; '.join(parts)}. Tổng số tiền thưởng: "
            f"{money(total)}, chi từ Quỹ thi đua, khen thưởng theo quy định.")


def local_time(moment: datetime.datetime | None) -> str:
    """ "08 giờ 30 phút, ngày 05 tháng 01 năm 2026"; empty when unknown."""
    if moment is None:
        return ""
    moment = timezone.localtime(moment)
    return f"{moment:%H} giờ {moment:%M} phút, {document_date(moment.date())}"


def birth_year(person) -> str:
    return str(person.birth_date.year) if person and person.birth_date else ""

