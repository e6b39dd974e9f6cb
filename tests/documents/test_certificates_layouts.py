"""Blank layouts per form, awardee kind and unit: the lookup order, the edit screen and the
calibration sheet of one kind, and a batch for blanks printing individuals and collectives
each on their own layout (checked by rendering to pixels)."""

import pytest
from django.urls import reverse

from tests.documents.certificate_support import (
    box_px,
    ink,
    make_certified,
    page_texts,
    post_data,
    rendered,
)
from thidua.core.models import AuditEntry
from thidua.documents.certificates import layouts, services
from thidua.documents.certificates.choices import AwardeeKind
from thidua.documents.models import BlankLayout

pytestmark = pytest.mark.django_db
A3 = 420 / 297  # the built-in grid is drawn for A4 landscape; a Bằng khen is A3


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def save(form: str, unit, kind: str, *, awardee_y: float) -> None:
    """A layout that differs from the built-in one by the awardee's line."""
    spec = layouts.complete(layouts.built_in(form))
    fields = [{"name": f.name, "x": f.x, "y": awardee_y if f.name == "awardee" else f.y,
               "width": f.width, "height": f.height, "font_size": f.font_size,
               "align": f.align, "bold": f.bold, "italic": f.italic, "enabled": f.enabled}
              for f in spec.fields]
    layouts.save_layout(by=None, form=form, unit=unit, kind=kind, fields=fields,
                        page={"page_width": spec.width, "page_height": spec.height,
                              "offset_x": 0, "offset_y": 0})


def awardee_y(spec) -> float:
    return next(f.y for f in spec.fields if f.name == "awardee")


def test_the_lookup_goes_from_the_kind_to_the_form_default(tree):
    def found(kind=AwardeeKind.COLLECTIVE):
        spec = layouts.resolve("giay_khen", tree.phu_quy, kind)
        return spec.source, awardee_y(spec)

    assert found() == ("built_in", 90)
    save("giay_khen", None, "", awardee_y=11)
    assert found() == ("default_any", 11)
    save("giay_khen", None, AwardeeKind.COLLECTIVE, awardee_y=12)
    assert found() == ("default", 12)
    assert found(AwardeeKind.INDIVIDUAL) == ("default_any", 11)
    save("giay_khen", tree.phu_quy, "", awardee_y=13)
    assert found() == ("own_any", 13)  # the unit's own (its printer) before the kind
    save("giay_khen", tree.phu_quy, AwardeeKind.COLLECTIVE, awardee_y=14)
    assert found() == ("own", 14)
    assert found(AwardeeKind.INDIVIDUAL) == ("own_any", 13)
    assert layouts.resolve("giay_khen", tree.phu_quy, AwardeeKind.COLLECTIVE).saved is True
    assert layouts.resolve("giay_khen", tree.phu_quy, AwardeeKind.INDIVIDUAL).saved is False
    # Another unit and another form see none of it but the defaults.
    assert layouts.resolve("giay_khen", tree.phan_thiet, AwardeeKind.COLLECTIVE).source == \
        "default"
    assert layouts.resolve("bang_khen", tree.phu_quy, AwardeeKind.COLLECTIVE).source == \
        "built_in"


def test_a_batch_for_blanks_prints_each_kind_on_its_layout(tree):
    certified = make_certified(tree)
    save("bang_khen", tree.province, AwardeeKind.COLLECTIVE, awardee_y=40)

    pdf = services.decision_pdf(certified.decision, by=None, blank=True)

    texts = page_texts(pdf)
    assert len(texts) == 4  # Hoà, Bình, the collective, Dung (the revoked award is left out)
    collective = next(i for i, text in enumerate(texts) if "Phòng Nội vụ" in text)
    built_in_box = box_px(30 * A3, 90 * A3, 237 * A3, 14 * A3)
    moved_box = box_px(30 * A3, 40, 237 * A3, 14 * A3)
    for page in range(len(texts)):
        image = rendered(pdf, page)
        if page == collective:
            assert (ink(image, built_in_box), ink(image, moved_box) > 500) == (0, True)
        else:
            assert (ink(image, built_in_box) > 500, ink(image, moved_box)) == (True, 0)


def test_the_screens_edit_and_calibrate_one_kind(client, reviewer, tree):
    client.force_login(reviewer)
    query = f"?don-vi={tree.province.pk}&doi-tuong=tap-the"
    url = reverse("certificates:layout_edit", args=["bang_khen"]) + query
    page = client.get(url)
    assert "Bằng khen · tập thể · " in page.content.decode()
    spec = layouts.complete(layouts.resolve("bang_khen", tree.province, "collective"))

    response = client.post(url, post_data(spec, y="40.0"))

    assert response.status_code == 302 and response["Location"].endswith(query)
    layout = BlankLayout.objects.get()
    assert (layout.form, layout.kind, layout.unit) == ("bang_khen", "collective", tree.province)
    assert float(layout.fields.get(name="awardee").y) == 40.0
    assert AuditEntry.objects.get(action="thidua.blank_layout.saved").after["kind"] == \
        "collective"
    listing = client.get(reverse("certificates:layouts") + f"?don-vi={tree.province.pk}")
    sources = {(form, kind): spec.source for form, kind, _q, spec in listing.context["rows"]}
    assert sources[("bang_khen", "collective")] == "own"
    assert sources[("bang_khen", "individual")] == "built_in"

    sheet = client.get(reverse("certificates:calibration", args=["bang_khen"]) + query)
    text = page_texts(sheet.content)[0]
    assert "Tờ căn chỉnh máy in – Bằng khen, tập thể – " in text
    assert f"Người, tập thể được khen ({layouts.built_in('bang_khen').fields[2].x:g}, 40)" \
        in text
    assert sheet["Content-Disposition"].endswith(
        f'can-chinh-bang_khen-tap-the-{tree.province.pk}.pdf"')


def test_an_unknown_kind_is_not_found(client, reviewer, tree):
    client.force_login(reviewer)
    url = reverse("certificates:layout_edit", args=["bang_khen"])
    assert client.get(url + f"?don-vi={tree.province.pk}&doi-tuong=ho-gia-dinh").status_code == 404


@pytest.mark.parametrize("name", ["abc", ""])
def test_a_posted_field_name_that_is_none_of_ours_is_a_form_error(client, reviewer, tree, name):
    client.force_login(reviewer)
    url = reverse("certificates:layout_edit", args=["bang_khen"]) + f"?don-vi={tree.province.pk}"
    data = post_data(layouts.complete(layouts.resolve("bang_khen", tree.province, "individual")))
    data["form-0-name"] = name
    response = client.post(url, data)
    assert response.status_code == 200  # the form again, with its error
    assert not BlankLayout.objects.exists()
