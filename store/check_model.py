"""Gold a model trained without its report disagrees with (``pizhu check --model``).

The finished reports (``store.progress``) are cut into folds by report (report i in fold
i mod ``folds``); for each fold two span classifiers (``store.span_model``: logistic
regression over the stretch's characters, its context, jieba's words and extract's
tables; seconds a fold, no spaCy) are trained on the gold of the other folds: a *label*
model over the gold spans alone (which label, given it is one), and an *entity* model that
also knows ``NONE`` (no entity: the gold spans' stretches moved by one or two characters,
the rules' rejected candidates, ordinary words). Every gold span of the fold's reports is
read by both (``readings``) and flagged (kind ``model``, ``Reading.why``) where the
contradiction is confident — the gold label at most ``WEAK``, the other reading at least
``STRONG`` — and of one of three kinds:

- another label: the label model reads another label, and the entity model too reads that
  label likelier than no entity (a name neither model knows is no evidence of a label);
- a boundary cut through a name: the entity model reads the gold label over a stretch
  running one to three characters further out (中共张家界 where 中共张家界市委 stands);
  where the edge it moves cuts through a jieba word, a number or a place of extract's table
  (梅河|口市政协, 2|0多人: ``Reading.split``), weaker readings suffice (``CUT_STRONG``, ``CUT_WEAK``);
- no entity: the entity model reads it as none, and the rest of the gold agrees: the string
  stands outside every gold span in ``UNMARKED`` other places or is a common word of jieba's
  dictionary (no name, numeral or place), and is gold nowhere else. A string headed by a
  numeral (四个, 六届, 三日) is a count or a date by the word governing it, so its unmarked
  places count only after the same character, and jieba's dictionary is no evidence for it. A name the model does
  not know (most of what reviewers add) is neither, so is not flagged.

Each label's grammar of form (``span_form.fits``: a surname shape, an organ head, a place
chain or division word, a date unit, a measure word …) is evidence no model needs to have
seen the name for: a relabel where the string has the other label's form and not its own
(高云龙 as ORG, 民革北京市东城区 as GPE) is flagged on the label model alone at weaker readings
(``FORM_WEAK``, ``FORM_STRONG``); a cut whose edge cuts a word, leaving the span out of its
label's form while the stretch over it has it (约两星|期, 梅河新|区), whatever the model reads
there; a generic phrase with no name part (相关部门, 第十三届: ``span_form.generic``) the
entity model reads as no entity, though it stands unmarked nowhere else.

What the text and the rest of the gold around a span say is read after the models (``in_context``,
cheap and of the text alone, so dumped readings are read again by the same code): a label's grammar is
evidence only where it holds for the database's own gold of that label (``FORM_HOLDS``: not GPE, whose
nicknames and localities 申城, 五角场 it does not know); a wider stretch is no cut where it runs into other
gold (the bylines 丁泉杨常成), into the post after a body (中共西安市委|常委), or out of the form the span
has (市|政协张家界市); an ORG right before a post is the guidelines' body of a job title (统战部部长), never
no entity; a span started by a conjunction (|和文史资料委员会) is out of form; and what the guidelines put in a
span standing unmarked beside it — an ORG's place prefix (香港|商报), a FIGURE's unit (四十余|篇) — is a cut.

The rules' candidates over a stretch (their label, whether their boundaries are its, their
confidence: ``span_model.rule_features``) are features of the label model alone, trained
per fold like the rest: it learns from the other reports how far the reviewers' labels
follow the rules, so a correction they make elsewhere too is not read back as the rule's
label. The entity model that reads cuts and no entity does without them (with them, every
boundary reviewers moved off a rule's candidate read as a cut); a third model, the entity
model with them, weighs a relabel (the other label likelier than no entity). Measured
(bench/bench_check_results.md): about a minute and a half for 86 reports, a third more now.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from pizhu.extract.entities import post_at
from pizhu.store.check import Finding, _rows
from pizhu.store.db import Store
from pizhu.store.errors import TrainError
from pizhu.store.records import ADDED, CONFIRMED, CORRECTED, REJECTED
from pizhu.store.span_form import fits, generic, sure_org
from pizhu.store.span_model import (
    COMMON,
    NAME_TAGS,
    NONE,
    RULE,
    Candidate,
    Elsewhere,
    Example,
    SpanModel,
    Words,
    common_word,
    cuts_through,
    dictionary_word,
    examples,
    numeral_headed,
    span_features,
    tables,
    words_of,
)
from pizhu.store.train import Progress, ProgressCallback, gold_documents, nearest_to_done

KIND = "model"
FOLDS = 5
EPOCHS = 8
STRONG = 0.8
"""The other class's probability a finding needs."""
WEAK = 0.1
"""The gold label's probability a finding allows at most."""
CUT_STRONG = 0.4
CUT_WEAK = 0.4
"""A cut whose edge splits a word, a number or a place of the table (``Reading.split``) is
flagged on weaker evidence: the gold label at most ``CUT_WEAK`` here, at least ``CUT_STRONG``
over the wider stretch."""
FORM_WEAK = 0.2
FORM_STRONG = 0.6
"""A relabel where the string has the other label's form and not its gold label's
(``span_form.fits``: 高云龙 as ORG) is flagged on the label model alone, at these weaker readings:
the form stands in for the entity model, which knows no name it has not seen."""
UNMARKED = 2
"""A span read as no entity is flagged only where its string stands unmarked in this many
other places (its report's or others') and is gold in none: the rest of the gold agreeing
with the model (a name the model does not know stands marked or nowhere else)."""
RULES_NONE = 0.9
"""A span the entity model that reads the rules too reads as no entity this surely, the entity
model more likely none than not (the gold label at most ``CUT_WEAK``), is flagged where its
string stands unmarked in one other place or more and is gold in none: the two readers and the
rest of the gold agreeing (一个个 as FIGURE, a word no rule proposes; bench_check round 5)."""
CUT_FAINT = 0.2
"""A cut whose edge splits a word is flagged where the wider stretch reads the label this likely, if the
span itself reads it at most ``WEAK`` (广|西区委: 33 % there, 0 % here; bench_check round 6)."""
END_CUT = 0.95
"""A span whose end cuts a word, with the stretch completing it in the label's form, is flagged where both
entity models read the span as no entity this surely (四次会|议; bench_check round 6)."""
FORM_CUT = 0.2
"""A cut out of form (the span out of its label's form, the wider stretch in it: 上海报业|集团, 文教支|社) is
flagged without its edge cutting a word where the entity model reads the label over the wider stretch this
likely (bench_check round 6)."""
JOINED = ("ORG", "GPE", "MEETING")
"""Labels whose names a conjunction (和, 及: jieba's tag c in the text) joins but never starts."""
FORM_HOLDS = 0.05
"""A label's grammar of form is evidence against a span (``Reading.form_holds``) where at most this
share of the database's gold of that label is out of it (GPE: 15 % of the dev half's)."""
NUMERAL_NONE = 0.95
"""A frequent numeral word of jieba's dictionary (tag m, ``COMMON`` or more: 一场, 一次) that both
entity models read as no entity this surely (the gold label at most ``WEAK``) and that is gold
nowhere else is flagged even unmarked nowhere else: a count word, not a figure (bench_check round 5)."""
KNOWN = 20
"""A word of jieba's dictionary this frequent, tagged as no name nor numeral (省属), that both entity models
read as no entity ``NUMERAL_NONE`` surely and that is gold nowhere else is flagged even unmarked
nowhere else: a word, not a name the models do not know (bench_check round 6)."""
NONE_WEIGHT = 0.3
"""A no-entity example's weight in training, against a label's (they are ten times as many)."""
RULES = True
"""The rules' candidates over a stretch (label, boundaries, confidence) are features of the label model."""
FLAGGED = (CONFIRMED, CORRECTED, ADDED)
"""The gold the model check reads: all of it."""


