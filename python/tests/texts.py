"""Invented news sentences for the tests, and a generator of many more."""

import itertools

TEXTS = [
    '"We will win," Senator Jane Roe said on Monday. "No doubt about it."',
    'Prime Minister Ali Khan spoke first. "We will act," he said. '
    '"Not this year," said Mr. Khan\'s rival, Dora Bell.',
    "Nothing was said at the meeting.",
    "",
    # Characters outside the Basic Multilingual Plane and accents before the
    # quotation: code points, bytes and UTF-16 units all differ.
    'Café owner Zoë Ngata 😀 smiled. “Prices go up in 𝄞 spring,” she said.',
    # A nested quotation.
    '"He told me \'never again\' and left," the mayor, Paul Ortiz, said.',
    # An unclosed quotation runs to the end of its paragraph.
    'The chairman, Lee Park, said: "We are ready to begin\n\nA second paragraph.',
    # Single marks only delimit top-level quotations with single_quotes="always".
    "'It is over,' said the minister, Ana Silva.",
    # A title and a scare quote: listed only with all_spans=True.
    'She watched "Good Morning America" with so-called "experts" on Tuesday. '
    '"It was dull," said Maria Lopez.',
    # "according to" and a colon introduction.
    '"The plan failed," according to the report by Judge Omar Reyes. '
    'Reyes added: "We must start again."',
    # Curly marks over two paragraphs.
    '“The first part,” said Kim Tan, “goes here.\n\n“And the second part here.”',
    # Guillemets.
    "« Nous gagnerons », a dit Marie Dupont.",
]

_SPEAKERS = ["Senator Jane Roe", "Dr. Ali Khan", "the minister", "Mayor Paul Ortiz", "Dora Bell"]
_CLAIMS = [
    "We will win",
    "Prices are too high",
    "Nobody expected this",
    "The bridge opens in June",
    "It is a good day for the city",
]
_VERBS = ["said", "told reporters", "added", "insisted", "wrote"]


def generated(n):
    """n invented news texts, each different, some with quotations in
    several shapes and some without any."""
    out = []
    combos = itertools.cycle(itertools.product(_SPEAKERS, _CLAIMS, _VERBS))
    for i, (who, claim, verb) in zip(range(n), combos):
        shape = i % 5
        if shape == 0:
            text = f'"{claim}," {who} {verb} on day {i}.'
        elif shape == 1:
            text = f'{who} spoke on day {i}. "{claim}," {verb.split()[0]} {who.split()[-1]}.'
        elif shape == 2:
            text = f'According to {who}, "{claim.lower()}" on day {i}.'
        elif shape == 3:
            text = f"Day {i} passed quietly; {who} {verb} nothing."
        else:
            text = f'“{claim},” {who} {verb}. “Day {i} is over.” — {who}'
        out.append(text)
    return out
