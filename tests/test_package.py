"""The package: exports, stubs, lazy imports of heavy dependencies."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import planwatch
import planwatch._planwatch as ext


def test_all_exports_exist() -> None:
    missing = [name for name in planwatch.__all__ if not hasattr(planwatch, name)]
    assert missing == []
    assert len(set(planwatch.__all__)) == len(planwatch.__all__)


def test_every_extension_item_is_exported() -> None:
    public = sorted(n for n in dir(ext) if not n.startswith("_"))
    assert [n for n in public if n not in planwatch.__all__] == []


def test_typed_package_files() -> None:
    pkg = Path(planwatch.__file__).parent
    assert (pkg / "py.typed").is_file()
    assert (pkg / "_planwatch.pyi").is_file()


def test_classes_live_in_the_extension_module() -> None:
    for name in ("Unit", "Period", "Provenance", "Document", "Numeral"):
        assert getattr(planwatch, name).__module__ == "planwatch._planwatch"


def test_import_is_lazy() -> None:
    code = (
        "import sys, planwatch\n"
        "heavy = sorted(m for m in ('pandas', 'polars', 'matplotlib', 'numpy', 'pyarrow') if m in sys.modules)\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
