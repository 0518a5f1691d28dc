"""The trained models shipped as JSON files (the document-direction and recommendation classifiers): reading one,
writing one, and the logistic regression both trainers fit (scikit-learn, only when training)."""
from __future__ import annotations

import json

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from seed_data import DataError

# L-BFGS runs to the optimum (scikit-learn's default tolerance, 1e-4, stopped after 10-29 iterations: the weights
# then depended on the library's version, not only on the data and C)
TOLERANCE = 1e-8

Model = TypeVar("Model", bound=BaseModel)


def read_model(path: Path, model: type[Model], what: str, script: str) -> Model:
    """The model stored at `path`, or a DataError naming the file and the reason (missing, or malformed: the
    first field that fails and why). `what` names the model in the message; `script` is the one that makes it."""
    if not path.is_file():
        raise DataError(f"{path}: the {what} is missing (make it with {script})")
    try:
        return model.model_validate_json(path.read_bytes())
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first["loc"]) or "the file"
        raise DataError(f"{path}: not a {what} ({where}: {first['msg']})") from None


def write_model(model: BaseModel, path: Path) -> None:
    """The model as one JSON file, keys sorted, so the same model gives the same bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(model.model_dump(mode="json"), ensure_ascii=False, sort_keys=True, indent=0) + "\n",
                    encoding="utf-8")


def fit_logistic_regression(x: Any, y: list[int], c: float, start: tuple[Any, float] | None = None) -> Any:
    """An L2-regularised logistic regression (scikit-learn, L-BFGS, deterministic) fitted to the optimum.

    `start` (weights, bias) is where the solver begins instead of zero: the optimum is unique (the objective is
    strictly convex), so the result is the same to the solver's precision, and from a shipped model's own weights
    the solver stops at once when they still are the optimum of these data (how the tests check a shipped model
    without training it again)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, tol=TOLERANCE, max_iter=10_000, warm_start=start is not None)
    if start is not None:
        model.coef_ = np.asarray(start[0], dtype=float).reshape(1, -1)
        model.intercept_ = np.array([float(start[1])])
    return model.fit(x, y)
