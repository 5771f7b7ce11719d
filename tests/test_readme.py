"""The Python README's examples run and print what they show: its ``python`` code blocks are
doctests, run in order in one namespace from a directory away from the repository."""

from __future__ import annotations

import doctest
import os
import re
from pathlib import Path

import pytest

from conftest import ROOT

README = ROOT / "python" / "README.md"


def blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)


def test_readme_has_doctest_blocks() -> None:
    found = blocks()
    assert len(found) >= 3
    assert all(">>> " in b for b in found)


def test_readme_examples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    monkeypatch.chdir(tmp_path)
    parser = doctest.DocTestParser()
    test = parser.get_doctest("\n".join(blocks()), {}, "README.md", str(README), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    failures: list[str] = []
    runner.run(test, out=failures.append)
    assert failures == []
    assert runner.summarize(verbose=False).attempted == len(test.examples) > 20
    assert os.listdir(tmp_path) == []

