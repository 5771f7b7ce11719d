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


# A script run against a copy of the installed package, away from the repository: the
# built-in data, its provenance, extraction, validation and the command line must work from
# what the package itself holds.
ISOLATED = r"""
import sys
sys.path.insert(0, sys.argv[1])
import planwatch as pw
assert pw.__file__.startswith(sys.argv[1]), pw.__file__
d = pw.builtin()
text = d.text
records = list(d.targets) + list(d.outcomes)
cited = [r.provenance for r in records if r.provenance is not None]
assert all(text[p.start:p.end] == p.quote for p in cited)
assert text == pw.builtin_text()
ms = pw.extract(text)
assert all(text[m.start:m.end] == m.text for m in ms)
x = pw.extract_document(text, doc_id="x")
print(len(text), len(records), len(cited), len(ms), len(x.headline))
print(pw.validate(d, rules=pw.builtin_rules()).is_ok, len(pw.catalogue()) > 0)
from planwatch.__main__ import main
import io, contextlib
out = io.StringIO()
with contextlib.redirect_stdout(out):
    status = main(["report"])
print(status, out.getvalue().splitlines()[0])
"""


def test_installed_package_reads_nothing_from_the_repository(tmp_path: Path) -> None:
    import shutil

    from conftest import ROOT

    site = tmp_path / "site"
    shutil.copytree(Path(planwatch.__file__).parent, site / "planwatch")
    work = tmp_path / "elsewhere"
    work.mkdir()
    # -S: no site-packages and no editable-install path files, so only the copy is importable.
    cmd = [sys.executable, "-S", "-c", ISOLATED, str(site)]
    trace = tmp_path / "open.log"
    strace = shutil.which("strace")
    if strace is not None:
        cmd = [strace, "-f", "-qq", "-e", "trace=open,openat", "-o", str(trace), *cmd]
    r = subprocess.run(cmd, capture_output=True, text=True, cwd=work)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    ds = planwatch.builtin()
    n_records = len(ds.targets) + len(ds.outcomes)
    n_cited = sum(1 for rec in list(ds.targets) + list(ds.outcomes) if rec.provenance is not None)
    n_mentions = len(planwatch.extract(planwatch.builtin_text()))
    assert lines[0] == f"35301 {n_records} {n_cited} {n_mentions} 9"
    assert lines[1] == "True True"
    assert lines[2].startswith("0 关于2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划草案的报告")
    if strace is not None and trace.exists():
        # Every file the process opened (Rust included), other than the interpreter's own.
        opened = [line.split('"')[1] for line in trace.read_text().splitlines() if '"' in line]
        repo = [p for p in opened if p.startswith(str(ROOT)) and not p.startswith(sys.prefix)]
        assert repo == []


def test_public_api_is_documented() -> None:
    import inspect

    undocumented = []
    for name in planwatch.__all__:
        obj = getattr(planwatch, name)
        if len(inspect.getdoc(obj) or "") < 20:
            undocumented.append(name)
        if inspect.isclass(obj) and not issubclass(obj, BaseException):
            for attr, value in vars(obj).items():
                if not attr.startswith("_") and not (getattr(value, "__doc__", None) or "").strip():
                    undocumented.append(f"{name}.{attr}")
    assert undocumented == []
