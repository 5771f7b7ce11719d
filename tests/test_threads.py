"""Long calls release the GIL, and calling them from several threads at once gives exactly
what calling them one after another gives (correctness, not timing)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import planwatch
from conftest import ROOT

TEXTS = [planwatch.builtin_text()] + [
    p.read_text(encoding="utf-8") for p in sorted((ROOT / "crates" / "planwatch" / "tests" / "fixtures_extract").glob("*.txt"))
]
# A large text too: long enough that threads overlap inside the extractor.
TEXTS.append(planwatch.builtin_text() * 20)


def mentions(text: str) -> list[Any]:
    return [m.to_dict() for m in planwatch.extract(text)]


def document(text: str) -> str:
    x = planwatch.extract_document(text, doc_id="d")
    return x.to_dataset().to_json()


def test_there_are_texts_of_several_kinds() -> None:
    assert len(TEXTS) > 10


def test_extract_in_threads_equals_sequential() -> None:
    sequential = [mentions(t) for t in TEXTS]
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(mentions, TEXTS * 3))
    assert threaded == sequential * 3
    assert sum(len(m) for m in sequential) > 1000


def test_extract_document_in_threads_equals_sequential() -> None:
    sequential = [document(t) for t in TEXTS]
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(document, TEXTS * 2))
    assert threaded == sequential * 2


def test_assess_validate_and_load_in_threads() -> None:
    ds = planwatch.builtin()
    json = ds.to_json()

    def work(i: int) -> tuple[Any, ...]:
        card = planwatch.scorecard(ds)
        report = planwatch.validate(ds, rules=planwatch.builtin_rules())
        back = planwatch.Dataset.from_json(json, ds.text)
        return ([r.to_dict() for r in card], report.to_dict(), back == ds, len(planwatch.read_table(ds.to_jsonl())))

    expected = work(0)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(work, range(16)))
    assert results == [expected] * 16
    assert expected[2] is True and expected[3] == len(ds.targets) + len(ds.outcomes)
