"""whosaid.attribute: offsets, the entity table, the JSON record, errors."""

import ast
import json
import os
import pathlib

import pytest

import whosaid
from texts import TEXTS, generated

SAMPLE = (pathlib.Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "mattis-islamabad.txt").read_text(
    encoding="utf-8"
)
ALL_TEXTS = TEXTS + [SAMPLE]
OPTION_SETS = [
    ({}, []),
    ({"all_spans": True}, ["--all-spans"]),
    ({"single_quotes": "always"}, ["--single-quotes", "always"]),
    ({"single_quotes": "never", "all_spans": True}, ["--single-quotes", "never", "--all-spans"]),
]


@pytest.mark.parametrize("options", [o for o, _ in OPTION_SETS])
def test_offsets_are_str_indices_that_slice_the_text(options):
    checked = 0
    for text in ALL_TEXTS:
        result = whosaid.attribute(text, **options)
        for q in result.quotes:
            assert text[q.start : q.end] == q.text
            assert q.text[0] in "\"'“”‘’«»„‚「『`" and q.start < q.end
            if q.speaker is not None:
                assert text[q.speaker_start : q.speaker_end] == q.speaker
            else:
                assert q.speaker_start is None and q.speaker_end is None
            for n in q.nested:
                assert text[n.start : n.end] == n.text
                assert q.start <= n.start < n.end <= q.end
            checked += 1
        for e in result.entities:
            for m in e.mentions:
                assert text[m.start : m.end] == m.text
    assert checked >= 20


def test_offsets_count_code_points_after_astral_characters():
    text = 'Zoë 😀 𝄞 said: "Yes," said Ana Silva.'
    (q,) = whosaid.attribute(text).quotes
    assert q.start == text.index('"')
    # The same offset in UTF-8 bytes or UTF-16 units would be larger.
    assert len(text[: q.start].encode("utf-8")) > q.start
    assert len(text[: q.start].encode("utf-16-le")) // 2 > q.start
    assert text[q.start : q.end] == '"Yes,"'


def test_entity_ids_index_the_entity_table():
    linked = 0
    for text in ALL_TEXTS:
        result = whosaid.attribute(text)
        quotes, entities = result.quotes, result.entities
        for i, e in enumerate(entities):
            assert e.id == i
            for qi in e.quotes:
                assert quotes[qi].entity_id == i
        for qi, q in enumerate(quotes):
            if q.entity_id is None:
                assert q.entity is None
                continue
            entity = entities[q.entity_id]
            assert q.entity == entity.name
            assert qi in entity.quotes
            # The speaker is the mention with the possessors before it
            # ("Mr. Khan's rival"): the entity's mention ends the phrase.
            assert any(
                q.speaker_start <= m.start and m.end == q.speaker_end for m in entity.mentions
            )
            linked += 1
    assert linked >= 10


@pytest.mark.parametrize("options,flags", OPTION_SETS)
def test_records_equal_the_json_output_of_the_command_line(cli_jsonl, options, flags):
    texts = ALL_TEXTS + generated(40)
    pairs = [(f"doc-{i}", t) for i, t in enumerate(texts)]
    expected = cli_jsonl(pairs, *flags)
    assert len(expected) == len(texts)
    for (id_, text), line in zip(pairs, expected):
        got = whosaid.attribute(text, **options).to_dict()
        assert line["id"] == id_
        got["id"] = id_
        assert got == line
        # The same keys in the same order as the JSON output.
        assert [list(q) for q in got["quotes"]] == [list(q) for q in line["quotes"]]
    assert sum(len(line["quotes"]) for line in expected) >= 40


def test_single_quotes_is_decided_per_document_unless_told():
    text = "'It is over,' said the minister, Ana Silva."
    assert whosaid.attribute(text, single_quotes="never").quotes == []
    for when in ("auto", "always"):
        (q,) = whosaid.attribute(text, single_quotes=when).quotes
        assert q.text == "'It is over,'"
        assert q.entity == "Ana Silva"
    # Double marks in the document: single marks stay nested or apostrophes.
    mixed = "\"It is over,\" said Ana Silva. 'Not yet,' her rival said."
    assert [q.text for q in whosaid.attribute(mixed).quotes] == ['"It is over,"']
    assert len(whosaid.attribute(mixed, single_quotes="always").quotes) == 2


def test_all_spans_lists_titles_and_scare_quotes_with_their_kind():
    text = TEXTS[8]
    speech = whosaid.attribute(text).quotes
    every = whosaid.attribute(text, all_spans=True).quotes
    assert {q.kind for q in speech} == {"reported_speech"}
    assert len(every) > len(speech)
    assert {q.kind for q in every} > {"reported_speech"}
    assert [q for q in every if q.kind == "reported_speech"] == speech


