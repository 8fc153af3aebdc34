import io
import json
import subprocess
import sys
from pathlib import Path

from classifier import cli

REPO_ROOT = Path(__file__).resolve().parents[2]


def run_cli(monkeypatch, capsys, stdin, *args):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    assert cli.main(list(args)) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_each_line_gets_a_decision_in_order(monkeypatch, capsys):
    lines = [
        {"id": 1, "text": "The strikes killed several fighters."},
        {"id": "b", "text": "Someone should put a bullet in her head.", "lang": "en"},
    ]
    outputs = run_cli(monkeypatch, capsys, "\n".join(json.dumps(line) for line in lines))
    assert [o["id"] for o in outputs] == [1, "b"]
    assert [o["decision"] for o in outputs] == ["approve", "reject"]
    assert set(outputs[1]) >= {"id", "decision", "guideline", "scores", "explanation"}


def test_a_malformed_line_yields_an_error_and_the_rest_still_run(monkeypatch, capsys):
    stdin = "\n".join([
        json.dumps({"id": 1, "text": "I hate this war."}),
        "{not json",
        json.dumps({"id": 3}),
        json.dumps(["a", "list"]),
        json.dumps({"id": 5, "text": "Killing is never the answer."}),
    ])
    outputs = run_cli(monkeypatch, capsys, stdin)
    assert len(outputs) == 5
    assert [("error" in o) for o in outputs] == [False, True, True, True, False]
    assert outputs[2]["id"] == 3
    assert outputs[4]["decision"] == "approve"


def test_article_file_enables_off_topic(monkeypatch, capsys, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("Drone strikes hit militia depots near Mosul\nTwo strikes hit weapons depots of a militia.", encoding="utf-8")
    stdin = json.dumps({"id": 1, "text": "Does anyone have a good recipe for chocolate cake with walnuts?"})
    with_article = run_cli(monkeypatch, capsys, stdin, "--article", str(article))[0]
    without = run_cli(monkeypatch, capsys, stdin)[0]
    assert with_article["scores"]["off_topic"] > without["scores"]["off_topic"] == 0


def test_command_runs_as_a_module():
    stdin = json.dumps({"id": 7, "text": "This reads like a press release."}) + "\n"
    done = subprocess.run(
        [sys.executable, "-m", "classifier.cli"], input=stdin, capture_output=True, text=True, cwd=REPO_ROOT, check=True
    )
    assert json.loads(done.stdout)["id"] == 7
