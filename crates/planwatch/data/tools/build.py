#!/usr/bin/env python3
"""Builds the built-in data files from their human-editable specs, and checks them.

    python3 crates/planwatch/data/tools/build.py          # write ../indicators.json and ../cn-ndrc-plan-report-2024.json
    python3 crates/planwatch/data/tools/build.py --check  # fail if the JSON files differ from what the specs give

Inputs (next to this script):
  indicators.txt  the catalogue, one indicator a line
  records.txt     the records of the 2024 report, one a line, each with the quote it is read from

The JSON files are the artifacts: they are embedded in the crate (planwatch::builtin) and have the
documented format users write for their own plans. This script only spares hand-counting byte offsets and
re-typing quantities; every figure it reads from the spec is read again from the text by the Rust tests.

Checks made here (the Rust tests repeat them with the crate's own parsers and validation):
  * every quote occurs in the text (exactly once unless nth= is given) and contains the figure as written;
  * every record names an indicator of the catalogue and uses a unit of the indicator's dimension;
  * no two records share kind, indicator and period;
  * no name or alias of the catalogue names two indicators.
"""
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent
TEXT_FILE = DATA / "ndrc-plan-report-2024.txt"
CATALOGUE_FILE = DATA / "indicators.json"
DATASET_FILE = DATA / "cn-ndrc-plan-report-2024.json"
DOC_ID = "cn-ndrc-plan-report-2024"

DOCUMENT = {
    "id": DOC_ID,
    "title": "关于2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划草案的报告",
    "issuer": "国家发展和改革委员会",
    "kind": "ndrc_plan_report",
    "jurisdiction": "CN",
    "delivered": "2024-03-05",
    "outcome_year": 2023,
    "plan_year": 2024,
    "source": "ndrc-plan-report-2024.txt",
}

# Units as written -> unit code (longest first when scanning).
UNITS = {
    "元": "CNY", "美元": "USD", "人次": "person_time", "人": "person", "户": "household", "家": "enterprise",
    "个百分点": "percentage_point", "百分点": "percentage_point", "个": "unit", "台": "set", "辆": "vehicle",
    "件": "piece", "项": "item", "列": "train", "标箱": "teu", "斤": "jin", "公斤": "kg", "吨": "ton",
    "公里": "km", "平方公里": "km2", "亩": "mu", "千瓦时": "kwh", "千瓦": "kw", "吨标准煤": "tce",
    "微克/立方米": "ug_per_m3", "%": "percent", "％": "percent", "倍": "multiple", "套": "count:套",
    "成": "tenth",
}
CJK_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# Dimension of a unit code (units of one dimension compare and convert).
DIMENSION = {
    "jin": "mass", "kg": "mass", "ton": "mass", "km": "length", "m": "length", "km2": "area", "mu": "area",
    "m2": "area", "hectare": "area", "percent": "ratio", "per_mille": "ratio", "tenth": "ratio",
}
CANONICAL_TEXT = {code: text for text, code in reversed(list(UNITS.items()))}
CANONICAL_TEXT.update({"percent": "%", "percentage_point": "个百分点", "number": "", "m3": "立方米", "age": "岁",
                       "year": "年"})
MAGNITUDES = [("万亿", 12), ("千亿", 11), ("百亿", 10), ("十亿", 9), ("千万", 7), ("百万", 6), ("十万", 5),
              ("亿", 8), ("万", 4)]
DIRECTION_WORDS = [
    ("稳定保持在", None), ("稳定在", None), ("保持在", None),
    ("实际增长", "increase"), ("增长", "increase"), ("上涨", "increase"), ("提高", "increase"),
    ("提升", "increase"), ("增加", "increase"), ("多增", "increase"), ("上调", "increase"), ("上升", "increase"),
    ("扩大", "increase"), ("下降", "decrease"), ("降低", "decrease"), ("减少", "decrease"), ("回落", "decrease"),
    ("下调", "decrease"), ("缩小", "decrease"),
]
PREFIX_QUALIFIERS = [("超过", "more_than"), ("逾", "more_than"), ("接近", "less_than"), ("不到", "less_than"),
                     ("近", "less_than"), ("约", "around"), ("大约", "around")]
SUFFIX_QUALIFIERS = [("左右", "around"), ("以上", "at_least"), ("以内", "at_most"), ("以下", "at_most")]
DIRECTION_ONLY = {
    "持续增长": "increase", "持续上升": "increase", "稳步提升": "increase", "提高": "increase",
    "继续下降": "decrease", "继续缩小": "decrease", "持续改善": "improve", "改善": "improve",
    "扩大": "increase", "下降": "decrease", "回落": "decrease",
}
# Qualitative states and the direction they imply.
QUALITATIVE = {"基本平衡": None, "基本稳定": "stable", "稳定": "stable", "稳中有升": "increase",
               "稳中有降": "decrease"}
