"""The submission of a proposal dossier (tờ trình, Form 01) and the vote-count minutes of a
council session (biên bản kiểm phiếu), as template contexts."""

from django.utils import timezone

from thidua.awards.choices import Category, SubjectKind
from thidua.core.text import clean, sort_key, unit_sort_key
from thidua.documents.bodies import LOCALITIES, body_of, in_sentence
from thidua.documents.dates import document_date
from thidua.documents.word.contexts import (
    BLANK_NUMBER,
    birth_year,
    counted,
    form_name,
    header,
    joined,
    legal_bases,
    local_time,
    salutation,
)
from thidua.organisations.choices import UnitKind
from thidua.proposals.choices import DecidingLevel

REVIEW_SYMBOL = "BB-HĐTĐKT"  # the council numbers its own minutes (Decree 30, Annex I)


# -- the submission -----------------------------------------------------------------------
def submission_context(proposal) -> dict:
    """A proposal dossier (proposals.Proposal) with its nominees; unnumbered while it has no
    number, undated until submitted."""
    nominees = list(proposal.nominees.select_related("person", "award_type", "collective"))
    teams = sorted((n for n in nominees if n.subject_kind != SubjectKind.INDIVIDUAL),
                   key=lambda n: unit_sort_key(n.name))
    people = sorted((n for n in nominees if n.subject_kind == SubjectKind.INDIVIDUAL),
                    key=lambda n: (sort_key(n.name), n.pk))
    unit_name = clean(proposal.unit_name) or proposal.unit.name
    body = body_of(proposal.unit, name=unit_name)
    submitted = timezone.localdate(proposal.submitted_at) if proposal.submitted_at else None
    number = clean(proposal.number) or f"{BLANK_NUMBER}/TTr"
    forms = sorted({form_name(n.award_type.name) for n in nominees})
    titles = bool(nominees) and all(n.award_type.category == Category.TITLE for n in nominees)
    verb = "công nhận danh hiệu" if titles else "tặng"
    recipient = deciding_authority(proposal.round)
    total = counted(len(teams), len(people))
    year = proposal.round.year
    return {
        **header(body, number, submitted, (submitted or timezone.localdate()).year),
        "trich_yeu": f"Về việc đề nghị {verb} {', '.join(forms)} cho {total}".strip(),
        "kinh_gui": recipient,
        "can_cu": legal_bases(submitted or timezone.localdate(), "")[1:],
        "noi_dung": [f"Thực hiện {clean(proposal.round.name)}; căn cứ kết quả thực hiện nhiệm "
                     f"vụ năm {year} và thành tích của các tập thể, cá nhân, {unit_name} đã tổ "
                     "chức bình xét và thống nhất đề nghị khen thưởng."],
        "de_nghi": f"{unit_name} kính đề nghị {recipient} xem xét, {verb} {', '.join(forms)} "
                   f"cho {total} (có danh sách và báo cáo thành tích kèm theo).",
        "ket_thuc": f"Kính trình {recipient} xem xét, quyết định./.",
        "noi_nhan": ["- Như trên;", "- Lưu: VT."],
        "chuc_danh_ky": [signer_of(proposal.unit)], "nguoi_ky": "",
        "tap_the": [team_line(i, n) for i, n in enumerate(teams, start=1)],
        "ca_nhan": [nominee_line(i, n) for i, n in enumerate(people, start=1)],
        "so_tap_the": f"{len(teams):02d}", "so_ca_nhan": f"{len(people):02d}",
        "tong_so": total,
        "tieu_de_danh_sach": f"{who_list(teams, people)} ĐỀ NGHỊ {verb.upper()} "
                             f"{'; '.join(forms).upper()}",
        "kem_theo": f"(Kèm theo Tờ trình số {number} "
                    f"{document_date(submitted) if submitted else 'ngày      tháng      năm'} "
                    f"của {unit_name})",
    }


def who_list(teams: list, people: list) -> str:
    return ", ".join(word for word, present in (("TẬP THỂ", teams), ("CÁ NHÂN", people))
                     if present)


def deciding_authority(round_) -> str:
    """Kính gửi: the chair of the committee of the round's level, or the organiser's head."""
    if round_.deciding_level == DecidingLevel.CENTRAL:
        return "Thủ tướng Chính phủ"
    unit = round_.organiser
    wanted = {UnitKind.PROVINCE} if round_.deciding_level == DecidingLevel.PROVINCE else LOCALITIES
    if round_.deciding_level == DecidingLevel.UNIT:
        return f"Thủ trưởng {clean(unit.name)}"
    while unit is not None and unit.kind not in wanted:
        unit = unit.parent
    return f"Chủ tịch {in_sentence((unit or round_.organiser).name)}"


def signer_of(unit) -> str:
    if unit.kind in LOCALITIES:
        return "CHỦ TỊCH"
    return "GIÁM ĐỐC" if unit.kind == UnitKind.DEPARTMENT else "THỦ TRƯỞNG ĐƠN VỊ"


