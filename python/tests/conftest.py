"""Shared fixtures: the repository's `attribute` command line, whose JSON
output the Python results must equal."""

import json
import os
import pathlib
import subprocess
import sys

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))


def _build_attribute():
    """Builds the example with cargo and returns its path."""
    out = subprocess.run(
        [
            os.environ.get("CARGO", "cargo"),
            "build",
            "--example",
            "attribute",
            "--message-format=json-render-diagnostics",
            "--manifest-path",
            str(REPO / "Cargo.toml"),
        ],
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    ).stdout
    for line in out.splitlines():
        msg = json.loads(line)
        if msg.get("reason") == "compiler-artifact" and msg["target"]["name"] == "attribute":
            if msg.get("executable"):
                return msg["executable"]
    raise RuntimeError("cargo did not name the attribute executable")


@pytest.fixture(scope="session")
def attribute_bin():
    """The `attribute` binary: $WHOSAID_ATTRIBUTE, or built with cargo."""
    return os.environ.get("WHOSAID_ATTRIBUTE") or _build_attribute()


@pytest.fixture(scope="session")
def cli_jsonl(attribute_bin, tmp_path_factory):
    """Runs `attribute --jsonl ARGS` over (id, text) pairs and returns the
    parsed output lines."""
    counter = iter(range(1_000_000))

    def run(pairs, *args):
        path = tmp_path_factory.mktemp("cli") / f"in{next(counter)}.jsonl"
        with open(path, "w", encoding="utf-8") as f:
            for id_, text in pairs:
                f.write(json.dumps({"id": id_, "text": text}) + "\n")
        out = subprocess.run(
            [attribute_bin, "--jsonl", str(path), *args],
            check=True,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        ).stdout
        return [json.loads(line) for line in out.splitlines()]

    return run
