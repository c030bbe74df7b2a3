"""Support checks: does a cited source sentence support a claim? There is no NLI model on PyPI,
so the check is built from what we have, cheapest first, stopping at the first failure:

  similarity  the two sentences are close in meaning (MiniLM cosine)
  numbers     every number in the claim is in the source (read as its article, `nearby`: a count
              may be in the sentences around it, a date may go unsaid)
  names       every name in the claim is in the source
  quotes      every quotation in the claim is verbatim in the source
  hedges      a source that hedges ("allegedly") is not turned into a bare fact, nor is a
              source's claim with its speaker ("..., the army said") cut off
  roles       the same words with doer and done-to traded ("the airline accused the union")
  claims      a source's "X accused Y of ...", "X insisted ..." is not made the brief's own fact
  qualifiers  no "not", "sought to", "former", "at least" of the source is left out while the
              words it qualifies are kept
  future      what the source says is to happen ("will hold talks") is not told as done
  judge       the LLM, asked yes/no, gives "yes" a probability of at least JUDGE_YES; not asked
              when the claim is a near-verbatim copy of the source, or the source with only whole
              phrases taken out and none of the words whose loss changes what it says (`shortens`)

Each check returns a `Support` for the audit trail; its `reason` says why the source fails.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher

import numpy as np

from models.judge import Judge
from summarizer.comparison.disagree import counted
from summarizer.lang import Language
from summarizer.lang.en import ENGLISH
from summarizer.types import Support
from summarizer.wording.evidence import (date_numbers, dropped_qualifiers, missing_names, missing_numbers, numbers,
                                         unquoted)
from summarizer.wording.neutral import hedges, is_attributed, own_voice, speaker_clause, without_speaker

SUPPORTS = 0.6
# A sentence that leaves the claim's counts to the sentences around it must be this close to the claim:
# in long articles the closest sentence at 0.6-0.7 was often another fact beside the one whose figures
# were around it (a shooting in Chicago, beside two journalists shot in the Dominican Republic)
AROUND_SUPPORTS = 0.7
JUDGE_YES = 0.65  # see models/judge.py and tests/data/support_pairs.jsonl
VERBATIM = 0.95  # word-sequence similarity at which the claim is the source, reworded at most trivially


def check_support(claim: str, source: str, similarity: float, judge: Judge | None,
                  verdicts: dict | None = None, wording: bool = True, floor: float = SUPPORTS,
                  language: Language = ENGLISH, nearby: list[str] | None = None) -> Support:
    """Does `source` support `claim`? `verdicts` caches judge answers by source text.

    `nearby` are the sentences around the source in its article, when the question is whether the
    article states the claim: a count the source leaves out may be given there ("Two crew members
    were killed. A third was injured, it said. Azerbaijan apologized." states the apology and its
    toll), and a date the article does not give is no other date (`_given_around`).

    `wording=False` skips the names, quotes and hedge checks: for a claim that is itself a source
    sentence (extractive mode), another outlet reporting the same fact in its own words supports it.
    `floor` is the similarity below which the source is not looked at further (an audit lowers it, to
    find paraphrases that MiniLM puts far apart).
    """
    support = Support(similarity=round(similarity, 3))
    support.reason = _first_failure(claim, source, similarity, wording, floor, language, nearby)
    if not support.reason and nearby is not None:
        support.numbers_nearby = sorted(missing_numbers(claim, [source], language)) or None
    if support.reason:
        return support
    if verbatim(claim, source):
        support.judge = "skipped: near-verbatim"
    elif shortens(claim, source, language):
        support.judge = "skipped: the source with phrases taken out"
    elif judge is None:
        support.judge = "not run"
    else:
        verdicts = {} if verdicts is None else verdicts
        if source not in verdicts:
            verdicts[source] = judge.support(claim, [source])
        support.judge_yes = round(verdicts[source], 3)
        if verdicts[source] < JUDGE_YES:
            support.reason = f"judge: P(yes) {verdicts[source]:.2f} below {JUDGE_YES}"
    return support


def _first_failure(claim: str, source: str, similarity: float, wording: bool, floor: float,
                   language: Language, nearby: list[str] | None = None) -> str | None:
    """The first of the cheap checks that the source fails, as a reason, or None."""
    if similarity < floor:
        return f"similarity {similarity:.2f} below {floor}"
    absent = missing_numbers(claim, [source], language)
    if absent and nearby is not None:
        around = absent & _given_around(claim, source, nearby, language)
        if around and similarity < AROUND_SUPPORTS:
            return f"leaves {', '.join(sorted(around))} to the sentences around it, at similarity " \
                   f"{similarity:.2f} below {AROUND_SUPPORTS}"
        absent -= around
    if absent:
        return f"does not state {', '.join(sorted(absent))}"
    return wording_failure(claim, source, language) if wording else None


def leaves_figures_out(claim: str, source: str, language: Language, around: list[str] | None = None) -> bool:
    """Does the source leave some of the claim's figures out, giving none of its own, and do the sentences
    `around` it in its article give no other count of a kind the claim counts? An omission, not another
    figure: "Azerbaijan apologized for the accidental downing" states "... which left two crew members
    dead and one injured" but for its toll, where "nine dead", in it or beside it, gives another toll."""
    if not missing_numbers(claim, [source], language) or not numbers(source, language) <= numbers(claim, language):
        return False
    claimed: dict[str, set[float]] = {}
    for kind, amount, _ in counted(claim, language):
        claimed.setdefault(kind, set()).add(amount)
    return not any(kind in claimed and amount not in claimed[kind]
                   for text in [source, *(around or [])] for kind, amount, _ in counted(text, language))


