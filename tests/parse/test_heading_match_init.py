"""classify.HeadingMatch and roles.SectionRole set their slots through the slots' descriptors (as
model.Span does: half the cost of a frozen dataclass's own __init__): still the same objects — every
field, the signature and its defaults, equality, hash, repr, pickling, dataclasses.replace, frozen — as
the generated __init__ makes (object.__setattr__ per field)."""

from __future__ import annotations

import dataclasses
import inspect
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.analyze.roles import SectionRole
from checker.parse.classify import HEADING_MATCH_SLOTS, HeadingMatch
from tests.test_model_init import generated  # what the generated __init__ makes


def test_the_signature_is_the_fields_with_their_defaults():
    assert tuple(f.name for f in dataclasses.fields(HeadingMatch)) == HEADING_MATCH_SLOTS == HeadingMatch.__slots__
    for cls in (HeadingMatch, SectionRole):
        params = list(inspect.signature(cls).parameters.values())
        assert [p.name for p in params] == [f.name for f in dataclasses.fields(cls)]
        assert [p.default for p in params] == [
            inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default for f in dataclasses.fields(cls)
        ]


texts = st.text(max_size=8)
ints = st.integers(-1, 300)
heading_values = st.tuples(
    st.integers(1, 4), texts, st.booleans(), texts, ints, ints, ints, texts, ints, ints, ints,
    st.sampled_from(["numbered", "style", "shape", "split"]),
)  # fmt: skip


def same(made, reference) -> None:
    assert all(getattr(made, f.name) is getattr(reference, f.name) for f in dataclasses.fields(type(made)))
    assert made == reference and hash(made) == hash(reference) and repr(made) == repr(reference)
    assert pickle.loads(pickle.dumps(made)) == made


@settings(max_examples=200, deadline=None)
@given(heading_values)
def test_a_heading_match_is_what_the_generated_init_makes(values):
    made = HeadingMatch(*values)
    same(made, generated(HeadingMatch, *values))
    assert HeadingMatch(*values[:-1]) == generated(HeadingMatch, *values[:-1], "numbered")
    assert dataclasses.replace(made, how="split") == generated(HeadingMatch, *values[:-1], "split")
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.level = 9  # type: ignore[misc]
    with pytest.raises(TypeError):
        HeadingMatch(*values[:-2])  # type: ignore[call-arg]


@settings(max_examples=200, deadline=None)
@given(st.lists(texts, max_size=2).map(tuple), texts, st.lists(st.tuples(texts, ints), max_size=2).map(tuple))
def test_a_section_role_is_what_the_generated_init_makes(roles, evidence, words):
    made = SectionRole(roles, evidence, words)
    same(made, generated(SectionRole, roles, evidence, words))
    assert SectionRole() == generated(SectionRole, (), "", ()) and SectionRole(roles) == generated(SectionRole, roles, "", ())
    assert SectionRole(words=words, roles=roles) == generated(SectionRole, roles, "", words)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.roles = ()  # type: ignore[misc]
