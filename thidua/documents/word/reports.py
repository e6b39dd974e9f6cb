"""Achievement reports (báo cáo thành tích, Forms 05 and 04 of the Decree 152/2025 annex)
filled from the history: positions, ratings, initiatives, and the titles and awards received.
Free-text parts the history cannot know (home town, duties, measures) stay empty for the
reporter to write."""

from django.utils import timezone

from thidua.awards import queries as award_queries
from thidua.awards.choices import Category
from thidua.core.text import clean
from thidua.documents.bodies import in_sentence, locality_place
from thidua.documents.dates import place_and_date, short_date
from thidua.documents.word.contexts import form_name, joined

GENDERS = {"female": "Nữ", "male": "Nam"}
RATINGS = {"HTXS": "Hoàn thành xuất sắc nhiệm vụ", "HTT": "Hoàn thành tốt nhiệm vụ",
           "HT": "Hoàn thành nhiệm vụ", "KHT": "Không hoàn thành nhiệm vụ"}
SCOPES = {"co_so": "cấp cơ sở", "bo_tinh": "cấp bộ, ngành, tỉnh", "toan_quoc": "toàn quốc"}
PERIOD = 5  # years of history a report covers by default (document-forms §2.3)


def report_heading(award_type, unit) -> dict:
    """The title and the date line, left blank for the day the report is signed."""
    proposed = form_name(award_type.name).upper() if award_type else "…"
    return {"danh_hieu_de_nghi": f"ĐỀ NGHỊ TẶNG {proposed}",
            "dia_danh_ngay": place_and_date(locality_place(unit), None,
                                            year=timezone.localdate().year)}


def history(awards, first: int, last: int) -> tuple[list[dict], list[dict]]:
    """Titles and other awards of the period, in year order; revoked ones left out."""
    titles, forms = [], []
    for award in awards:
        year = award.year or award.decision.date.year
        if award.revoked or not first <= year <= last:
            continue
        line = {"nam": year, "ten": form_name(award.award_type.name),
                "quyet_dinh": decision_reference(award.decision)}
        (titles if award.award_type.category == Category.TITLE else forms).append(line)
    return titles, forms


def decision_reference(decision) -> str:
    """ "Quyết định số 05/QĐ-UBND ngày 20/12/2024 của UBND tỉnh Bình Thuận"."""
    return (f"Quyết định số {decision.number} ngày {short_date(decision.date)} của "
            f"{clean(decision.issuer_name)}")


def individual_report(person, *, year: int, award_type=None, years: int = PERIOD) -> dict:
    """Form 05 for `person`, over the `years` years up to `year`."""
    first = year - years + 1
    positions = person.positions.select_related("unit").order_by("start")
    ratings = person.ratings.filter(year__range=(first, year)).order_by("year")
    titles, forms = history(award_queries.history_of_person(person), first, year)
    unit = clean(person.unit.name) if person.unit else ""
    return {
        **report_heading(award_type, person.unit),
        "ho_ten": clean(person.full_name),
        "ngay_sinh": short_date(person.birth_date), "gioi_tinh": GENDERS.get(person.gender, ""),
        "que_quan": "", "tru_quan": "", "don_vi": unit, "chuc_vu": clean(person.title),
        "trinh_do": "", "hoc_ham": "",
        "qua_trinh_cong_tac": [work_line(p) for p in positions],
        "ket_qua": [f"Năm {r.year}: {RATINGS.get(r.level, r.level)}." for r in ratings],
        "sang_kien": [initiative_line(i) for i in person.initiatives.filter(
            year__range=(first, year)).order_by("year", "pk")],
        "danh_hieu": titles, "khen_thuong": forms,
    }


def work_line(position) -> str:
    until = f"{position.end:%m/%Y}" if position.end else "nay"
    return joined(f"Từ {position.start:%m/%Y} đến {until}: {clean(position.title)}",
                  position.unit_name)


def initiative_line(initiative) -> str:
    recognised = ""
    if initiative.decision_number:
        recognised = f"Quyết định công nhận số {initiative.decision_number}" + (
            f" ngày {short_date(initiative.decision_date)}" if initiative.decision_date else "")
    return joined(f"Năm {initiative.year}: {clean(initiative.title)}",
                  f"phạm vi ảnh hưởng {SCOPES.get(initiative.scope, initiative.scope)}",
                  recognised, clean(initiative.recognising_body_name))


def collective_report(unit, *, year: int, award_type=None, years: int = PERIOD) -> dict:
    """Form 04 for the collective `unit`, over the `years` years up to `year`."""
    first = year - years + 1
    ratings = unit.ratings.filter(year__range=(first, year)).order_by("year")
    titles, forms = history(award_queries.history_of_collective(unit), first, year)
    return {
        **report_heading(award_type, unit),
        "ten_tap_the": in_sentence(unit.name) if unit.parent_id is None else clean(unit.name),
        "dia_chi": clean(unit.address),
        "don_vi_cap_tren": clean(unit.parent.name) if unit.parent else "",
        "dac_diem": "", "chuc_nang": "", "bien_phap": "",
        "ket_qua": [collective_rating(r) for r in ratings],
        "danh_hieu": titles, "khen_thuong": forms, "thu_truong": "",
    }


def collective_rating(rating) -> str:
    members = f" ({rating.member_count} thành viên)" if rating.member_count else ""
    return f"Năm {rating.year}: {RATINGS.get(rating.level, rating.level)}{members}."

