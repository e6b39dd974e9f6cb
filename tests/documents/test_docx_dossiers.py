"""The submission of a dossier, the vote-count minutes and the achievement reports, opened
again."""

import datetime

from django.urls import reverse

from tests.documents.conftest import cells, downloaded, opened, texts
from tests.factories import award_type, make_award, make_decision
from thidua.awards.models import Initiative
from thidua.councils.queries import Minutes, MinutesLine
from thidua.documents.choices import DocumentKind
from thidua.documents.word import builtin, render
from thidua.documents.word.dossiers import minutes_context
from thidua.people import services as people_services
from thidua.proposals.models import Nominee, Proposal, Round


def test_the_submission_of_a_dossier(client, officer, other_officer, tree, people):
    round_ = Round.objects.create(name="Xét khen thưởng năm 2025", year=2025,
                                  organiser=tree.province, opens_on=datetime.date(2025, 11, 1),
                                  submission_deadline=datetime.date(2025, 12, 1))
    proposal = Proposal.objects.create(round=round_, unit=tree.phu_quy,
                                       unit_name="UBND huyện Phú Quý", number="12/TTr-UBND",
                                       title="Đề nghị tặng Bằng khen")
    bk = award_type("bk_bo_tinh_individual")
    for person in (people.hoa, people.binh):
        Nominee.objects.create(proposal=proposal, person=person, name=person.full_name,
                               unit_name=person.unit.name, award_type=bk)
    client.force_login(officer)
    document = downloaded(client.get(reverse("documents:submission", args=[proposal.pk])))
    assert cells(document.tables[0]) == [
        ["ỦY BAN NHÂN DÂN\nHUYỆN PHÚ QUÝ\n",
         "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"],
        ["Số: 12/TTr-UBND", f"Phú Quý, ngày      tháng      năm {datetime.date.today().year}"]]
    body = texts(document)
    assert body[:3] == [
        "TỜ TRÌNH", "Về việc đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 02 "
        "cá nhân", "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Bình Thuận"]
    assert body[-1] == "(Danh sách này có 02 cá nhân)./."
    assert cells(document.tables[-1])[1:] == [["1", "Ông Trần Văn Bình", "UBND xã Tam Thanh"],
                                              ["2", "Bà Nguyễn Thị Hoà", "UBND huyện Phú Quý"]]
    client.force_login(other_officer)
    assert client.get(reverse("documents:submission", args=[proposal.pk])).status_code == 404


def test_the_vote_count_minutes(tree):
    line = MinutesLine(number=1, name="Nguyễn Thị Hoà", unit_name="UBND huyện Phú Quý",
                       award="Chiến sĩ thi đua cấp tỉnh", proposal="12/TTr-UBND", verdict="",
                       vote_code="", vote_kind="ballot", min_percent=90, needed=14, basis="",
                       yes=14, no=1, abstain=0, written_yes=1, written_no=0,
                       absent_without_opinion=0, recused=0, not_voted=0, approved=True)
    minutes = Minutes(council="Hội đồng Thi đua - Khen thưởng tỉnh", organiser="Tỉnh Bình Thuận",
                      place="Bình Thuận", round="Xét khen thưởng năm 2025", session_id=1,
                      date=datetime.date(2026, 1, 5), date_text="ngày 05 tháng 01 năm 2026",
                      paper_ballot=True, members_total=15, quorum="2/3",
                      present=[f"Thành viên {i}" for i in range(14)], absent=["Lê Văn C"],
                      absent_with_opinion=["Lê Văn C"], recusals=[], lines=[line],
                      chair="Nguyễn Văn An", secretary="Trần Thị Bích")
    context = minutes_context(minutes, tree.province)
    document = opened(render.render(builtin.template_bytes(DocumentKind.VOTE_MINUTES), context))
    assert cells(document.tables[0])[1] == ["Số:        /BB-HĐTĐKT", ""]
    body = texts(document)
    assert body[:4] == ["BIÊN BẢN", "Kiểm phiếu Hội đồng Thi đua - Khen thưởng tỉnh – Xét khen "
                        "thưởng năm 2025", "Thời gian bắt đầu: ngày 05 tháng 01 năm 2026.",
                        "Địa điểm: Trụ sở Ủy ban nhân dân tỉnh Bình Thuận."]
    assert "- Lê Văn C – có ý kiến bằng văn bản" in body
    assert cells(document.tables[1]) == [
        ["STT", "Họ và tên, tập thể", "Đề nghị", "Đồng ý", "Tỷ lệ", "Kết quả"],
        ["1", "Nguyễn Thị Hoà, UBND huyện Phú Quý", "Chiến sĩ thi đua cấp tỉnh", "14", "93,3%",
         "Đạt"]]
    assert cells(document.tables[2]) == [["THƯ KÝ\n\n\n\n\nTrần Thị Bích",
                                          "CHỦ TỌA\n\n\n\n\nNguyễn Văn An"]]