def test_to_dict_builds_a_data_frame():
    pandas = pytest.importorskip("pandas")
    result = whosaid.attribute(SAMPLE)
    frame = pandas.DataFrame([q.to_dict() for q in result.quotes])
    assert len(frame) == len(result.quotes) > 5
    assert list(frame.columns) == list(result.quotes[0].to_dict())
    assert list(frame["text"]) == [SAMPLE[s:e] for s, e in zip(frame["start"], frame["end"])]
    entities = pandas.DataFrame([e.to_dict() for e in result.entities])
    assert list(entities["id"]) == list(range(len(result.entities)))


def test_reprs_name_the_fields():
    result = whosaid.attribute(TEXTS[1])
    q = result.quotes[0]
    assert repr(q).startswith("Quote(start=")
    assert repr(q.text) in repr(q) and f"rule={q.rule!r}" in repr(q)
    assert repr(result) == f"Attribution(quotes={len(result.quotes)}, entities={len(result.entities)})"
    e = result.entities[q.entity_id]
    assert repr(e).startswith(f"Entity(id={e.id}, name={e.name!r}")
    assert repr(e.mentions[0]) == f"Mention(start={e.mentions[0].start}, end={e.mentions[0].end}, text={e.mentions[0].text!r})"
    assert len(result) == len(result.quotes)


def test_results_are_plain_values():
    a, b = whosaid.attribute(TEXTS[0]), whosaid.attribute(TEXTS[0])
    assert a.quotes == b.quotes and a.entities == b.entities
    assert a.quotes[0] != a.quotes[1]
    with pytest.raises(AttributeError):
        a.quotes[0].start = 3
    assert json.loads(json.dumps(a.to_dict())) == a.to_dict()


@pytest.mark.parametrize("bad", [None, 5, b'"Yes," she said.', ["text"], 3.5])
def test_a_text_that_is_not_a_str_is_a_type_error(bad):
    with pytest.raises(TypeError, match="str"):
        whosaid.attribute(bad)


@pytest.mark.parametrize(
    "options,error",
    [
        ({"single_quotes": "sometimes"}, ValueError),
        ({"single_quotes": "TopLevel"}, ValueError),
        ({"single_quotes": 1}, TypeError),
        ({"all_spans": "yes"}, TypeError),
        ({"offsets": "bytes"}, TypeError),
    ],
)
def test_bad_options_raise(options, error):
    with pytest.raises(error):
        whosaid.attribute(TEXTS[0], **options)


def test_a_lone_surrogate_is_a_value_error_not_a_crash():
    with pytest.raises(ValueError):
        whosaid.attribute('"Yes," she said. \ud800')


def test_the_size_limit_is_exported():
    assert whosaid.MAX_TEXT_LEN == 2**32 - 1


@pytest.mark.skipif(
    os.environ.get("WHOSAID_TEST_HUGE") != "1",
    reason="needs some 13 GB of memory; set WHOSAID_TEST_HUGE=1 to run",
)
def test_a_text_over_the_size_limit_is_a_value_error():
    text = "a" * (whosaid.MAX_TEXT_LEN + 1)
    with pytest.raises(ValueError, match="4 GiB"):
        whosaid.attribute(text)
    with pytest.raises(ValueError, match="4 GiB"):
        list(whosaid.attribute_many([text]))


def _stub_names():
    stub = pathlib.Path(whosaid.__file__).with_suffix(".pyi")
    tree = ast.parse(stub.read_text(encoding="utf-8"))
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign):
            names.add(node.target.id)
    return names


def test_the_installed_package_ships_stubs_for_every_public_name():
    package = pathlib.Path(whosaid.__file__).parent
    assert (package / "py.typed").exists()
    public = {n for n in dir(whosaid) if not n.startswith("_")} | {"__version__"}
    public.discard("whosaid")  # the native submodule
    assert public <= _stub_names()


def test_functions_and_fields_are_documented():
    assert "`str` indices" in whosaid.attribute.__doc__
    assert "input order" in whosaid.attribute_many.__doc__
    for cls in (whosaid.Quote, whosaid.Entity, whosaid.Mention, whosaid.Nested, whosaid.Attribution):
        assert cls.__doc__
        for name in dir(cls):
            if not name.startswith("_"):
                assert getattr(cls, name).__doc__, f"{cls.__name__}.{name}"


def test_transcript_turns_are_quotations_of_their_labels():
    text = (
        "Mara Quist spoke with Gov. Omar Diallo on Monday.\n\n"
        "QUIST: Thank you for coming in to talk about the budget.\n\n"
        "DIALLO: Glad to be here, and I have a lot to say about it.\n\n"
        "QUIST: Will the fund survive?\n\n"
        "DIALLO: It will, and the voters will see that soon."
    )
    quotes = whosaid.attribute(text).quotes
    assert [q.kind for q in quotes] == ["turn"] * 4
    assert [q.entity for q in quotes] == ["Mara Quist", "Omar Diallo"] * 2
    for q in quotes:
        assert text[q.start : q.end] == q.text
        assert text[: q.start].rstrip().endswith(":")
