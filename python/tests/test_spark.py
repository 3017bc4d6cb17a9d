"""python/examples/spark_quotes.py in local mode: its Parquet rows are the
quotations `attribute --jsonl` gives for the same file.

Skipped when pyspark or Java is missing, unless WHOSAID_REQUIRE_SPARK=1
(as .ci/run sets), which makes that a failure."""

import json
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

from texts import TEXTS, generated

SCRIPT = pathlib.Path(__file__).resolve().parents[1] / "examples" / "spark_quotes.py"
REQUIRED = os.environ.get("WHOSAID_REQUIRE_SPARK") == "1"


def _missing():
    try:
        import pyarrow  # noqa: F401
        import pyspark  # noqa: F401
    except ImportError as e:
        return f"pyspark, pyarrow and pandas are needed: {e}"
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        return "Java is needed"
    return None


@pytest.fixture(scope="module")
def spark_ready():
    missing = _missing()
    if missing and REQUIRED:
        pytest.fail(missing)
    if missing:
        pytest.skip(missing)


COLUMNS = ["id", "start", "end", "text", "speaker", "entity", "entity_id", "kind", "cue", "rule", "confidence"]


def _expected_rows(lines):
    rows = []
    for line in lines:
        for q in line["quotes"]:
            row = {name: q.get(name) for name in COLUMNS}
            row["id"] = line["id"]
            rows.append(row)
    return sorted(rows, key=lambda r: (r["id"], r["start"]))


def _spark_rows(path):
    import pyarrow.parquet

    rows = pyarrow.parquet.read_table(path).to_pylist()
    return sorted(rows, key=lambda r: (r["id"], r["start"]))


def _run(args, tmp_path):
    env = dict(os.environ, SPARK_LOCAL_IP="127.0.0.1", PYSPARK_PYTHON=sys.executable)
    subprocess.run(
        [sys.executable, str(SCRIPT), *args, "--master", "local[2]"],
        check=True,
        env=env,
        cwd=tmp_path,
        timeout=600,
    )


def test_spark_rows_equal_the_command_line_output(spark_ready, tmp_path, cli_jsonl):
    texts = TEXTS + generated(300)
    pairs = [(f"doc-{i:04d}", t) for i, t in enumerate(texts)]
    archive = tmp_path / "news.jsonl"
    with open(archive, "w", encoding="utf-8") as f:
        for id_, text in pairs:
            f.write(json.dumps({"id": id_, "text": text}) + "\n")
        # A line with no text is skipped.
        f.write(json.dumps({"id": "no-text"}) + "\n")

    out = tmp_path / "quotes.parquet"
    _run([str(archive), str(out)], tmp_path)
    got = _spark_rows(out)
    expected = _expected_rows(cli_jsonl(pairs))
    assert len(expected) > 200
    assert list(got[0]) == COLUMNS
    assert got == expected

    # --all-spans, over a directory of files, into the same place.
    (tmp_path / "parts").mkdir()
    half = len(pairs) // 2
    for name, part in [("a.jsonl", pairs[:half]), ("b.jsonl", pairs[half:])]:
        with open(tmp_path / "parts" / name, "w", encoding="utf-8") as f:
            for id_, text in part:
                f.write(json.dumps({"id": id_, "text": text}) + "\n")
    _run([str(tmp_path / "parts"), str(out), "--all-spans", "--overwrite"], tmp_path)
    got = _spark_rows(out)
    expected = _expected_rows(cli_jsonl(pairs, "--all-spans"))
    assert {r["kind"] for r in expected} > {"reported_speech"}
    assert got == expected
