"""A cheap, safe estimate of whether a text fits its box at full size.

Typst can measure any text exactly (lib.typ `fitted`), but measuring costs more than setting
the text: for a batch of a thousand certificates, skipping the measure where the answer is
obviously "it fits" halves the work. The estimate only ever errs towards "measure it": it
counts every character as wide as the widest glyph of the certificate font (a bold W is 1.03
em in Libertinus Serif), and every line as high as a line of capitals with stacked marks."""

import math

MM = 72 / 25.4  # points per millimetre
WIDEST = 1.05  # em: no letter, digit or sign we print is wider
LINE = 1.4  # em: a line's ink from stacked marks above capitals to descenders
LEADING = 0.4  # em: the space between lines (lib.typ sets the same)


def surely_fits(text: str, *, width_mm: float, height_mm: float, size_pt: float) -> bool:
    """True only when `text` certainly fits the box at `size_pt`; False means "measure"."""
    if not text:
        return True
    per_line = math.floor(width_mm * MM / (size_pt * WIDEST))
    lines_allowed = math.floor((height_mm * MM / size_pt + LEADING) / (LINE + LEADING))
    if per_line < 1 or lines_allowed < 1:
        return False
    return sum(_lines(part, per_line) for part in text.split("\n")) <= lines_allowed


def _lines(text: str, per_line: int) -> int:
    """Lines taken by greedy wrapping at spaces (a word longer than a line needs a measure)."""
    lines, used = 1, 0
    for word in text.split(" "):
        if len(word) > per_line:
            return 1_000  # forces a measure: Typst breaks it where it can
        needed = len(word) + (1 if used else 0)
        if used + needed > per_line:
            lines, used = lines + 1, len(word)
        else:
            used += needed
    return lines
