"""FoodData Central client: parsing every response layout, HTTP behaviour, cache, key hygiene.

The real API is unreachable here; the client talks to a real HTTP server on
loopback (pytest-httpserver) that serves hand-written fixtures in the API's
layouts (tests/data/fdc/, see its README).
"""

from __future__ import annotations

import copy
import json
import logging
import math
import time
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from werkzeug import Request, Response

from nutrigap.cache import JSONCache
from nutrigap.data import load_food_table, load_portions
from nutrigap.exceptions import FDCError, NutrigapError
from nutrigap.fdc import (
    DEFAULT_DATA_TYPES,
    MAX_IDS_PER_REQUEST,
    FDCAuthError,
    FDCClient,
    FDCConnectionError,
    FDCFoods,
    FDCNotFoundError,
    FDCOfflineError,
    FDCRateLimitError,
    FDCResponseError,
    FDCServerError,
    FDCTimeoutError,
    _quantity,
    _retry_after,
    parse_foods,
)
from nutrigap.nutrients import NUTRIENTS

DATA = Path(__file__).parent / "data" / "fdc"
KEY = "sEcReT-kEy-9f8e7d6c5b4a3210"


def fixture(name: str):
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


def one(name: str) -> pd.Series:
    return parse_foods([fixture(name)]).table.iloc[0]


