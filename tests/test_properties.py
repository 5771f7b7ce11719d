"""Property tests: no string or file given to planwatch ever reaches a panic.

Every entry point that takes a string (or a file) is fed arbitrary text; the only exceptions
allowed are planwatch's own (and TypeError for wrong types). A Rust panic surfaces as
``pyo3_runtime.PanicException``, which derives from ``BaseException``: it is caught explicitly
so that it fails the test instead of aborting the run.
"""

from __future__ import annotations

from typing import Any, Callable

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import planwatch

# Text biased toward what parsers see: digits (half and full width), Chinese numerals, magnitude
# words, units, qualifiers and punctuation, mixed with arbitrary code points.
ALPHABET = (
    "0123456789.,%-+ ０１２３４５６７８９．，％－"
    "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟点余多几数"
    "元美人次户家个台辆件项吨斤公亩平方米千瓦时标准煤个百分点倍‰"
    "左右约以上以下内不低于超过高于近接增长下降同步基本平衡年末全"
)
texts = st.one_of(
    st.text(alphabet=ALPHABET, max_size=40),
    st.text(max_size=40),
    st.text(alphabet=ALPHABET, min_size=200, max_size=400),
)


def _call(fn: Callable[[str], Any], text: str) -> None:
    try:
        fn(text)
    except planwatch.PlanwatchError:
        pass
    except BaseException as exc:  # noqa: BLE001 - a PanicException is a BaseException
        if type(exc).__name__ == "PanicException":
            pytest.fail(f"panic on {text!r}: {exc}")
        raise


ENTRY_POINTS: list[tuple[str, Callable[[str], Any]]] = [
    ("parse_numeral", planwatch.parse_numeral),
    ("Unit", planwatch.Unit),
    ("Unit.count", planwatch.Unit.count),
    ("Numeral(str)", lambda s: planwatch.Numeral(s)),
    ("Period(basis=)", lambda s: planwatch.Period(2024, basis=s)),
    ("Document(kind=, delivered=)", lambda s: planwatch.Document("x", "t", "i", s, "CN", delivered=s)),
]
for _name in ("parse_quantity", "parse_target", "parse_figure", "extract", "extract_document"):
    if hasattr(planwatch, _name):
        ENTRY_POINTS.append((_name, getattr(planwatch, _name)))


@pytest.mark.parametrize(("name", "fn"), ENTRY_POINTS, ids=[n for n, _ in ENTRY_POINTS])
@given(text=texts)
@example(text="")
@example(text="9" * 1000)
@example(text="十" * 100)
@example(text="1.3万亿亿亿亿亿亿亿亿亿亿元")
@example(text="\x00\ud7ff\U0010ffff")
def test_no_panic_on_any_text(name: str, fn: Callable[[str], Any], text: str) -> None:
    _call(fn, text)
