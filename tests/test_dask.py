"""``planwatch.dask`` on a ``distributed.LocalCluster`` of worker processes: the rows that
cross processes are exactly those of one sequential ``extract_files`` call."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any, Iterator

import pytest

import planwatch
from conftest import REPORT_TEXT
from test_extract_files import A, B

distributed = pytest.importorskip("distributed")
pytest.importorskip("dask.dataframe")

import planwatch.dask as pwd  # noqa: E402


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seven texts in two folders: the report, the two small texts and pieces of the report."""
    root = tmp_path_factory.mktemp("dask") / "corpus"
    (root / "2024").mkdir(parents=True)
    report = REPORT_TEXT.read_text(encoding="utf-8")
    (root / "2024" / "ndrc.txt").write_text(report, encoding="utf-8")
    (root / "a.txt").write_text(A, encoding="utf-8")
    (root / "b.txt").write_text(B, encoding="utf-8")
    third = len(report) // 3
    for i in range(4):
        (root / "2024" / f"part-{i}.txt").write_text(report[i * third // 2 : i * third // 2 + third], encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    cluster = distributed.LocalCluster(
        processes=True, n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None,
    )
    client = distributed.Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def test_partitions_follow_the_commands_order(corpus: Path) -> None:
    parts = pwd.partitions(corpus, files_per_partition=3)
    names = [Path(p).relative_to(corpus).as_posix() for part in parts for p in part]
    assert names == ["2024/ndrc.txt", "2024/part-0.txt", "2024/part-1.txt", "2024/part-2.txt", "2024/part-3.txt", "a.txt", "b.txt"]
    assert [len(p) for p in parts] == [3, 3, 1]
    with pytest.raises(planwatch.LoadError, match="no such file or folder"):
        pwd.partitions([corpus, corpus / "absent.txt"])
    assert sum(map(len, pwd.partitions([corpus, corpus / "absent.txt"], errors="collect"))) == 7


def test_rows_across_worker_processes_equal_the_sequential_rows(corpus: Path, client: Any) -> None:
    workers = client.run(lambda: __import__("os").getpid())
    assert len(set(workers.values())) == 2
    for targets in (False, True):
        sequential = planwatch.extract_files(corpus, targets=targets, jobs=1)
        assert len(sequential) > (200 if targets else 400)
        joined = pwd.compute(corpus, targets=targets, files_per_partition=2)
        assert joined == sequential
        assert joined.to_jsonl() == sequential.to_jsonl()
        rows = pwd.bag(corpus, targets=targets, files_per_partition=2).compute()
        assert rows == sequential.to_dicts()
    first = rows[0]
    assert (first["file"], first["kind"]) == (str(corpus / "2024" / "ndrc.txt"), "target")
    assert isinstance(first["value"], Decimal)


def test_dataframe_across_worker_processes(corpus: Path, client: Any) -> None:
    ddf = pwd.dataframe(corpus, targets=True, files_per_partition=3)
    assert ddf.npartitions == 3
    assert list(ddf.columns) == ["file", "document", "jurisdiction", *planwatch.table_fields("records")[1:]]
    got = ddf.compute().reset_index(drop=True)
    expected = planwatch.extract_files(corpus, targets=True).to_pandas()
    assert len(got) == len(expected)
    import pandas

    def values(series: Any) -> list[Any]:
        return [None if pandas.isna(v) else v for v in series.astype(object)]

    for column in expected.columns:
        assert values(got[column]) == values(expected[column]), column
    jobs = got[(got["indicator"] == "urban_new_jobs") & (got["kind"] == "target") & (got["file"].astype(str).str.endswith("ndrc.txt"))]
    assert jobs["value"].tolist()[:1] == [1200.0]