def wording_failure(claim: str, source: str, language: Language) -> str | None:
    """The first of the wording checks the source fails for the claim (names, quotations, hedges, who
    said it, who did what, a party's claim, qualifiers, the future), as a reason, or None: what a
    sentence that states the claim's meaning and numbers may still leave out of it."""
    unnamed = sorted(missing_names(claim, [source], language))
    if unnamed:
        return f"does not name {', '.join(unnamed)}"
    invented = unquoted(claim, [source])
    if invented:
        return f"does not contain the quotation \"{invented[0]}\""
    dropped = _dropped_hedges(claim, source, language)
    if dropped:
        return f"drops the source's hedge ({', '.join(dropped)})"
    bare = without_speaker(source, language)
    if bare != source and not is_attributed(claim, language) and not _own_voice_speaks(source, language) and (
            verbatim(claim, bare) or shortens(claim, bare, language)):
        return "leaves out who said it"
    if _roles_swapped(claim, source, language) or _voice_turned(claim, source, language):
        return "swaps who did what to whom"
    if _states_a_partys_claim(claim, source, language):
        return "states as fact what the source gives as a party's claim"  # "X accused Y of ..." -> "Y did ..."
    qualifiers = dropped_qualifiers(claim, source, language)
    if qualifiers:
        return f"leaves out {', '.join(repr(w) for w in qualifiers)}"
    if _future_told_as_done(claim, source, language):
        return "tells as done what the source says is to happen"
    return None


def _given_around(claim: str, source: str, around: list[str], language: Language) -> set[str]:
    """Numbers of the claim that the source's article gives around it: a count (deaths, injured, ...)
    that the sentences around state alike ("Two crew members were killed." "A third crew member was
    injured." give two dead and one injured), where the source itself gives no other amount of that
    kind; and the day and year of a date, where the article gives no date at all (an outlet that
    reports the event "on Monday" states it, not another day). Other numbers must be in the source."""
    source_counts = [(kind, amount) for kind, amount, _ in counted(source, language)]
    told = set(source_counts) | {(kind, amount) for text in around for kind, amount, _ in counted(text, language)}
    own: dict[str, set[float]] = {}
    for kind, amount in source_counts:
        own.setdefault(kind, set()).add(amount)
    given = set()
    for kind, amount, (start, end) in counted(claim, language):
        if (kind, amount) in told and own.get(kind, {amount}) == {amount}:
            given |= numbers(claim[start:end], language) | {f"{amount:g}"}
    if not any(language.date.search(text) for text in [source, *around]):
        given |= date_numbers(claim, language)
    return given


def _dropped_hedges(claim: str, source: str, language: Language) -> list[str]:
    """The source's hedges over words the claim states, where the claim has no hedge or speaker of its own.

    A hedge covers the words after it in its clause: "Biden ordered an inquiry into the origins of
    Covid-19, following scrutiny of the possibility that the outbreak might have started with a
    laboratory leak" hedges the leak, not the inquiry, and "Biden ordered an inquiry into the virus's
    origins" drops no hedge. One that says who says it ("according to the army") covers the sentence."""
    if hedges(claim, language) or is_attributed(claim, language):
        return []
    voice = own_voice(source).lower()
    return [hedge for hedge in hedges(source, language) if hedge in language.sentence_hedges
            or any(_states_what_follows(claim, voice, found.end(), language)
                   for found in re.finditer(rf"\b{re.escape(hedge)}\b", voice))]


def _states_a_partys_claim(claim: str, source: str, language: Language) -> bool:
    """The source gives a party's claim ("the union accused the airline of lying"), and the claim, with
    no speaker or hedge of its own, states what was claimed. A claim about the rest of the source
    ("The captain, whom the union accused of lying, resigned" -> "The captain resigned") states none of it."""
    if is_attributed(claim, language) or hedges(claim, language):
        return False
    return any(_states_what_follows(claim, source, found.end(), language)
               for found in language.claim_speech.finditer(source))


