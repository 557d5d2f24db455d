"""The JSON API: every endpoint on the fixture store and on a store the later stages have not filled, the one
error shape, limits, the export of a search and of a story, and schemathesis over the OpenAPI schema."""
import atexit
import json
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from marsad.store import Store, StoreError
from marsad.web.app import create_app

sys.path.insert(0, str(Path(__file__).parent))      # web_fixtures sits beside the tests
from web_fixtures import XSS_SCRIPT, build_store  # noqa: E402


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("api") / "s.sqlite")


@pytest.fixture(scope="module")
def client(store_path):
    with TestClient(create_app(store_path)) as c:
        yield c


@pytest.fixture(scope="module")
def bare_client(tmp_path_factory):
    path = build_store(tmp_path_factory.mktemp("bare") / "s.sqlite", corpus_stages=False)
    with TestClient(create_app(path)) as c:
        yield c


def assert_error(response, status):
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "message"}
    assert body["error"]["status"] == status and body["error"]["message"]
    assert "Traceback" not in response.text


def test_home_counts_stories_entities(client):
    body = client.get("/api/home").json()
    assert body["counts"] == {"articles": 5, "stories": 2, "entities": 7, "quotes": 3, "events": 2, "outlets": 5}
    assert body["stories"][0]["id"] == "s-natoiraq001"          # latest first
    assert body["entities"][0]["id"] in {"e-stolt", "e-baghdad"}


def test_article_offsets_hold(client):
    body = client.get("/api/articles/a-eg0000000001").json()
    article = body["article"]
    for m in article["mentions"]:
        assert article["text"][m["start"]:m["end"]] == m["text"]
    for q in article["quotes"]:
        assert article["text"][q["start"]:q["end"]] == q["text"]
    assert body["entity_names"]["e-stolt"] == "ينس ستولتينبرغ"
    assert body["story"]["id"] == "s-natoiraq001"
    assert article["removed"][0]["why"] == "comment prompt"


def test_lists_and_pagination(client):
    page = client.get("/api/articles", params={"limit": 2}).json()
    assert page["total"] == 5 and len(page["articles"]) == 2
    rest = client.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    assert not {a["id"] for a in page["articles"]} & {a["id"] for a in rest["articles"]}
    assert client.get("/api/articles", params={"outlet": "youm7"}).json()["total"] == 1
    assert client.get("/api/articles", params={"entity": "e-kadhimi"}).json()["total"] == 3
    assert client.get("/api/stories").json()["total"] == 2
    people = client.get("/api/entities", params={"type": "PER"}).json()["entities"]
    assert [(e["id"], e["count"]) for e in people] == [("e-kadhimi", 4), ("e-stolt", 4)]   # ties by id
    assert client.get("/api/quotes", params={"speaker": "e-stolt"}).json()["total"] == 2
    assert client.get("/api/events", params={"entity": "e-kadhimi"}).json()["total"] == 1
    assert {o["name"] for o in client.get("/api/outlets").json()} == {"youm7", "alriyadh", "annahar", "alsumaria",
                                                                     "hespress"}


def test_story_page_data(client):
    body = client.get("/api/stories/s-natoiraq001").json()
    assert [g["outlet"] for g in body["by_outlet"]] == ["alriyadh", "annahar", "youm7"]
    assert body["summary"][0]["article"] == "a-eg0000000001" and body["summary"][0]["outlet"] == "youm7"
    assert [v["date"] for v in body["timeline"]] == ["2021-07-01", "2021-07-01"]
    assert {e["id"] for e in body["entities"]} >= {"e-stolt", "e-kadhimi", "e-nato", "e-baghdad"}
    assert len(body["quotes"]) == 3
    assert body["per_day"] == [{"day": "2021-07-01", "articles": 2}, {"day": "2021-07-02", "articles": 1}]
    timeline = client.get("/api/stories/s-natoiraq001/timeline").json()
    assert [v["id"] for v in timeline] == [v["id"] for v in body["timeline"]]


def test_entity_page_data(client):
    body = client.get("/api/entities/e-stolt").json()
    assert body["entity"]["aliases"] == ["ستولتينبرغ", "يانس ستولينبيرج", "ستولينبيرج"]
    assert body["quotes_total"] == 2 and body["articles_total"] == 2
    assert body["related"][0]["id"] in {"e-baghdad", "e-iraq", "e-kadhimi"}
    assert {v["type"] for v in client.get("/api/entities/e-stolt/timeline").json()} == {"visit", "meeting"}


def test_outlet_spellings(client):
    body = client.get("/api/outlets/alriyadh").json()
    forms = {s["entity"]["id"]: [f["text"] for f in s["forms"]] for s in body["spellings"]}
    assert sorted(forms["e-stolt"]) == ["ستولينبيرج", "يانس ستولينبيرج"]


