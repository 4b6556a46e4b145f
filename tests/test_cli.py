"""The `handbook` command as installed: the contract of DESIGN.md, over real processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HANDBOOK = [sys.executable, "-m", "bot"]


def run(args: list[str], stdin: bytes | None = None, env: dict[str, str] | None = None, timeout: int = 300):
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(HANDBOOK + args, input=stdin, capture_output=True, env=full_env, timeout=timeout)


def one_line_error(result) -> str:
    err = result.stderr.decode().strip()
    assert result.returncode == 2, (result.returncode, err)
    assert "Traceback" not in err
    assert len(err.splitlines()) == 1, err
    assert result.stdout == b""
    return err


@pytest.mark.parametrize(
    ("args", "stdin", "expected"),
    [
        (["search", ""], None, "empty"),
        (["ask", "   "], None, "empty"),
        (["search", "x" * 10_000], None, "limit is 1,000"),
        (["search"], b"ok line\n" + b"y" * 10_000 + b"\n", "line 2"),
        (["search"], b"abc\xff\xfe\n", "not valid UTF-8"),
        (["ask"], b"\n\n  \n", "no queries"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args, stdin, expected, tmp_path):
    result = run(args, stdin=stdin if stdin is not None else b"", env={"HANDBOOK_CACHE_DIR": str(tmp_path)})
    assert expected in one_line_error(result)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["search", "x", "-k", "0"], "'-k'"),
        (["search", "x", "--mode", "fast"], "'--mode'"),
        (["search", "--bogus"], "--bogus"),
        (["draft"], "Missing argument 'section'"),
        (["check-report"], "Missing argument 'files'"),
        (["sea", "import"], "Missing argument 'file'"),
        (["frobnicate"], "No such command 'frobnicate'"),
    ],
)
def test_usage_errors_are_one_line_naming_the_help_to_read(args, expected):
    err = one_line_error(run(args))
    assert err.startswith("error: ") and expected in err
    assert "--help" in err


def test_no_command_prints_the_help():
    result = run([])
    assert result.returncode == 2
    assert "Usage: handbook" in result.stdout.decode() + result.stderr.decode()


def test_missing_model_directory_is_a_clear_error(tmp_path):
    result = run(["search", "missing children"], env={"HANDBOOK_MODEL_DIR": str(tmp_path / "no-model")})
    assert "HANDBOOK_MODEL_DIR" in one_line_error(result)


def test_help_explains_every_command():
    result = run(["--help"])
    assert result.returncode == 0
    out = result.stdout.decode()
    for command in ("index", "search", "ask", "eval", "bench"):
        assert command in out


@pytest.mark.model
def test_search_json_contract(model_cache_dir, real_retrieval):
    result = run(
        ["search", "what must I report on missing children?", "-k", "3", "--mode", "hybrid", "--json"],
        env={"HANDBOOK_CACHE_DIR": str(model_cache_dir)},
    )
    assert result.returncode == 0, result.stderr.decode()
    lines = result.stdout.decode().splitlines()
    assert len(lines) == 1
    obj = json.loads(lines[0])
    assert set(obj) == {"query", "mode", "results"}
    assert obj["mode"] == "hybrid" and len(obj["results"]) == 3
    for rank, item in enumerate(obj["results"], 1):
        assert set(item) == {"rank", "ref", "doc", "score", "text"}
        assert item["rank"] == rank


@pytest.mark.model
def test_ask_stdin_batch_json_contract(model_cache_dir, real_retrieval):
    questions = b"what must I report on missing children?\n\nhow many cases should each social care HMI track?\n"
    result = run(["ask", "--json"], stdin=questions, env={"HANDBOOK_CACHE_DIR": str(model_cache_dir)})
    assert result.returncode == 0, result.stderr.decode()
    objs = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [o["question"] for o in objs] == [
        "what must I report on missing children?",
        "how many cases should each social care HMI track?",
    ]
    units = {(u.doc, u.ref): u.text for u in real_retrieval.index.units}
    for obj in objs:
        assert set(obj) == {"question", "answer", "citations"}
        for citation in obj["citations"]:
            assert set(citation) == {"ref", "doc", "quote"}
            assert citation["quote"] in units[(citation["doc"], citation["ref"])]
    assert "para 171" in {c["ref"] for c in objs[0]["citations"]}


@pytest.mark.model
def test_index_command_reports_cache(model_cache_dir, real_retrieval):
    result = run(["index"], env={"HANDBOOK_CACHE_DIR": str(model_cache_dir)})
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    assert "up to date" in out and "312 units" in out


@pytest.mark.model
def test_corrupt_cache_rebuilt_by_the_cli(tmp_path, model_cache_dir, real_retrieval):
    import shutil

    cache = tmp_path / "cache"
    shutil.copytree(model_cache_dir, cache)
    index_dir = next(Path(cache).glob("index-*"))
    (index_dir / "passages.json").write_text("{not json")
    # A full rebuild, query-encoder training included: 146 s alone, 385 s measured on a busy 2-core machine.
    result = run(
        ["search", "adoption scorecard", "--json", "-k", "1"], env={"HANDBOOK_CACHE_DIR": str(cache)}, timeout=900
    )
    assert result.returncode == 0, result.stderr.decode()
    assert "unreadable" in result.stderr.decode() and "building it now" in result.stderr.decode()
    assert json.loads(result.stdout)["results"][0]["ref"]


def test_an_internal_error_is_one_line_and_a_log_not_a_traceback(monkeypatch, tmp_path, capsys):
    """A bug is not bad input: one line naming the log to send, exit 70, the traceback in the log."""
    from bot import cli

    def broken(**_kwargs):
        raise TypeError("unhashable type: 'Citation'")

    monkeypatch.setattr(cli, "app", broken)
    monkeypatch.setenv("HANDBOOK_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("HANDBOOK_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exited:
        cli.main()
    assert exited.value.code == cli.INTERNAL_ERROR_EXIT == 70
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert err.startswith("error: something went wrong inside the handbook assistant (TypeError)")
    log = tmp_path / "last-error.log"
    assert str(log) in err
    assert "Traceback" in log.read_text() and "unhashable type: 'Citation'" in log.read_text()
    # HANDBOOK_DEBUG=1 lets the traceback through for whoever is fixing it.
    monkeypatch.setenv("HANDBOOK_DEBUG", "1")
    with pytest.raises(TypeError):
        cli.main()


@pytest.mark.model
def test_search_says_which_words_the_handbook_never_uses(model_cache_dir, real_retrieval):
    result = run(
        ["search", "what is the mileage rate for inspectors?"], env={"HANDBOOK_CACHE_DIR": str(model_cache_dir)}
    )
    assert result.returncode == 0, result.stderr.decode()
    lines = result.stdout.decode().splitlines()
    assert (
        lines[1]
        == "  The handbook does not use the word “mileage”: the units below are the nearest, and may not answer it."
    )
    assert lines[2].startswith("  1. ")
    plain = run(["search", "what must I report on missing children?"], env={"HANDBOOK_CACHE_DIR": str(model_cache_dir)})
    assert "does not use" not in plain.stdout.decode()
