"""The Word document of a decision draft (awards.DecisionDraft) before it is issued: the same
decision with its annex as an issued decision's (`contexts.decision_text`), from the draft's
header and annex lines, with no number and no date (given only when it is signed, Decree
30/2020), and marked DỰ THẢO at the top of the first page."""

import io
from dataclasses import dataclass

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from thidua.core.text import clean
from thidua.documents.word.contexts import BLANK_NUMBER, decision_text, positions_on

DRAFT_MARK = "DỰ THẢO"


@dataclass(frozen=True)
class DraftHeader:
    """What the decision's text reads of a decision, taken from a draft."""

    date: object
    issuer: object
    issuer_id: int
    issuer_name: str
    decided_by: str
    subject: str
    legal_basis: str
    signer_name: str
    signer_title: str
    period: str
    proposals: object  # the draft's dossiers (a related manager, as a decision's)


@dataclass(frozen=True)
class AnnexAward:
    """An annex line read as the award it will become."""

    pk: int
    award_type: object
    awardee_name: str
    unit_name: str
    summary: str
    year: int | None
    person: object
    person_id: int | None
    collective: object
    collective_id: int | None


def draft_context(draft) -> dict:
    lines = draft.lines.select_related(
        "award_type", "nominee__person", "nominee__collective__parent").prefetch_related(
        positions_on(draft.date, "nominee__person__positions")).order_by("position")
    year = draft.period_end_year or draft.round.year
    awards = [AnnexAward(pk=line.position, award_type=line.award_type, awardee_name=line.name,
                         unit_name=line.unit_name, summary=line.summary, year=year,
                         person=line.nominee.person, person_id=line.nominee.person_id,
                         collective=line.nominee.collective,
                         collective_id=line.nominee.collective_id) for line in lines]
    header = DraftHeader(
        date=draft.date, issuer=draft.issuer, issuer_id=draft.issuer_id,
        issuer_name=clean(draft.issuer_name or draft.issuer.name), decided_by=draft.decided_by,
        subject=draft.subject, legal_basis=draft.legal_basis, signer_name=draft.signer_name,
        signer_title=draft.signer_title, period=draft.period, proposals=draft.proposals)
    return decision_text(header, awards, number=f"{BLANK_NUMBER}/{clean(draft.number_symbol)}",
                         on=None)


def marked_draft(content: bytes) -> bytes:
    """The document with "DỰ THẢO" (bold, red, in a small frame at the right) above everything
    on its first page, whatever template made it."""
    document = Document(io.BytesIO(content))
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.left_indent = Mm(125)  # the frame: 40 mm at the right margin
    run = paragraph.add_run(DRAFT_MARK)
    run.bold, run.font.size, run.font.color.rgb = True, Pt(14), RGBColor(0xC0, 0, 0)
    _frame(paragraph)
    body = document.element.body
    body.insert(0, paragraph._p)  # moved from the end to the very top
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# What follows w:pBdr inside w:pPr (ECMA-376 order), for inserting it at its place.
_AFTER_BORDERS = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
                  "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
                  "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
                  "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                  "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                  "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def _frame(paragraph) -> None:
    """A thin red border around the paragraph, as drafts are stamped."""
    properties = paragraph._p.get_or_add_pPr()
    borders = properties.makeelement(qn("w:pBdr"), {})
    for side in ("top", "left", "bottom", "right"):
        borders.append(borders.makeelement(qn(f"w:{side}"), {
            qn("w:val"): "single", qn("w:sz"): "8", qn("w:space"): "1",
            qn("w:color"): "C00000"}))
    properties.insert_element_before(borders, *_AFTER_BORDERS)
