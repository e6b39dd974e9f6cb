"""The fast QR encoder of certificate addresses, module for module against segno's."""

import segno
from hypothesis import given, settings
from hypothesis import strategies as st

from thidua.documents.certificates import qr, render


def segnos(data: bytes, mask: int) -> tuple[bytes, ...]:
    code = segno.make_qr(data, error="m", mask=mask, mode="byte", boost_error=False)
    return tuple(bytes(row) for row in code.matrix)


@settings(max_examples=300, deadline=None)
@given(data=st.binary(min_size=1, max_size=240), mask=st.integers(min_value=0, max_value=7))
def test_every_code_equals_segnos(data, mask):
    assert qr.matrix(data, mask) == segnos(data, mask)


def test_every_version_and_its_limits_equal_segnos():
    # The largest byte-mode contents of versions 1–10 at level M, one more, and beyond 10.
    for length in (14, 15, 26, 27, 42, 43, 62, 63, 84, 85, 106, 107, 122, 123, 152, 153, 180,
                   181, 213, 214, 400):
        data = bytes(range(256))[:length] if length <= 256 else b"x" * length
        assert qr.matrix(data, render.QR_MASK) == segnos(data, render.QR_MASK), length


def test_a_verification_address_is_a_version_4_code():
    matrix = render.qr_matrix("https://thidua.binhthuan.gov.vn/xac-minh/ABCDE12345/")
    assert len(matrix) == 33  # version 4: 17 + 4 × 4 modules a side
