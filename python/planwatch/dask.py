"""Extraction rows of a corpus on Dask: a ``dask.bag`` or ``dask.dataframe`` over a folder of
texts, for corpora that outgrow one machine (``pip install planwatch[dask]``).

The files are found on the client as ``planwatch extract`` finds them (files, folders walked for
``*.txt`` in sorted order, glob patterns) and cut into partitions of ``files_per_partition``
files; each task runs :func:`planwatch.extract_files` on its partition (one thread: Dask gives
the parallelism), so the rows, in order, are exactly those of one ``extract_files`` call over
the whole corpus. The workers read the files themselves: on a cluster, the paths must name the
same files on every worker (a shared file system).

>>> import planwatch.dask as pwd                                    # doctest: +SKIP
>>> rows = pwd.dataframe("reports/", targets=True).compute()        # doctest: +SKIP

Dask is imported on first use; without it these functions raise an ``ImportError`` that says
what to install.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Optional, Union

import planwatch
from planwatch._planwatch import _expand_paths

if TYPE_CHECKING:
    import os

    from planwatch._planwatch import Catalogue, ExtractedFiles

    PathArg = Union[str, "os.PathLike[str]"]

__all__ = ["partitions", "results", "bag", "dataframe", "compute"]


def _require(module: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ImportError(
            f"{module} is needed for planwatch.dask; install it with `pip install planwatch[dask]`"
        ) from exc


def partitions(paths: Any, files_per_partition: int = 16, errors: str = "raise") -> list[list[str]]:
    """The files ``paths`` names (one path or a list of files, folders and globs), in the order
    of ``planwatch extract``, cut into lists of at most ``files_per_partition``. A path that
    names nothing raises ``LoadError`` (``errors="raise"``) or is left out (``"collect"``)."""
    if files_per_partition < 1:
        raise planwatch.InvalidInputError("files_per_partition must be at least 1")
    if errors not in ("raise", "collect"):
        raise planwatch.InvalidInputError(f"unknown errors code {errors!r}; expected one of: raise, collect")
    names, missing = _expand_paths(paths)
    if "-" in names:
        raise planwatch.InvalidInputError("standard input (-) cannot be read on Dask workers")
    if missing and errors == "raise":
        path, why = missing[0]
        raise planwatch.LoadError(why, path)
    return [names[i : i + files_per_partition] for i in range(0, len(names), files_per_partition)]


def _extract(
    files: list[str],
    targets: bool = False,
    encoding: Optional[str] = None,
    catalogue: Optional[Catalogue] = None,
    errors: str = "raise",
) -> ExtractedFiles:
    return planwatch.extract_files(
        files, jobs=1, targets=targets, encoding=encoding, catalogue=catalogue, errors=errors
    )


def _dicts(result: ExtractedFiles) -> list[dict[str, Any]]:
    return result.to_dicts()


def _frame(files: list[str], decimal: bool, **options: Any) -> Any:
    return _extract(files, **options).to_pandas(decimal=decimal)


def results(
    paths: Any,
    *,
    targets: bool = False,
    encoding: Optional[str] = None,
    catalogue: Optional[Catalogue] = None,
    files_per_partition: int = 16,
    errors: str = "raise",
) -> Any:
    """A ``dask.bag.Bag`` of one :class:`planwatch.ExtractedFiles` per partition, in order
    (``ExtractedFiles.concat(bag.compute())`` is the whole corpus). ``targets``, ``encoding``,
    ``catalogue`` and ``errors`` are those of :func:`planwatch.extract_files`."""
    db = _require("dask.bag")
    parts = partitions(paths, files_per_partition, errors)
    run = functools.partial(_extract, targets=targets, encoding=encoding, catalogue=catalogue, errors=errors)
    return db.from_sequence(parts, npartitions=max(len(parts), 1)).map(run)


def bag(paths: Any, **options: Any) -> Any:
    """A ``dask.bag.Bag`` of the rows as dicts (``file`` first, then the fields of
    ``planwatch extract``; decimals as ``Decimal``), in input order; ``options`` are those of
    :func:`results`."""
    return results(paths, **options).map(_dicts).flatten()


def dataframe(paths: Any, *, decimal: bool = False, files_per_partition: int = 16, **options: Any) -> Any:
    """A ``dask.dataframe.DataFrame`` of the rows, one partition per ``files_per_partition``
    files, each made as ``extract_files(...).to_pandas(decimal=decimal)`` makes it (text columns
    categorical, whole numbers nullable ``Int64``); ``options`` (``targets``, ``encoding``,
    ``catalogue``, ``errors``) are those of :func:`results`."""
    dd = _require("dask.dataframe")
    # The frame of no file: the columns and types of every partition (and a check of options).
    meta = _extract([], **options).to_pandas(decimal=decimal)
    parts = partitions(paths, files_per_partition, options.get("errors", "raise"))
    if not parts:
        return dd.from_pandas(meta, npartitions=1)
    run = functools.partial(_frame, decimal=decimal, **options)
    return dd.from_map(run, parts, meta=meta, enforce_metadata=False)


def compute(paths: Any, **options: Any) -> ExtractedFiles:
    """The whole corpus extracted on the current Dask scheduler (a ``distributed.Client``'s
    cluster when one is open), joined into one :class:`planwatch.ExtractedFiles` equal to
    ``extract_files(paths, ...)``; ``options`` are those of :func:`results`."""
    parts = results(paths, **options).compute()
    if not parts:
        return planwatch.extract_files([], targets=bool(options.get("targets", False)))
    return planwatch.ExtractedFiles.concat(parts)
