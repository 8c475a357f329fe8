"""Plain language: warn about free text that is too hard to read.

A sibling check that reads the validated wards (never the YAML). Every free-text field (the
model's ``Text`` type) gets an estimated reading age: the Flesch-Kincaid grade as the ``textstat``
library works it out (its word, sentence and pyphen syllable counts, done here without loading
textstat, whose import takes about a second), plus 5 to turn a US school grade into a UK reading age. The NHS
content guide aims for a reading age of 9 to 11, so the default target is 11.

Readability formulas are rough on a few words (one long word moves a six-word text by years),
so the estimate is made with web addresses, email addresses and phone numbers taken out,
texts under ``MIN_WORDS`` words are not scored, and texts under ``SURE_WORDS`` words are only
flagged when they are clearly too hard (``SHORT_TEXT_MARGIN`` years above the target).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any, get_args

from pydantic import BaseModel

from wardsite.loading.catalogue import WardEntry
from wardsite.model.types import Text
from wardsite.problems import Problem, Severity, format_path
from wardsite.source.reader import FieldPath

if TYPE_CHECKING:
    from pyphen import Pyphen

DEFAULT_READING_AGE = 11
MIN_WORDS = 5
SURE_WORDS = 20
SHORT_TEXT_MARGIN = 5
US_GRADE_TO_UK_AGE = 5

_NOT_WORDS = re.compile(r"https?://\S+|www\.\S+|\S+@\S+|\+?\d[\d ()-]{5,}\d")
_TEXT_RULE = get_args(Text)[1]

FIX = (
    "Use shorter sentences (15 words or fewer) and everyday words; explain any word a patient may not know. The "
    "NHS aims for a reading age of 9 to 11."
)


# textstat's own word and sentence rules (textstat 0.7: ``list_words``, ``count_sentences``), so the scores are
# exactly its scores (tests/test_readability.py compares them on every free text of the samples).
_NOT_CONTRACTION = re.compile(r"\'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s\']")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")


@cache
def _hyphenator() -> Pyphen:
    # pyphen's British English dictionary, which textstat counts syllables with for "en-GB". (textstat
    # itself is not imported: it loads nltk and scipy, about a second in every process that scores.)
    from pyphen import Pyphen

    return Pyphen(lang="en-GB")


def _words(text: str, lowercase: bool = False) -> list[str]:
    """The words textstat counts: punctuation taken out (then lowercased, if asked), bar a contraction's apostrophe."""
    text = _PUNCTUATION.sub("", _NOT_CONTRACTION.sub("", text))
    return (text.lower() if lowercase else text).split()


@lru_cache(maxsize=1 << 16)
def _syllables(word: str) -> int:
    """A lowercase word's syllables, as textstat counts them: one more than pyphen's hyphenation points."""
    return len(_hyphenator().positions(word)) + 1


def _sentences(text: str) -> int:
    """textstat's sentence count: pieces ending in . ! or ?, not counting those of two words or fewer."""
    if not text:
        return 0
    sentences = _SENTENCE.findall(text)
    return max(1, len(sentences) - sum(len(_words(sentence)) <= 2 for sentence in sentences))


def flesch_kincaid_grade(text: str) -> float:
    """textstat's ``flesch_kincaid_grade`` for "en-GB": 0.39 words a sentence + 11.8 syllables a word - 15.59."""
    words = _words(text)
    sentences = _sentences(text)
    words_per_sentence = len(words) / sentences if sentences else 0.0
    syllables = sum(_syllables(word) for word in _words(text, lowercase=True)) if text else 0
    syllables_per_word = syllables / len(words) if words else 0.0
    if words_per_sentence == 0 or syllables_per_word == 0:
        return 0.0
    return (0.39 * words_per_sentence) + (11.8 * syllables_per_word) - 15.59


@lru_cache(maxsize=1 << 16)
def _score(text: str) -> tuple[float, int] | None:
    """(reading age, words counted), or None when there are too few words. Cached: provider
    defaults repeat the same text on every ward."""
    words = _NOT_WORDS.sub(" ", text)
    count = len(_words(words))
    if count < MIN_WORDS:
        return None
    return round(flesch_kincaid_grade(words) + US_GRADE_TO_UK_AGE, 1), count


def reading_age(text: str) -> float | None:
    """The estimated UK reading age of ``text``, or None when it is too short to score."""
    score = _score(text)
    return score[0] if score else None


def too_hard(text: str, target: int) -> float | None:
    """The reading age if ``text`` should be flagged for ``target``, else None."""
    score = _score(text)
    if score is None:
        return None
    age, count = score
    margin = 0 if count >= SURE_WORDS else SHORT_TEXT_MARGIN
    return age if age > target + margin else None


def _mentions_text(annotation: Any) -> bool:
    return annotation == Text or any(_mentions_text(arg) for arg in get_args(annotation))


@cache
def _fields_to_read(model: type[BaseModel]) -> tuple[tuple[str, bool], ...]:
    """The fields of ``model`` that can hold free text or nested models, and whether each is free text.

    Worked out once per model class: at national scale the same classes are walked thousands of times.
    """
    fields = []
    for name, info in model.model_fields.items():
        is_text = _TEXT_RULE in info.metadata or _mentions_text(info.annotation)
        holds_models = any(isinstance(t, type) and issubclass(t, BaseModel) for t in _types_in(info.annotation))
        if is_text or holds_models:
            fields.append((name, is_text))
    return tuple(fields)


def _types_in(annotation: Any) -> list[Any]:
    args = get_args(annotation)
    return [annotation] if not args else [t for arg in args for t in _types_in(arg)]


def free_text(model: BaseModel, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    """Every free-text value in ``model`` with its field path, such as ``("visiting", "where")``."""
    for name, is_text in _fields_to_read(type(model)):
        value = getattr(model, name)
        here = (*path, name)
        if isinstance(value, BaseModel):
            yield from free_text(value, here)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from free_text(item, (*here, i))
                elif is_text and isinstance(item, str):
                    yield (*here, i), item
        elif is_text and isinstance(value, str):
            yield here, value


def readability_warnings(wards: list[WardEntry], target: int = DEFAULT_READING_AGE) -> list[Problem]:
    """A warning for each free-text field above the target reading age, in file and line order.

    A value from a provider's ``ward_defaults`` is reported once, in provider.yaml.
    """
    found: set[Problem] = set()
    for entry in wards:
        for path, text in free_text(entry.ward):
            age = too_hard(text, target)
            if age is None:
                continue
            mark = entry.mark(path)
            shown = format_path(path)
            if mark.file != entry.source_path:
                shown = f"ward_defaults.{shown}"
            message = f"estimated reading age {age:g} is above the target of {target} (Flesch-Kincaid)."
            found.add(Problem.at(mark, shown, message, FIX, Severity.warning))
    return sorted(found, key=lambda p: (p.sort_key, p.path))
