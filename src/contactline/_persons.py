"""Find the persons of a document and the party each acts for.

1. Person names come from the NER (PERSON), from the office-holder dictionary (full
   names), from a title followed by capitalised words ("Secretary General Stanislav Zas")
   and from surnames already known in the document ("Yury Shuvalov" when "Shuvalov" is a
   PERSON elsewhere). A known place inside a longer person name ("Chad" in "Chad Smith")
   gives way to the person; a name that is only a known place ("Yerevan" tagged PERSON)
   stays a place.
2. Mentions of one person are grouped by surname; the longest form is the name.
3. The party comes from the text first: a title before the name ("Turkish leader",
   "the press secretary of the Russian President") or after it ("Yury Shuvalov from the
   CSTO Secretariat", "Peskov, the Kremlin spokesman,"). Only when the text says nothing
   does the office-holder dictionary decide, with the holder of the publication date; a
   family name written alone ("Kim") is the holder whose full name starts with it when
   all such holders act for one party the document names.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date

from rapidfuzz import fuzz, process
from spacy.tokens import Doc, Token

from contactline._actor_base import ActorBase, NameEntry, OfficeHolder
from contactline._actor_draft import Draft, Scan, names_subject
from contactline._gazetteer import load_gazetteer
from contactline._phrase_index import fold
from contactline._places import named_places

_WINDOW_WORDS = frozenset(
    {
        "the",
        "of",
        "'s",
        "his",
        "her",
        "its",
        "their",
        "former",
        "acting",
        "then",
        "deputy",
        "first",
        "senior",
        "top",
        "new",
        "chief",
        "-",
        "a",
        "an",
        "incumbent",
        "outgoing",
        "to",
    }
)
_EXCLUDING_PREPS = frozenset({"to", "with", "between", "against", "in", "on", "for"})
_AFTER_PREPS = frozenset({"from", "of", "at"})
_MAX_WINDOW = 12
_FUZZY_CUTOFF = 85
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "madam", "dame", "lord"})
_PLACE_PREPS = frozenset({"in", "near", "at", "outside", "around", "into", "inside", "across"})
_PATRON_PREPS = frozenset({"to", "of", "for"})


def _title_case(token: Token) -> bool:
    return token.text[:1].isupper() and token.is_alpha


def find_persons(scan: Scan, base: ActorBase) -> list[Draft]:
    """Find person names; see the module docstring, step 1."""
    doc = scan.doc
    found: list[Draft] = []
    taken: set[int] = set()

    def add(start: int, end: int, origin: str) -> None:
        if start >= end or any(i in taken for i in range(start, end)):
            return
        for i in range(start, end):
            scan.drop_name(i)
            taken.add(i)
        found.append(Draft(start, end, origin, rule=origin))

    words = scan.words
    for match in base.holders.finditer(words, scan.folded):
        if _inside_longer_name(scan, match.start):
            continue  # "Ali Mahmoud Abbas" is not the office holder "Mahmoud Abbas"
        if match.end - match.start > 1 or _stands_apart(scan, match.start):
            add(match.start, match.end, "person:office-holder-name")
    cities = named_places(doc, load_gazetteer())
    places = {i for e in doc.ents if e.start_char in cities for i in range(e.start, e.end)}
    for ent_start, ent_end in _person_entities(doc, cities):
        start, end = _trim_person(scan, ent_start, ent_end)
        if end - start == 1 and start > 0 and _first_name(scan, start - 1):
            start -= 1  # "Redwan Hussein" where the NER took only "Hussein"
        if _is_person_name(scan, start, end):
            add(start, end, "person:ner")
    for start, end in _titled_names(scan, base):
        add(start, end, "person:title+name")
    surnames = {scan.folded[d.end - 1] for d in found}
    for i, folded in enumerate(scan.folded):
        if folded not in surnames or i in taken or i in places:
            continue
        token = doc[i]
        known = scan.name_at(token.i) is not None and token.ent_type_ != "PERSON"
        if _title_case(token) and not known:
            start = token.i
            while start > 0 and start - 1 not in taken and _first_name(scan, start - 1):
                start -= 1
            add(start, token.i + 1, "person:known-surname")
    found.sort(key=lambda d: d.start)
    for draft in found:
        draft.kind = "person"
        draft.subject = names_subject(scan, draft.start, draft.end)
        for i in range(draft.start, draft.end):
            scan.persons[i] = draft
    return found


def _person_entities(doc: Doc, cities: Collection[int] = ()) -> list[tuple[int, int]]:
    """Return the NER's PERSON spans, joining two that touch into one name.

    The NER sometimes splits a long name in two ("Sheikh Mohammed bin Abdulrahman" +
    "Al Thani"); two PERSON spans with nothing between them are one person. A span
    starting at a character of ``cities`` names a place ("fled into Goma", "the town of
    Avdiivka").
    """
    spans: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ != "PERSON" or ent.start_char in cities:
            continue
        if spans and spans[-1][1] == ent.start:
            spans[-1] = (spans[-1][0], ent.end)
        else:
            spans.append((ent.start, ent.end))
    return spans


def _first_name(scan: Scan, i: int) -> bool:
    if not scan.words[i][:1].isupper():
        return False  # not title case: decided without a Token
    token = scan.doc[i]
    return (
        _title_case(token)
        and token.pos_ == "PROPN"
        and scan.name_at(i) is None
        and scan.sector_at(i) is None
    )


def _inside_longer_name(scan: Scan, start: int) -> bool:
    """Tell whether an unknown capitalised name word stands right before token ``start``."""
    doc = scan.doc
    return (
        start > 0
        and _first_name(scan, start - 1)
        and not doc[start - 1].is_sent_start
        and doc[start - 1].ent_type_ == "PERSON"
    )


def _stands_apart(scan: Scan, i: int) -> bool:
    """Tell whether a one-word name is not part of a longer name ("Abbas" in "Abbas Araghchi")."""
    doc = scan.doc
    before = i > 0 and _first_name(scan, i - 1) and not doc[i - 1].is_sent_start
    after = i + 1 < len(doc) and _first_name(scan, i + 1)
    return not before and not after


def _trim_person(scan: Scan, start: int, end: int) -> tuple[int, int]:
    """Drop titles, honorifics, known adjectives and possessive endings around an entity."""
    doc = scan.doc
    # "Deputy Prime Minister of Armenia Mher Grigoryan": the NER's PERSON takes in the
    # complement of the title; the known name after "of" belongs to the title.
    while (
        start < end
        and start > 0
        and scan.folded[start - 1] == "of"
        and (known := scan.name_at(start)) is not None
        and known[1] < end
    ):
        start = known[1]
    while start < end and (
        scan.sector_at(start) is not None
        or scan.folded[start].rstrip(".") in _HONORIFICS
        or not doc[start].text[:1].isupper()
        or ((match := scan.name_at(start)) is not None and match[2].form == "adjective")
    ):
        start += 1
    while end > start and not doc[end - 1].text[:1].isalpha():
        end -= 1
    return start, end


def _is_person_name(scan: Scan, start: int, end: int) -> bool:
    """Tell whether a trimmed PERSON entity is a person rather than a mislabelled place."""
    if start >= end:
        return False
    doc = scan.doc
    unknown = [i for i in range(start, end) if scan.name_at(i) is None and doc[i].is_alpha]
    if not unknown:
        return False
    if end - start == 1:
        token = doc[start]
        if token.dep_ == "compound" and token.head.i > start and token.head.is_lower:
            return False
    root = doc[start:end].root
    # "a school in Khan Younis": the NER's PERSON is a place after a locative preposition.
    return not (root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS)


def _titled_names(scan: Scan, base: ActorBase) -> list[tuple[int, int]]:
    """Find names the NER missed, by what stands around them.

    A run of two or three capitalised words that are no known name and no organisation
    word is a person's name when it follows a title ("Secretary General Stanislav Zas"),
    when it follows a known name and a verb or comma follows it ("the UN Vassily Nebenzia
    blocked"), or when 'from'/'of' and a known organisation or state follow it ("Yury
    Shuvalov from the CSTO Secretariat").
    """
    doc = scan.doc
    words = scan.words
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        if not words[i][:1].isupper():
            i += 1  # not title case, so no first name: decided without a Token
            continue
        if not _first_name(scan, i) or scan.folded[i] in base.org_words:
            i += 1
            continue
        end = i
        while (
            end < len(doc)
            and end - i < 3
            and _first_name(scan, end)
            and scan.folded[end] not in base.org_words
        ):
            end += 1
        if end - i >= 2 and _framed_as_person(scan, i, end):
            spans.append((i, end))
        i = end
    return spans


def _framed_as_person(scan: Scan, start: int, end: int) -> bool:
    doc = scan.doc
    title = scan.sector_at(start - 1) if start > 0 else None
    if title is not None and title[2].type == "office":
        return True
    follower = doc[end] if end < len(doc) else None
    if follower is None:
        return False
    after_name = start > 0 and scan.name_at(start - 1) is not None
    if after_name and (follower.pos_ in {"VERB", "AUX"} or follower.text == ","):
        return True
    if scan.folded[end] in _AFTER_PREPS:
        k = end + 1
        while k < len(doc) and scan.folded[k] == "the":
            k += 1
        match = scan.name_at(k) if k < len(doc) else None
        return match is not None and match[2].entity.kind in {"organization", "state"}
    return False


def attribute_persons(
    scan: Scan, base: ActorBase, persons: Sequence[Draft], *, published: date | None
) -> set[int]:
    """Give each person party, role and name; see the module docstring, steps 2 and 3.

    Returns:
        The tokens of the titles that were read as part of a person ("Turkish leader"),
        so that they are not taken for actors of their own.
    """
    consumed: set[int] = set()
    for members in _cluster(scan, persons):
        full = max(members, key=lambda d: (d.end - d.start, -d.start))
        name = scan.doc[full.start : full.end].text
        evidence = None
        for draft in members:
            left = _left_title(scan, draft)
            found = left or _right_title(scan, draft)
            sector = _title_sector(scan, draft.start) if left else None
            if found and found[1] is None:
                draft.role, draft.rule, draft.sector = found[0], found[2], sector
            elif found:
                consumed.update(found[3])
                draft.role, draft.party, draft.rule = found[0], found[1], found[2]
                draft.sector = sector
                if evidence is None:
                    evidence = draft
        holder = _pick_holder(base, name, published)
        if holder is None and evidence is None and " " not in name:
            holder = base.first_named_holder(name, published, _named_parties(scan))
        _fill_cluster(base, members, name, evidence, holder)
    return consumed


def _title_sector(scan: Scan, start: int) -> str | None:
    """Return the sector of the nearest office title before token ``start``."""
    for i in range(start - 1, max(start - _MAX_WINDOW, 0) - 1, -1):
        if (word := scan.sector_at(i)) is not None and word[2].type == "office":
            return word[2].sector
    return None


def _cluster(scan: Scan, persons: Sequence[Draft]) -> list[list[Draft]]:
    """Group the mentions of each person, in reading order.

    A full name starts a person of its own ("Heydar Aliyev" is not "Ilham Aliyev"); a
    surname alone joins the last person of that surname, else the one person whose
    full name starts with it ("Kim Jong Un" ... "Kim"), and a full name joins a person
    known so far only by its surname.
    """
    doc = scan.doc
    clusters: list[list[Draft]] = []
    last: dict[str, list[Draft]] = {}
    full: dict[str, list[Draft]] = {}
    first: dict[str, list[list[Draft]]] = {}
    for draft in persons:
        surname = scan.folded[draft.end - 1]
        words = fold(doc[draft.start : draft.end].text)
        if draft.end - draft.start == 1:
            cluster = last.get(surname) or _first_named(first.get(surname, []))
        else:
            cluster = full.get(words)
            open_cluster = last.get(surname)
            if (
                cluster is None
                and open_cluster is not None
                and all(d.end - d.start == 1 for d in open_cluster)
            ):
                cluster = open_cluster
            if cluster is not None:
                full[words] = cluster
        if cluster is None:
            cluster = []
            clusters.append(cluster)
            if draft.end - draft.start > 1:
                full[words] = cluster
        if draft.end - draft.start > 1:
            named = first.setdefault(scan.folded[draft.start], [])
            if all(c is not cluster for c in named):
                named.append(cluster)
        cluster.append(draft)
        last[surname] = cluster
    return clusters


def _first_named(clusters: list[list[Draft]]) -> list[Draft] | None:
    """Return the one person whose full name starts with a name written alone, if one.

    A family name written first is how a person is named again ("Kim Jong Un" ...
    "Kim"); with two such persons ("Kim Jong Un" and "Kim Yo Jong") it names neither.
    """
    return clusters[0] if len(clusters) == 1 else None


def _fill_cluster(
    base: ActorBase,
    members: list[Draft],
    name: str,
    evidence: Draft | None,
    holder: OfficeHolder | None,
) -> None:
    first = members[0]
    if holder is not None and " " not in name:
        name = holder.name
    for draft in members:
        draft.name = name
        if draft.party is not None:
            continue
        if evidence is not None:
            draft.party, draft.role = evidence.party, evidence.role
            draft.rule = f"coref:name->{name}"
            draft.antecedent = evidence
        elif holder is not None:
            draft.party, draft.role, draft.rule = holder.party, holder.role, holder.rule
        elif draft is not first:
            draft.rule = f"coref:name->{name}"
            draft.antecedent = first
    for draft in members:
        entity = base.entity(draft.party)
        if holder is not None and holder.party == draft.party:
            draft.country = holder.country
            draft.sector = draft.sector or holder.sector
        elif entity is not None and entity.kind == "state":
            draft.country = entity.party
        if entity is not None and draft.sector is None:
            draft.sector = entity.sector or ("GOV" if entity.kind == "state" else None)


def _pick_holder(base: ActorBase, name: str, published: date | None) -> OfficeHolder | None:
    """Return the office holder called ``name`` whose term covers the publication date.

    A surname spelt differently ("Zelenskiy" for "Zelensky") is found by a close fuzzy
    match on the surname alone; the first letter must agree.
    """
    words = name.split()
    surname = fold(words[-1])
    candidates = base.holders_by_surname.get(surname, ())
    if not candidates and len(surname) >= 5:
        close = process.extractOne(
            surname, base.holders_by_surname.keys(), scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF
        )
        if close is not None and close[0][0] == surname[0]:
            candidates = base.holders_by_surname[close[0]]
            words = words[:-1] + [close[0]]
    if len(words) > 1:
        folded = fold(" ".join(words))
        candidates = tuple(h for h in candidates if any(fold(v) == folded for v in h.variants))
    if not candidates:
        return None
    if published is not None:
        for holder in candidates:
            if holder.holds_on(published):
                return holder
        before = [h for h in candidates if h.start is None or h.start <= published]
        if before:
            return max(before, key=lambda h: h.start or date.min)
    return max(candidates, key=lambda h: (h.end is None, h.start or date.min))


def _named_parties(scan: Scan) -> frozenset[str]:
    """Return the parties and countries the document names."""
    entities = (entry.entity for _, _, entry in scan.names.values())
    return frozenset(c for e in entities for c in (e.party, e.country) if c)


def _window_token(scan: Scan, i: int) -> bool:
    token = scan.doc[i]
    if i in scan.persons or token.is_space:
        return False
    return (
        scan.name_at(i) is not None
        or scan.sector_at(i) is not None
        or scan.folded[i] in _WINDOW_WORDS
        or (token.is_lower and token.pos_ in {"ADJ", "NOUN"} and token.dep_ in {"amod", "compound"})
    )


_Title = tuple[str, str | None, str, set[int]]


def _read_window(scan: Scan, start: int, end: int) -> _Title | None:
    """Read party and role from the title words in tokens ``[start, end)``.

    A title that names no party ("Army spokesman", "Energy Minister") is returned with
    party ``None`` and rule ``title-only:...``, consuming nothing: the context decides.
    """
    doc = scan.doc
    titles = [i for i in range(start, end) if (w := scan.sector_at(i)) and w[2].type == "office"]
    bodies = [i for i in range(start, end) if (m := scan.name_at(i)) and m[2].form == "body"]
    if not titles and not bodies:
        return None
    hits: list[tuple[int, NameEntry]] = []
    i = start
    while i < end:
        match = scan.name_at(i)
        if match is not None:
            # A preposition outside the window governs the whole title, not the name:
            # "a call with Iranian acting Foreign Minister ...".
            before = scan.folded[match[0] - 1] if match[0] > start else ""
            before2 = scan.folded[match[0] - 2] if match[0] > start + 1 else ""
            if before not in _EXCLUDING_PREPS and not (
                before == "the" and before2 in _EXCLUDING_PREPS
            ):
                hits.append((match[0], match[2]))
            i = match[1]
        else:
            i += 1
    if not hits:
        if not titles or _unknown_acronym(scan, titles[0] - 1):
            return None  # "CSP spokesman": the title of a body the base does not know
        role = doc[titles[0] : end].text
        return role, None, f"title-only:{role}", set()
    anchor = min(titles + bodies)
    _, entry = min(hits, key=lambda h: abs(h[0] - anchor))
    # The role runs from the first sector word: "Foreign Ministry spokeswoman".
    sector_words = [w[0] for i in range(start, end) if (w := scan.sector_at(i))]
    role_start = min([anchor, *sector_words])
    role = doc[role_start:end].text
    rule = f"apposition:title:{role}->{entry.entity.party}"
    return role, entry.entity.party, rule, set(range(start, end))


def _unknown_acronym(scan: Scan, i: int) -> bool:
    if i < 0:
        return False
    token = scan.doc[i]
    return (
        len(token.text) >= 2
        and token.text.isupper()
        and token.is_alpha
        and scan.name_at(i) is None
        and scan.sector_at(i) is None
    )


def _left_title(scan: Scan, draft: Draft) -> _Title | None:
    """Read a title right before the name ("Turkish leader Recep Tayyip Erdogan"), or a
    title phrase the name is in apposition to ("The UN envoy for Syria, Geir Pedersen,")."""
    if draft.start > 0 and scan.doc[draft.start - 1].text == ",":
        return _apposed_to(scan, draft)
    i = draft.start - 1
    while i >= 0 and draft.start - i <= _MAX_WINDOW and _window_token(scan, i):
        i -= 1
    start = i + 1
    while start < draft.start and scan.folded[start] in _WINDOW_WORDS:
        start += 1
    return _read_window(scan, start, draft.start) if start < draft.start else None


def _apposed_to(scan: Scan, draft: Draft) -> _Title | None:
    root = scan.doc[draft.start : draft.end].root
    head = root.head
    if root.dep_ != "appos" or head.i >= draft.start or head.i in scan.persons:
        return None
    # the parser may hang the name off the last noun of the title ("envoy for Syria")
    while head.dep_ in {"pobj", "prep"} and head.head.i < head.i:
        head = head.head
    start = head.left_edge.i
    found = _read_window(scan, start, draft.start - 1)
    return found if found is not None and found[1] is not None else None


def _right_title(scan: Scan, draft: Draft) -> _Title | None:
    """Read "X from the CSTO Secretariat" or an apposition "X, the Kremlin spokesman,"."""
    doc = scan.doc
    j = draft.end
    if j < len(doc) and scan.folded[j] in _AFTER_PREPS:
        k = j + 1
        while k < len(doc) and scan.folded[k] == "the":
            k += 1
        match = scan.name_at(k) if k < len(doc) else None
        if match is not None and match[2].entity.kind in {"organization", "state", "group"}:
            entry = match[2]
            role = doc[match[0] : match[1]].text
            rule = f"apposition:{doc[j].lower_}:{role}->{entry.entity.party}"
            return role, entry.entity.party, rule, set(range(j, match[1]))
        return None
    if j + 1 < len(doc) and doc[j].text == ",":
        k = j + 1
        while k < len(doc) and k - j <= _MAX_WINDOW and _window_token(scan, k):
            k += 1
        if k < len(doc) and doc[k].text in {",", "."} or k == len(doc):
            return _read_window(scan, j + 1, k)
        patron = scan.persons.get(k)
        if patron is not None and any(scan.folded[i] in _PATRON_PREPS for i in range(j + 1, k)):
            # "X, national security adviser to Prime Minister Abiy Ahmed,": acts for Abiy's side
            found = _read_window(scan, j + 1, k)
            if found is not None and found[1] is None:
                draft.patron = patron
                return found
        return _appositive_title(scan, draft)
    return None


def _appositive_title(scan: Scan, draft: Draft) -> _Title | None:
    """Read a longer apposition from the parse: "X, MSF's head of emergency response in
    Sudan," or "X, a spokesperson for the rebel alliance that includes M23,".

    Only the title and the name chosen from it are consumed; other names in the
    apposition ("in Sudan") stay actors of their own.
    """
    doc = scan.doc
    root = doc[draft.start : draft.end].root
    for child in root.children:
        if child.dep_ != "appos" or child.i < draft.end:
            continue
        start, end = child.left_edge.i, child.right_edge.i + 1
        found = _read_window(scan, start, end)
        if found is None or found[1] is None:
            return None
        used = [i for i in found[3] if scan.sector_at(i) is not None]
        names = [m[1] for i in found[3] if (m := scan.name_at(i)) and m[2].entity.party == found[1]]
        last = max([*used, *names], default=start)
        return found[0], found[1], found[2], set(range(start, last + 1))
    return None


def holder_for_office(
    base: ActorBase, party: str, role: str, published: date | None
) -> OfficeHolder | None:
    """Return who held office ``role`` for ``party`` on the publication date, if known."""
    if published is None:
        return None
    wanted = fold(role)
    for holder in base.office_holders:
        if holder.party == party and fold(holder.role) == wanted and holder.holds_on(published):
            return holder
    return None
