"""Compose the stages: from a raw article to everything extracted from it.

    RawDocument ─ metadata ─ spaCy ─ time ─ actors ─ statements ─ events ─ casualties ─ Result

Resources (the spaCy pipeline and every dictionary) are loaded once by
:meth:`Pipeline.load`; each stage is a pure function over the parsed ``Doc``. Batches
go through ``nlp.pipe`` and a document that fails becomes a :class:`Failure` while the
rest of the batch goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from contactline import actors, casualties, events, quotes, timex
from contactline.cameo import CameoTable, load_cameo
from contactline.errors import ContactlineError, InputError
from contactline.metadata import Metadata, read_metadata
from contactline.nlp import DEFAULT_MODEL, load_nlp
from contactline.records import Failure, RawDocument, Result

BATCH_SIZE = 16


@dataclass(frozen=True, slots=True, kw_only=True)
class Resources:
    """Every dictionary the stages use, loaded once."""

    time_grammar: timex.TimeGrammar
    actor_base: actors.ActorBase
    cues: quotes.CueLexicon
    event_lexicon: events.EventLexicon
    cameo: CameoTable
    casualty_lexicon: casualties.CasualtyLexicon


def load_resources() -> Resources:
    """Load every packaged dictionary (raises DictionaryError on a malformed line)."""
    return Resources(
        time_grammar=timex.load_time_grammar(),
        actor_base=actors.load_actor_base(),
        cues=quotes.load_cues(),
        event_lexicon=events.load_event_lexicon(),
        cameo=load_cameo(),
        casualty_lexicon=casualties.load_casualty_lexicon(),
    )


class Pipeline:
    """The spaCy pipeline and the dictionaries, ready to extract documents."""

    def __init__(self, nlp: Language, resources: Resources, *, today: date | None = None) -> None:
        self.nlp = nlp
        self.resources = resources
        self.today = today

    @classmethod
    def load(cls, *, model: str = DEFAULT_MODEL, today: date | None = None) -> Pipeline:
        """Load the spaCy pipeline ``model`` and the packaged dictionaries.

        Args:
            model: an installed spaCy pipeline package.
            today: the latest date a publication may have (defaults to today).
        """
        return cls(load_nlp(model), load_resources(), today=today)

    def extract(self, raw: RawDocument) -> Result:
        """Extract everything from one document.

        Raises:
            ContactlineError: when the document cannot be processed.
        """
        metadata = read_metadata(raw, today=self.today)
        doc = self.nlp(metadata.document.analysis_text)
        return self.analyse(metadata, doc)

    def extract_many(
        self, items: Iterable[RawDocument | InputError], *, batch_size: int = BATCH_SIZE
    ) -> Iterator[Result | Failure]:
        """Extract a stream of documents in order; what fails becomes a Failure.

        Args:
            items: documents, or the InputErrors a reader gave for what it could not read.
            batch_size: documents per spaCy batch.
        """
        # A failure travels through spaCy as an empty text, so the output keeps the input order.
        staged = (
            (m.document.analysis_text, m) if isinstance(m, Metadata) else ("", m)
            for m in map(self._prepare, items)
        )
        for doc, item in self.nlp.pipe(staged, as_tuples=True, batch_size=batch_size):
            if isinstance(item, Failure):
                yield item
                continue
            assert isinstance(item, Metadata)
            try:
                yield self.analyse(item, doc)
            except ContactlineError as exc:
                yield Failure(origin=item.document.origin, stage="extract", message=str(exc))

    def _prepare(self, item: RawDocument | InputError) -> Metadata | Failure:
        if isinstance(item, InputError):
            return Failure(origin=item.origin, stage="read", message=str(item))
        try:
            return read_metadata(item, today=self.today)
        except ContactlineError as exc:
            return Failure(origin=item.origin, stage="metadata", message=str(exc))

    def analyse(self, metadata: Metadata, doc: Doc) -> Result:
        """Run the stages over a parsed document."""
        document, res = metadata.document, self.resources
        published = document.published
        found = timex.extract_times(doc, res.time_grammar, published=published)
        times = tuple(sorted((*metadata.times, *found), key=lambda t: t.span.start))
        mentions = tuple(actors.resolve_mentions(doc, res.actor_base, published=published))
        statements = tuple(
            quotes.extract_statements(doc, mentions, times, res.cues, published=published)
        )
        coded = tuple(
            events.extract_events(
                doc, mentions, statements, times, res.event_lexicon, res.cameo, published=published
            )
        )
        statements = tuple(quotes.link_events(statements, coded))
        counts = tuple(
            casualties.extract_casualties(
                doc, mentions, times, published=published, lexicon=res.casualty_lexicon
            )
        )
        return Result(
            document=document,
            actors=tuple(actors.group_actors(mentions)),
            mentions=mentions,
            events=coded,
            statements=statements,
            times=times,
            casualties=counts,
        )
