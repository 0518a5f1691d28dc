"""Reading a trained model shipped as a JSON file (the document-direction and recommendation classifiers)."""
from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from seed_data import DataError

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
