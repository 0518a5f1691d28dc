from __future__ import annotations

import pytest

from kg import queries


def test_every_query_file_has_a_description_and_parses():
    lib = queries.library()
    assert len(lib) >= 6
    for q in lib.values():
        assert q.description and q.cypher


def test_bind_checks_and_casts_parameters():
    q = queries.get("entity_neighbourhood")
    assert q.bind({"entity_id": "x", "limit": "5"}) == {"entity_id": "x", "limit": 5, "show_rejected": False}
    with pytest.raises(ValueError, match="needs parameter 'entity_id'"):
        q.bind({})
    with pytest.raises(ValueError, match="has no parameter"):
        q.bind({"entity_id": "x", "nope": 1})
    with pytest.raises(ValueError, match="must be int"):
        q.bind({"entity_id": "x", "limit": "many"})


def test_unknown_query_name_is_a_clear_error():
    with pytest.raises(KeyError, match="no named query"):
        queries.get("nope")