IN_STEP = re.compile(r"^(与.+同步|基本同步|同.+相匹配)$")
BASIS = {"": "year", "E": "year_end", "A": "average"}


class SpecError(Exception):
    pass


def byte_offset(text, char_index):
    return len(text[:char_index].encode("utf-8"))


def parse_options(field):
    opts = {}
    for part in field.split():
        if "=" not in part:
            raise SpecError(f"bad option {part!r}")
        k, v = part.split("=", 1)
        opts[k] = v
    return opts


def parse_period(code):
    m = re.fullmatch(r"(\d{4})(?:-(\d{4}))?([EA]?)", code)
    if not m:
        raise SpecError(f"bad period {code!r}")
    period = {"year": int(m.group(1))}
    if m.group(2):
        period["end_year"] = int(m.group(2))
        period["basis"] = "cumulative"
    else:
        period["basis"] = BASIS[m.group(3)]
    return period


def scan_unit(s):
    for text in sorted(UNITS, key=len, reverse=True):
        if s.startswith(text):
            return UNITS[text], text
    return None, ""


def parse_figure(text, opts):
    """Reads comparator, direction and quantity from a figure as written."""
    fig = {"comparator": None}
    direction = None
    if text in DIRECTION_ONLY:
        fig["comparator"] = "direction_only"
        direction = DIRECTION_ONLY[text]
    elif text in QUALITATIVE:
        fig["comparator"] = "qualitative"
        direction = QUALITATIVE[text]
    elif IN_STEP.match(text):
        fig["comparator"] = "in_step_with"
    else:
        rest = text
        for word, d in DIRECTION_WORDS:
            if rest.startswith(word):
                direction, rest = d, rest[len(word):]
                break
        comparator = "exact"
        for word, c in PREFIX_QUALIFIERS:
            if rest.startswith(word):
                comparator, rest = c, rest[len(word):]
                break
        m = re.match(r"(\d+(?:\.\d+)?)", rest)
        if m:
            value, rest = m.group(1), rest[m.end():]
        elif rest[:1] in CJK_DIGITS:
            # A single Chinese digit, as in tenths: 四成.
            value, rest = str(CJK_DIGITS[rest[:1]]), rest[1:]
        else:
            raise SpecError(f"no numeral in figure {text!r}")
        approx_more = False
        if rest[:1] in ("余", "多"):
            approx_more, rest = True, rest[1:]
        exponent = 0
        for word, e in MAGNITUDES:
            if rest.startswith(word):
                exponent, rest = e, rest[len(word):]
                break
        if rest[:1] in ("余", "多"):
            approx_more, rest = True, rest[1:]
        unit, unit_text = scan_unit(rest)
        rest = rest[len(unit_text):]
        if unit is None:
            unit, unit_text = "number", ""
        for word, c in SUFFIX_QUALIFIERS:
            if rest.startswith(word):
                comparator, rest = c, rest[len(word):]
                break
        if rest:
            raise SpecError(f"unread tail {rest!r} in figure {text!r}")
        if approx_more:
            comparator = "more_than"
        q = {"value": opts.get("value", value), "exponent": int(opts.get("exp", exponent)),
             "unit": opts.get("unit", unit)}
        q["unit_text"] = opts.get("unit_text", unit_text if "unit" not in opts else CANONICAL_TEXT[q["unit"]])
        fig["comparator"] = comparator
        fig["value"] = q
    fig["comparator"] = opts.get("cmp", fig["comparator"])
    direction = opts.get("dir", direction)
    if direction:
        fig["direction"] = direction
    if "ref" in opts:
        ind, ref_text, relation = opts["ref"].split("/")
        ref = {"text": ref_text}
        if ind:
            ref["indicator"] = ind
        ref["relation"] = relation
        fig["reference"] = ref
    fig["text"] = text
    return fig


