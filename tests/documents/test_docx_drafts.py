"""The Word document of a decision draft, before it is issued: the issuer's decision template
with the draft's annex, no number nor date, marked DỰ THẢO; the same text as the decision
once issued."""

import pytest
from django.urls import reverse

from tests.awards.decisions import make_draft, voted_round
from tests.documents.conftest import cells, downloaded, opened, texts
from thidua.awards import services as award_services
from thidua.documents.choices import DocumentKind
from thidua.documents.word import builtin, drafts

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(tree, people):
    return make_draft(voted_round(tree, people), tree.phu_quy)


@pytest.fixture
def as_officer(client, officer):
    client.force_login(officer)  # Phú Quý's officer: the issuer is in scope
    return client


def test_a_draft_downloads_as_a_decision_marked_dự_thảo_without_number_or_date(as_officer,
                                                                              draft):
    document = downloaded(as_officer.get(reverse("documents:draft", args=[draft.pk])))

    lines = texts(document)
    assert lines[0] == "DỰ THẢO"
    first = document.paragraphs[0]
    assert first.runs[0].bold is True
    assert document.element.body[0].tag.endswith("}p")  # above the header table
    header = cells(document.tables[0])
    assert header[1][0] == "Số:        /QĐ-UBND"
    assert header[1][1].endswith("ngày      tháng      năm 2025")
    assert "QUYẾT ĐỊNH" in lines
    assert "Về việc công nhận danh hiệu năm 2024" in lines
    body = "\n".join(lines)
    assert "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022" in body
    assert "Xét đề nghị của" in body and "Tờ trình số" in body
    assert "(Kèm theo Quyết định số        /QĐ-UBND ngày      tháng      năm" in body
    collectives, individuals = (cells(table)[1:] for table in document.tables[2:4])
    assert collectives == [["1", "UBND xã Tam Thanh", "UBND xã Tam Thanh"]]
    # People by given name (An < Bình < Hoà); Phúc, rejected by the council, is not there.
    assert individuals == [["1", "Ông Lê Văn An", "UBND xã Tam Thanh"],
                           ["2", "Ông Trần Văn Bình", "UBND xã Tam Thanh"],
                           ["3", "Bà Nguyễn Thị Hoà", "UBND huyện Phú Quý"]]
    assert "đã có thành tích xuất sắc năm 2024." in body


def test_the_draft_reads_as_the_decision_will_once_issued(as_officer, draft, leader):
    drafted = downloaded(as_officer.get(reverse("documents:draft", args=[draft.pk])))
    decision = award_services.issue_decision(by=leader, draft=draft, version=draft.version)

    as_officer.force_login(leader)
    issued = downloaded(as_officer.get(reverse("documents:decision", args=[decision.pk]),
                                       {"ban-nhap": "1"}))

    assert texts(drafted)[1:] == texts(issued)
    assert [cells(t) for t in drafted.tables] == [cells(t) for t in issued.tables]


def test_the_draft_page_offers_the_document(as_officer, draft):
    page = as_officer.get(reverse("awards:draft_detail", args=[draft.pk])).content.decode()
    assert reverse("documents:draft", args=[draft.pk]) in page
    assert "Tải dự thảo (.docx)" in page


def test_a_draft_outside_the_scope_is_not_given_out(client, other_officer, draft):
    client.force_login(other_officer)
    assert client.get(reverse("documents:draft", args=[draft.pk])).status_code == 404


def test_the_mark_is_added_to_any_template():
    source = builtin.template_bytes(DocumentKind.DECISION)
    marked = opened(drafts.marked_draft(source))
    assert marked.paragraphs[0].text == "DỰ THẢO"
    assert len(marked.paragraphs) == len(opened(source).paragraphs) + 1
