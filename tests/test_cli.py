"""The command line: every command has help, analyze prints its summary and writes the export, errors are
one line and a non-zero exit, and every setting is documented in the README."""
import json
import re
from pathlib import Path

from typer.testing import CliRunner

from marsad.cli import app
from marsad.settings import SETTINGS

runner = CliRunner()
FIXTURES = Path(__file__).parent / "fixtures" / "pipeline"
README = Path(__file__).parent.parent / "README.md"


def test_every_command_has_help():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for name in [c.name or c.callback.__name__ for c in app.registered_commands]:
        sub = runner.invoke(app, [name, "--help"])
        assert sub.exit_code == 0, name
        assert "--" in sub.output


def test_analyze_prints_summary_and_writes_export(tmp_path):
    out = tmp_path / "export.json"
    result = runner.invoke(app, ["analyze", str(FIXTURES), "--store", str(tmp_path / "s.sqlite"),
                                 "--out", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "documents read" in result.output and "articles stored" in result.output
    assert "marsad serve" in result.output                      # tells the user how to browse it
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["schema"] == "marsad.export/1" and len(doc["articles"]) == 5

    listed = runner.invoke(app, ["stories", "--store", str(tmp_path / "s.sqlite")])
    assert listed.exit_code == 0 and "s-" in listed.output
    csv_out = tmp_path / "entities.csv"
    exported = runner.invoke(app, ["export", "--store", str(tmp_path / "s.sqlite"), "--format", "csv",
                                   "--records", "entities", "--out", str(csv_out)])
    assert exported.exit_code == 0 and csv_out.read_text(encoding="utf-8").startswith("id,type,name")


def test_errors_are_one_line_and_exit_non_zero(tmp_path):
    result = runner.invoke(app, ["export", "--store", str(tmp_path / "missing.sqlite")])
    assert result.exit_code != 0
    assert "no store" in result.output
    assert "Traceback" not in result.output
    bad = runner.invoke(app, ["timeline", "--store", str(tmp_path / "x.sqlite")])
    assert bad.exit_code != 0


def test_every_setting_is_documented_in_the_readme():
    readme = README.read_text(encoding="utf-8")
    for setting in SETTINGS:
        assert f"`{setting.name}`" in readme, f"setting {setting.name} is not in README.md"


def test_timeline_of_an_entity_and_of_a_story(tmp_path):
    store = str(tmp_path / "s.sqlite")
    assert runner.invoke(app, ["analyze", str(FIXTURES), "--store", store, "--workers", "1"]).exit_code == 0
    result = runner.invoke(app, ["timeline", "--store", store, "--entity", "سامح شكرى"])   # another spelling
    assert result.exit_code == 0, result.output
    lines = [x for x in result.output.splitlines()[1:] if x.strip()]
    assert lines and "سامح شكر" in result.output.splitlines()[0]        # shown as the outlets spell it
    dates = [x.split()[0] for x in lines if x[:1].isdigit()]
    assert dates == sorted(dates) and "2022-01-10" in dates and any(d.startswith("2024-04") for d in dates)
    from marsad.store import Store
    with Store(store) as db:
        largest = db.stories()[0]
    assert len(largest.articles) == 3
    shown = runner.invoke(app, ["timeline", "--store", store, "--story", largest.id])
    assert shown.exit_code == 0 and "2024-04-14" in shown.output and "2022" not in shown.output
    missing = runner.invoke(app, ["timeline", "--store", store, "--entity", "لا أحد بهذا الاسم"])
    assert missing.exit_code != 0 and "no entity" in missing.output
    # a spelling no outlet used finds the person as entity resolution would merge it: a surname alone, and
    # a full name with another transliteration of both parts
    for typed in ("شوكري", "سامح شوكري"):
        other = runner.invoke(app, ["timeline", "--store", store, "--entity", typed])
        assert other.exit_code == 0 and "سامح شكر" in other.output.splitlines()[0], typed
