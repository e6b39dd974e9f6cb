"""docx: a decision with a 500-name annex as a Word document, end to end (the decision and its
awards read, sorted in Vietnamese order, the template rendered by docxtpl and saved). Goal
< 2 s. Baseline: the same 500 rows written as plain python-docx table rows and saved."""

import datetime
import io

from support import Context, line, skipped, timed

NAME = "docx"
ORDER = 60
ROWS = 500


def run(ctx: Context) -> list[str]:
    from docx import Document

    from thidua.documents.choices import DocumentKind
    from thidua.documents.word.builtin import template_bytes
    from thidua.documents.word.contexts import decision_context
    from thidua.documents.word.render import render

    decision = annex_decision()
    if decision is None:
        return [skipped(ctx.name(NAME), "fewer than 500 people")]
    template_bytes(DocumentKind.DECISION)  # built once per process, not part of the figure

    def document() -> bytes:
        return render(template_bytes(DocumentKind.DECISION), decision_context(decision))

    seconds, content = timed(document)
    people = Document(io.BytesIO(content)).tables[-1]
    assert len(people.rows) == ROWS + 1, len(people.rows)
    rows = [[str(i), f"{c['danh_xung']} {c['ho_ten']}", c["chuc_vu_don_vi"]]
            for i, c in enumerate(decision_context(decision)["ca_nhan"], start=1)]
    baseline, _ = timed(plain_table, rows)
    return [line(ctx.name(NAME), seconds, "s", baseline, "s", seconds / baseline)]


def plain_table(rows: list[list[str]]) -> bytes:
    from docx import Document

    document = Document()
    table = document.add_table(rows=1, cols=3)
    for values in rows:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def annex_decision():
    """A provincial decision giving a Bằng khen to 500 people of the generated province
    (rows written directly: the setup is not measured)."""
    from thidua.awards.models import Award, AwardType, Decision
    from thidua.people.models import Person

    people = list(Person.objects.select_related("unit").order_by("pk")[:ROWS])
    if len(people) < ROWS:
        return None
    decision = Decision.objects.create(
        number="999/QĐ-UBND", date=datetime.date(2026, 1, 5), issuer_name="UBND tỉnh Bình Thuận",
        decided_by="provincial_chair", signer_name="Nguyễn Văn Phong", signer_title="Phó Chủ tịch")
    kind = AwardType.objects.get(code="bk_bo_tinh_individual")
    Award.objects.bulk_create(
        Award(award_type=kind, decision=decision, person=person, awardee_name=person.full_name,
              unit=person.unit, unit_name=person.unit.name if person.unit else "", year=2025)
        for person in people)
    return decision
