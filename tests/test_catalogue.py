"""The indicator catalogue: lookup by id and name, names found in text (code points), indicators."""

from __future__ import annotations

import pickle

import pytest

import planwatch


@pytest.fixture(scope="module")
def cat() -> planwatch.Catalogue:
    return planwatch.catalogue()


def test_get_and_lookup(cat: planwatch.Catalogue) -> None:
    gdp = cat.get("gdp_growth")
    assert gdp is not None
    assert (gdp.id, gdp.name_zh, gdp.name_en, gdp.desired, gdp.measure, gdp.unit, gdp.category) == (
        "gdp_growth",
        "国内生产总值增长",
        "GDP growth",
        "higher_better",
        "growth_rate",
        "percent",
        "growth",
    )
    assert cat.get("no_such_indicator") is None
    assert cat.lookup("城镇新增就业") == cat.get("urban_new_jobs")
    assert cat.lookup("CPI") == cat.get("cpi_change")
    assert cat.lookup("国内生产总值") == cat.get("gdp")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全年城镇新增就业1244万人", ("urban_new_jobs", 2, 8, "城镇新增就业")),
        ("国内生产总值增长5.2%", ("gdp_growth", 0, 8, "国内生产总值增长")),
        ("年末外汇储备规模为32379.77亿美元", ("fx_reserves", 2, 8, "外汇储备规模")),
        ("没有指标的句子", None),
        ("", None),
    ],
)
def test_find_in_gives_code_point_spans(
    cat: planwatch.Catalogue, text: str, expected: tuple[str, int, int, str] | None
) -> None:
    found = cat.find_in(text)
    if expected is None:
        assert found is None
        return
    assert found is not None
    ind, start, end = found
    assert (ind.id, start, end, text[start:end]) == expected


def test_match_at_gives_code_point_length(cat: planwatch.Catalogue) -> None:
    found = cat.match_at("城镇新增就业1244万人")
    assert found is not None
    assert (found[0].id, found[1]) == ("urban_new_jobs", 6)
    assert cat.match_at("全年城镇新增就业") is None


def test_iteration_len_contains(cat: planwatch.Catalogue) -> None:
    ids = [i.id for i in cat]
    assert len(ids) == len(cat) == len(cat.ids())
    assert ids == cat.ids()
    assert len(set(ids)) == len(ids)
    assert "gdp_growth" in cat and "nope" not in cat and 3 not in cat
    assert cat["gdp"].name_zh == "国内生产总值"
    with pytest.raises(KeyError):
        cat["nope"]
    # Every indicator of the built-in data is in the catalogue.
    ds = planwatch.builtin()
    assert {r.indicator for r in ds} - set(ids) == set()


def test_indicator_constructor_repr_pickle_dict() -> None:
    ind = planwatch.Indicator(
        "ships_completed", "造船完工量", "Ships completed", "industry", "higher_better", "level", "count:艘",
        aliases=["造船完工数"], attribute="indicative",
    )
    assert repr(ind) == (
        "Indicator('ships_completed', '造船完工量', 'Ships completed', 'industry', 'higher_better', 'level', "
        "'count:艘', aliases=['造船完工数'], attribute='indicative')"
    )
    assert eval(repr(ind), {"Indicator": planwatch.Indicator}) == ind
    assert pickle.loads(pickle.dumps(ind)) == ind
    assert hash(ind) == hash(pickle.loads(pickle.dumps(ind)))
    assert ind.to_dict() == {
        "id": "ships_completed",
        "name_zh": "造船完工量",
        "name_en": "Ships completed",
        "aliases": ["造船完工数"],
        "category": "industry",
        "attribute": "indicative",
        "desired": "higher_better",
        "measure": "level",
        "unit": "count:艘",
    }
    assert ind.names() == ["造船完工量", "造船完工数"]
    assert planwatch.Indicator.from_json(ind.to_json()) == ind


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("desired", "upward", planwatch.InvalidInputError),
        ("measure", "stock", planwatch.InvalidInputError),
        ("unit", "furlong", planwatch.UnitError),
        ("attribute", "optional", planwatch.InvalidInputError),
    ],
)
def test_indicator_bad_codes(field: str, value: str, error: type[Exception]) -> None:
    args = {
        "id": "x", "name_zh": "某", "name_en": "x", "category": "growth",
        "desired": "higher_better", "measure": "level", "unit": "CNY",
    }
    args[field] = value
    with pytest.raises(error):
        planwatch.Indicator(**args)


def test_custom_catalogue_and_json_round_trip(cat: planwatch.Catalogue) -> None:
    mine = planwatch.Catalogue([cat["gdp"], cat["urban_new_jobs"]])
    assert (len(mine), mine.ids()) == (2, ["gdp", "urban_new_jobs"])
    assert planwatch.Catalogue.from_json(mine.to_json()) == mine
    assert pickle.loads(pickle.dumps(cat)) == cat
    assert repr(mine) == "<Catalogue: 2 indicators>"
    with pytest.raises(planwatch.LoadError) as e:
        planwatch.Catalogue.from_json('[{"id": 3}]')
    assert (e.value.line, e.value.column) == (1, 9)


def test_catalogue_frame(cat: planwatch.Catalogue) -> None:
    df = cat.to_pandas()
    assert list(df.columns) == ["id", "name_zh", "name_en", "aliases", "category", "attribute", "desired", "measure", "unit"]
    assert len(df) == len(cat)
    assert df.set_index("id").loc["gdp_growth", "unit"] == "percent"


def test_the_builtin_data_failing_to_load_is_an_error_not_an_empty_catalogue() -> None:
    """The embedded files cannot be broken from a test, so the guard is read from the source: the
    extension's import, ``catalogue()`` and ``builtin()`` go through the core's ``try_*``
    loaders and raise ``LoadError`` on failure."""
    from conftest import ROOT

    src = ROOT / "crates" / "planwatch-python" / "src"
    lib = (src / "lib.rs").read_text(encoding="utf-8")
    assert "planwatch::builtin::try_catalogue().map_err(" in lib
    assert "planwatch::builtin::try_catalogue().map_err(" in (src / "indicator.rs").read_text(encoding="utf-8")
    assert "planwatch::builtin::try_dataset().map_err(" in (src / "dataset.rs").read_text(encoding="utf-8")
    assert len(planwatch.catalogue()) > 0 and len(planwatch.builtin()) > 0
