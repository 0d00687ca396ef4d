"""check_essay on anything: random Unicode, empty and huge essays never make it raise, and its
output is always ordered by slide then severity with every slide number in range."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from photoessay_desktop.domain.essay import Essay, Slide
from photoessay_desktop.domain.image_facts import ImageFacts, ImageStatus
from photoessay_desktop.preflight import Finding, Severity, check_essay
from photoessay_desktop.preflight.finding import finding_order
from tests.preflight.seed_essay import seed_essay

# Any code point but surrogates (which cannot be stored in UTF-8 JSON), with the interesting ones
# (look-alikes, joiners, bidi controls, emoji parts) drawn more often than chance would.
_SPICE = (
    "аАеоcсpрΑΟ\u200b\u200c\u200d\u200e\u200f\u202a\u202e\u2066\u2069\U000e0067\U0001f3f4\ufe0f"
)
_TEXT = st.text(
    st.one_of(
        st.characters(blacklist_categories=("Cs",)),
        st.sampled_from(_SPICE),
        st.sampled_from(" /,.-'’\"Ab"),
    ),
    max_size=60,
)
_IMAGES = st.one_of(
    st.none(),
    st.sampled_from(
        ["/p/a.jpg", "/p/b.jpg", "https://example.org/c.jpg", "\\\\host\\share\\d.jpg"]
    ),
)
_FACTS = st.dictionaries(
    st.sampled_from(["/p/a.jpg", "/p/b.jpg", "https://example.org/c.jpg"]),
    st.builds(
        ImageFacts,
        status=st.sampled_from(list(ImageStatus)),
        width=st.one_of(st.none(), st.integers(-10, 10_000)),
        height=st.one_of(st.none(), st.integers(-10, 10_000)),
    ),
)


@st.composite
def essays(draw: st.DrawFn) -> Essay:
    slides = draw(
        st.lists(
            st.builds(
                Slide,
                id=st.just("x"),
                image=_IMAGES,
                caption=_TEXT,
                credit=_TEXT,
                alt_text=_TEXT,
                notes=_TEXT,
            ),
            max_size=6,
        )
    )
    return Essay(
        title=draw(_TEXT),
        standfirst=draw(_TEXT),
        body=tuple(draw(st.lists(_TEXT, max_size=3))),
        slides=tuple(s.model_copy(update={"id": f"s{i}"}) for i, s in enumerate(slides)),
    )


def _well_formed(findings: tuple[Finding, ...], essay: Essay) -> None:
    assert list(findings) == sorted(findings, key=finding_order)
    for finding in findings:
        assert isinstance(finding.severity, Severity)
        assert finding.slide is None or 1 <= finding.slide <= len(essay.slides)
        assert finding.code and finding.message


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(essays(), _FACTS)
def test_never_raises_on_arbitrary_text(essay: Essay, facts: dict[str, ImageFacts]) -> None:
    _well_formed(check_essay(essay, facts), essay)


@settings(max_examples=40, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_never_raises_on_one_long_random_caption(text: str) -> None:
    essay = Essay(slides=(Slide(id="a", caption=text, credit=text, image="/p/a.jpg"),))
    _well_formed(check_essay(essay, {}), essay)


def test_an_empty_essay() -> None:
    assert check_essay(Essay(), {}) == ()


def test_a_thousand_slide_essay_is_checked_whole() -> None:
    seed = seed_essay()
    slides = tuple(
        slide.model_copy(update={"id": f"{round_}-{slide.id}"})
        for round_ in range(100)
        for slide in seed.slides
    )
    essay = seed.model_copy(update={"slides": slides})
    findings = check_essay(essay, {})
    _well_formed(findings, essay)
    assert sum(f.code == "mixed-script" for f in findings) == 200
    assert sum(f.code == "duplicate-caption" for f in findings) == 990
    assert {f.slide for f in findings if f.code == "mixed-script"} == set(range(3, 1001, 10))
