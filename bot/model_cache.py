"""Trained classifiers kept on disk between runs, so the engine is ready in under two seconds.

Training the act and conduct classifiers takes about 1.5 s at every start-up on two cores;
loading them back takes a tenth of that. A stored model is used only when it was trained from
exactly the same data, code and library versions (all hashed into its file name); anything
else — a missing, truncated or unreadable file, another scikit-learn — means training again
and storing the result. The cache only ever holds what Repliq itself wrote, in the user's own
cache folder (REPLIQ_CACHE_DIR overrides it), so loading it with joblib (pickle) trusts
nothing from outside.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from scenarios.catalog import cache_root

log = logging.getLogger(__name__)

T = TypeVar("T")

# The sources whose change must retrain a model: how text is read, prepared, featurised and
# weighted (engine.py chooses the training examples).
_BOT = Path(__file__).resolve().parent
_CODE = (_BOT / "text.py", _BOT / "nludata.py", _BOT / "acts.py", _BOT / "conduct.py",
         _BOT / "linear_text.py", _BOT / "engine.py", Path(__file__).resolve())


def models_dir() -> Path:
    return cache_root() / "models" / "understanding"


def fingerprint(sources: Iterable[Path]) -> str:
    """A short hash of the training inputs, the featurising code and the library versions."""
    import numpy
    import scipy
    import sklearn

    digest = hashlib.sha256()
    digest.update(f"{sys.version_info[:2]}|{sklearn.__version__}|{numpy.__version__}|"
                  f"{scipy.__version__}".encode())
    for path in (*_CODE, *sorted(sources)):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def cached(name: str, sources: Iterable[Path], build: Callable[[], T], expected: type[T]) -> T:
    """The model `build()` makes from `sources`, read from the cache when it is current."""
    import joblib

    path = models_dir() / f"{name}-{fingerprint(sources)}.joblib"
    try:
        model = joblib.load(path)
        if isinstance(model, expected):
            return model
        log.warning("modèle en cache inattendu, réentraînement : %s", path)
    except FileNotFoundError:
        pass
    except Exception as error:  # a truncated or foreign file: train again, never crash
        log.warning("modèle en cache illisible (%s), réentraînement : %s", error, path)
    model = build()
    _store(path, model, name)
    return model


def _store(path: Path, model: object, name: str) -> None:
    """Writes atomically (a crash never leaves half a model) and drops older versions."""
    import joblib

    temporary: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name_on_disk = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        os.close(handle)
        temporary = Path(name_on_disk)
        joblib.dump(model, temporary)
        os.replace(temporary, path)
        for old in path.parent.glob(f"{name}-*.joblib"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as error:  # a read-only or full disk: the model still works this run
        log.warning("impossible de garder le modèle en cache (%s)", error)
        if temporary is not None:
            temporary.unlink(missing_ok=True)
