"""Selection stage: choose the brief's sentences, all at once, under the word budget.

The brief should carry as much of what the sources *share* as the budget allows. That is an
optimisation over the whole brief, not a walk over clusters (Gillick & Favre's concept ILP):

    maximise   sum of w(u) over the content units u the chosen sentences cover
             + RELEVANCE * sum of how close each chosen sentence is to the headlines and leads
             - REPEAT * sum of the closeness of chosen pairs that overlap in meaning
    subject to the chosen sentences' words <= budget, and no two chosen sentences that say the
               same thing in other words (closer than REDUNDANT)

A unit (summarizer/content/units.py) weighs more the more independent sources state it (wire copies count
once; a headline counts for its source), and more when a headline states it. (A bonus for units
near the top of an article was tried and lost ROUGE on both development halves.) A unit only one
source states still counts a little, so the budget is used when the
sources have that much to say. Covering a unit twice earns nothing, which keeps repeats out. The
problem is solved exactly by scipy's MILP solver (HiGHS), within a time limit.

Only sentences that read on their own are candidates (no dangling "he", "the statement", cut
quotations, questions, loaded terms or a party's claim in the outlet's voice), and those that read
right straight after the sentence before them in their article ("A third was injured, it said."):
such a sentence is chosen only with that one, and follows it in the brief. Each candidate may also
be taken shortened, without the set-off details no other source states (summarizer/content/compress.py):
the freed words go to more news. A short chosen sentence in which the parser finds no clause (a
film's credits, a caption, half of a thought split in two) is no sentence: the brief is chosen again
without it. The brief opens with the sentence that best states the event, as the headlines and leads
put it (of two alike, the one more outlets state); the rest follow in the order the articles tell
them, which puts background last.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

import numpy as np

from summarizer.content.cluster import SAME_FACT
from summarizer.content.compress import shortened
from summarizer.content.extract import cite
from summarizer.lang import Language
from summarizer.reading.clean import ends_sentence
from summarizer.reading.language import in_language
from summarizer.wording.neutral import loaded_terms, one_party_claim, own_voice
from summarizer.types import Cluster, Sentence
from summarizer.content.units import units

MIN_WORDS = 6
# A sentence the given text cut off is a candidate from this length: the NeuS leads cut at 7 to 10 words
# had not reached their verb ("Its unanimous decision for the first time…"); those of 20 and more had.
CUT_OFF_WORDS = 15
SINGLE_SOURCE = 0.05  # weight of a unit one source states, against 1 per further source
HEADLINE = 2.0  # added to a unit that a headline states
# times the weight of a count ("injured:1"): the toll is the news a reader looks for first. At 1 the seeds'
# "a third was injured" lost to background; at 2 the ferry example's one-source figures pushed out its
# consensus lead. NeuS and Multi-News moved by 0.04 at most between 1 and 2.
COUNT = 1.3
RELEVANCE = 3.0  # per chosen sentence, times its closeness to the headlines and leads
AGREEMENT = 2.0  # per chosen sentence, times the further independent sources that state it
CANDIDATES = 80  # sentences given to the solver, the closest to the event first
# Two sentences this close say the same thing: at most one is chosen. Between SAME_FACT and this,
# they overlap: both may be chosen when the second adds enough (the other outlet's details), at a
# cost. Excluding every pair above SAME_FACT, as before, left a quarter of the budget unused on short
# clusters and lost 1.3 ROUGE-1 on both NeuS halves; at 0.82 paraphrases a reader notices got in.
REDUNDANT = 0.75
REPEAT = 2.0  # cost of an overlapping pair, times its closeness (about one sentence's relevance)
# A backstop, not a budget: past it the solver's best answer so far is used, and that depends on the
# machine's speed and load. Every brief of both evaluation sets is solved to optimality well inside it
# (the hardest, a 214-word Multi-News brief over 107 candidates, in 2.1 s; every NeuS one in under
# 0.05 s), so the same articles give the same brief on any machine. At 2 s that brief came out
# differently from run to run.
TIME_LIMIT = 10.0
# A chosen sentence this short is parsed for a clause. Longer ones are left as they are: in them the
# small parser misses the subject more often than they lack one ("A booklet published on Monday as
# part of first lady Melania Trump's campaign copies a document ...", "copies" read as a noun).
PIECE_WORDS = 15
# Times the brief may be chosen again without chosen sentences that hold no clause; each round parses
# only the sentences newly chosen. Of the 557 briefs of both evaluation sets, 20 were chosen again
# once and 2 twice; none needed a third time.
RECHOOSE = 3


def event_vector(vectors: np.ndarray) -> np.ndarray:
    """The direction of the event: mean of the headlines' and leads' embeddings."""
    mean = vectors.mean(axis=0)
    return mean / (np.linalg.norm(mean) or 1.0)


def can_stand_alone(sentence: Sentence, language: Language) -> bool:
    return reads_whole(sentence, language) and not leans_back(sentence, language)


def leans_back(sentence: Sentence, language: Language) -> bool:
    """Does it lean on the sentence before it ("He said ...", "..., it said", "the incident")?"""
    text = sentence.text
    return bool(language.needs_context.match(text) or language.points_back.search(text)
                # a quotation and nothing else: who said it is in the sentence before
                or (text.lstrip().startswith(('"', "“", "‘")) and len(own_voice(text).split()) <= 1)
                # "he" or "she", outside quotation marks, without one capitalised word there: "The sons say
                # she's threatening to challenge the prenup.", '"It was a huge eye-opener," he said.' (any
                # capital may be the one meant: "Bunch said she was in shock", "... a traffic stop Tuesday night")
                or (language.personal_pronoun.search(voice := own_voice(text)) and not _capitalised(voice, language)))


def _capitalised(text: str, language: Language) -> bool:
    """Has it a capitalised word other than a first word like "The" or "When"?"""
    words = re.findall(r"[\w’'.-]+", text)
    return any(word[0].isupper() and not (i == 0 and word.lower() in language.stop_words)
               for i, word in enumerate(words))


def reads_whole(sentence: Sentence, language: Language) -> bool:
    """Is it a whole sentence that the brief may state, given what came before it?"""
    text = sentence.text
    return (
        sentence.words >= MIN_WORDS
        and not language.fragment.match(text)
        and (text.count('"') + text.count("“") + text.count("”")) % 2 == 0  # a quotation cut off mid-way
        # ... or the middle of one that runs over several sentences: someone's words, without marks or speaker
        and not sentence.inside_quotation
        and text.count("(") == text.count(")")  # an aside cut off mid-way: "(Note: Kate confirmed Monday ..."
        and not _shouted(text)  # a transcript or promo in capitals: "EUGENE BLACKWELL, JR. RAN FROM ..."
        and in_language(text, language)  # not a quoted abstract in another language: "Kami mendokumentasikan ..."
        and not text.rstrip("\"”’' ").endswith((":", "?"))
        and not _furniture(sentence, language)
        # "Today we sought a search warrant": someone speaking for themselves, unquoted; the brief cannot
        # say who (and the outlet's own "we" is its voice, not the news)
        and not language.first_person.search(voice := own_voice(text))
        and not language.addresses_reader.search(voice)  # "You might think a filmmaker ..."
        and not language.writer_exclaims.search(voice)  # "Created in 1965, the show is still going strong!"
        and not language.says_nothing.search(text)  # "The army released a statement early Monday."
        and not loaded_terms(text, language)  # "Baku admitted...": the outlet's voice, not the brief's
        # "Azerbaijan accidentally shot down ...": a party's claim stated as fact; another outlet's
        # "the ministry said ... by accident" says the same and who claims it
        and not one_party_claim(text, language)
    )


def _shouted(text: str) -> bool:
    """Mostly capitals: four words or more, and most of its words (not its initials, "U.S.", "NFL")."""
    words = [w for w in re.findall(r"[^\W\d_][\w’'.-]*", text) if len(w.strip(".")) > 1]
    capitals = [w for w in words if w.isupper() and len(w.replace(".", "")) > 3]
    return len(capitals) >= 4 and len(capitals) * 2 > len(words)


def unit_weights(sentences: list[Sentence], said: dict[int, set[str]], sources: list[int],
                 headlines: list[str | None], language: Language) -> dict[str, float]:
    """w(u): how many independent sources state u (a headline counts for its source), plus a headline bonus."""
    stated: dict[str, set[int]] = {}
    in_headline: set[str] = set()
    for document, headline in enumerate(headlines):
        if headline and loaded_terms(headline, language):
            continue  # "Union slams government as ..." is the outlet's voice, not how the event is told
        for unit in units(headline or "", language):
            stated.setdefault(unit, set()).add(sources[document])
            in_headline.add(unit)
    for sentence in sentences:
        for unit in said[id(sentence)]:
            stated.setdefault(unit, set()).add(sources[sentence.document])
    return {unit: ((SINGLE_SOURCE if len(who) == 1 else len(who) - 1) + HEADLINE * (unit in in_headline))
            * (COUNT if unit.startswith("count:") else 1.0) for unit, who in stated.items()}


class Selection(NamedTuple):
    chosen: list[tuple[Cluster, Sentence]]  # the brief's sentences with their clusters, in reading order
    # the most words any set of the candidates could fill within the budget, none two that say the same
    # thing: how much the sources have to say, against which the brief's use of its budget is measured
    fillable_words: int


def select(clusters: list[Cluster], event: np.ndarray, max_words: int, by_document: list[list[Sentence]],
           sources: list[int], headlines: list[str | None], language: Language,
           stated: str = "", taken: list[Sentence] = (),
           clauses: Callable[[list[str]], list[bool]] | None = None) -> Selection:
    """The brief's sentences with their clusters, in reading order, after `stated` (the brief's headline,
    or all it says so far), whose units earn nothing again. Sentences already `taken`, and those that
    say the same thing as one of them, are not candidates. `clauses` (a parser's: models/parser.py)
    tells for each text whether it holds a clause; a chosen sentence without one is no sentence
    ("Starring Julia Roberts and Nathan Lane."), and the brief is chosen again without it."""
    cluster_of = {id(s): c for c in clusters for s in c.members}
    sentences = [s for c in clusters for s in c.members]
    said = {id(s): units(s.text, language) for s in sentences}  # each sentence's content units, computed once
    weights = unit_weights(sentences, said, sources, headlines, language)
    weights.update(dict.fromkeys(units(stated, language), 0.0))
    candidates = [s for s in sentences if can_stand_alone(s, language) and _ends(s, by_document, language)]
    if taken:
        said_before = np.stack([s.embedding for s in taken])
        candidates = [s for s in candidates if float(np.max(said_before @ s.embedding)) < REDUNDANT]
    # each beside its shortened form, without the details only its outlet gives (content/compress.py):
    # the two are one sentence (the same embedding), so the solver takes at most one of them. Units
    # `stated` already weigh 0 here, so a phrase that only repeats what the brief says may go too.
    shared = {unit for unit, weight in weights.items() if weight >= 1}
    # (and still reads whole: "The army released a statement early Monday, saying ..." may not lose what it said)
    shorter = {id(s): v for s in candidates
               if (v := shortened(s, shared, language)) and v.words >= MIN_WORDS and reads_whole(v, language)}
    candidates = [s for s in candidates if shorter.get(id(s), s).words <= max_words]  # it fits, whole or shortened
    candidates.sort(key=lambda s: -float(s.embedding @ event))
    candidates = candidates[:CANDIDATES]
    variants = [shorter[id(s)] for s in candidates if id(s) in shorter]
    for variant in variants:
        said[id(variant)] = units(variant.text, language)
        cluster_of[id(variant)] = cluster_of[id(variant.original)]
    candidates = [s for s in candidates + variants if s.words <= max_words]
    after = _continuations(candidates, by_document, max_words, language)
    candidates += [sentence for sentence, _ in after]
    position = {id(s): i for i, s in enumerate(candidates)}
    agreement = {id(s): _further_sources(s, by_document, sources, language) for s in candidates}
    pairs = [(position[id(s)], position[id(before)]) for s, before in after]
    covered = [said[id(s)] for s in candidates]
    chosen = solve(candidates, covered, weights, event, max_words, agreement, pairs)
    # Parsing every candidate would cost more than the rest of the selection, and few are pieces: only
    # the chosen are parsed, and the brief is solved again without any that hold no clause.
    whole: dict[int, bool] = {}
    for _ in range(RECHOOSE if clauses else 0):
        # an aside in brackets makes no sentence: "Col. Alexander Vindman (a National Security Council
        # staffer) and Jennifer Williams (a State Department official detailed to ...)." is a list of two
        unparsed = {id(s): _outside_brackets(s.text) for s in chosen if id(s) not in whole}
        short = {key: text for key, text in unparsed.items() if len(text.split()) <= PIECE_WORDS}
        whole.update(zip(short, clauses(list(short.values())) if short else []))
        pieces = {position[id(s)] for s in candidates if not whole.get(id(s), True)}
        if not any(position[id(s)] in pieces for s in chosen):
            break
        chosen = solve(candidates, covered, weights, event, max_words, agreement, pairs, excluded=pieces)
    fillable = most_words(candidates, max_words, pairs)
    if not chosen:
        return Selection([], fillable)
    taken = set(map(id, chosen))
    leaning_on = {id(before): s for s, before in after if id(s) in taken}  # chosen with what it leans on
    following = set(map(id, leaning_on.values()))
    heads = [s for s in chosen if id(s) not in following]
    tells_event = {id(s): float(s.embedding @ event) + _headline_share(s, headlines, language) for s in heads}
    first = max(heads, key=lambda s: (round(tells_event[id(s)], 1), agreement[id(s)]))
    rest = sorted((s for s in heads if s is not first), key=lambda s: s.index / max(len(by_document[s.document]), 1))
    ordered = []
    for head in [first] + rest:  # each followed by the sentences that lean on it, as its article has them
        ordered.append(head)
        while id(ordered[-1]) in leaning_on:
            ordered.append(leaning_on[id(ordered[-1])])
    return Selection([(cluster_of[id(s)], s) for s in ordered], fillable)


def _continuations(candidates: list[Sentence], by_document: list[list[Sentence]], max_words: int,
                   language: Language) -> list[tuple[Sentence, Sentence]]:
    """Sentences that read wrong on their own but right straight after the sentence before them in
    their article ("The Defense Ministry said two crew members were killed." "A third crew member
    was injured, it said."), each with that sentence: they may be chosen together, in that order."""
    after: list[tuple[Sentence, Sentence]] = []
    allowed = set(map(id, candidates))
    for document in by_document:
        # page furniture between them is no sentence of the article: '... received a star on the Walk of
        # Fame.' 'Get push notifications with news.' '"I want to thank me," he began.'
        prose = [s for s in document if not _furniture(s, language)]
        for before, sentence in zip(prose, prose[1:]):
            if id(before) in allowed and leans_back(sentence, language) and reads_whole(sentence, language) \
                    and sentence.words <= max_words and _ends(sentence, by_document, language):
                after.append((sentence, before))
                allowed.add(id(sentence))  # a third may lean on the second
    return after


def _outside_brackets(text: str) -> str:
    """The sentence without its asides in brackets."""
    return " ".join(re.sub(r"\([^()]*\)", " ", text).split())


def _furniture(sentence: Sentence, language: Language) -> bool:
    """Page furniture inside a paragraph: "Click here to ...", "MUST WATCH ...", "reach her at x@y.com"."""
    return bool(language.furniture_sentence.search(sentence.text) or language.contact_line.search(sentence.text))


def _ends(sentence: Sentence, by_document: list[list[Sentence]], language: Language) -> bool:
    """Does it end as a sentence ends? One that does not is a heading or caption run into the text,
    unless it is the last of its article: then the text given was cut off there, and it is all the
    source says (the brief marks the cut: content/extract.py), if it runs long enough to have said something."""
    return ends_sentence(sentence.text, language) or (
        sentence.index == len(by_document[sentence.document]) - 1 and sentence.words >= CUT_OFF_WORDS)


def _further_sources(sentence: Sentence, by_document: list[list[Sentence]], sources: list[int],
                     language: Language) -> int:
    """Independent sources besides its own that state the sentence, as the extractive brief cites them
    (content/extract.py): a paraphrase in another cluster counts, a sentence with other numbers does
    not. Each outlet's sentence is read on its own here, as the selection was tuned; reading the
    numbers of the sentences around it too (a first, looser form of what the brief's citations now
    read) moved R-1 by +0.10 on NeuS and -0.10 on Multi-News (docs/measurements.md)."""
    citations, _ = cite(sentence, by_document, language, nearby=0, parts=False)
    return len({sources[c.document] for c in citations} - {sources[sentence.document]})


def _headline_share(sentence: Sentence, headlines: list[str | None], language: Language) -> float:
    """Share of the headlines' units the sentence states: the event as the outlets put it."""
    wanted = set().union(*(units(h or "", language) for h in headlines)) if headlines else set()
    return len(units(sentence.text, language) & wanted) / len(wanted) if wanted else 0.0


def solve(candidates: list[Sentence], covered: list[set[str]], weights: dict[str, float], event: np.ndarray,
          max_words: int, agreement: dict[int, int], after: list[tuple[int, int]] = (),
          excluded: set[int] = frozenset()) -> list[Sentence]:
    """The exact optimum of the selection objective (module docstring) over `candidates`, none of the
    positions `excluded`; for each pair (i, j) of `after`, candidate i (which leans on j) only with
    candidate j."""
    if not candidates:
        return []
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import coo_matrix

    holders: dict[str, int] = {}
    for unit_set in covered:
        for unit in unit_set:
            holders[unit] = holders.get(unit, 0) + 1
    # A unit only one candidate states is covered exactly when that sentence is chosen: its weight goes
    # to the sentence, and only units several candidates share need a variable of their own (the
    # same optimum, a far smaller problem).
    own = [sum(weights.get(u, 0.0) for u in unit_set if holders[u] == 1) for unit_set in covered]
    covered = [{u for u in unit_set if holders[u] > 1} for unit_set in covered]
    vocabulary = sorted(set().union(*covered))
    column = {unit: len(candidates) + i for i, unit in enumerate(vocabulary)}
    n, m = len(candidates), len(vocabulary)
    # a sentence that leans on the one before ("It said ...") is not credited with its closeness to the
    # event: without its subject, its embedding does not say what it is about (crediting it with the
    # closeness of the sentence it leans on was tried: -0.4 ROUGE-1 on the tuned NeuS half)
    leaning = {i for i, _ in after}
    relevance = np.array([RELEVANCE * (i not in leaning) * max(float(s.embedding @ event), 0.0)
                          + AGREEMENT * agreement[id(s)] + mine for i, (s, mine) in enumerate(zip(candidates, own))])
    closeness, similar = _redundant(candidates)
    overlapping = np.argwhere((closeness >= SAME_FACT) & (closeness < REDUNDANT))
    p = len(overlapping)
    objective = -np.concatenate([relevance, [weights.get(u, 0.0) for u in vocabulary],
                                 [-REPEAT * closeness[a, b] for a, b in overlapping]])
    # rows: 0 the budget; 1..m "a unit counts only if a chosen sentence states it"; then one row per
    # pair of sentences that say the same thing (at most one of the two); then one per pair that
    # overlaps (both chosen costs REPEAT times their closeness)
    rows, columns, values = [0] * n, list(range(n)), [float(s.words) for s in candidates]
    for i, unit_set in enumerate(covered):
        for unit in unit_set:
            rows.append(1 + column[unit] - n); columns.append(i); values.append(-1.0)
    rows += [1 + j for j in range(m)]; columns += [n + j for j in range(m)]; values += [1.0] * m
    _add_pair_rows((rows, columns, values), similar, 1 + m, 1.0)
    first = 1 + m + len(similar)
    for k, (a, b) in enumerate(overlapping):
        rows += [first + k] * 3; columns += [int(a), int(b), n + m + k]; values += [1.0, 1.0, -1.0]
    first += p
    _add_pair_rows((rows, columns, values), after, first, -1.0)
    upper = np.concatenate([[max_words], np.zeros(m), np.ones(len(similar)), np.ones(p), np.zeros(len(after))])
    matrix = coo_matrix((values, (rows, columns)), shape=(first + len(after), n + m + p)).tocsr()
    integrality = np.concatenate([np.ones(n + m), np.zeros(p)])
    upper_bounds = np.ones(n + m + p)
    upper_bounds[list(excluded)] = 0.0
    result = milp(objective, integrality=integrality, bounds=Bounds(0, upper_bounds),
                  constraints=LinearConstraint(matrix, -np.inf, upper),
                  options={"time_limit": TIME_LIMIT, "disp": False})
    if result.x is None:
        return []
    return [s for s, x in zip(candidates, result.x[:n]) if x > 0.5]


def most_words(candidates: list[Sentence], max_words: int, after: list[tuple[int, int]] = ()) -> int:
    """The most words a set of `candidates` fills within `max_words`, under the selection's own rules:
    no two that say the same thing, and a sentence that leans on another only with it."""
    if not candidates:
        return 0
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import coo_matrix

    n = len(candidates)
    words = np.array([float(s.words) for s in candidates])
    _, similar = _redundant(candidates)
    rows, columns, values = [0] * n, list(range(n)), list(words)
    _add_pair_rows((rows, columns, values), similar, 1, 1.0)
    first = 1 + len(similar)
    _add_pair_rows((rows, columns, values), after, first, -1.0)
    upper = np.concatenate([[max_words], np.ones(len(similar)), np.zeros(len(after))])
    matrix = coo_matrix((values, (rows, columns)), shape=(first + len(after), n)).tocsr()
    result = milp(-words, integrality=np.ones(n), bounds=Bounds(0, 1),
                  constraints=LinearConstraint(matrix, -np.inf, upper),
                  options={"time_limit": TIME_LIMIT, "disp": False})
    return int(round(-result.fun)) if result.x is not None else 0


def _add_pair_rows(matrix: tuple[list, list, list], pairs, first: int, second: float) -> None:
    """One constraint row a pair (a, b), from row `first` on, into the (rows, columns, values) of a sparse
    matrix: x_a + x_b (two that say the same thing, at most one: `second` 1) or x_a - x_b (a sentence
    that leans on another, only with it: `second` -1)."""
    rows, columns, values = matrix
    for k, (a, b) in enumerate(pairs):
        rows += [first + k] * 2; columns += [int(a), int(b)]; values += [1.0, second]


def _redundant(candidates: list[Sentence]) -> tuple[np.ndarray, np.ndarray]:
    """Each pair's closeness in meaning (upper triangle), and the pairs that say the same thing."""
    vectors = np.stack([s.embedding for s in candidates])
    closeness = np.triu(vectors @ vectors.T, k=1)
    return closeness, np.argwhere(closeness >= REDUNDANT)
