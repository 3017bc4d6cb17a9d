"""whosaid.attribute_many: order, ids, threads, streaming, errors."""

import os
import pathlib

import pytest

import whosaid
from texts import TEXTS, generated

MANY = generated(3000) + TEXTS


def test_results_come_in_input_order_with_their_ids():
    pairs = [(i * 7, t) for i, t in enumerate(MANY)]
    results = list(whosaid.attribute_many(pairs, threads=2))
    assert [r.id for r in results] == [i for i, _ in pairs]
    for (id_, text), r in zip(pairs, results):
        expected = whosaid.attribute(text).to_dict()
        expected["id"] = id_
        assert r.to_dict() == expected
    assert sum(len(r.quotes) for r in results) > 2000


def test_plain_strings_have_no_id():
    results = list(whosaid.attribute_many(TEXTS))
    assert [r.id for r in results] == [None] * len(TEXTS)
    assert [r.quotes for r in results] == [whosaid.attribute(t).quotes for t in TEXTS]


def test_ids_may_be_any_object_and_strings_and_pairs_mix():
    key = object()
    items = [("a", TEXTS[0]), TEXTS[1], (key, TEXTS[2]), ((1, 2), TEXTS[0]), (None, TEXTS[1])]
    ids = [r.id for r in whosaid.attribute_many(items)]
    assert ids[0] == "a" and ids[1] is None and ids[2] is key and ids[3] == (1, 2) and ids[4] is None


@pytest.mark.parametrize("threads", [None, 1, 2, 3])
def test_every_thread_count_gives_the_same_results(threads):
    expected = [whosaid.attribute(t).to_dict() for t in MANY[:600]]
    got = [r.to_dict() for r in whosaid.attribute_many(MANY[:600], threads=threads)]
    assert got == expected


def _thread_names():
    task = pathlib.Path("/proc/self/task")
    return sorted((t / "comm").read_text().strip() for t in task.iterdir())


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="needs Linux /proc")
def test_threads_sets_the_number_of_worker_threads():
    it = whosaid.attribute_many(MANY, threads=3)
    next(it)
    workers = [n for n in _thread_names() if n.startswith("whosaid-")]
    assert len(workers) >= 3
    assert sum(1 for _ in it) == len(MANY) - 1


def test_options_are_those_of_attribute():
    for options in [{"all_spans": True}, {"single_quotes": "always"}]:
        got = [r.quotes for r in whosaid.attribute_many(TEXTS, **options)]
        assert got == [whosaid.attribute(t, **options).quotes for t in TEXTS]


def test_the_input_is_read_in_batches_not_whole():
    pulled = 0

    def texts():
        nonlocal pulled
        for t in MANY * 4:
            pulled += 1
            yield t

    it = whosaid.attribute_many(texts(), threads=2)
    first = next(it)
    assert first.quotes == whosaid.attribute(MANY[0]).quotes
    assert 0 < pulled < len(MANY) * 4 / 2
    assert sum(1 for _ in it) == len(MANY) * 4 - 1
    assert pulled == len(MANY) * 4


def test_an_empty_input_gives_no_result():
    assert list(whosaid.attribute_many([])) == []
    assert list(whosaid.attribute_many(iter(()), threads=1)) == []


@pytest.mark.parametrize("bad", [5, None, b"bytes", ("id", 5), ("id", "text", "extra"), ("only",), ["id", "text"]])
def test_a_bad_item_is_a_type_error_after_the_results_before_it(bad):
    items = MANY[:700] + [bad] + MANY[:10]
    it = whosaid.attribute_many(items, threads=2)
    got = []
    with pytest.raises(TypeError, match="item 700"):
        for r in it:
            got.append(r)
    assert [r.quotes for r in got] == [whosaid.attribute(t).quotes for t in MANY[:700]]
    assert list(it) == []


def test_an_error_from_the_input_iterator_propagates_in_place():
    def texts():
        yield from MANY[:5]
        raise RuntimeError("archive truncated")

    got = []
    with pytest.raises(RuntimeError, match="archive truncated"):
        for r in whosaid.attribute_many(texts()):
            got.append(r)
    assert len(got) == 5


def test_a_lone_surrogate_is_a_value_error():
    with pytest.raises(ValueError):
        list(whosaid.attribute_many([TEXTS[0], "\udc80"]))


@pytest.mark.parametrize(
    "kwargs,error",
    [
        ({"threads": 0}, ValueError),
        ({"threads": -2}, ValueError),
        ({"threads": "2"}, TypeError),
        ({"single_quotes": "maybe"}, ValueError),
    ],
)
def test_bad_options_raise_at_the_call(kwargs, error):
    with pytest.raises(error):
        whosaid.attribute_many(TEXTS, **kwargs)


def test_a_non_iterable_is_a_type_error():
    with pytest.raises(TypeError):
        whosaid.attribute_many(5)


def test_an_abandoned_iterator_does_not_disturb_the_next_one():
    it = whosaid.attribute_many(MANY * 3, threads=2)
    next(it)
    del it
    assert len(list(whosaid.attribute_many(MANY[:50], threads=2))) == 50
