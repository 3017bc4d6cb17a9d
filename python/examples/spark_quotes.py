"""Attribute a JSON Lines archive with Spark: one Parquet row per quotation.

    python python/examples/spark_quotes.py INPUT.jsonl OUTPUT_DIR [--master URL]

INPUT.jsonl holds one {"id": ..., "text": "..."} object a line (a file, a
directory or a glob, on any file system Spark reads). Each executor
attributes its partitions with the whosaid package inside mapInPandas, and
OUTPUT_DIR gets one row per quotation:

    id, start, end, text, speaker, entity, entity_id, kind, cue, rule, confidence

as a line of `attribute --jsonl` has them (`id` as a string, offsets in code
points, `text` the quotation with its marks). Lines without a text are
skipped. Without --master, the master is Spark's default: local[*] when run
with python, the cluster's under spark-submit. Every executor needs the
whosaid package installed: see the README.
"""

import argparse
import sys

from pyspark.sql import SparkSession
from pyspark.sql import types as T

COLUMNS = [
    ("id", T.StringType()),
    ("start", T.LongType()),
    ("end", T.LongType()),
    ("text", T.StringType()),
    ("speaker", T.StringType()),
    ("entity", T.StringType()),
    ("entity_id", T.LongType()),
    ("kind", T.StringType()),
    ("cue", T.StringType()),
    ("rule", T.StringType()),
    ("confidence", T.DoubleType()),
]
OUTPUT_SCHEMA = T.StructType([T.StructField(name, kind, nullable=True) for name, kind in COLUMNS])


def quotation_rows(single_quotes, all_spans, threads):
    """The mapInPandas function: batches of (id, text) rows in, batches of
    quotation rows out."""

    def run(batches):
        import pandas as pd

        import whosaid

        dtypes = {"start": "Int64", "end": "Int64", "entity_id": "Int64", "confidence": "Float64"}
        for batch in batches:
            columns = {name: [] for name, _ in COLUMNS}
            pairs = zip(batch["id"], batch["text"])
            for result in whosaid.attribute_many(
                pairs, threads=threads, single_quotes=single_quotes, all_spans=all_spans
            ):
                for q in result.quotes:
                    columns["id"].append(result.id)
                    columns["start"].append(q.start)
                    columns["end"].append(q.end)
                    columns["text"].append(q.text)
                    columns["speaker"].append(q.speaker)
                    columns["entity"].append(q.entity)
                    columns["entity_id"].append(q.entity_id)
                    columns["kind"].append(q.kind)
                    columns["cue"].append(q.cue)
                    columns["rule"].append(q.rule)
                    columns["confidence"].append(q.confidence)
            yield pd.DataFrame(
                {
                    name: pd.array(values, dtype=dtypes.get(name, object))
                    for name, values in columns.items()
                }
            )

    return run


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help="JSON Lines: a file, a directory or a glob")
    parser.add_argument("output", help="the Parquet directory to write")
    parser.add_argument("--master", help="Spark master URL (default: Spark's own, local[*] under python)")
    parser.add_argument("--text-field", default="text", help="the field holding the text (default: text)")
    parser.add_argument("--id-field", default="id", help="the field holding the id (default: id)")
    parser.add_argument("--single-quotes", choices=["auto", "always", "never"], default="auto")
    parser.add_argument("--all-spans", action="store_true", help="every quoted span, not only reported speech")
    parser.add_argument(
        "--threads",
        type=int,
        default=1,
        help="whosaid threads per Spark task (default 1: Spark runs a task per core)",
    )
    parser.add_argument("--overwrite", action="store_true", help="replace OUTPUT_DIR if it exists")
    args = parser.parse_args(argv)

    builder = SparkSession.builder.appName("whosaid quotations")
    if args.master:
        builder = builder.master(args.master)
        if args.master.startswith("local"):
            builder = builder.config("spark.driver.host", "127.0.0.1").config(
                "spark.driver.bindAddress", "127.0.0.1"
            )
    spark = builder.getOrCreate()
    try:
        # Both fields read as strings: an id of any JSON type keeps its JSON
        # text, and no pass over the archive is spent inferring a schema.
        schema = T.StructType(
            [
                T.StructField(args.id_field, T.StringType()),
                T.StructField(args.text_field, T.StringType()),
            ]
        )
        documents = (
            spark.read.schema(schema)
            .json(args.input)
            .where(f"`{args.text_field}` IS NOT NULL")
            .selectExpr(f"`{args.id_field}` AS id", f"`{args.text_field}` AS text")
        )
        quotations = documents.mapInPandas(
            quotation_rows(args.single_quotes, args.all_spans, args.threads), schema=OUTPUT_SCHEMA
        )
        writer = quotations.write.mode("overwrite" if args.overwrite else "errorifexists")
        writer.parquet(args.output)
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
