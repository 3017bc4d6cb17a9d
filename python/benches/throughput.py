"""Throughput of whosaid.attribute_many against `attribute --jsonl`.

    python python/benches/throughput.py ARCHIVE.jsonl [--threads N] [--rounds R]
        [--attribute target/release/examples/attribute]

ARCHIVE.jsonl has one {"id": ..., "text": "..."} object a line. Each round
times, in alternating order, the command line over the file
(`attribute --jsonl ARCHIVE --threads N > /dev/null`, the whole process)
and `attribute_many` with the same number of threads, reading every
result's quotations: over the (id, text) pairs already loaded ("loaded"),
and over the file, read and parsed with `json` line by line in the same
timing ("from file"). All are given in MB/s of text (UTF-8), and the ratios (Python over
the command line) round by round.
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

    def load():
        with open(args.archive, encoding="utf-8") as f:
            return [(r.get("id"), r["text"]) for r in map(json.loads, f) if r.get("text") is not None]

    pairs = load()
    mb = sum(len(t.encode("utf-8")) for _, t in pairs) / 1e6
    command = [args.attribute, "--jsonl", args.archive, "--threads", str(args.threads)]

    def run_cli() -> float:
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
        return time.perf_counter() - start

    def attribute_all(items) -> None:
        quotes = 0
        for result in whosaid.attribute_many(items, threads=args.threads):
            quotes += len(result.quotes)
        assert quotes > 0

    def run_loaded() -> float:
        start = time.perf_counter()
        attribute_all(pairs)
        return time.perf_counter() - start

    def run_from_file() -> float:
        start = time.perf_counter()
        with open(args.archive, encoding="utf-8") as f:
            # Lazily: lines are parsed while earlier batches are attributed.
            attribute_all((r.get("id"), r["text"]) for r in map(json.loads, f) if r.get("text") is not None)
        return time.perf_counter() - start

    runs = [run_cli, run_loaded, run_from_file]
    for run in runs:
        run()
    times = {run: [] for run in runs}
    for i in range(args.rounds):
        order = runs if i % 2 == 0 else runs[::-1]
        for run in order:
            times[run].append(run())
        c, p, f = (times[run][-1] for run in runs)
        print(
            f"round {i + 1}: attribute --jsonl {mb / c:6.1f} MB/s, attribute_many loaded {mb / p:6.1f} MB/s "
            f"(ratio {c / p:.2f}), from file {mb / f:6.1f} MB/s (ratio {c / f:.2f})"
        )

    def median_rate(run):
        return statistics.median(mb / t for t in times[run])

    def ratios(run):
        r = [c / t for c, t in zip(times[run_cli], times[run])]
        return f"median {statistics.median(r):.2f} (min {min(r):.2f}, max {max(r):.2f})"

    print(
        f"{len(pairs)} texts, {mb:.2f} MB, {args.threads} thread(s), {args.rounds} rounds, medians: "
        f"attribute --jsonl {median_rate(run_cli):.1f} MB/s; "
        f"attribute_many loaded {median_rate(run_loaded):.1f} MB/s, ratio {ratios(run_loaded)}; "
        f"from file {median_rate(run_from_file):.1f} MB/s, ratio {ratios(run_from_file)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