@dataclass(frozen=True)
class Reading:
    """What the models of a span's fold (trained without its report) make of a gold span."""

    document_id: int
    start: int
    end: int
    label: str
    text: str
    label_p: float
    """The label model's probability of the gold label (among the labels only)."""
    other: str
    other_p: float
    """The label model's likeliest other label and its probability."""
    gold_p: float
    """The entity model's probability that this very stretch is the gold label."""
    none_p: float
    """The entity model's probability that it is no entity."""
    near: tuple[int, int]
    near_p: float
    """The stretch over it (an end moved out by one to three) the entity model reads likeliest as the gold label."""
    other_entity_p: float
    """The entity model's probability of the label model's other label."""
    unmarked: int
    """Places, in this report and the others, where the span's string stands outside every gold span."""
    elsewhere: int
    """Other places where the string is gold."""
    common: bool = False
    """The string is a common word of jieba's dictionary, tagged as no name."""
    relabel_none_p: float | None = None
    """The entity model that reads the rules too: its probability of no entity (else ``none_p``),
    against which ``other_entity_p`` (then its) is weighed for a relabel."""
    split: bool = False
    """The gold span's edge that ``near`` moves out cuts through a jieba word, a number or a
    place of extract's table (梅河|口市政协, 20|多人): evidence, beside the model, of a cut."""
    fits: bool | None = None
    """Whether the span's string has its gold label's form (``span_form.fits``; None: cannot tell)."""
    other_fits: bool | None = None
    """Whether it has the form of the label model's other label."""
    near_fits: bool | None = None
    """Whether the stretch ``near`` has the gold label's form."""
    generic: bool = False
    """The string is a generic phrase of its label's kind with no name part (相关部门, 第十三届)."""
    near_gold: bool = False
    """The stretch ``near`` runs into another gold span: its characters are a name of their own
    (丁泉 of the bylines 丁泉杨常成), not the rest of this one (``in_context``)."""
    form_holds: bool = True
    """The gold label's grammar of form holds for its gold in this database (all but ``FORM_HOLDS`` of it
    in form: not GPE, whose nicknames and localities 申城, 五角场 it does not know), so a span out of it is
    evidence (``in_context``)."""
    other_sure: bool = False
    """The other label is ORG by a sure form (``span_form.sure_org``: 机关, 国民党), evidence even where the
    gold label's grammar does not hold (``in_context``)."""
    near_whole: bool = False
    """The wider stretch's outer edge cuts no word (四次会|议 completed to 四次会议|, not to 中共党员会|议)."""
    left_out: str = ""
    """What the guidelines put in the span standing unmarked beside it (an ORG's place prefix 香港 of
    香港|商报, a FIGURE's unit 篇 of 四十余|篇; ``in_context``)."""
    before_post: bool = False
    """An ORG right before a post (a job title: 统战部部长, 警务处前副处长): the guidelines' body inside a
    job title, which counts by itself, the post left out (``in_context``)."""

    @property
    def out_of_form(self) -> bool:
        """The string has not its gold label's form but the other label's (高云龙 as ORG)."""
        return self.fits is False and self.other_fits is True and (self.form_holds or self.other_sure)

    @property
    def why(self) -> str | None:
        """Why the span is flagged, or None."""
        agrees = self.other_entity_p > (self.none_p if self.relabel_none_p is None else self.relabel_none_p)
        if (self.label_p <= WEAK and self.other_p >= STRONG and agrees) or (
            self.label_p <= FORM_WEAK and self.other_p >= FORM_STRONG and self.out_of_form
        ):
            form = f", the form of {self.other}, not of {self.label}" if self.out_of_form else ""
            return f"reads it as {self.other} ({self.other_p:.0%}; {self.label} {self.label_p:.0%}{form})"
        form_cut = (
            self.fits is False
            and self.near_fits is True
            and self.gold_p <= WEAK
            and (self.split or (self.near_p >= FORM_CUT and self.form_holds))
        )
        # The end cuts a word, and the stretch completing it has the label's form (四次会|议): the
        # models read the span as no entity surely, though the wider stretch no better.
        end_cut = (
            self.split
            and self.near[1] > self.end
            and self.near_fits is True
            and self.near_whole
            and self.gold_p <= WEAK
            and min(self.none_p, 1.0 if self.relabel_none_p is None else self.relabel_none_p) >= END_CUT
        )
        if self._no_cut:
            pass
        elif (
            (self.near_p >= STRONG and self.gold_p <= WEAK)
            or (self.split and self.near_p >= CUT_STRONG and self.gold_p <= CUT_WEAK and self.near_p > self.gold_p)
            or (self.split and self.near_p >= CUT_FAINT and self.gold_p <= WEAK)
            or form_cut
            or end_cut
        ):
            cut = ", its edge cuts a word" if self.split else ""
            if form_cut:
                cut += f", the form of {self.label} there, not here"
            a, b = self.near
            return f"reads {self.label} over {a}-{b} ({self.near_p:.0%}; here {self.gold_p:.0%}{cut})"
        if self.left_out and self.gold_p <= CUT_WEAK:
            part = "place prefix" if self.label == "ORG" else "unit"
            return f"leaves out its {part} {self.left_out} beside it (the guidelines put it in; here {self.gold_p:.0%})"
        if self.before_post:
            return None  # the body of a job title (统战部部长): the guidelines mark it, the rest of the gold or not
        if self.gold_p > WEAK or self.none_p < STRONG or self.elsewhere:
            return self._none_with_rules()
        if self.unmarked >= UNMARKED or self.common or self.generic:
            why = (
                f"unmarked in {self.unmarked} other place(s)"
                if self.unmarked >= UNMARKED
                else "a common word"
                if self.common
                else "a generic phrase with no name in it"
            )
            return f"reads it as no entity ({self.none_p:.0%}); {why}, gold nowhere else"
        return self._none_with_rules()

    @property
    def _no_cut(self) -> bool:
        """The wider stretch is no better a name: it runs into another gold span (bylines 丁泉杨常成), into
        the post after a body (中共西安市委|常委), or out of the label's form the span itself has
        (市|政协张家界市)."""
        return (
            self.near_gold
            or (self.before_post and self.near[1] > self.end)
            or (self.fits is True and self.near_fits is False)
        )

    def _none_with_rules(self) -> str | None:
        """No entity by both entity models (the one that reads the rules surely: ``RULES_NONE``),
        the string unmarked elsewhere and gold nowhere else."""
        if self.elsewhere or self.relabel_none_p is None:
            return None
        if self.gold_p <= WEAK and min(self.none_p, self.relabel_none_p) >= NUMERAL_NONE:
            tag, freq = dictionary_word(self.text)
            if tag == "m" and freq >= COMMON:
                return (
                    f"reads it as no entity ({self.none_p:.0%}; with the rules {self.relabel_none_p:.0%});"
                    " a common numeral word, gold nowhere else"
                )
            if tag not in NAME_TAGS and tag != "m" and freq >= KNOWN:
                return (
                    f"reads it as no entity ({self.none_p:.0%}; with the rules {self.relabel_none_p:.0%});"
                    f" a word of the dictionary ({tag}), gold nowhere else"
                )
        if self.unmarked < 1 or self.relabel_none_p < RULES_NONE or self.none_p < 0.5 or self.gold_p > CUT_WEAK:
            return None
        return (
            f"reads it as no entity ({self.none_p:.0%}; with the rules {self.relabel_none_p:.0%});"
            f" unmarked in {self.unmarked} other place(s), gold nowhere else"
        )


