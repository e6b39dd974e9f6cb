"""certificates: 1,000 designed certificates (Bằng khen, each with its verification code and
QR code) of one decision into one PDF, in pages per second (goal ≥ 500). Timed end to end:
reading the awards, issuing the 1,000 codes, drawing the QR codes, the Typst compiles.

Baseline: headless LibreOffice converting the same 1,000 certificates from Word files (the
same lines and QR code, built with python-docx, not timed) in one batch call (`soffice
--headless --convert-to pdf`), in pages per second; ratio = ours / LibreOffice's (goal ≥ 15).
`make bench` installs LibreOffice from the Debian packages when `soffice` is absent; without
it the baseline is reported unavailable."""

import datetime
import io
import shutil
import subprocess
import tempfile
from pathlib import Path

from support import Context, number, skipped, timed

NAME = "certificates"
ORDER = 70
PAGES = 1000
SOFFICE_TIMEOUT = 900  # seconds


def run(ctx: Context) -> list[str]:
    decision = make_decision(PAGES)
    if decision is None:
        return [skipped(ctx.name(NAME), f"fewer than {PAGES} people in the province")]
    from pypdf import PdfReader

    from thidua.documents.certificates import services

    warm_up()
    seconds, pdf = timed(services.decision_pdf, decision, by=None)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    if pages != PAGES:
        return [f"{ctx.name(NAME)}: failed ({pages} pages instead of {PAGES})"]
    ours = PAGES / seconds
    baseline = libreoffice_rate(decision, Path(ctx.workdir))
    if baseline is None:
        return [f"{ctx.name(NAME)}: {number(ours)} pages/s (baseline: unavailable, LibreOffice "
                f"(soffice) is not installed)"]
    rate, converted = baseline
    note = "" if converted == PAGES else f", LibreOffice converted only {converted}"
    return [f"{ctx.name(NAME)}: {number(ours)} pages/s (baseline: {number(rate)} pages/s, "
            f"ratio {ours / rate:.2f}{note})"]


def make_decision(count: int):
    """A provincial decision of `count` Bằng khen to people of the generated province (bulk
    insert, not timed)."""
    from thidua.awards.models import Award, AwardType, Decision
    from thidua.organisations.models import Unit
    from thidua.people.models import Person

    people = list(Person.objects.select_related("unit").order_by("pk")[:count])
    if len(people) < count:
        return None
    issuer = Unit.objects.filter(kind="province").order_by("pk").first()
    decision = Decision.objects.create(
        number="9999/QĐ-UBND", date=datetime.date(2025, 12, 19), issuer=issuer,
        issuer_name=issuer.name if issuer else "UBND tỉnh", decided_by="provincial_chair",
        signer_name="Nguyễn Hồng Hải", signer_title="KT. Chủ tịch – Phó Chủ tịch")
    award_type = AwardType.objects.get(code="bk_bo_tinh_individual")
    Award.objects.bulk_create([
        Award(award_type=award_type, person=person, awardee_name=person.full_name,
              unit=person.unit, unit_name=person.unit.name if person.unit else "",
              year=2025, decision=decision) for person in people], batch_size=1000)
    return decision


def warm_up() -> None:
    """Load the fonts and the URLs once, as any running server or worker already has."""
    from django.urls import reverse

    from thidua.documents.certificates import render
    from thidua.documents.certificates.content import Lines

    reverse("verification:form")
    lines = Lines(form="giay_khen", authority="A", lead="TẶNG", award="GIẤY KHEN",
                  awardee="Khởi động", unit="", achievement="", decision="", register="",
                  place_date="", signer_title="", signer_name="")
    render.designed_pdf([render.page_data(lines, code="00000-00000", url="http://x/y/z/")],
                        title="warm-up")


# -- the baseline: LibreOffice ---------------------------------------------------------------
def libreoffice_rate(decision, workdir: Path) -> tuple[float, int] | None:
    """Pages per second of one `soffice --convert-to pdf` call converting the certificates as
    one Word file (a page each: LibreOffice reads at most about 250 file names per call), and
    the pages it wrote; None without LibreOffice."""
    from pypdf import PdfReader

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    source = workdir / "certificates.docx"
    write_docx(decision, source)
    with tempfile.TemporaryDirectory(prefix="thidua-lo-profile-") as profile:
        command = [soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                   "--norestore", "--convert-to", "pdf", "--outdir", str(workdir), str(source)]
        seconds, _result = timed(subprocess.run, command, capture_output=True, check=False,
                                 timeout=SOFFICE_TIMEOUT)
    target = source.with_suffix(".pdf")
    pages = len(PdfReader(target).pages) if target.exists() else 0
    return (pages / seconds if pages else 0.0), pages


def write_docx(decision, path: Path) -> None:
    """The same certificates in one Word file: A4 landscape, the same lines and QR code, a
    page each."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Mm, Pt

    from thidua.documents.certificates import services
    from thidua.documents.certificates.render import qr_png
    from thidua.documents.verification import public_url

    awards = list(services.queries.awards_to_print(decision).select_related("certificate"))
    pages = services.pages_of(awards, by=None)  # codes exist: issued by the timed run
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin = section.bottom_margin = Mm(12)
    for index, (award, page) in enumerate(zip(awards, pages, strict=True)):
        for text, size, bold in (
                ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, True),
                ("Độc lập - Tự do - Hạnh phúc", 14, True), (page["authority"], 16, True),
                (page["lead"], 14, True), (page["award"], 40, True), (page["awardee"], 26, True),
                (page["unit"], 15, False), (page["achievement"], 15, False),
                (page["decision"], 12, True), (page["register"], 12, True),
                (page["place_date"], 13, True), (page["signer_title"], 13, True),
                (page["signer_name"], 14, True), (f"Mã xác minh: {page['code']}", 10, False)):
            paragraph = document.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.space_after = Pt(0)
            run = paragraph.add_run(text)
            run.font.size, run.font.bold = Pt(size), bold
        picture = document.add_paragraph()
        picture.add_run().add_picture(io.BytesIO(qr_png(public_url(award.certificate.code))),
                                      width=Mm(22))
        if index < len(awards) - 1:
            picture.add_run().add_break(WD_BREAK.PAGE)
    document.save(path)
