"""QR codes of verification addresses, fast enough for a thousand certificates at a time.

segno builds a QR code in about 0.6 ms, most of it re-deriving, code after code, what only
depends on the symbol's version: where the data modules go, the mask, the format bits. Here
that part is computed once per version (from segno's own pattern functions and tables), and
a code is its data codewords, their Reed–Solomon error correction (one big-integer step per
byte) and one gather of modules: about a tenth of the time. Byte mode, error correction level
M, versions 1–10 (addresses up to 213 bytes); anything longer is left to segno. The tests
check every module against segno's own encoder.

The mask is fixed (see render.QR_MASK): choosing by the standard's penalty score would cost
more than everything else on a certificate, and readers decode all eight masks."""

from functools import cache
from itertools import zip_longest
from operator import itemgetter

import segno
from segno import consts, encoder

ERROR = consts.ERROR_LEVEL_M
MAX_VERSION = 10
FREE = 0x2  # segno's value for a module not yet set
_PAD = b"\xec\x11" * 200  # pad codewords, alternating (ISO/IEC 18004 §7.4.10)
_BITS = [bytes((value >> (7 - i)) & 1 for i in range(8)) for value in range(256)]


def matrix(data: bytes, mask: int) -> tuple[bytes, ...]:
    """The rows of the QR code of `data` (byte mode, level M): 1 a dark module, 0 a light."""
    version = _version(len(data))
    if version is None:
        code = segno.make_qr(data, error="m", mask=mask, mode="byte", boost_error=False)
        return tuple(bytes(row) for row in code.matrix)
    layout = _layout(version, mask)
    bits = b"".join(_BITS[value] for value in _final_message(data, version))
    bits += bytes(layout.data_modules - len(bits))  # remainder bits
    masked = (int.from_bytes(bits) ^ layout.mask).to_bytes(layout.data_modules)
    flat = bytes(layout.gather(layout.fixed + masked))
    size = layout.size
    return tuple(flat[start:start + size] for start in range(0, size * size, size))


def _version(length: int) -> int | None:
    for version in range(1, MAX_VERSION + 1):
        count_bits = 8 if version < 10 else 16
        if 4 + count_bits + 8 * length <= 8 * _data_capacity(version):
            return version
    return None


@cache
def _data_capacity(version: int) -> int:
    return sum(ec.num_blocks * ec.num_data for ec in consts.ECC[version][ERROR])


def _final_message(data: bytes, version: int) -> bytes:
    """Data codewords then error correction codewords, interleaved by block (§7.6)."""
    codewords = _data_codewords(data, version)
    data_blocks, error_blocks, start = [], [], 0
    for ec in consts.ECC[version][ERROR]:
        for _block in range(ec.num_blocks):
            block = codewords[start:start + ec.num_data]
            start += ec.num_data
            data_blocks.append(block)
            error_blocks.append(_error_correction(block, ec.num_total - ec.num_data))
    data = bytes(value for values in zip_longest(*data_blocks) for value in values
                 if value is not None)  # blocks of a version may differ by one codeword
    return data + b"".join(bytes(values) for values in zip(*error_blocks, strict=True))


def _data_codewords(data: bytes, version: int) -> bytes:
    """Mode indicator, character count, data, terminator and padding (§7.4), padded as segno
    pads (a whole zero codeword when the bits already end on a codeword boundary, where the
    standard adds none) so that the codes equal segno's, module for module."""
    capacity = 8 * _data_capacity(version)
    count_bits = 8 if version < 10 else 16
    value, length = (0b0100 << count_bits) | len(data), 4 + count_bits
    value, length = (value << 8 * len(data)) | int.from_bytes(data), length + 8 * len(data)
    tail = min(4, capacity - length)  # terminator
    tail += 8 - (length + tail) % 8
    value, length = value << tail, length + tail
    padded = value.to_bytes(length // 8) + _PAD[:max(0, (capacity - length) // 8)]
    return padded[:capacity // 8]


def _error_correction(block: bytes, count: int) -> bytes:
    """Reed–Solomon remainder of `block` by the generator polynomial of degree `count`."""
    products, top, keep = _products(count), 8 * (count - 1), (1 << 8 * count) - 1
    remainder = 0
    for value in block:
        remainder = ((remainder << 8) & keep) ^ products[value ^ (remainder >> top)]
    return remainder.to_bytes(count)


@cache
def _products(count: int) -> tuple[int, ...]:
    """For each factor f, the generator's coefficients (leading 1 dropped) times f in
    GF(256), as one integer of `count` bytes."""
    generator, log, exp = consts.GEN_POLY[count], consts.GALIOS_LOG, consts.GALIOS_EXP
    return (0, *(int.from_bytes(bytes(exp[log[factor] + g] for g in generator))
                 for factor in range(1, 256)))


class _Layout:
    """What a (version, mask) fixes: the function patterns and format bits, the data modules
    in placement order, and the mask over them."""

    def __init__(self, version: int, mask: int):
        size = encoder.calc_matrix_size(version)
        grid = encoder.make_matrix(size, size)
        encoder.add_finder_patterns(grid, size, size)
        encoder.add_alignment_patterns(grid, size, size)
        positions = _placement_order(grid, size)
        condition = encoder.get_data_mask_functions(False)[mask]
        mask_bits = bytes(1 if condition(p // size, p % size) else 0 for p in positions)
        encoder.add_format_info(grid, version, ERROR, mask)
        encoder.add_version_info(grid, version)
        self.size, self.data_modules = size, len(positions)
        self.mask = int.from_bytes(mask_bits)
        self.fixed = bytes(0 if value == FREE else value for row in grid for value in row)
        sources = list(range(size * size))
        for index, position in enumerate(positions):
            sources[position] = size * size + index
        self.gather = itemgetter(*sources)


_layout = cache(_Layout)


def _placement_order(grid, size: int) -> list[int]:
    """Free modules in the order codewords fill them: two-module columns from the right,
    alternately upwards and downwards, skipping the vertical timing pattern (§7.7.3)."""
    order = []
    for right in range(size - 1, 0, -2):
        if right <= 6:
            right -= 1
        for step in range(size):
            for offset in (0, 1):
                column = right - offset
                upwards = ((right & 2) == 0) ^ (column < 6)
                row = size - 1 - step if upwards else step
                if grid[row][column] == FREE:
                    order.append(row * size + column)
    return order