def in_context(read: list[Reading], texts: dict[int, str]) -> list[Reading]:
    """The models' readings with what the text and the rest of the gold around each say: the span's
    form (``form_of``), whether its label's grammar holds for the database's gold, whether the wider
    stretch runs into other gold, whether a post follows (the gold spans are the readings themselves).
    Cheap, and of the text alone, so readings dumped once are read again by this code."""
    formed = []
    words: dict[int, Words] = {}
    for r in read:
        text = texts[r.document_id]
        form = form_of(text, r.start, r.end, r.label, r.other, r.near)
        if r.label in JOINED and form[0] is not False:
            if r.document_id not in words:
                words[r.document_id] = words_of(text)
            if words[r.document_id].pos[r.start] == "c":
                form = (False, *form[1:])  # 文化|和文史资料委员会: a conjunction starts no name
        formed.append(replace(r, fits=form[0], other_fits=form[1], near_fits=form[2], generic=form[3]))
    spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
    gold: Counter[str] = Counter()
    out_of_form: Counter[str] = Counter()
    for r in formed:
        spans[r.document_id].append((r.start, r.end))
        gold[r.label] += 1
        out_of_form[r.label] += r.fits is False
    out = []
    for r in formed:
        a, b = r.near
        text = texts[r.document_id]
        whole = False
        if (a, b) != (r.start, r.end):
            if r.document_id not in words:
                words[r.document_id] = words_of(text)
            whole = not cuts_through(text, a if a < r.start else b, words[r.document_id], a < r.start)
        near_gold = (a, b) != (r.start, r.end) and any(
            s < b and a < e and (s, e) != (r.start, r.end) for s, e in spans[r.document_id]
        )
        before_post = r.label == "ORG" and post_at(texts[r.document_id], r.end)
        holds = out_of_form[r.label] <= FORM_HOLDS * gold[r.label]
        free = [(i, j) for i, j in _left_out(text, r) if not any(s < j and i < e for s, e in spans[r.document_id])]
        out.append(
            replace(
                r,
                near_gold=near_gold,
                before_post=before_post,
                form_holds=holds,
                other_sure=r.other == "ORG" and sure_org(text[r.start : r.end]),
                near_whole=whole,
                left_out=text[free[0][0] : free[0][1]] if free else "",
            )
        )
    return out