def load_catalogue():
    indicators = []
    for n, line in enumerate((HERE / "indicators.txt").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        f = [x.strip() for x in line.split("|")]
        if len(f) != 9:
            raise SpecError(f"indicators.txt:{n}: expected 9 fields, got {len(f)}")
        ind = {"id": f[0], "name_zh": f[1], "name_en": f[2],
               "aliases": [a for a in f[8].split(";") if a], "category": f[3]}
        if f[4] != "-":
            ind["attribute"] = f[4]
        ind.update({"desired": f[5], "measure": f[6], "unit": f[7]})
        indicators.append(ind)
    ids, names = set(), {}
    for ind in indicators:
        if not re.fullmatch(r"[a-z][a-z0-9_]*", ind["id"]):
            raise SpecError(f"indicator id {ind['id']!r} is not snake_case")
        if ind["id"] in ids:
            raise SpecError(f"duplicate indicator id {ind['id']}")
        ids.add(ind["id"])
        for name in [ind["name_zh"]] + ind["aliases"]:
            if names.get(name, ind["id"]) != ind["id"]:
                raise SpecError(f"name {name!r} names both {names[name]} and {ind['id']}")
            names[name] = ind["id"]
    return indicators


def dimension(code):
    return DIMENSION.get(code, code)


def load_records(text, catalogue):
    by_id = {i["id"]: i for i in catalogue}
    targets, outcomes, verdicts = [], [], []
    seen = set()
    for n, line in enumerate((HERE / "records.txt").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        f = [x.strip() for x in line.split("|")]
        try:
            if len(f) not in (5, 6):
                raise SpecError(f"expected 5 or 6 fields, got {len(f)}")
            kind, ind_id, period_code, figure_text, quote = f[:5]
            opts = parse_options(f[5]) if len(f) == 6 else {}
            if ind_id not in by_id:
                raise SpecError(f"unknown indicator {ind_id}")
            period = parse_period(period_code)
            starts = [m.start() for m in re.finditer(re.escape(quote), text)]
            if not starts:
                raise SpecError(f"quote not in text: {quote}")
            if "nth" in opts:
                start = starts[int(opts.pop("nth"))]
            elif len(starts) > 1:
                raise SpecError(f"quote occurs {len(starts)} times; give nth=")
            else:
                start = starts[0]
            prov = {"document": DOC_ID, "start": byte_offset(text, start),
                    "end": byte_offset(text, start + len(quote)), "quote": quote}
            key = (kind, ind_id, period["year"], period.get("end_year"), period["basis"])
            if key in seen:
                raise SpecError(f"duplicate record {key}")
            seen.add(key)
            if kind == "V":
                verdicts.append({"indicator": ind_id, "period": period, "verdict": figure_text,
                                 "provenance": prov})
                continue
            if figure_text not in quote:
                raise SpecError(f"figure {figure_text!r} not in quote")
            fig = parse_figure(figure_text, opts)
            for q in (fig.get("value"), fig.get("lower"), fig.get("upper")):
                if q is None:
                    continue
                want = by_id[ind_id]["unit"]
                if dimension(q["unit"]) != dimension(want):
                    raise SpecError(f"unit {q['unit']} is not of the dimension of {ind_id}'s unit {want}")
            if "reference" in fig and fig["reference"].get("indicator") not in (None, *by_id):
                raise SpecError("unknown reference indicator")
            if kind == "T":
                targets.append({"indicator": ind_id, "period": period, "figure": fig, "provenance": prov})
            elif kind == "O":
                outcomes.append({"indicator": ind_id, "period": period, "figure": fig,
                                 "status": "preliminary", "provenance": prov})
            else:
                raise SpecError(f"unknown kind {kind}")
        except (SpecError, ValueError, IndexError, KeyError) as e:
            raise SpecError(f"records.txt:{n}: {e}") from None
    return targets, outcomes, verdicts


def order_period(p):
    out = {"year": p["year"]}
    if "end_year" in p:
        out["end_year"] = p["end_year"]
    out["basis"] = p["basis"]
    return out


def build():
    text = TEXT_FILE.read_text(encoding="utf-8")
    catalogue = load_catalogue()
    targets, outcomes, verdicts = load_records(text, catalogue)
    for rec in targets + outcomes + verdicts:
        rec["period"] = order_period(rec["period"])
    dataset = {"document": DOCUMENT, "targets": targets, "outcomes": outcomes, "verdicts": verdicts}
    dump = lambda v: json.dumps(v, ensure_ascii=False, indent=2) + "\n"
    return dump(catalogue), dump(dataset), (len(catalogue), len(targets), len(outcomes), len(verdicts))


def main(argv):
    try:
        cat_json, ds_json, counts = build()
    except SpecError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    if "--check" in argv:
        stale = [p.name for p, want in ((CATALOGUE_FILE, cat_json), (DATASET_FILE, ds_json))
                 if not p.exists() or p.read_text(encoding="utf-8") != want]
        if stale:
            print(f"error: out of date: {', '.join(stale)} (run build.py)", file=sys.stderr)
            return 1
    else:
        CATALOGUE_FILE.write_text(cat_json, encoding="utf-8")
        DATASET_FILE.write_text(ds_json, encoding="utf-8")
    print("indicators %d, targets %d, outcomes %d, verdicts %d" % counts)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