def test_the_achievement_report_of_a_person(client, officer, tree, people):
    hoa = people.hoa
    people_services.add_position(by=None, person=hoa, unit=tree.phu_quy, title="Chuyên viên",
                                 start=datetime.date(2015, 1, 1))
    for year, level in ((2023, "HTT"), (2024, "HTXS"), (2025, "HTXS")):
        people_services.record_rating(by=None, person=hoa, year=year, level=level)
    make_award("cstd_co_so", person=hoa, year=2024, decision=make_decision(
        "12/QĐ-UBND", datetime.date(2024, 12, 20), issuer=tree.phu_quy))
    make_award("giay_khen", person=hoa, year=2023, decision=make_decision(
        "30/QĐ-UBND", datetime.date(2023, 12, 15), issuer=tree.phu_quy))
    make_award("ldtt", person=hoa, year=2018)  # before the period: left out
    Initiative.objects.create(person=hoa, title="Số hóa hồ sơ khen thưởng", year=2025,
                              scope="co_so", decision_number="15/QĐ-UBND",
                              decision_date=datetime.date(2025, 11, 3))
    client.force_login(officer)
    url = reverse("documents:person_report", args=[hoa.pk])
    document = downloaded(client.get(url, {"nam": 2025, "danh_hieu": "bk_bo_tinh_individual"}))
    body = texts(document)
    assert body[:4] == ["BÁO CÁO THÀNH TÍCH",
                        "ĐỀ NGHỊ TẶNG BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
                        "I. SƠ LƯỢC LÝ LỊCH", "- Họ tên: Nguyễn Thị Hoà"]
    assert "- Sinh ngày, tháng, năm: 02/03/1985; Giới tính: Nữ" in body
    assert "- Từ 01/2015 đến nay: Chuyên viên, UBND huyện Phú Quý" in body
    assert [line for line in body if line.startswith("- Năm 20")] == [
        "- Năm 2023: Hoàn thành tốt nhiệm vụ.", "- Năm 2024: Hoàn thành xuất sắc nhiệm vụ.",
        "- Năm 2025: Hoàn thành xuất sắc nhiệm vụ.",
        "- Năm 2025: Số hóa hồ sơ khen thưởng, phạm vi ảnh hưởng cấp cơ sở, Quyết định công "
        "nhận số 15/QĐ-UBND ngày 03/11/2025"]
    titles, forms = document.tables[1], document.tables[2]
    assert cells(titles)[1:] == [["2024", "Chiến sĩ thi đua cơ sở",
                                  "Quyết định số 12/QĐ-UBND ngày 20/12/2024 của UBND huyện Phú "
                                  "Quý"]]
    assert cells(forms)[1:] == [["2023", "Giấy khen", "Quyết định số 30/QĐ-UBND ngày "
                                 "15/12/2023 của UBND huyện Phú Quý"]]
    response = client.get(url, {"nam": "20x5"})
    assert response.status_code == 400
    assert "Đến năm" in response.content.decode()
    assert client.get(reverse("documents:person_report", args=[people.other.pk])).status_code \
        == 404


def test_the_achievement_report_of_a_collective(client, officer, tree):
    from thidua.organisations.models import CollectiveRating

    CollectiveRating.objects.create(unit=tree.tam_thanh, year=2025, level="HTXS",
                                    member_count=12)
    make_award("ttldtt", collective=tree.tam_thanh, year=2024)
    client.force_login(officer)
    document = downloaded(client.get(reverse("documents:collective_report",
                                             args=[tree.tam_thanh.pk]), {"nam": 2025}))
    body = texts(document)
    assert body[:3] == ["BÁO CÁO THÀNH TÍCH", "ĐỀ NGHỊ TẶNG …", "UBND xã Tam Thanh"]
    assert "- Năm 2025: Hoàn thành xuất sắc nhiệm vụ (12 thành viên)." in body
    assert [row[:2] for row in cells(document.tables[1])[1:]] == [
        ["2024", "Tập thể lao động tiên tiến"]]
