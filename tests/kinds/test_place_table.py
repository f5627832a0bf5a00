"""A copied-paragraph finding keeps its places as numbers (``PlaceTable``) and reads like the tuple of
Locations it stands for: the finding's ``related`` and each place's told view."""

from __future__ import annotations

import random

from checker.kinds import copied_paragraph
from checker.kinds._crossreport import PlacesBut, PlaceTable, told_at
from checker.model import Location
from tests.kinds.test_minhash import RULE, keys, paragraph


def test_places_are_numbers_read_as_locations():
    rng = random.Random(11)
    shared = paragraph(rng)
    [f] = copied_paragraph.check_reports(keys([[shared, paragraph(rng)] for _ in range(5)]), RULE)
    assert isinstance(f.related, PlacesBut) and isinstance(f.related.table, PlaceTable)
    table = f.related.table
    assert len(table.messages) < len(table)  # one string per wording, not per place
    places = f.places
    assert [p.path for p in places] == [f"r{i}.txt" for i in range(5)]
    assert all(isinstance(p, Location) and p.message for p in places)
    assert f.related == places[1:] and tuple(f.related) == places[1:] and len(f.related) == 4
    assert f.related[1:3] == places[2:4] and f.related[-1] == places[-1]
    assert () + f.related == places[1:] and hash(f.related) == hash(places[1:])
    told = told_at(f, 2)
    assert told.location == places[2] and told.message == places[2].message
    assert told.related == places[:2] + places[3:]


def test_a_finding_without_a_table_is_told_from_its_tuple():
    a, b = Location("a.txt", 1, message="甲"), Location("b.txt", 2, message="乙")
    [f] = copied_paragraph.check_reports(keys([[paragraph(random.Random(1))] * 1] * 2), RULE)
    plain = f.__class__(**{**{k: getattr(f, k) for k in f.__slots__}, "location": a, "related": (b,)})
    told = told_at(plain, 1)
    assert told.location == b and told.message == "乙" and told.related == (a,)
