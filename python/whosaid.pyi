"""Find the quotations in news text and tell who said them.

``attribute(text)`` gives one text's quotations, each with its speaker, the
speaker's entity, the cue and the rule that found it, and the text's entity
table; ``attribute_many(texts)`` does the same for many texts on all cores.
Offsets are ``str`` indices: ``text[q.start:q.end]`` is quotation ``q``.
"""

from typing import Any, Iterable, Iterator, Literal, Optional, Tuple, TypedDict, Union, final

__version__: str
MAX_TEXT_LEN: int
"""The longest text, in bytes of UTF-8, that can be attributed (4 GiB)."""

QuoteKind = Literal["reported_speech", "scare_quote", "title", "nickname", "turn"]
SingleQuotes = Literal["auto", "always", "never"]

class SpanDict(TypedDict):
    start: int
    end: int
    text: str

class QuoteDict(TypedDict):
    start: int
    end: int
    text: str
    kind: str
    speaker: Optional[str]
    speaker_start: Optional[int]
    speaker_end: Optional[int]
    entity: Optional[str]
    entity_id: Optional[int]
    cue: Optional[str]
    rule: Optional[str]
    confidence: Optional[float]
    unclosed: bool
    nested: list[SpanDict]

class EntityDict(TypedDict):
    id: int
    name: Optional[str]
    kind: str
    gender: Optional[str]
    mentions: list[SpanDict]
    quotes: list[int]

class AttributionDict(TypedDict):
    id: Any
    quotes: list[QuoteDict]
    entities: list[EntityDict]

@final
class Nested:
    """A quotation inside another one."""

    @property
    def start(self) -> int:
        """Start of the nested quotation, marks included (a ``str`` index)."""
    @property
    def end(self) -> int:
        """End of the nested quotation, marks included."""
    @property
    def text(self) -> str:
        """The nested quotation, marks included."""
    def to_dict(self) -> SpanDict:
        """The fields as a dict: start, end, text."""

@final
class Quote:
    """A quotation with its speaker: the fields of a quote of the JSON output."""

    @property
    def start(self) -> int:
        """Start of the quotation, marks included: ``text[q.start:q.end]`` is the quotation."""
    @property
    def end(self) -> int:
        """End of the quotation, marks included."""
    @property
    def text(self) -> str:
        """The quotation, marks included."""
    @property
    def kind(self) -> QuoteKind:
        """"reported_speech", "scare_quote", "title", "nickname" or "turn" (a transcript turn, with no marks)."""
    @property
    def speaker(self) -> Optional[str]:
        """The speaker as written ("he", "the prime minister", "his spokesman"), or None."""
    @property
    def speaker_start(self) -> Optional[int]:
        """Start of the speaker, or None."""
    @property
    def speaker_end(self) -> Optional[int]:
        """End of the speaker, or None."""
    @property
    def entity(self) -> Optional[str]:
        """The canonical name of the speaker's entity, or None."""
    @property
    def entity_id(self) -> Optional[int]:
        """The speaker's entity: its index in ``Attribution.entities``, or None."""
    @property
    def cue(self) -> Optional[str]:
        """The cue words ("said", "according to"), or None."""
    @property
    def rule(self) -> Optional[str]:
        """The rule that found the speaker ("cue_after", "quoted_as"), or None."""
    @property
    def confidence(self) -> Optional[float]:
        """How sure the rule is, between 0 and 1 (two decimals), or None."""
    @property
    def unclosed(self) -> bool:
        """Whether the closing mark is missing (the quotation then ends with its paragraph)."""
    @property
    def nested(self) -> list[Nested]:
        """The quotations inside this one."""
    def to_dict(self) -> QuoteDict:
        """The fields as a dict, keys and values as in the JSON output."""

@final
class Mention:
    """A mention of an entity."""

    @property
    def start(self) -> int:
        """Start of the mention."""
    @property
    def end(self) -> int:
        """End of the mention."""
    @property
    def text(self) -> str:
        """The mention's text."""
    def to_dict(self) -> SpanDict:
        """The fields as a dict: start, end, text."""

@final
class Entity:
    """An entity of the document: what its mentions refer to."""

    @property
    def id(self) -> int:
        """Its index in ``Attribution.entities``, the ``entity_id`` of its quotes."""
    @property
    def name(self) -> Optional[str]:
        """The canonical name, or None for an entity only ever described."""
    @property
    def kind(self) -> str:
        """"person", "organisation" or "other"."""
    @property
    def gender(self) -> Optional[str]:
        """"female" or "male" when the text tells it, else None."""
    @property
    def mentions(self) -> list[Mention]:
        """Its mentions, in text order."""
    @property
    def quotes(self) -> list[int]:
        """The indices, in ``Attribution.quotes``, of the quotations attributed to it."""
    def to_dict(self) -> EntityDict:
        """The fields as a dict, keys and values as in the JSON output."""

@final
class Attribution:
    """The quotations of one text and its entity table."""

    @property
    def id(self) -> Any:
        """The id given with the text to ``attribute_many``, else None."""
    @property
    def quotes(self) -> list[Quote]:
        """The quotations, in text order (reported speech only, unless ``all_spans=True``)."""
    @property
    def entities(self) -> list[Entity]:
        """Every entity of the text, in order of first mention; ``entities[i].id == i``."""
    def to_dict(self) -> AttributionDict:
        """The record as a dict: {"id", "quotes", "entities"}, as a line of ``attribute --jsonl`` reads once parsed."""
    def __len__(self) -> int:
        """The number of quotations."""

@final
class Results(Iterator[Attribution]):
    """The results of ``attribute_many``, in input order."""

    def __iter__(self) -> "Results": ...
    def __next__(self) -> Attribution: ...

def attribute(
    text: str,
    *,
    single_quotes: SingleQuotes = "auto",
    all_spans: bool = False,
) -> Attribution:
    """Finds the quotations of ``text`` and who said them.

    Offsets are ``str`` indices: ``text[q.start:q.end]`` is quotation ``q``.
    ``single_quotes`` is "auto" (the default), "always" (single marks
    delimit top-level quotations too) or "never" (only nested ones).
    ``all_spans=True`` lists every quoted span with its kind, not only
    reported speech.

    Raises TypeError when ``text`` is not a str, ValueError for a bad option
    or a text over 4 GiB of UTF-8.
    """

def attribute_many(
    texts: Iterable[Union[str, Tuple[Any, str]]],
    threads: Optional[int] = None,
    *,
    single_quotes: SingleQuotes = "auto",
    all_spans: bool = False,
) -> Results:
    """Attributes many texts on worker threads and yields their results in input order.

    ``texts`` is any iterable of str, or of (id, text) tuples; each result's
    ``id`` is the id given, or None. It is read in batches while earlier
    ones are attributed with the GIL released, so a generator over a large
    archive is never held in memory whole. ``threads`` is the number of
    worker threads (default: one per core). ``single_quotes`` and
    ``all_spans`` are as for ``attribute``.

    Raises TypeError (when the item is reached) for an item that is neither
    a str nor an (id, str) tuple, ValueError for a bad option or a text over
    4 GiB of UTF-8; the results before it are yielded first.
    """