def team_line(number: int, nominee) -> dict:
    return {"stt": number, "ten": clean(nominee.name), "don_vi": clean(nominee.unit_name),
            "hinh_thuc": form_name(nominee.award_type.name), "thanh_tich": clean(nominee.summary)}


def nominee_line(number: int, nominee) -> dict:
    person = nominee.person
    title = clean(person.title) if person else ""
    unit = clean(nominee.unit_name)
    return {"stt": number, "danh_xung": salutation(person.gender if person else ""),
            "ho_ten": clean(nominee.name), "nam_sinh": birth_year(person), "chuc_vu": title,
            "don_vi": unit, "chuc_vu_don_vi": joined(title, unit),
            "hinh_thuc": form_name(nominee.award_type.name), "thanh_tich": clean(nominee.summary)}


# -- the vote-count minutes ---------------------------------------------------------------
def minutes_context(minutes, organiser) -> dict:
    """`minutes`: councils.queries.Minutes of a session; `organiser`: the council's unit."""
    body = body_of(organiser)
    present, total = len(minutes.present), minutes.members_total
    not_voted = min((line.not_voted for line in minutes.lines), default=0)
    absent = [label + (" – có ý kiến bằng văn bản" if label in minutes.absent_with_opinion
                       else "") for label in minutes.absent]
    return {
        **header(body, f"{BLANK_NUMBER}/{REVIEW_SYMBOL}", None, minutes.date.year),
        "ten_cuoc_hop": f"Kiểm phiếu {clean(minutes.council)} – {clean(minutes.round)}",
        "thoi_gian_bat_dau": local_time(minutes.opened_at) or minutes.date_text,
        "dia_diem": f"Trụ sở {in_sentence(minutes.organiser)}",
        "chu_tri": clean(minutes.chair), "thu_ky": clean(minutes.secretary),
        "tong_thanh_vien": total, "co_mat": present, "so_vang_mat": len(minutes.absent),
        "vang_mat": absent, "ban_kiem_phieu": [],
        "phieu_phat_ra": present, "phieu_thu_vao": present - not_voted,
        "phieu_hop_le": present - not_voted, "phieu_khong_hop_le": 0,
        "cach_tinh": f"Tỷ lệ phiếu đồng ý tính trên tổng số {total} thành viên Hội đồng; ý kiến "
                     "bằng văn bản của thành viên vắng mặt được tính vào số phiếu.",
        "dieu_chinh": corrections(minutes),
        "ket_qua": [result_line(line, total) for line in minutes.lines],
        "ket_luan": f"Có {minutes.approved:02d} trường hợp đạt tỷ lệ phiếu đồng ý theo quy định "
                    f"và {minutes.rejected:02d} trường hợp không đạt." + superseded_note(minutes),
        "thoi_gian_ket_thuc": local_time(minutes.closed_at),
        "chuc_danh_ky": ["CHỦ TỌA"], "nguoi_ky": clean(minutes.chair), "noi_nhan": [],
    }


def corrections(minutes) -> list[str]:
    """What changed the ballot as first set out, each a sentence of the minutes: the session it
    votes again, late arrivals, recusals (and those withdrawn before the member voted)."""
    found = []
    if minutes.revote_of:
        found.append(f"Bỏ phiếu lại đối với một số trường hợp của phiên họp ngày "
                     f"{minutes.revote_of.date:%d/%m/%Y}; lý do: "
                     f"{clean(minutes.revote_reason).rstrip('.')}.")
    if minutes.late:
        found.append("Thành viên đến sau khi mở hòm phiếu, đã bỏ phiếu khi hòm phiếu còn mở: "
                     + ", ".join(minutes.late) + ".")
    for recusal in minutes.recusals:
        text = (f"{recusal.member} không tham gia bỏ phiếu đối với {recusal.target} "
                f"({recusal.reason.rstrip('.')}" + (f": {recusal.note}" if recusal.note else "")
                + ")")
        if recusal.withdrawn:
            text += f"; đã rút lại trước khi bỏ phiếu, lý do: {recusal.withdrawn.rstrip('.')}"
        found.append(text + ".")
    return found


def superseded_note(minutes) -> str:
    if not minutes.superseded:
        return ""
    dates = sorted({line.superseded_by.date for line in minutes.lines if line.superseded_by})
    return (f" Kết quả của {minutes.superseded:02d} trường hợp đã được thay thế bằng kết quả "
            "bỏ phiếu lại ngày " + ", ".join(f"{day:%d/%m/%Y}" for day in dates) + ".")


def result_line(line, total: int) -> dict:
    share = f"{line.yes * 100 / total:.1f}".replace(".", ",") + "%" if total else ""
    outcome = "Đạt" if line.approved else "Không đạt"
    if line.superseded_by:
        outcome += f" (đã bỏ phiếu lại ngày {line.superseded_by.date:%d/%m/%Y})"
    return {"stt": line.number, "ten": joined(line.name, line.unit_name),
            "de_nghi": form_name(line.award), "dong_y": line.yes, "khong_dong_y": line.no,
            "ty_le": share, "ket_qua": outcome}
