"""Tests of the statement stage: quote marks, direct quotes, reported speech, speakers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from contactline._cues import load_cue_file
from contactline._quotemarks import find_insertions, find_quotes
from contactline.actors import load_actor_base, resolve_mentions
from contactline.errors import DictionaryError
from contactline.quotes import extract_statements, link_events, load_cues
from contactline.records import Event, Mention, Span, Statement


@pytest.fixture(scope="module")
def cues():
    return load_cues()


@pytest.fixture
def statements(nlp, cues):
    def run(text: str, mentions=(), published: date | None = None) -> list[Statement]:
        return extract_statements(nlp(text), list(mentions), [], cues, published=published)

    return run


def _one(found: list[Statement]) -> Statement:
    assert len(found) == 1, [(s.rule, s.content) for s in found]
    return found[0]


# ---- the lexicon


def test_quotes_lexicon_has_at_least_100_cues(cues):
    assert len(cues) >= 100


def test_quotes_lexicon_rejects_unknown_frame(tmp_path: Path):
    bad = tmp_path / "cues.tsv"
    bad.write_text("say\tverb\tclause\nshout\tverb\tloudly\n", encoding="utf-8")
    nouns = tmp_path / "nouns.txt"
    nouns.write_text("official\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as info:
        load_cue_file(bad, nouns)
    assert f"{bad}:2:" in str(info.value)


def test_quotes_lexicon_rejects_duplicate_cue(tmp_path: Path):
    bad = tmp_path / "cues.tsv"
    bad.write_text("# comment\nsay\tverb\tclause\nsay\tverb\tquote\n", encoding="utf-8")
    nouns = tmp_path / "nouns.txt"
    nouns.write_text("", encoding="utf-8")
    with pytest.raises(DictionaryError, match=":3: cue 'say' is listed twice"):
        load_cue_file(bad, nouns)


# ---- quote marks


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ("He said “we are ready” today.", ["we are ready"]),
        ('He said "we are ready" today.', ["we are ready"]),
        ("«The front is stable», he said.", ["The front is stable"]),
        (
            "“For the rest, I will refrain from commenting, ”he told the agency.",
            ["For the rest, I will refrain from commenting"],
        ),
        ("'We were not warned,' said a fisherman.", ["We were not warned"]),
        ("Ukraine's soldiers' families waited.", []),
    ],
)
def test_quotes_marks_pair(text, inner):
    assert [text[q.inner.start : q.inner.end] for q in find_quotes(text)] == inner


def test_quotes_marks_unclosed_quote_ends_with_paragraph():
    text = "“We will hold the line.\n“We will not retreat,” he said."
    found = find_quotes(text)
    assert found[0].close is None
    assert text[found[0].inner.start : found[0].inner.end] == "We will hold the line."


def test_quotes_insertions_found():
    text = "military actions (in Nagorno-Karabakh – Ed.) and assistance [to the republic]"
    spans = find_insertions(text, Span(0, len(text)))
    assert [text[s.start : s.end] for s in spans] == [
        "(in Nagorno-Karabakh – Ed.)",
        "[to the republic]",
    ]


# ---- direct quotes


def test_quotes_direct_after_with_misplaced_mark_spanning_sentences(statements):
    text = (
        "“The situation (in Nagorno-Karabakh – Ed.) is a topic for analysis. For the rest, "
        "I will refrain from commenting, ”he told the agency."
    )
    found = _one(statements(text))
    assert found.direct and found.rule == "direct:after:told"
    assert found.content.startswith("The situation (in Nagorno-Karabakh – Ed.)")
    assert found.content.endswith("refrain from commenting")
    assert found.addressee == "the agency"
    assert [text[s.start : s.end] for s in found.insertions] == ["(in Nagorno-Karabakh – Ed.)"]


def test_quotes_direct_inverted_speaker(statements):
    found = _one(statements('"The humanitarian situation is catastrophic," said Martin Griffiths.'))
    assert found.direct and found.speaker.name == "Martin Griffiths"


def test_quotes_direct_before_with_colon(statements):
    found = _one(statements("Shoigu told the board: “The enemy has failed on every front.”"))
    assert found.rule == "direct:before:told"
    assert found.content == "The enemy has failed on every front."


def test_quotes_direct_inside_joins_both_parts(statements):
    found = _one(
        statements("“The situation is difficult,” the governor said, “but the city is holding.”")
    )
    assert found.rule == "direct:inside:said"
    assert "The situation is difficult" in found.content and "the city is holding" in found.content


def test_quotes_direct_continued_paragraph(statements):
    text = (
        "“We will hold the line,” the commander said. “We have enough shells.\n“Nobody is leaving.”"
    )
    found = statements(text)
    assert [s.rule for s in found] == ["direct:inside:said", "direct:continued:said"]
    assert found[1].content == "Nobody is leaving."


def test_quotes_partial_quote_in_reported_speech_is_not_direct(statements):
    found = _one(
        statements("He stated that the time has come “to end the occupation of the lands.”")
    )
    assert not found.direct
    assert found.rule == "reported:ccomp:stated"
    assert "to end the occupation" in found.content


def test_quotes_scare_quotes_are_not_statements(statements):
    assert statements("The so-called “special military operation” entered its third year.") == []


# ---- reported speech


def test_quotes_reported_that_clause(statements):
    found = _one(
        statements(
            "The Azerbaijani Defense Ministry stated that the Armenian military fired at settlements."
        )
    )
    assert found.rule == "reported:ccomp:stated"
    assert found.content == "the Armenian military fired at settlements"
    assert found.speaker.name == "The Azerbaijani Defense Ministry"


def test_quotes_reported_content_before_cue(statements):
    found = _one(
        statements(
            "The CSTO is fully prepared to dispatch a mission, Yury Shuvalov said on Friday."
        )
    )
    assert found.content.startswith("The CSTO is fully prepared")
    assert "Shuvalov" in (found.speaker.name or "")


def test_quotes_reported_parenthetical_cue_leaves_a_hole(statements):
    text = "Ukraine's forces, the Russian Defence Ministry said, lost up to 500 servicemen."
    found = _one(statements(text))
    assert found.rule == "reported:inverted:said"
    assert found.content == "Ukraine's forces lost up to 500 servicemen"
    assert text[found.content_span.start : found.content_span.end].startswith("Ukraine's forces,")


def test_quotes_reported_anaphoric_passive_takes_previous_sentence(statements):
    text = (
        "The conflict is a topic for a deep internal analysis of the CSTO. This was announced "
        "on Tuesday by the press secretary of the Russian President Dmitry Peskov."
    )
    found = _one(statements(text))
    assert found.rule == "reported:anaphoric:announced"
    assert found.content == "The conflict is a topic for a deep internal analysis of the CSTO"


def test_quotes_reported_called_on_infinitive(statements):
    found = _one(statements("The UN chief called on Yerevan and Baku to cease fire in Karabakh."))
    assert found.cue == "called on"
    assert found.content == "Yerevan and Baku to cease fire in Karabakh"


def test_quotes_reported_accused_object(statements):
    found = _one(
        statements("Yerevan, in turn, accused Baku of air and missile attacks in the region.")
    )
    assert found.rule == "reported:object:accused"
    assert found.content == "Baku of air and missile attacks in the region"


@pytest.mark.parametrize(
    "text",
    [
        "The ministry did not say how many soldiers had been killed.",
        "Putin will announce the results next week.",
        "The Kremlin is expected to announce a new offensive.",
        "The President of Azerbaijan has announced a partial mobilization.",
        "Nobody has claimed responsibility for the bombing.",
    ],
)
def test_quotes_reported_unmade_or_nonverbal_is_not_a_statement(statements, text):
    assert statements(text) == []


def test_quotes_according_to_front_and_back(statements):
    front = _one(
        statements("According to Armenia, Turkish specialists are taking part in the conflict.")
    )
    back = _one(statements("The drone was shot down over the sea, according to the ministry."))
    assert front.rule == back.rule == "according_to"
    assert front.content == "Turkish specialists are taking part in the conflict"
    assert back.content == "The drone was shot down over the sea"


def test_quotes_quoted_as_saying(statements):
    found = _one(statements("Peskov was quoted as saying that Moscow saw no grounds for talks."))
    assert found.cue == "quoted as saying"
    assert found.content == "Moscow saw no grounds for talks"


# ---- speakers and dates


def _mention(
    text: str, doc_text: str, party: str, kind: str, name: str | None = None, **kw
) -> Mention:
    start = doc_text.index(text)
    return Mention(
        span=Span(start, start + len(text)),
        text=text,
        party=party,
        kind=kind,
        name=name,
        rule="test",
        **kw,
    )


def test_quotes_speaker_party_from_mentions(statements):
    text = "Ankara noted that they see no reason to send their military to Karabakh."
    found = _one(statements(text, [_mention("Ankara", text, "TUR", "state", "Turkey")]))
    assert (found.speaker.name, found.speaker.party) == ("Turkey", "TUR")


def test_quotes_speaker_the_official_is_last_person_speaker(statements):
    text = (
        "“We are ready to send a mission,” Shuvalov told reporters.\n"
        "According to the official, assistance measures were included in the draft decision."
    )
    mentions = [_mention("Shuvalov", text, "CSTO", "person", "Yury Shuvalov")]
    found = statements(text, mentions)
    assert [s.speaker.name for s in found] == ["Yury Shuvalov", "Yury Shuvalov"]
    assert found[1].speaker.party == "CSTO" and found[1].rule == "according_to"


def test_quotes_statement_dated_by_cue(nlp, cues):
    from contactline.timex import extract_times, load_time_grammar

    doc = nlp("Yury Shuvalov from the CSTO Secretariat said on Friday that a mission is ready.")
    times = extract_times(doc, load_time_grammar(), published=date(2023, 3, 31))
    found = _one(extract_statements(doc, [], times, cues, published=date(2023, 3, 31)))
    assert found.date is not None and found.date.start == "2023-03-31"


def test_quotes_spans_point_into_text(statements):
    text = "Kyiv will not cede any territory, Zelensky told the BBC. “We will win,” he said."
    for found in statements(text):
        assert (
            text[found.content_span.start : found.content_span.end]
            .strip("“”")
            .startswith(found.content[:10])
        )
        assert (
            found.span.start <= found.content_span.start
            and found.content_span.end <= found.span.end
        )
    assert [s.id for s in statements(text)] == ["st1", "st2"]


def test_quotes_link_events_by_trigger_inside_content(statements):
    found = _one(statements("The ministry stated that the Armenian military fired at settlements."))
    fire = found.content_span.start + found.content.index("fired")
    event = Event(
        id="e1",
        cameo="190",
        plover=None,
        quad_class=4,
        goldstein=-10.0,
        source=None,
        target=None,
        date=None,
        location=None,
        modality="claimed",
        reported_by="AZE",
        evidence="",
        span=found.content_span,
        trigger=Span(fire, fire + 5),
        rule="test",
    )
    assert link_events([found], [event])[0].events == ("e1",)


# ---- wire-copy details


def test_quotes_dateline_is_not_content(statements):
    text = "KYIV, May 12 (Reuters) - Russian forces launched an offensive, the ministry said."
    found = _one(statements(text))
    assert found.content == "Russian forces launched an offensive"


def test_quotes_source_appositive_is_not_content(statements):
    text = (
        "According to the Institute for the Study of War, a think tank, the offensive has stalled."
    )
    assert _one(statements(text)).content == "the offensive has stalled"


@pytest.mark.parametrize(
    "text",
    [
        "According to plan, the troops withdrew from the town by noon.",
        "According to the agreement, both sides must withdraw heavy weapons.",
    ],
)
def test_quotes_according_to_a_rule_is_not_a_source(statements, text):
    assert statements(text) == []


def test_quotes_quoted_by_outlet_as_saying(statements):
    found = _one(
        statements("Peskov is quoted by TASS as saying that the Kremlin had no information.")
    )
    assert found.cue == "quoted by TASS as saying" or found.cue.startswith("quoted")
    assert found.content == "the Kremlin had no information"


def test_quotes_participle_cue_is_a_second_statement_of_the_same_speaker(statements):
    text = "The Kremlin said the leaders had discussed the grain deal, adding that they would meet soon."
    first, second = statements(text)
    assert first.content == "the leaders had discussed the grain deal"
    assert second.cue == "adding" and second.content == "they would meet soon"
    assert first.speaker.span == second.speaker.span


def test_quotes_interrupted_quote_reads_as_one(statements):
    found = _one(statements("“We,” he said, “will never give up.”"))
    assert found.content == "We will never give up."


def test_quotes_mixed_quote_is_reported_speech(statements):
    found = _one(
        statements("The rebels “are not interested in peace,” the president told parliament.")
    )
    assert not found.direct and found.rule == "reported:ccomp:told"
    assert found.content.startswith("The rebels")


def test_quotes_description_refers_back_only_to_a_speaker_it_fits(statements):
    text = (
        "The ceasefire is holding, said Colonel Ahmed Ali on Sunday. "
        "Troops have withdrawn, the minister said. Elections will be held, the colonel said."
    )
    mentions = [_mention("Ahmed Ali", text, "SDN", "person", "Ahmed Ali", role="colonel")]
    names = [s.speaker.name for s in statements(text, mentions)]
    assert names == ["Ahmed Ali", "the minister", "Ahmed Ali"]


def test_quotes_open_paragraph_runs_into_attributed_quote(statements):
    text = (
        "“We will not negotiate with those who destroyed our country.\n"
        "“There will be no return to the past,” he said."
    )
    found = statements(text)
    assert [s.rule for s in found] == ["direct:continued:said", "direct:after:said"]
    assert found[0].content.startswith("We will not negotiate")


def test_quotes_clause_after_a_time_phrase(statements):
    found = _one(statements("Perthes said at the time that both sides bore responsibility."))
    assert found.content == "both sides bore responsibility"


def test_quotes_active_demonstrative_object_takes_previous_sentence(statements):
    text = (
        "Troops shelled the border village overnight. The Defence Ministry stated this on Monday."
    )
    found = _one(statements(text))
    assert found.rule == "reported:anaphoric:stated"
    assert found.content == "Troops shelled the border village overnight"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("“We will not retreat,” he was quoted as saying.", "quoted as saying"),
        ("“The strikes will continue,” according to the ministry.", "according to"),
    ],
)
def test_quotes_direct_after_phrase_cues(statements, text, cue):
    found = _one(statements(text))
    assert found.direct and found.cue == cue


def test_quotes_noun_cue_with_possessive_speaker(statements):
    text = "Kyiv dismissed Moscow's claim that Ukrainian troops had shelled the plant."
    found = _one(statements(text, [_mention("Moscow", text, "RUS", "state", "Russia")]))
    assert found.rule == "reported:noun:claim"
    assert (found.speaker.party, found.content) == ("RUS", "Ukrainian troops had shelled the plant")


def test_quotes_noun_cue_needs_a_that_clause(statements):
    assert statements("The statement that was issued on Monday did not mention casualties.") == []


def test_quotes_second_subject_name_is_the_speaker(statements):
    text = "Myanmar's junta chief Min Aung Hlaing said the army would hold elections."
    mentions = [
        _mention("Myanmar", text, "MMR", "state", "Myanmar"),
        _mention("Min Aung Hlaing", text, "MMR", "person", "Min Aung Hlaing"),
    ]
    found = _one(statements(text, mentions))
    assert found.speaker.name == "Min Aung Hlaing"
    assert (
        text[found.speaker.span.start : found.speaker.span.end]
        == "Myanmar's junta chief Min Aung Hlaing"
    )


def test_quotes_extraposed_it_takes_the_clause_not_the_previous_sentence(statements):
    text = "Troops crossed the river. It was announced by the ministry that troops withdrew."
    found = _one(statements(text))
    assert found.content == "troops withdrew"


def test_quotes_national_description_refers_to_last_person_of_that_party(statements):
    text = (
        "Putin stated that the counteroffensive had failed. "
        "The Russian leader also noted that Moscow was ready for talks."
    )
    mentions = [
        _mention("Putin", text, "RUS", "person", "Vladimir Putin"),
        _mention("Russian", text, "RUS", "state", "Russia"),
    ]
    assert [s.speaker.name for s in statements(text, mentions)] == ["Vladimir Putin"] * 2


def test_quotes_colon_paragraph_introduces_quote(statements):
    text = "The head of state stressed:\n\n“We did not start the war. We are trying to end it.”"
    found = _one(statements(text))
    assert found.rule == "direct:before:stressed" and found.content.endswith("end it.")


def test_quotes_request_needs_whom_it_asks(statements):
    text = "“We have been abandoned,” one resident said, asking not to be named."
    assert [s.cue for s in statements(text)] == ["said"]
    found = _one(statements("Kyiv asked its allies to send more air defence systems."))
    assert found.content == "its allies to send more air defence systems"


def test_quotes_titled_speaker_is_a_person_for_he(statements):
    text = (
        "An Israeli army spokesperson said the army would act. “We are prepared for it,” he said."
    )
    mentions = [_mention("Israeli", text, "ISR", "state", "Israel")]
    found = statements(text, mentions)
    assert [(s.speaker.party, s.direct) for s in found] == [("ISR", False), ("ISR", True)]


def test_quotes_content_does_not_end_in_a_conjunction(statements):
    text = "Mikati said Israel was violating Lebanese sovereignty and called on the world to act."
    assert statements(text)[0].content == "Israel was violating Lebanese sovereignty"


def test_quotes_the_statement_speaks_for_the_last_body_heard(nlp, cues):
    text = (
        "The Armenian government said on Friday that the commissions had agreed on a section. "
        "According to the joint statement, the boundary will run along the villages."
    )
    doc = nlp(text)
    mentions = resolve_mentions(doc, load_actor_base(), published=None)
    found = extract_statements(doc, mentions, [], cues, published=None)
    joint = next(s for s in found if "boundary" in s.content)
    assert joint.speaker is not None and joint.speaker.party == "ARM"


def test_quotes_cue_in_a_that_clause_is_no_inverted_frame(statements):
    found = statements(
        "The government said on Friday that the commissions had agreed on a section."
    )
    assert [(s.cue, s.content) for s in found] == [
        ("said", "the commissions had agreed on a section")
    ]


def test_quotes_cue_as_the_complement_of_a_cue_is_no_inverted_frame(statements):
    found = statements("The countries said the proposal built on principles agreed earlier.")
    assert all(s.cue != "agreed" for s in found)


def test_quotes_the_statement_prefers_a_body_with_a_party(nlp, cues):
    text = (
        "Mediators from Qatar and Egypt said talks had produced a proposal. "
        "Some observers said it could fail. "
        '"The road is now clear," the statement said.'
    )
    doc = nlp(text)
    mentions = resolve_mentions(doc, load_actor_base(), published=None)
    found = extract_statements(doc, mentions, [], cues, published=None)
    quote = next(s for s in found if s.direct)
    assert quote.speaker is not None and quote.speaker.party in {"QAT", "EGY"}


def test_quotes_cue_joined_to_a_reported_clause_speaks_for_the_reporter(statements):
    found = statements(
        "It said two soldiers had been killed and 10 wounded and accused the rebels of lying."
    )
    accused = next(s for s in found if s.cue == "accused")
    assert accused.speaker is not None and accused.speaker.name == "It"


def test_quotes_neither_nor_is_no_statement(statements):
    assert statements("Israel has neither confirmed nor denied responsibility.") == []


def test_quotes_passive_cue_inside_reported_speech_is_not_anaphoric(statements):
    found = statements("The talks ended. Hamas said it had been briefed by the mediators.")
    assert [(s.cue, s.content) for s in found] == [("said", "it had been briefed by the mediators")]


def test_quotes_direct_speaker_named_after_a_title_apposition(statements):
    found = _one(
        statements(
            '"The regional command has fallen," a spokesperson for the group, Li Kyarwen, '
            "told Reuters by phone."
        )
    )
    assert found.direct and found.speaker is not None and found.speaker.name.endswith("Kyarwen")
    assert found.content == "The regional command has fallen"


def test_quotes_speaker_named_in_apposition_inside_the_title(nlp, cues):
    text = "The United Nations envoy for Syria, Geir Pedersen, said he was deeply alarmed."
    doc = nlp(text)
    mentions = resolve_mentions(doc, load_actor_base(), published=None)
    found = _one(extract_statements(doc, mentions, [], cues, published=None))
    assert found.speaker is not None and found.speaker.name == "Geir Pedersen"
    assert found.speaker.party == "UN"