def _states_what_follows(claim: str, source: str, end: int, language: Language) -> bool:
    """Does the claim state a word of the source's clause after position `end`? (Four letters: "leak"
    meets "leaking".)"""
    said = {word[:4] for word in language.content_words(claim)}
    clause = re.split(r"[,;:()—–]", source[end:])[0]
    return bool(said & {word[:4] for word in language.content_words(clause)})


def _roles_swapped(claim: str, source: str, language: Language) -> bool:
    """The same words with two of them trading places, and no change of voice: "The airline accused the
    union" from "The union accused the airline". ("The strike was called off by the union" from "The
    union called off the strike" trades places too, but the passive's "by" keeps who did it.)"""
    a, b = language.content_words(claim), language.content_words(source)
    if len(a) != len(b) or a == b or sorted(a) != sorted(b):
        return False
    differ = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    passive = [bool(re.search(rf"\b{language.agent}\b", t, re.IGNORECASE)) for t in (claim, source)]
    # neighbours trading places is a possessive turned round ("Drenna's volcano", "the volcano on Drenna")
    return len(differ) == 2 and differ[1] - differ[0] > 1 and a[differ[0]] == b[differ[1]] \
        and passive[0] == passive[1]


def _voice_turned(claim: str, source: str, language: Language) -> bool:
    """What one of the two says was done to something, the other says it did: "a military helicopter had
    shot down a missile launcher" from "a Russian military helicopter was shot down". Only where each
    uses the verb one way: "the gunman was shot by police after he shot two people" tells both."""
    passives = {text: [(m.group(1).lower(), m.group(2).lower()) for m in language.passive_voice.finditer(text)]
                for text in (claim, source)}  # (done to, verb), each text read once
    for one, other in ((claim, source), (source, claim)):
        passive_in_one = {verb for _, verb in passives[one]}
        for done_to, verb in passives[other]:
            if done_to in language.stop_words or verb in language.stop_words or verb in passive_in_one:
                continue
            if done_to in _doers(one, verb, language) and not _doers(other, verb, language):
                return True
    return False


def _doers(text: str, verb: str, language: Language) -> set[str]:
    """The words right before `verb` used actively ("helicopter" in "the helicopter had shot down")."""
    found = re.finditer(language.active_voice.format(verb=re.escape(verb)), text, re.IGNORECASE)
    return {m.group(1).lower() for m in found} - language.stop_words  # not "was" or "been"


def _own_voice_speaks(source: str, language: Language) -> bool:
    """"The coast guard opened an inquiry, its spokesman said": the actor's own spokesman or office
    telling what the actor did; the brief may say it without them."""
    found = speaker_clause(source, language)
    return bool(found) and bool(language.own_spokesman.match(found[1]))


def _future_told_as_done(claim: str, source: str, language: Language) -> bool:
    """The source says something is to happen ("will hold talks", "is due to reopen"), and the claim,
    about that same thing (it shares the words after "will"), says it without any future."""
    if language.future.search(claim):
        return False
    said = {w[:4] for w in language.content_words(claim)}  # four letters: "open" meets "opened"
    for marker in language.future.finditer(source):
        after = language.content_words(source[marker.end():])[:4]
        if said & {w[:4] for w in after}:
            return True
    return False


def verbatim(claim: str, source: str) -> bool:
    a, b = claim.lower().split(), source.lower().split()
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= VERBATIM


_WORD = re.compile(r"[\w'’$%.-]*\w|[,;:()—–]")


def shortens(claim: str, source: str, language: Language = ENGLISH) -> bool:
    """Is the claim the source with phrases taken out, and nothing changed that alters what it says?

    Taking out a comma-bounded phrase, a prepositional or time phrase, or a word or two keeps what
    the rest asserts true (a small model's judge often says "no" to exactly these, because details
    are missing). Taking out a negation, a hedge, the speaker or "sought to" does not, so those
    words must stay; added words may only be articles and the like.
    """
    a = [w.lower().replace("’", "'") for w in _WORD.findall(claim)]
    b = [w.lower().replace("’", "'") for w in _WORD.findall(source)]
    if not a or len(a) >= len(b):
        return False
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        added, removed = a[i1:i2], [w for w in b[j1:j2] if w not in ",;:()—–"]
        if any(w not in language.glue for w in added if w not in ",;:()—–"):
            return False
        if any(w in language.keepers for w in removed):
            return False
        set_off = b[j1] in ",;:(—–" or b[j2 - 1] in ",;:)—–" or (j1 > 0 and b[j1 - 1] in ",;:(—–")
        # "a $2.3 trillion package" -> "the package"; but not "the brother of the suspect" -> "the suspect"
        modifier = len([w for w in removed if w not in language.glue]) <= 2 and "of" not in removed
        if not (set_off or modifier or removed[0] in language.phrase_openers):
            return False
    return True


def similarities(embedder, claim: str, sources: list[str]) -> np.ndarray:
    vectors = embedder.embed([claim] + sources)
    return vectors[1:] @ vectors[0]
