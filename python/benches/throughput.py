"""Throughput of whosaid.attribute_many against `attribute --jsonl`.

    python python/benches/throughput.py ARCHIVE.jsonl [--threads N] [--rounds R]
        [--attribute target/release/examples/attribute]

ARCHIVE.jsonl has one {"id": ..., "text": "..."} object a line. Each round
times, in alternating order, the command line over the file
(`attribute --jsonl ARCHIVE --threads N > /dev/null`, the whole process)
and `attribute_many` over the same (id, text) pairs, already loaded, with
the same number of threads, reading every result's quotations. Both are
given in MB/s of text (UTF-8), and the ratio (Python over the command line)
pair by pair.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

import whosaid


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archive")
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument(
        "--attribute",
        default=os.path.join("target", "release", "examples", "attribute"),
        help="the command line binary (cargo build --release --example attribute)",
    )
    args = parser.parse_args()

    with open(args.archive, encoding="utf-8") as f:
        pairs = [(r.get("id"), r["text"]) for r in map(json.loads, f) if r.get("text") is not None]
    mb = sum(len(t.encode("utf-8")) for _, t in pairs) / 1e6
    command = [args.attribute, "--jsonl", args.archive, "--threads", str(args.threads)]

    def run_cli() -> float:
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
        return time.perf_counter() - start

    def run_python() -> float:
        start = time.perf_counter()
        quotes = 0
        for result in whosaid.attribute_many(pairs, threads=args.threads):
            quotes += len(result.quotes)
        elapsed = time.perf_counter() - start
        assert quotes > 0
        return elapsed

    run_cli()
    run_python()
    cli, py, ratios = [], [], []
    for i in range(args.rounds):
        if i % 2 == 0:
            c, p = run_cli(), run_python()
        else:
            p, c = run_python(), run_cli()
        cli.append(mb / c)
        py.append(mb / p)
        ratios.append(c / p)
        print(f"round {i + 1}: attribute --jsonl {mb / c:6.1f} MB/s, attribute_many {mb / p:6.1f} MB/s, ratio {c / p:.2f}")
    print(
        f"{len(pairs)} texts, {mb:.2f} MB, {args.threads} thread(s), {args.rounds} rounds: "
        f"attribute --jsonl median {statistics.median(cli):.1f} MB/s, "
        f"attribute_many median {statistics.median(py):.1f} MB/s, "
        f"ratio median {statistics.median(ratios):.2f} (min {min(ratios):.2f}, max {max(ratios):.2f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