def _left_out(text: str, r: Reading) -> list[tuple[int, int]]:
    """What the guidelines put in a span of ``r``'s label that stands right beside it: an ORG's place
    prefix (a place of extract's table right before it: 香港|商报), a FIGURE's unit (a measure word
    of extract's table right after a figure out of form: 四十余|篇)."""
    if r.label == "ORG":
        names = tables()["place_names"]
        return [(r.start - k, r.start) for k in range(7, 1, -1) if text[max(0, r.start - k) : r.start] in names]
    if r.label == "FIGURE" and r.fits is False:
        measure = tables()["measure"]
        return [(r.end, r.end + k) for k in (3, 2, 1) if text[r.end : r.end + k] in measure]
    return []


def folds_of(ids: list[int], folds: int) -> list[list[int]]:
    """Reports into ``folds`` groups by position (fewer when there are fewer reports)."""
    n = max(1, min(folds, len(ids)))
    return [ids[i::n] for i in range(n)]


def readings(
    store: Store, folds: int = FOLDS, epochs: int = EPOCHS, progress: ProgressCallback | None = None
) -> list[Reading]:
    """Every gold span of the finished reports as read by the model of its fold (trained without it)."""
    if progress:
        progress(Progress(stage="reading the gold"))
    gold = gold_documents(store)
    if not gold.documents:
        raise TrainError(
            "no finished reports to check: decide every candidate of a report (captions and boilerplate too)"
            + nearest_to_done(store)
        )
    by_id = {d.id: d for d in gold.documents}
    ids = sorted(by_id)
    if len(ids) < 2:
        return []  # no report to learn from without the one checked
    rejected: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for r in _rows(store, (REJECTED,)):
        rejected[r.document_id].append((r.start, r.end))
    candidates: dict[int, list[Candidate]] = defaultdict(list)
    if RULES:
        for c in store.read(
            "SELECT document_id, start, end, label, confidence FROM spans"
            " WHERE origin = 'machine' ORDER BY document_id, start"
        ):
            candidates[c["document_id"]].append((c["start"], c["end"], c["label"], c["confidence"] or 0.0))
    cands = {i: candidates[i] if RULES else None for i in ids}
    words: dict[int, Words] = {}
    elsewhere = Elsewhere((i, by_id[i].text, [(s.start, s.end, s.label) for s in by_id[i].spans]) for i in ids)
    data = {}
    for i in ids:
        if progress:
            progress(Progress(stage=f"reading report {len(words) + 1}/{len(ids)}"))
        doc = by_id[i]
        words[i] = words_of(doc.text)
        data[i] = examples(
            doc.text,
            [(s.start, s.end, s.label) for s in doc.spans],
            rejected[i],
            words=words[i],
            elsewhere=elsewhere,
            doc_id=i,
            candidates=cands[i],
        )
    classes = (*gold.labels, NONE)
    out = []
    groups = folds_of(ids, folds)
    for number, held in enumerate(groups, 1):
        run = f"fold {number}/{len(groups)}"
        kept = set(held)

        def on_epoch(epoch: int, run: str = run) -> None:
            if progress:
                progress(Progress(epoch=epoch, epochs=epochs, step=epoch, steps=epochs, run=run, epoch_end=True))

        train = [x for i in ids if i not in kept for x in data[i]]
        labels = SpanModel(gold.labels).fit([x for x in train if x.label != NONE], epochs=epochs, seed=number)
        # The entity model (no entity, cuts) without the rules: a boundary the reviewers moved
        # off the rule's (政协依兰县 of the rule's 政协依兰县委员会) would read back as a cut.
        plain = [Example([f for f in x.features if not f.startswith(RULE)], x.label) for x in train]
        entity = SpanModel(classes).fit(plain, epochs=epochs, seed=number, none_weight=NONE_WEIGHT, on_epoch=on_epoch)
        # A relabel is weighed by an entity model that reads the rules too (swaps 6-7 -> 9 of 10).
        relabel = SpanModel(classes).fit(train, epochs=epochs, seed=number, none_weight=NONE_WEIGHT)
        for i in held:
            doc = by_id[i]
            for span in doc.spans:
                features = span_features(doc.text, span.start, span.end, words[i], elsewhere, i, cands[i])
                q = labels.probabilities(features)
                other = max((c for c in gold.labels if c != span.label), key=lambda c: q[c], default=span.label)
                p = entity.probabilities(features)
                pr = relabel.probabilities(features)
                near, near_p = (span.start, span.end), 0.0
                for a, b in _beside(doc.text, span.start, span.end):
                    pn = entity.probabilities(span_features(doc.text, a, b, words[i], elsewhere, i, cands[i]))[
                        span.label
                    ]
                    if pn > near_p:
                        near, near_p = (a, b), pn
                out.append(
                    Reading(
                        i,
                        span.start,
                        span.end,
                        span.label,
                        span.text,
                        q[span.label],
                        other,
                        q[other] if other != span.label else 0.0,
                        p[span.label],
                        p[NONE],
                        near,
                        near_p,
                        pr[other] if other in pr else 0.0,
                        *elsewhere.occurrences(i, span.start, span.end),
                        common_word(span.text) and not numeral_headed(span.text),
                        pr[NONE],
                        near != (span.start, span.end)
                        and cuts_through(
                            doc.text, span.start if near[0] < span.start else span.end, words[i], near[0] < span.start
                        ),
                    )
                )
    texts = {i: by_id[i].text for i in ids}
    return in_context(sorted(out, key=lambda r: (r.document_id, r.start, r.end, r.label)), texts)