class Sleeps(list):
    """Fake sleep: records the waits instead of waiting."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def make_client(httpserver, tmp_path, sleeps):
    clients = []

    def make(**kw):
        kw.setdefault("api_key", KEY)
        kw.setdefault("base_url", httpserver.url_for("/fdc/v1"))
        kw.setdefault("cache", tmp_path / "cache")
        kw.setdefault("sleep", sleeps)
        kw.setdefault("timeout", (2.0, 2.0))
        c = FDCClient(**kw)
        clients.append(c)
        return c

    yield make
    for c in clients:
        c.close()


def food_handler(request: Request) -> Response:
    """POST /foods: echo one SR-Legacy-shaped record per requested id, except ids ≥ 9000."""
    body = request.get_json()
    base = fixture("food_sr_legacy")
    out = []
    for fid in body["fdcIds"]:
        if fid >= 9000:
            continue
        rec = copy.deepcopy(base)
        rec["fdcId"] = fid
        rec["description"] = f"Food {fid}"
        out.append(rec)
    return Response(json.dumps(out), content_type="application/json")


# --------------------------------------------------------------------------- parsing


def test_search_layout_upper_case_units_score_rank_and_ids():
    res = parse_foods(fixture("search")["foods"], search=True)
    t = res.table
    assert list(t.index) == ["fdc:1999633", "fdc:168462", "fdc:2710192"]
    assert t.index.name == "food_id"
    assert list(t["rank"]) == [1, 2, 3]
    assert t["score"].tolist() == [512.8, 498.3, 470.1]
    sr = t.loc["fdc:168462"]
    # SR28 NDB 11457 spinach, raw: Mg 79 mg, K 558 mg, folate 194 µg DFE, thiamin 0.078 mg
    assert (sr.magnesium, sr.potassium, sr.folate, sr.thiamin) == (79.0, 558.0, 194.0, 0.078)
    assert sr.energy == 23.0 and sr.energy_derivation == "1008"
    assert sr.source == "fdc" and sr.data_type == "SR Legacy"
    assert sr.food_group == "Vegetables and Vegetable Products"
    # missing is NaN, never 0
    assert math.isnan(t.loc["fdc:2710192", "calcium"])
    assert math.isnan(sr.biotin)


def test_table_has_the_bundled_tables_shape():
    bundled = load_food_table()
    t = parse_foods(fixture("search")["foods"]).table
    for col in [*NUTRIENTS, "folic_acid", "vitamin_b12_added"]:
        assert t[col].dtype == np.float64 == bundled[col].dtype, col
    for col in ("description", "food_group", "folate_derivation", "source"):
        assert col in t.columns
    assert t["food_group"].dtype == "category"
    # the two tables concatenate cleanly (the matcher's use)
    both = pd.concat([bundled.head(3), t])
    assert both.loc["fdc:168462", "magnesium"] == 79.0
    portions = parse_foods(fixture("search")["foods"]).portions
    assert list(portions.columns) == list(load_portions().columns)
    assert dict(portions.dtypes) == dict(load_portions().dtypes)


def test_foundation_without_energy_1008_uses_atwater_specific_then_general():
    row = one("food_foundation")
    assert row.energy == 243.0 and row.energy_derivation == "2048"
    rec = fixture("food_foundation")
    rec["foodNutrients"] = [n for n in rec["foodNutrients"] if n["nutrient"]["id"] != 2048]
    row = parse_foods([rec]).table.iloc[0]
    assert row.energy == 250.0 and row.energy_derivation == "2047"
    rec["foodNutrients"] = [
        {"nutrient": {"id": 1062, "number": "268", "unitName": "kJ"}, "amount": 1046.0}
    ]
    row = parse_foods([rec]).table.iloc[0]
    assert row.energy == pytest.approx(250.0, rel=1e-3) and row.energy_derivation == "1062"


def test_full_layout_category_object_missing_unit_and_amountless_entries():
    row = one("food_foundation")
    assert row.food_group == "Legumes and Legume Products"
    assert row.potassium == 228.0  # no unitName: catalog unit (mg) documented
    assert math.isnan(row.vitamin_b6)  # entry with only "median", no amount
    assert row.folate == 83.0 and row.folate_derivation == "total"
    assert math.isnan(row.vitamin_d) and pd.isna(row.vitamin_d_derivation)


def test_vitamin_d_in_iu_only_is_converted_40_iu_per_ug():
    row = one("food_sr_legacy")
    assert row.vitamin_d == pytest.approx(51.0 / 40.0)
    assert row.vitamin_d_derivation == "1110 IU/40"


def test_vitamin_d_prefers_ug_over_iu():
    rec = fixture("food_sr_legacy")
    rec["foodNutrients"].append(
        {"nutrient": {"id": 1114, "number": "328", "unitName": "µg"}, "amount": 1.3}
    )
    row = parse_foods([rec]).table.iloc[0]
    assert row.vitamin_d == 1.3 and row.vitamin_d_derivation == "1114"


def test_folate_fallbacks_match_the_sr28_rules():
    row = one("food_sr_legacy")  # total 8, food 5: 5 + 1.7 * 3
    assert row.folate == pytest.approx(10.1) and row.folate_derivation == "food+1.7*fa"
    assert row.folic_acid == pytest.approx(3.0)
    assert row.vitamin_b12_added == 0.0
    row = one("food_branded")  # folic acid 100 alone
    assert row.folate == pytest.approx(170.0) and row.folate_derivation == "1.7*fa"
    assert row.folic_acid == 100.0


def test_fndds_layout_and_wweia_category():
    row = one("food_fndds")
    assert row.food_group == "Yogurt, Greek"
    assert (row.calcium, row.vitamin_b12, row.energy) == (110.0, 0.75, 59.0)
    p = parse_foods([fixture("food_fndds")]).portions
    assert p[["amount", "measure", "grams"]].values.tolist() == [
        [1.0, "cup", 245.0],
        [1.0, "container (6 oz)", 170.0],
        [1.0, "Quantity not specified", 170.0],
        [0.25, "cup", 61.25],
    ]
    assert p["seq"].tolist() == [1, 2, 3, 4]


def test_abridged_layout():
    row = one("food_abridged")
    # SR28 NDB 12061 almonds: Mg 270, Ca 269, K 733 mg, 579 kcal
    assert (row.magnesium, row.calcium, row.potassium, row.energy) == (270.0, 269.0, 733.0, 579.0)
    assert row.vitamin_d == 0.0 and row.folate == 44.0
    assert row.food_group == "SR Legacy"  # no category: data type


def test_sr_legacy_and_foundation_portions():
    p = parse_foods([fixture("food_sr_legacy")]).portions
    assert p[["measure", "grams"]].values.tolist() == [
        ["cup", 244.0],
        ["fl oz", 30.5],
        ["quart", 976.0],
    ]
    p = parse_foods([fixture("food_foundation")]).portions  # gramWeight null dropped
    assert p[["amount", "measure", "grams"]].values.tolist() == [
        [1.0, "tablespoon", 14.9],
        [1.0, "cup", 246.0],
    ]
    rec = fixture("food_foundation")
    rec["foodPortions"] = [
        {"amount": 1, "gramWeight": 30, "modifier": "chopped", "measureUnit": {"name": "cup"}}
    ]
    assert parse_foods([rec]).portions.measure.tolist() == ["cup, chopped"]


def test_branded_label_per_serving_becomes_per_100_g_and_serving_portions():
    row = one("food_branded")
    assert row.calcium == 393.0  # foodNutrients are already per 100 g: kept
    assert row.potassium == pytest.approx(170.0 * 100 / 28)  # label only: per 28 g serving
    assert row.vitamin_d == 4.8 and row.food_group == "Cereal"
    p = parse_foods([fixture("food_branded")]).portions
    assert p[["amount", "measure", "grams"]].values.tolist() == [
        [1.0, "cup", 28.0],
        [1.0, "serving", 28.0],
    ]
    rec = fixture("food_branded")
    rec["servingSize"], rec["servingSizeUnit"] = 240.0, "MLT"  # volume serving: no grams
    assert parse_foods([rec]).portions.empty
    assert math.isnan(parse_foods([rec]).table.iloc[0].potassium)


def test_unknown_unit_drops_value_with_warning(caplog):
    rec = {
        "fdcId": 1,
        "description": "x",
        "dataType": "SR Legacy",
        "foodNutrients": [
            {"nutrientId": 1090, "unitName": "furlong", "value": 5.0},
            {"nutrientId": 1087, "unitName": "MG", "value": None},
            {"nutrientId": 1092, "unitName": "G", "value": 0.5},
        ],
    }
    with caplog.at_level(logging.WARNING, logger="nutrigap.fdc"):
        row = parse_foods([rec]).table.iloc[0]
    assert math.isnan(row.magnesium) and math.isnan(row.calcium)
    assert row.potassium == 500.0  # 0.5 g
    assert "furlong" in caplog.text


def test_empty_and_bad_records():
    res = parse_foods([])
    assert res.table.empty and res.portions.empty
    assert res.table.index.name == "food_id"
    with pytest.raises(FDCResponseError):
        parse_foods([{"description": "no id"}])


_AMOUNTS = st.floats(min_value=0, max_value=5000, allow_nan=False, allow_infinity=False)


@settings(max_examples=60, deadline=None)
@given(
    mg=_AMOUNTS, iu=_AMOUNTS, ug=_AMOUNTS, layout=st.sampled_from(["search", "full", "abridged"])
)
def test_property_layouts_agree_and_units_convert(mg, iu, ug, layout):
    """Same amounts in any layout give the same row; IU/40 = µg; UG→µg and G→mg exact."""
    specs = [(1090, "304", "G", mg / 1000), (1110, "324", "IU", iu), (1178, "418", "UG", ug)]
    if layout == "search":
        nuts = [
            {"nutrientId": i, "nutrientNumber": n, "unitName": u, "value": v}
            for i, n, u, v in specs
        ]
    elif layout == "full":
        nuts = [
            {"nutrient": {"id": i, "number": n, "unitName": u.lower()}, "amount": v}
            for i, n, u, v in specs
        ]
    else:
        nuts = [{"number": n, "unitName": u, "amount": v} for i, n, u, v in specs]
    row = parse_foods([{"fdcId": 5, "dataType": "SR Legacy", "foodNutrients": nuts}]).table.iloc[0]
    assert row.magnesium == pytest.approx(mg, rel=1e-12, abs=1e-12)
    assert row.vitamin_d == pytest.approx(iu / 40, rel=1e-12, abs=1e-15)
    assert row.vitamin_b12 == pytest.approx(ug)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 cup", (1.0, "cup")),
        ("1/2 cup, chopped", (0.5, "cup, chopped")),
        ("1 1/2 cups", (1.5, "cups")),
        ("1-1/2 tbsp", (1.5, "tbsp")),
        ("2.5 oz", (2.5, "oz")),
        ("Quantity not specified", (1.0, "Quantity not specified")),
        ("12", (1.0, "12")),
    ],
)
def test_quantity_split(text, expected):
    assert _quantity(text) == expected


def test_retry_after_seconds_and_http_date():
    assert _retry_after("7") == 7.0
    assert _retry_after(None) is None and _retry_after("soon") is None
    when = datetime.now(timezone.utc) + timedelta(seconds=30)
    assert 25 <= _retry_after(format_datetime(when, usegmt=True)) <= 30
    past = datetime.now(timezone.utc) - timedelta(seconds=30)
    assert _retry_after(format_datetime(past, usegmt=True)) == 0.0


# --------------------------------------------------------------------------- HTTP


def test_food_get_sends_key_in_header_not_url(httpserver, make_client):
    httpserver.expect_request(
        "/fdc/v1/food/171265",
        method="GET",
        headers={"X-Api-Key": KEY},
        query_string={"format": "full"},
    ).respond_with_json(fixture("food_sr_legacy"))
    res = make_client().food("fdc:171265")
    assert isinstance(res, FDCFoods)
    assert res.table.index.tolist() == ["fdc:171265"]
    assert res.table.loc["fdc:171265", "calcium"] == 113.0
    assert len(res.portions) == 3
    ((req, _),) = httpserver.log
    assert KEY not in req.url


def test_search_posts_body_and_excludes_branded_by_default(httpserver, make_client):
    httpserver.expect_request("/fdc/v1/foods/search", method="POST").respond_with_json(
        fixture("search")
    )
    res = make_client().search("  spinach   raw ", page_size=3)
    body = httpserver.log[0][0].get_json()
    assert body == {
        "query": "spinach raw",
        "dataType": list(DEFAULT_DATA_TYPES),
        "pageSize": 3,
        "pageNumber": 1,
    }
    assert "Branded" not in body["dataType"]
    assert res.table.attrs["total_hits"] == 3
    assert res.table["rank"].tolist() == [1, 2, 3]
    with pytest.raises(ValueError, match="unknown FDC data type"):
        make_client().search("x", data_types=("Branded foods",))


def test_429_with_retry_after_then_success(httpserver, make_client, sleeps):
    httpserver.expect_oneshot_request("/fdc/v1/food/1").respond_with_json(
        {"error": {"code": "OVER_RATE_LIMIT", "message": "slow down"}},
        status=429,
        headers={"Retry-After": "3"},
    )
    httpserver.expect_request("/fdc/v1/food/1").respond_with_json(
        {**fixture("food_sr_legacy"), "fdcId": 1}
    )
    res = make_client().food(1)
    assert res.table.index.tolist() == ["fdc:1"]
    assert sleeps == [3.0]
    assert len(httpserver.log) == 2


def test_retry_after_http_date_is_capped(httpserver, make_client, sleeps):
    when = datetime.now(timezone.utc) + timedelta(hours=2)
    httpserver.expect_oneshot_request("/fdc/v1/food/1").respond_with_data(
        "", status=429, headers={"Retry-After": format_datetime(when, usegmt=True)}
    )
    httpserver.expect_request("/fdc/v1/food/1").respond_with_json(
        {**fixture("food_sr_legacy"), "fdcId": 1}
    )
    make_client(max_wait=10.0).food(1)
    assert sleeps == [10.0]


def test_500_then_success_with_exponential_backoff(httpserver, make_client, sleeps):
    for _ in range(2):
        httpserver.expect_oneshot_request("/fdc/v1/food/1").respond_with_data("oops", status=500)
    httpserver.expect_request("/fdc/v1/food/1").respond_with_json(
        {**fixture("food_sr_legacy"), "fdcId": 1}
    )
    make_client(backoff=0.5).food(1)
    assert sleeps == [0.5, 1.0]


def test_persistent_429_and_5xx_raise_after_retries(httpserver, make_client, sleeps):
    httpserver.expect_request("/fdc/v1/food/1").respond_with_json(
        {"error": {"code": "OVER_RATE_LIMIT", "message": "x"}}, status=429
    )
    with pytest.raises(FDCRateLimitError) as exc:
        make_client(retries=2).food(1)
    assert exc.value.status == 429 and "OVER_RATE_LIMIT" in str(exc.value)
    assert len(httpserver.log) == 3 and len(sleeps) == 2
    httpserver.clear()
    httpserver.expect_request("/fdc/v1/food/2").respond_with_data("", status=503)
    with pytest.raises(FDCServerError) as exc:
        make_client(retries=1).food(2)
    assert exc.value.status == 503


def test_timeout_raises_fdc_timeout_error(httpserver, make_client, sleeps):
    def slow(request):
        time.sleep(0.4)
        return Response("{}", content_type="application/json")

    httpserver.expect_request("/fdc/v1/food/1").respond_with_handler(slow)
    t0 = time.perf_counter()
    with pytest.raises(FDCTimeoutError, match="timed out") as exc:
        make_client(timeout=(1.0, 0.1), retries=1).food(1)
    assert time.perf_counter() - t0 < 3
    assert isinstance(exc.value, FDCError) and isinstance(exc.value, TimeoutError)
    assert len(sleeps) == 1  # one retry, then the error


def test_connection_error(tmp_path, sleeps):
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now
    client = FDCClient(
        KEY, base_url=f"http://127.0.0.1:{port}/fdc/v1", cache=False, retries=1, sleep=sleeps
    )
    with pytest.raises(FDCConnectionError, match="cannot reach FDC") as exc:
        client.food(1)
    assert KEY not in str(exc.value)
    assert len(sleeps) == 1


def test_malformed_json(httpserver, make_client):
    httpserver.expect_request("/fdc/v1/food/1").respond_with_data(
        '{"fdcId": 1, "description": "trunc', content_type="application/json"
    )
    with pytest.raises(FDCResponseError, match="malformed JSON") as exc:
        make_client().food(1)
    assert exc.value.status == 200
    httpserver.clear()
    httpserver.expect_request("/fdc/v1/foods/search").respond_with_json({"unexpected": 1})
    with pytest.raises(FDCResponseError, match="foods"):
        make_client(cache=False).search("x")


def test_invalid_key_403(httpserver, make_client, sleeps):
    httpserver.expect_request("/fdc/v1/food/1").respond_with_json(
        fixture("error_api_key_invalid"), status=403
    )
    with pytest.raises(FDCAuthError) as exc:
        make_client().food(1)
    msg = str(exc.value)
    assert exc.value.status == 403 and "API_KEY_INVALID" in msg and "FDC_API_KEY" in msg
    assert KEY not in msg
    assert sleeps == []  # not retried
    assert isinstance(exc.value, NutrigapError)


def test_missing_key_403_body_and_no_key_at_all(httpserver, make_client, monkeypatch):
    httpserver.expect_request("/fdc/v1/food/1").respond_with_json(
        {"error": {"code": "API_KEY_MISSING", "message": "No api_key was supplied."}}, status=403
    )
    with pytest.raises(FDCAuthError, match="API_KEY_MISSING"):
        make_client().food(1)
    monkeypatch.delenv("FDC_API_KEY", raising=False)
    n = len(httpserver.log)
    with pytest.raises(FDCAuthError, match="no FDC API key"):
        make_client(api_key=None).food(2)
    assert len(httpserver.log) == n  # nothing sent


def test_key_from_environment(httpserver, make_client, monkeypatch):
    monkeypatch.setenv("FDC_API_KEY", "env-key-123")
    httpserver.expect_request(
        "/fdc/v1/food/1", headers={"X-Api-Key": "env-key-123"}
    ).respond_with_json({**fixture("food_sr_legacy"), "fdcId": 1})
    assert make_client(api_key=None).food(1).table.index[0] == "fdc:1"


def test_404(httpserver, make_client):
    httpserver.expect_request("/fdc/v1/food/42").respond_with_data("", status=404)
    with pytest.raises(FDCNotFoundError, match="42") as exc:
        make_client().food(42)
    assert exc.value.status == 404


def test_demo_key_warns(make_client):
    with pytest.warns(UserWarning, match="DEMO_KEY"):
        c = make_client(api_key="DEMO_KEY")
    assert "DEMO_KEY" in repr(c)


def test_batching_45_ids_into_3_requests_in_order(httpserver, make_client):
    httpserver.expect_request("/fdc/v1/foods", method="POST").respond_with_handler(food_handler)
    ids = list(range(1, 46))
    res = make_client().foods(reversed(ids))
    sizes = [len(req.get_json()["fdcIds"]) for req, _ in httpserver.log]
    assert sizes == [20, 20, 5] and MAX_IDS_PER_REQUEST == 20
    assert all(req.get_json()["format"] == "full" for req, _ in httpserver.log)
    assert res.table.index.tolist() == [f"fdc:{i}" for i in reversed(ids)]
    assert res.missing == ()
    assert len(res.portions) == 45 * 3


def test_foods_reports_missing_and_dedupes(httpserver, make_client):
    httpserver.expect_request("/fdc/v1/foods", method="POST").respond_with_handler(food_handler)
    res = make_client().foods([3, "fdc:3", 9001, 4])
    assert res.table.index.tolist() == ["fdc:3", "fdc:4"]
    assert res.missing == (9001,)
    assert httpserver.log[0][0].get_json()["fdcIds"] == [3, 9001, 4]


def test_second_run_is_served_wholly_from_cache(httpserver, make_client, tmp_path):
    httpserver.expect_request("/fdc/v1/foods", method="POST").respond_with_handler(food_handler)
    httpserver.expect_request("/fdc/v1/foods/search").respond_with_json(fixture("search"))
    httpserver.expect_request("/fdc/v1/food/171265").respond_with_json(fixture("food_sr_legacy"))
    first = make_client()
    a = (first.foods(range(1, 46)), first.search("spinach raw"), first.food(171265))
    n = len(httpserver.log)
    assert n == 5
    second = make_client()  # a new process would build a new client on the same folder
    b = (second.foods(range(1, 46)), second.search("spinach raw"), second.food(171265))
    assert len(httpserver.log) == n  # the server saw nothing
    assert second.requests_made == 0 and second.cache_hits == 45 + 2
    for x, y in zip(a, b, strict=True):
        pd.testing.assert_frame_equal(x.table, y.table)
        pd.testing.assert_frame_equal(x.portions, y.portions)
    # foods cached one by one: a different batch and food() hit the same entries
    third = make_client()
    third.foods([7, 3])
    third.food(45)
    assert len(httpserver.log) == n


def test_offline_serves_cache_and_names_what_is_missing(httpserver, make_client, tmp_path):
    httpserver.expect_request("/fdc/v1/foods", method="POST").respond_with_handler(food_handler)
    make_client().foods([1, 2])
    n = len(httpserver.log)
    off = make_client(offline=True, api_key=None)
    assert off.foods([2, 1]).table.index.tolist() == ["fdc:2", "fdc:1"]
    with pytest.raises(FDCOfflineError, match=r"1 FDC food\(s\) not in the cache.*: 77"):
        off.foods([1, 77])
    with pytest.raises(FDCOfflineError, match="food with FDC id 78"):
        off.food(78)
    with pytest.raises(FDCOfflineError, match="search 'kale'"):
        off.search("kale")
    assert len(httpserver.log) == n
    with pytest.raises(ValueError, match="cache"):
        FDCClient(KEY, cache=False, offline=True)


def test_cache_disabled_and_corrupt_entries(httpserver, make_client, tmp_path):
    httpserver.expect_request("/fdc/v1/food/1").respond_with_json(
        {**fixture("food_sr_legacy"), "fdcId": 1}
    )
    c = make_client(cache=False)
    c.food(1)
    c.food(1)
    assert len(httpserver.log) == 2 and c.cache is None
    c = make_client()
    c.food(1)
    files = list((tmp_path / "cache").rglob("*.json"))
    assert len(files) == 1
    files[0].write_text("{not json", encoding="utf-8")
    make_client().food(1)  # corrupt entry = miss, refetched and rewritten
    assert len(httpserver.log) == 4
    assert json.loads(files[0].read_text(encoding="utf-8"))["response"]["fdcId"] == 1


def test_default_cache_dir_is_platformdirs_user_cache(monkeypatch, tmp_path):
    import platformdirs

    monkeypatch.delenv("NUTRIGAP_CACHE_DIR", raising=False)
    c = FDCClient(KEY)
    assert c.cache.directory == Path(platformdirs.user_cache_dir("nutrigap", appauthor=False))
    monkeypatch.setenv("NUTRIGAP_CACHE_DIR", str(tmp_path))
    assert FDCClient(KEY).cache.root == tmp_path / "fdc"
    assert isinstance(FDCClient(KEY, cache=JSONCache(tmp_path)).cache, JSONCache)
    empty = FDCClient(KEY, cache=tmp_path / "empty")  # an empty cache is still a cache
    assert str(tmp_path / "empty") in repr(empty) and len(empty.cache) == 0


def test_key_never_in_logs_errors_repr_or_cache(httpserver, make_client, tmp_path, caplog):
    """Run every path (success, retry, each error, cache) at DEBUG; grep for the key."""
    httpserver.expect_oneshot_request("/fdc/v1/foods/search").respond_with_data(
        f"echo api_key={KEY}", status=500
    )
    httpserver.expect_request("/fdc/v1/foods/search").respond_with_json(fixture("search"))
    httpserver.expect_request("/fdc/v1/foods", method="POST").respond_with_handler(food_handler)
    httpserver.expect_request("/fdc/v1/food/171265").respond_with_json(fixture("food_sr_legacy"))
    httpserver.expect_request("/fdc/v1/food/2").respond_with_json(
        {"error": {"code": "API_KEY_INVALID", "message": f"bad key {KEY}"}}, status=403
    )
    httpserver.expect_request("/fdc/v1/food/3").respond_with_data(f"<html>{KEY}", status=200)
    httpserver.expect_request("/fdc/v1/food/4").respond_with_data("", status=502)
    errors = []
    with caplog.at_level(logging.DEBUG):
        c = make_client(retries=1)
        c.search("spinach raw")
        c.foods(range(10, 35))
        c.food(171265)
        for fid in (2, 3, 4):
            with pytest.raises(FDCError) as exc:
                c.food(fid)
            errors.append(exc.value)
        make_client().food(171265)  # cache hit path
        text_of_errors = " ".join(f"{e!s} {e!r}" for e in errors)
    assert len(caplog.records) > 5  # urllib3 and nutrigap did log at DEBUG
    assert any("/food/171265" in r.getMessage() for r in caplog.records)
    for r in caplog.records:
        assert KEY not in r.getMessage() and KEY not in str(r.args)
    assert KEY not in caplog.text
    assert KEY not in text_of_errors and "***" in text_of_errors
    assert KEY not in repr(c)
    assert repr(c).startswith("FDCClient(") and str(tmp_path / "cache") in repr(c)
    assert "api_key=<set>" in repr(c)
    files = list((tmp_path / "cache").rglob("*"))
    assert len([f for f in files if f.is_file()]) == 1 + 25 + 1
    for f in files:
        assert KEY not in str(f)
        if f.is_file():
            assert KEY not in f.read_text(encoding="utf-8")


def test_best_match_scores_search_hits_and_fetches_details(httpserver, make_client):
    httpserver.expect_request("/fdc/v1/foods/search").respond_with_json(fixture("search"))
    httpserver.expect_request("/fdc/v1/food/168462").respond_with_json(
        {**fixture("food_sr_legacy"), "fdcId": 168462, "description": "Spinach, raw"}
    )
    c = make_client()
    got = c.best_match("raw spinach")
    assert got is not None
    foods, score = got
    # "Spinach, raw" (rank 2) beats "Spinach, mature" (rank 1); FNDDS tie loses on rank
    assert foods.table.index.tolist() == ["fdc:168462"]
    assert score == 100.0 and foods.table["match_score"].item() == 100.0
    assert foods.table["fdc_rank"].item() == 2
    assert (foods.portions.food_id == "fdc:168462").all() and len(foods.portions) == 3
    assert httpserver.log[0][0].get_json()["pageSize"] == 10
    assert c.best_match("chocolate cake with frosting") is None
    foods, _ = c.best_match("spinach raw", details=False)
    assert foods.portions.measure.tolist() == ["cup", "bunch"]