def test_search_endpoint(client):
    body = client.get("/api/search", params={"q": "الاطلسي"}).json()
    assert body["total"] == 1
    hit = body["hits"][0]
    text = client.get(f"/api/articles/{hit['article']}").json()["article"]["text"]
    for h in hit["snippet"]["highlights"]:
        assert text[h["start"]:h["end"]] == "الأطلسى"
    assert client.get("/api/search", params={"q": "بغداد", "outlet": "annahar"}).json()["total"] == 1
    assert client.get("/api/search", params={"q": "بغداد", "date_to": "2021-07-01"}).json()["total"] == 2
    assert client.get("/api/search", params={"q": '"رئيس الوزراء"'}).json()["total"] == 1


def test_export_of_a_search_and_of_a_story(client):
    body = client.get("/api/export", params={"q": "البصرة"}).json()
    assert body["schema"] == "marsad.export/1"
    assert [a["id"] for a in body["articles"]] == ["a-iq000000004"]
    assert [s["id"] for s in body["stories"]] == ["s-basrarain01"]
    story = client.get("/api/stories/s-natoiraq001/export").json()
    assert {a["id"] for a in story["articles"]} == {"a-eg0000000001", "a-gulf00000002", "a-lev00000003"}
    assert {q["id"] for q in story["quotes"]} == {"q-eg1", "q-gulf1", "q-lev1"}
    by_story = client.get("/api/export", params={"story": "s-basrarain01"}).json()
    assert [a["id"] for a in by_story["articles"]] == ["a-iq000000004"]


@pytest.mark.parametrize("url,status", [
    ("/api/articles/a-nope", 404), ("/api/stories/s-nope", 404), ("/api/entities/e-nope", 404),
    ("/api/outlets/nope", 404), ("/api/stories/s-nope/timeline", 404), ("/api/entities/e-nope/timeline", 404),
    ("/api/stories/s-nope/export", 404), ("/api/export?story=s-nope", 404), ("/api/no-such-endpoint", 404),
    ("/api/articles?limit=101", 422), ("/api/articles?limit=0", 422), ("/api/articles?offset=-1", 422),
    ("/api/search?limit=500", 422), ("/api/search?sort=alpha", 422), ("/api/search?date_from=July", 422),
    ("/api/entities?type=PERSON", 422), ("/api/search?q=" + "x" * 501, 422), ("/api/events?limit=abc", 422),
])
def test_errors_have_one_shape(client, url, status):
    assert_error(client.get(url), status)


def test_untrusted_text_comes_back_as_data(client):
    body = client.get("/api/articles/a-xss00000005").json()
    assert XSS_SCRIPT in body["article"]["text"] and XSS_SCRIPT in body["article"]["title"]
    assert client.get("/api/articles/a-xss00000005").headers["content-type"].startswith("application/json")


def test_a_store_without_corpus_stages_still_answers(bare_client):
    home = bare_client.get("/api/home").json()
    assert home["counts"]["articles"] == 5 and home["stories"] == [] and home["entities"] == []
    assert len(home["articles"]) == 5
    assert bare_client.get("/api/search", params={"q": "بغداد"}).json()["total"] == 3
    page = bare_client.get("/api/articles/a-eg0000000001").json()
    assert page["story"] is None and page["entity_names"] == {}
    assert bare_client.get("/api/stories").json()["stories"] == []
    assert bare_client.get("/api/entities").json()["entities"] == []
    assert bare_client.get("/api/outlets/youm7").json()["spellings"] == []
    assert json.loads(bare_client.get("/api/export", params={"q": "بغداد"}).text)["entities"] == []


def test_read_only_by_default(store_path):
    app = create_app(store_path)
    assert app.state.store.readonly
    with pytest.raises(StoreError):
        create_app(store_path.parent / "missing.sqlite")


def test_openapi_schema_is_typed(client):
    spec = client.get("/openapi.json").json()
    assert "/api/search" in spec["paths"] and "/api/stories/{story_id}" in spec["paths"]
    assert "SearchResult" in spec["components"]["schemas"]
    assert "StoryPage" in spec["components"]["schemas"]
    assert "ErrorBody" in spec["components"]["schemas"]
    assert not any(p.startswith("/articles") for p in spec["paths"])      # HTML pages stay out of the API doc


# The schema is loaded when the module is collected (schemathesis's lazy fixture loader does not work with
# this pytest), over its own fixture store in a temporary folder removed at exit.
_SCHEMA_DIR = Path(tempfile.mkdtemp(prefix="marsad-api-"))
atexit.register(shutil.rmtree, _SCHEMA_DIR, True)
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(build_store(_SCHEMA_DIR / "s.sqlite")))


@schema.parametrize()
@settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_never_fails_on_generated_requests(case):
    case.call_and_validate(checks=[not_a_server_error, status_code_conformance, response_schema_conformance])


def test_store_stays_untouched(store_path):
    with Store(store_path, readonly=True) as s:
        assert s.count("articles") == 5