def form_of(
    text: str, start: int, end: int, label: str, other: str, near: tuple[int, int]
) -> tuple[bool | None, bool | None, bool | None, bool]:
    """The span's form against its gold label's grammar and the other label's, the gold
    label's form over the stretch ``near``, and whether it is a generic phrase (``Reading``)."""
    string = text[start:end]
    return (
        fits(label, string),
        fits(other, string) if other != label else None,
        fits(label, text[near[0] : near[1]]) if near != (start, end) else None,
        generic(label, string),
    )


def _beside(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The stretches with one end of ``start``-``end`` moved out by one to three characters, within its line."""
    out = []
    for d in (1, 2, 3):
        for a, b in ((start - d, end), (start, end + d)):
            if 0 <= a < b <= len(text) and "\n" not in text[a:b]:
                out.append((a, b))
    return out


def model_findings(
    store: Store,
    folds: int = FOLDS,
    epochs: int = EPOCHS,
    progress: ProgressCallback | None = None,
    flagged: tuple[str, ...] = FLAGGED,
    read: list[Reading] | None = None,
) -> list[Finding]:
    """Gold spans (of the ``flagged`` statuses) a model trained without their report reads
    confidently as another label or as no entity, by report and place (``read``: the
    readings, when made already)."""
    span_ids = {(r.document_id, r.start, r.end, r.label): r.span_id for r in _rows(store, flagged)}
    findings = []
    for r in readings(store, folds, epochs, progress) if read is None else read:
        key = (r.document_id, r.start, r.end, r.label)
        why = r.why
        if key not in span_ids or why is None:
            continue  # another status, too short to check, or no strong disagreement
        findings.append(
            Finding(
                KIND,
                r.document_id,
                r.start,
                r.end,
                r.label,
                r.text,
                f"a model trained without this report {why}",
                span_ids[key],
            )
        )
    return findings
