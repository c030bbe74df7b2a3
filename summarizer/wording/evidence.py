"""Exact evidence: the numbers, names and quotations a sentence asserts, and whether sources hold them.

Embedding similarity says two sentences are about the same thing; it cannot tell "11 dead"
from "17 dead". These checks can: every number (and, where asked, every name and quotation)
in a claim must appear in the sentences cited for it.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import cache

from summarizer.lang import Language
from summarizer.lang.en import ENGLISH

_NAME = re.compile(r"\b[A-Z][\w’'\-]*(?:\s+(?:of\s+|al-|de\s+)?[A-Z][\w’'\-]*)*")
QUOTATION = re.compile(r"[\"“]([^\"“”]{3,})[\"”]")
_ACRONYM = re.compile(r"\b(?:[A-Z]\.\s?){2,}")  # "U.S.", "U. S." -> "US"


def numbers(text: str, language: Language = ENGLISH) -> set[str]:
    """Numbers as canonical strings: '1,000' -> '1000', 'twenty-three' -> '23', 'two' -> '2'."""
    found = set()
    words = language.number_words
    for token in language.number.findall(text):
        lowered = token.lower()
        if lowered[0].isdigit():
            found.add(lowered.replace(",", ""))
            continue
        head, _, tail = lowered.partition("-")
        found.add(str(words[head] + (words.get(tail, 0) if tail else 0)))
    return found


def names(text: str, language: Language = ENGLISH) -> set[str]:
    """Capitalised word runs (people, places, bodies), minus function words that open sentences."""
    found = set()
    for match in _NAME.finditer(undot(text)):
        words = [w for w in match.group().split()
                 if w not in language.not_names and not language.number.fullmatch(w)]  # "Eleven people
        if len(words) == 1 and words[0].istitle() and words[0].lower() in language.stop_words:
            continue  # "Most voters say", "Some fled": a function word alone opens a sentence, names no one
        if words:
            found.add(" ".join(words))
    return found


def dropped_qualifiers(claim: str, source: str, language: Language = ENGLISH) -> list[str]:
    """Qualifiers of the source left out of the claim while the word they qualify is kept.

    "Democrats sought to increase payments" -> "Democrats increased payments" drops "sought"; but
    "X denied that ... and said Y" -> "X said Y" drops a whole clause, qualifier and all, and is fine.
    Qualifiers are the words of `language.qualifiers` (negation, "sought to", "former", "at least").
    Words are compared on their stems, so "increase" is kept in "increased"; the qualified word also
    counts as kept when the claim has a word of the same root ("threatened to ban" -> "banned").
    """
    a, b = _words(claim), _words(source)

    def key(word: str) -> str:  # "eleven" and "11" are the same word here
        value = numbers(word, language)
        return value.pop() if value else language.stem(word)

    kept = {j for block in SequenceMatcher(None, [key(w) for w in a], [key(w) for w in b], autojunk=False)
            .get_matching_blocks() for j in range(block.b, block.b + block.size)}
    in_claim = set(a)
    claim_content = set(language.content_words(claim))
    dropped = set()
    for j, word in enumerate(b):
        if word not in language.qualifiers or word in in_claim or j in kept:
            continue
        following = next((k for k in range(j + 1, len(b)) if b[k] not in language.linking), None)
        if following is None:
            continue
        # what it qualified is still in the claim: the word itself, a word of its root, or, for a
        # qualifier of an infinitive whose verb is irregular ("tried to take the airport" -> "took the
        # airport"), the words that come after that verb
        after_verb = language.content_words(" ".join(b[following + 1:following + 4])) \
            if b[j + 1:j + 2] == ["to"] else []
        if following in kept or any(_same_root(b[following], w) for w in a) \
                or set(after_verb) & claim_content:
            dropped.add(word)
    return sorted(dropped)


def _same_root(a: str, b: str) -> bool:
    """"ban" and "banned", "cutting" and "cut", "moving" and "moved": the same first three letters."""
    return len(a) >= 3 and len(b) >= 3 and a[:3] == b[:3]


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9][a-z0-9'-]*", text.lower().replace("’", "'"))


def quotations(text: str) -> list[str]:
    return [q.strip() for q in QUOTATION.findall(text)]


def missing_numbers(claim: str, sources: list[str], language: Language = ENGLISH) -> set[str]:
    held = set().union(*(numbers(s, language) for s in sources)) if sources else set()
    held |= {n for word, n in language.implied_numbers.items()
             if any(re.search(rf"\b{word}\b", s, re.IGNORECASE) for s in sources)}
    return numbers(claim, language) - held


def date_numbers(text: str, language: Language = ENGLISH) -> set[str]:
    """The day and year numbers of the text's dates ("on November 9"), but those it also states outside
    a date ("9 people died on November 9": 9 is also a count)."""
    in_dates = set().union(*(numbers(m.group(), language) for m in language.date.finditer(text)))
    return in_dates - numbers(language.date.sub(" ", text), language)


def missing_names(claim: str, sources: list[str], language: Language = ENGLISH) -> set[str]:
    """Names in the claim none of whose words appear in the sources (so 'Dravanek' covers 'Ilse Dravanek',
    'Russia' covers 'Trump-Russia').

    A word matches on its stem: "Armenian" is found in "Armenia", "Azerbaijan's" in "Azerbaijani";
    a name also matches its initials, either way round ("United States", "U.S.").
    """
    undotted = undot(" ".join(sources))
    joined = _plain(undotted)
    words = set(re.findall(r"\w+", joined))
    stem = language.stem

    @cache
    def unhyphenated() -> set[str]:  # "G7" is found in "G-7"
        return set(re.findall(r"\w+", joined.replace("-", "")))

    @cache
    def named_words() -> set[str]:
        return {w.lower() for name in names(" ".join(sources), language) for w in re.split(r"[\s-]+", name)}

    def found(word: str) -> bool:
        if stem(word) in joined if len(stem(word)) > 2 else stem(word) in words:
            return True
        if len(word) > 1 and word.lower() in unhyphenated():
            return True
        # a people named after its place: "Lindish" is found in "Lind", "Velmaran" in the name "Velmaro"
        place = language.demonym.sub("", word.lower())
        return len(place) >= 4 and (place in words or any(
            w.startswith(place) and len(w) - len(place) <= language.demonym_rest for w in named_words()))

    def common_word(name: str) -> bool:
        # A capital on the first word may be only the sentence's: "Flooding closed the road" is
        # found in "floodwater covered the road" (the source writes the root in lower case)
        root = name.lower()[:5]
        return " " not in name and claim.lstrip("\"“‘' ").startswith(name) and \
            re.search(rf"\b{re.escape(root)}", " ".join(sources)) is not None  # lower case only

    # a name and its initials are one name ("United States" is found in "U.S.", "NCAA" in "National
    # Collegiate Athletic Association"), as are the language's other names for one body ("GOP");
    # the sources' acronyms and initials are gathered only for a name not found otherwise
    equivalent = _equivalents(language)

    @cache
    def short_forms() -> tuple[set[str], set[str]]:
        # a body's name runs on over "and" and "for": "Food and Drug Administration" is the FDA's
        linked = re.sub(r"\b([A-Z][\w’'-]*)\s+(?:and|for|&)\s+(?=[A-Z])", r"\1 ", undotted)
        return set(re.findall(r"\b[A-Z]{2,}\b", undotted)), {_initials(n) for n in names(linked, language)}

    def same_name(name: str) -> bool:
        bare = language.without_possessive(name)
        other = equivalent.get(stem(bare))
        if other is not None and re.search(rf"\b{re.escape(other)}", undotted):
            return True
        acronyms, initials = short_forms()
        # ... its first letters at least: "CDC" for "Centers for Disease Control and Prevention"
        return _initials(bare) in acronyms or (bare.isupper() and any(
            i == bare or (len(bare) >= 3 and i.startswith(bare)) for i in initials))

    months = {month.lower(): month[:3] for month in language.months}

    def month_named(name: str) -> bool:
        # "January 6" is found in "Jan. 6"
        short = months.get(name.lower())
        return short is not None and re.search(rf"\b{short}\b", undotted) is not None

    # an acronym the claim itself spells out ("Health and Human Services (HHS)") adds no name of its own:
    # the words it stands for are checked as names
    defined = {m.group(2) for m in re.finditer(r"((?:[A-Z][\w'’-]*\s+(?:(?:and|of|for|the)\s+)?)+)\(([A-Z]{2,})\)",
                                                claim)
               if _initials(m.group(1)).endswith(m.group(2))}

    def party_named(name: str) -> bool:
        # "Sen. Rand Paul (R-Ky.)" is found in "Paul, a Republican": the tag says his party, not a name
        tag = language.party_tag.fullmatch(name)
        return tag is not None and found(language.parties[tag.group("party")])

    return {name for name in names(claim, language)
            if not any(found(word) for word in re.split(r"[\s-]+", name) if word)  # "Trump-Russia": either
            and not common_word(name) and not same_name(name) and not party_named(name)
            and not month_named(name) and name not in defined}


@cache
def _equivalents(language: Language) -> dict[str, str]:
    """The language's other names for one body, both ways round, keyed by stem."""
    return {language.stem(one): other for pair in language.name_equivalents.items()
            for one, other in (pair, pair[::-1])}


def _initials(name: str) -> str:
    """"United States" -> "US"; a one-word name has none."""
    words = [w for w in name.split() if w[:1].isupper()]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def undot(text: str) -> str:
    """Initials without their dots ("U.S. Senate" -> "US Senate"), as names are read."""
    return _ACRONYM.sub(lambda m: m.group().replace(".", "").replace(" ", "") + " ", text)


def unquoted(claim: str, sources: list[str]) -> list[str]:
    """Quotations in the claim that no source contains verbatim. The comma or stop a quotation closes on
    is the sentence's, not the speaker's: '"close to being completed."' quotes a source's '"close to
    being completed," he said'."""
    normal = [_plain(s) for s in sources]
    return [q for q in quotations(claim) if not any(_plain(q).rstrip(",.") in s for s in normal)]


def _plain(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("“", '"').replace("”", '"').lower().split())
