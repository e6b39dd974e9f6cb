"""The demo's proposal round: Lâm Đồng's annual round for the achievements of 2025 (decided by
the provincial chair), with dossiers of đặc khu Phú Quý and phường Phan Thiết at several stages,
so that a newcomer can take one through the browser:

- Phú Quý, draft: a CSTĐ cấp tỉnh that passes, a Bằng khen whose criterion the unit asserts,
  and one that fails and still needs its justification before it can be submitted;
- Phú Quý, returned by the Department of Home Affairs with its reason;
- Phan Thiết, submitted and waiting to be received;
- Phan Thiết, appraised and published for public comment (the window is open: comment on it);
- Phú Quý, published nearly three weeks ago: its comment window has closed, so it can go to the council
  (the law's 10 working days cannot be skipped in a demo either).

Dates follow the day the demo is loaded (the round is open, the council ahead), so the
workflow's deadlines hold whenever it is loaded. Everything goes through the services, as the
users' own accounts."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from thidua.accounts.models import User
from thidua.awards.choices import AwardKind
from thidua.awards.models import AwardType
from thidua.organisations.models import Unit
from thidua.people.models import Person
from thidua.proposals import services
from thidua.proposals.choices import DecidingLevel
from thidua.proposals.models import Proposal, Round

YEAR = 2025
OUTSTANDING = "outstanding_in_ministry_or_province_movement"


@dataclass(frozen=True)
class Line:
    name: str  # a demo person's full name, or a unit code for a collective
    code: str
    summary: str
    justification: str = ""
    facts: tuple[str, ...] = ()
    collective: bool = False


@dataclass(frozen=True)
class Dossier:
    unit: str
    officer: str
    number: str
    title: str
    lines: tuple[Line, ...]
    steps: tuple[tuple[str, str, str], ...] = ()  # (action, username, note)
    days_ago: int = 0  # the steps were taken this many days before the demo is loaded


DOSSIERS = (
    Dossier("ld-dac-khu-phu-quy", "phuquy", "", "Tờ trình đề nghị tặng danh hiệu Chiến sĩ thi "
            "đua cấp tỉnh và Bằng khen của Chủ tịch UBND tỉnh năm 2025", (
                Line("Trương Minh Khoa", "cstd_bo_tinh", "Ba năm liền đạt Chiến sĩ thi đua cơ "
                     "sở; sáng kiến số hóa hồ sơ một cửa được công nhận cấp tỉnh."),
                Line("Lê Văn Tâm", "bk_bo_tinh_individual", "Thành tích xuất sắc trong phong "
                     "trào thi đua “Chung sức xây dựng nông thôn mới” do tỉnh phát động.",
                     facts=(OUTSTANDING,)),
                Line("Nguyễn Thị Hoà", "bk_bo_tinh_individual", "Hoàn thành xuất sắc nhiệm vụ "
                     "tham mưu tổ chức bộ máy đặc khu sau sắp xếp."),
            )),
    Dossier("ld-dac-khu-phu-quy", "phuquy", "21/TTr-UBND", "Tờ trình đề nghị tặng Bằng khen "
            "của Chủ tịch UBND tỉnh cho cá nhân có thành tích trong phòng, chống thiên tai", (
                Line("Võ Thanh Long", "bk_bo_tinh_individual", "Chỉ huy cứu hộ tàu cá trong "
                     "bão số 3 năm 2025.", facts=(OUTSTANDING,)),
            ), (("submit", "phuquy", ""), ("receive", "sonoivu", ""),
                ("return", "sonoivu", "Thiếu báo cáo thành tích có xác nhận của cấp trình và "
                 "biên bản họp Hội đồng Thi đua – Khen thưởng đặc khu."))),
    Dossier("ld-phan-thiet", "phanthiet", "35/TTr-UBND", "Tờ trình đề nghị tặng Bằng khen của "
            "Chủ tịch UBND tỉnh năm 2025", (
                Line("Lê Quốc Bảo", "bk_bo_tinh_individual", "Tham mưu hiệu quả công tác cải "
                     "cách hành chính của phường.", justification="Kỷ luật cảnh cáo đã được "
                     "xem xét lại; đơn vị đề nghị Hội đồng cân nhắc thành tích năm 2025."),
                Line("Trần Minh Tuấn", "bk_bo_tinh_individual", "Hoàn thành xuất sắc nhiệm vụ "
                     "quản lý đô thị.", facts=(OUTSTANDING,)),
            ), (("submit", "phanthiet", ""),)),
    Dossier("ld-phan-thiet", "phanthiet", "28/TTr-UBND", "Tờ trình đề nghị tặng Bằng khen của "
            "Chủ tịch UBND tỉnh cho cá nhân có thành tích xuất sắc năm 2025", (
                Line("Nguyễn Hoàng Nam", "bk_bo_tinh_individual", "Dẫn đầu phong trào thi đua "
                     "chuyển đổi số của phường.", facts=(OUTSTANDING,)),
                Line("Võ Thị Bích Ngọc", "bk_bo_tinh_individual", "Hoàn thành xuất sắc nhiệm vụ "
                     "công tác dân vận.", facts=(OUTSTANDING,)),
            ), (("submit", "phanthiet", ""), ("receive", "sonoivu", ""),
                ("appraise", "sonoivu", ""), ("publish", "sonoivu", ""))),
    Dossier("ld-dac-khu-phu-quy", "phuquy", "17/TTr-UBND", "Tờ trình đề nghị tặng Bằng khen của "
            "Chủ tịch UBND tỉnh cho cá nhân có thành tích trong phong trào thi đua năm 2025", (
                Line("Trương Minh Khoa", "bk_bo_tinh_individual", "Dẫn đầu phong trào thi đua "
                     "cải cách hành chính của đặc khu.", facts=(OUTSTANDING,)),
            ), (("submit", "phuquy", ""), ("receive", "sonoivu", ""),
                ("appraise", "sonoivu", ""), ("publish", "sonoivu", "")), days_ago=19),
)


def load_proposals(*, by=None, units: dict[str, Unit]) -> list[Proposal]:
    """Open the round and write the dossiers; returns them in the order of DOSSIERS."""
    users = {user.username: user for user in User.objects.filter(
        username__in={"sonoivu", "phuquy", "phanthiet"}).select_related("unit")}
    round_ = open_round(users["sonoivu"], units)
    return [write(round_, spec, units, users) for spec in DOSSIERS]


def open_round(reviewer: User, units: dict[str, Unit]) -> Round:
    today = timezone.localdate()
    return services.create_round(
        by=reviewer, name=f"Xét khen thưởng thành tích năm {YEAR}", year=YEAR,
        kind=AwardKind.CONG_TRANG, organiser=units["ld-ubnd"],
        deciding_level=DecidingLevel.PROVINCE, opens_on=today - datetime.timedelta(days=20),
        submission_deadline=today + datetime.timedelta(days=25),
        council_date=today + datetime.timedelta(days=70), requires_publication=True)


def write(round_: Round, spec: Dossier, units: dict[str, Unit], users: dict) -> Proposal:
    officer = users[spec.officer]
    proposal = services.create_proposal(by=officer, round_=round_, unit=units[spec.unit],
                                        title=spec.title, number=spec.number)
    types = {t.code: t for t in AwardType.objects.filter(code__in={line.code for line in spec.lines})}
    for line in spec.lines:
        subject = ({"collective": units[line.name]} if line.collective
                   else {"person": Person.objects.get(full_name=line.name)})
        services.add_nominee(by=officer, proposal=proposal, award_type=types[line.code],
                             summary=line.summary, justification=line.justification,
                             facts=dict.fromkeys(line.facts, True), **subject)
    on = timezone.localdate() - datetime.timedelta(days=spec.days_ago)
    for action, username, note in spec.steps:
        proposal.refresh_from_db()
        services.act(proposal, action, by=users[username], version=proposal.version, note=note,
                     today=on)
    proposal.refresh_from_db()
    return proposal
