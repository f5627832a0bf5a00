"""model.Span, Edit, Fix and Diagnostic set their slots through the slots' descriptors (half the cost of a
frozen dataclass's own __init__): still the same objects — every field, equality, hash, repr,
pickling, dataclasses.replace, frozen — as the generated __init__ makes (object.__setattr__ per field)."""

from __future__ import annotations

import dataclasses
import inspect
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.model import Diagnostic, Edit, Fix, Location, Span


def generated(cls, *values):
    """What the dataclass's generated __init__ makes of ``values`` (frozen: object.__setattr__ per field)."""
    obj = object.__new__(cls)
    for f, value in zip(dataclasses.fields(cls), values):
        object.__setattr__(obj, f.name, value)
    return obj


def test_the_signature_is_the_fields_with_their_defaults():
    for cls in (Span, Edit, Fix, Diagnostic):
        params = list(inspect.signature(cls).parameters.values())
        assert [p.name for p in params] == [f.name for f in dataclasses.fields(cls)]
        assert [p.default for p in params] == [
            inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default for f in dataclasses.fields(cls)
        ]


spans = st.builds(Span, st.integers(-5, 10**6), st.integers(-5, 10**6))
texts = st.text(max_size=12)
fixes = st.none() | st.builds(Fix, st.tuples(st.builds(Edit, st.integers(0, 9), st.integers(0, 9), texts)), st.sampled_from(["safe", "unsafe"]), texts)
locations = st.builds(Location, texts, st.integers(1, 99))
values = st.tuples(
    texts, texts, st.sampled_from(["error", "warning", "info"]), texts, spans, texts, texts, fixes,
    st.none() | locations, st.lists(locations, max_size=2).map(tuple), texts, st.none() | st.floats(0, 1),
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(values)
def test_diagnostic_is_what_the_generated_init_makes(fields):
    made, reference = Diagnostic(*fields), generated(Diagnostic, *fields)
    assert all(getattr(made, f.name) is getattr(reference, f.name) for f in dataclasses.fields(Diagnostic))
    assert made == reference and hash(made) == hash(reference) and repr(made) == repr(reference)
    assert pickle.loads(pickle.dumps(made)) == made
    assert dataclasses.replace(made, message="x") == generated(Diagnostic, *fields[:3], "x", *fields[4:])
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.code = "FZ000"  # type: ignore[misc]


@settings(max_examples=200, deadline=None)
@given(st.integers(-5, 10**6), st.integers(-5, 10**6))
def test_span_is_what_the_generated_init_makes(start, end):
    made, reference = Span(start, end), generated(Span, start, end)
    assert (made.start, made.end) == (start, end)
    assert made == reference and hash(made) == hash(reference) and repr(made) == repr(reference)
    assert pickle.loads(pickle.dumps(made)) == made == Span(end=end, start=start)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.start = 0  # type: ignore[misc]


def test_defaults_and_wrong_calls():
    d = Diagnostic("FZ101", "n", "error", "m", Span(0, 1))
    assert (d.hint, d.basis, d.fix, d.location, d.related, d.summary, d.score) == ("", "", None, None, (), "", None)
    with pytest.raises(TypeError):
        Diagnostic("FZ101", "n", "error", "m")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Diagnostic("FZ101", "n", "error", "m", Span(0, 1), colour="red")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Span(1)  # type: ignore[call-arg]


@settings(max_examples=200, deadline=None)
@given(st.integers(-5, 99), st.integers(-5, 99), texts, st.sampled_from(["safe", "unsafe"]), texts)
def test_edit_and_fix_are_what_the_generated_init_makes(start, end, replacement, applicability, title):
    edit, edit_reference = Edit(start, end, replacement), generated(Edit, start, end, replacement)
    fix, fix_reference = Fix((edit,), applicability, title), generated(Fix, (edit_reference,), applicability, title)
    for made, reference in ((edit, edit_reference), (fix, fix_reference)):
        assert all(getattr(made, f.name) == getattr(reference, f.name) for f in dataclasses.fields(type(made)))
        assert made == reference and hash(made) == hash(reference) and repr(made) == repr(reference)
        assert pickle.loads(pickle.dumps(made)) == made
    assert Fix((edit,)) == generated(Fix, (edit,), "safe", "") and Edit(end=end, start=start, replacement="") == generated(Edit, start, end, "")
    assert dataclasses.replace(fix, applicability="unsafe").applicability == "unsafe"
    with pytest.raises(dataclasses.FrozenInstanceError):
        fix.title = "x"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        edit.start = 0  # type: ignore[misc]


@settings(max_examples=200, deadline=None)
@given(values)
def test_new_diagnostic_is_what_the_generated_init_makes(fields):
    """model.new_diagnostic (a twin of Diagnostic's slots, filled, then made a Diagnostic) makes the
    object the generated __init__ makes from the first eight fields and the defaults of the rest."""
    from checker.model import new_diagnostic

    made = new_diagnostic(*fields[:8])
    reference = generated(Diagnostic, *fields[:8], None, (), "", None)
    assert type(made) is Diagnostic
    assert all(getattr(made, f.name) is getattr(reference, f.name) for f in dataclasses.fields(Diagnostic))
    assert made == reference and hash(made) == hash(reference) and repr(made) == repr(reference)
    assert made == Diagnostic(*fields[:8])
    assert pickle.loads(pickle.dumps(made)) == made
    assert dataclasses.replace(made, message="x") == generated(Diagnostic, *fields[:3], "x", *fields[4:8], None, (), "", None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.code = "FZ000"  # type: ignore[misc]


@settings(max_examples=100, deadline=None)
@given(texts, texts, st.booleans(), st.sampled_from(["utf-8", "utf-8-sig"]), st.sampled_from(["\n", "\r\n"]))
def test_new_document_is_what_the_generated_init_makes(path, text, bom, encoding, newline):
    """model.new_document (a twin of Document's slots, filled, then made a Document) makes what
    Document(...) makes from the same values and the defaults of the rest."""
    from checker.model import Document, Leftover, Line, new_document

    lines, leftovers = (Line(1, 0, text, len(text)),), (Leftover(0, 1, "[", "bookmark"),)
    made = new_document(path, text, lines, encoding, newline, bom, leftovers)
    reference = Document(path, text, lines, encoding, newline, bom, leftovers)
    assert type(made) is Document
    assert all(getattr(made, f.name) is getattr(reference, f.name) for f in dataclasses.fields(Document))
    assert made == reference and hash(made) == hash(reference) and repr(made) == repr(reference)
    assert pickle.loads(pickle.dumps(made)) == reference
    assert dataclasses.replace(made, source="markdown") == dataclasses.replace(reference, source="markdown")
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.text = ""  # type: ignore[misc]


def test_an_unfrozen_twin_fills_an_object_that_equals_one_made_by_init():
    from dataclasses import FrozenInstanceError, dataclass

    import pytest

    from checker.model import unfrozen_twin

    @dataclass(frozen=True, slots=True)
    class Pair:
        left: int
        right: str = "x"

    twin = unfrozen_twin(Pair)
    made = twin()
    made.left, made.right = 1, "y"
    made.__class__ = Pair
    assert type(made) is Pair and made == Pair(1, "y") and hash(made) == hash(Pair(1, "y"))
    with pytest.raises(FrozenInstanceError):
        made.left = 2  # a Pair again: frozen

    @dataclass(frozen=True)
    class NoSlots:
        left: int

    with pytest.raises(AssertionError):
        unfrozen_twin(NoSlots)  # its objects have a __dict__: the layouts would differ
