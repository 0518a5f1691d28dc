"""Cypher — a read-only console on the configured store: the named query library as one-click
examples, results as a table (CSV download) and, when nodes, relationships or paths come back, as
a graph. Writes are refused by the engine; syntax errors are shown plainly."""
from __future__ import annotations

import json
import re
from typing import Any

import pandas as pd
import streamlit as st

from dashboards import common, data, graphview
from dashboards.i18n import colon, current, label_name, rel_name, t
from extractors.segment import fulltext_query
from kg.queries import NamedQuery
from kg.stores import QueryError, ReadOnlyViolation, StoreError
from kg.stores.base import READ_ONLY_MESSAGE, QueryTimeout, QueryTooLarge

MAX_ROWS = 2000
TEXT, PARAMS, RESULT = "cypher_text", "cypher_params", "cypher_result"
DEFAULT_QUERY = "MATCH (s:Society)<-[:MENTIONS]-(p:Passage)\nRETURN s.name AS society, count(p) AS mentions\nORDER BY mentions DESC\nLIMIT 10"


# --- example parameters for the named queries -------------------------------------------------
def example_value(name: str, kind: str) -> Any:
    """A value that makes a named query return rows on the current graph (first matching item)."""
    if name == "rec_id":  # one with support, the same measure elsewhere and names in its passage: every rec query shows rows
        found = data.connection().store.read(
            "MATCH (r:Recommendation)-[:SAME_MEASURE]-(:Recommendation) "
            "WHERE EXISTS { (r)-[:EVIDENCED_BY]->(:Passage) } "
            "AND EXISTS { (r)-[:SUPPORTED_BY]->(:Passage)-[:MENTIONS]->() } RETURN r.id AS id ORDER BY id LIMIT 1")
        if found:
            return found[0]["id"]
        rows = data.query("recommendations_by_indicator", direction="1") or \
            data.query("recommendations_by_indicator", direction="2")
        return rows[0]["rec_id"] if rows else ""
    if name == "entity_id":  # one with relationship facts, so every entity query shows rows
        found = data.connection().store.read(
            "MATCH (e:Entity)-[x:UNDERTAKES|RUNS|ISSUED|PARTY_ORG_OF|BRANCH_OF|SUPERVISED_BY]-(:Entity) "
            "RETURN e.id AS id, count(x) AS n ORDER BY n DESC, id LIMIT 1")
        if found:
            return found[0]["id"]
        rows = data.query("top_entities", limit=1)
        return rows[0]["id"] if rows else ""
    if name == "doc_id":
        rows = data.query("document_timeline")
        return rows[0]["doc_id"] if rows else ""
    if name == "ids":  # passages that state relationship facts (the evidence of graph edges)
        found = data.connection().store.read(
            "MATCH (:Entity)-[x:UNDERTAKES|RUNS|ISSUED|PARTY_ORG_OF|BRANCH_OF|SUPERVISED_BY]->(:Entity) "
            "WHERE x.evidence IS NOT NULL RETURN DISTINCT x.evidence AS id ORDER BY id LIMIT 3")
        return ",".join(r["id"] for r in found)
    if name == "query":
        return fulltext_query("中国科协 学会")
    if name == "direction":
        return "1" if kind == "str" else 1
    return {"int": 0, "float": 0.0, "bool": False}.get(kind, "")


def example_params(query: NamedQuery) -> dict[str, Any]:
    return {p.name: p.default if not p.required else example_value(p.name, p.type) for p in query.params}


def load_example(name: str) -> None:
    query = data.library()[name]
    st.session_state[TEXT] = query.cypher
    st.session_state[PARAMS] = json.dumps(example_params(query), ensure_ascii=False)
    st.session_state[RESULT] = ran(query.cypher, st.session_state[PARAMS])


# --- running ---------------------------------------------------------------------------------
def execute(cypher: str, params_text: str) -> dict[str, Any]:
    if not cypher.strip():
        return {"error": t("cypher.empty")}
    try:
        params = json.loads(params_text or "{}")
        if not isinstance(params, dict):
            raise ValueError(type(params).__name__)
    except ValueError as exc:
        return {"error": t("cypher.bad_params", error=exc)}
    try:
        result = data.read(cypher, params, max_rows=MAX_ROWS)  # only the rows the page shows are kept
        return {"rows": result.rows, "truncated": result.truncated}
    except ReadOnlyViolation as exc:
        return {"refused": t("cypher.readonly") if str(exc) == READ_ONLY_MESSAGE else in_language(str(exc))}
    except (QueryTimeout, QueryTooLarge) as exc:
        return {"error": in_language(str(exc))}
    except QueryError as exc:
        return {"error": t("cypher.error", error=in_language(str(exc)))}
    except StoreError as exc:
        return {"error": in_language(str(exc))}


BILINGUAL = re.compile(r"^[A-Za-z ]{0,10}[\u4e00-\u9fff]+ / ")  # 查询超时 / stopped: …, Cypher 语法错误 / syntax error: …


def in_language(message: str) -> str:
    """A store's message says what happened in Chinese, then " / " and in English with the detail (for the command
    line); an English page shows the English part only."""
    return BILINGUAL.sub("", message) if current() == "en" else message


def ran(cypher: str, params_text: str) -> dict[str, Any]:
    """The result of running a query, with the query and parameters that gave it (what the address then holds,
    whatever is typed in the boxes since)."""
    return {**execute(cypher, params_text), "query": cypher, "params": params_text}


def run_typed() -> None:
    st.session_state[RESULT] = ran(st.session_state.get(TEXT, ""), st.session_state.get(PARAMS, "{}"))


# --- results ---------------------------------------------------------------------------------
def cell(value: Any) -> Any:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def graph_parts(rows: list[dict]) -> tuple[list[graphview.Node], list[graphview.Edge]]:
    """Nodes and relationships anywhere in the rows (values, lists, paths)."""
    nodes: dict[str, graphview.Node] = {}
    rels: list[dict] = []

    def visit(value: Any) -> None:
        if isinstance(value, dict):
            if "_labels" in value and "_element_id" in value:
                labels = [l for l in value["_labels"] if l != "Entity"]
                label = value.get("label") if "Entity" in value["_labels"] and value.get("label") else \
                    ("Document" if "Document" in labels else (labels[0] if labels else "Entity"))
                name = value.get("name") or value.get("title") or value.get("id") or value["_element_id"]
                nodes[value["_element_id"]] = graphview.Node(value["_element_id"], label, str(name),
                                                             tooltip=f"{label_name(label)}{colon()}{name}")
            elif "_type" in value and "_start" in value:
                rels.append(value)
            else:
                for v in value.values():
                    visit(v)
        elif isinstance(value, list):
            for v in value:
                visit(v)

    for row in rows:
        for v in row.values():
            visit(v)
    edges = [graphview.Edge(r["_start"], r["_end"], rel_name(r["_type"])) for r in rels
             if r["_start"] in nodes and r["_end"] in nodes]
    return list(nodes.values()), edges


def show_result(result: dict[str, Any]) -> None:
    if "refused" in result:
        st.error(result["refused"], icon=":material/block:")
        return
    if "error" in result:
        st.error(result["error"], icon=":material/error:")
        return
    rows = result["rows"]
    if not rows:
        st.info(t("cypher.no_rows"))
        return
    st.caption(t("cypher.rows", n=len(rows)))
    if result.get("truncated"):
        st.caption(t("cypher.truncated", n=len(rows)))
    frame = pd.DataFrame([{k: cell(v) for k, v in r.items()} for r in rows[:MAX_ROWS]])
    st.dataframe(frame, hide_index=True, width="stretch")
    st.download_button(t("cypher.csv"), data=common.csv_bytes(frame), file_name="query.csv",
                       mime="text/csv", on_click="ignore", icon=":material/download:", key="cypher_csv")
    nodes, edges = graph_parts(rows[:MAX_ROWS])
    if nodes:
        st.subheader(t("cypher.graph"))
        graphview.legend(dict.fromkeys(n.label for n in nodes))
        graphview.show(graphview.to_html(nodes[:300], edges, height=500), height=500)


def library() -> None:
    queries = data.library()
    with st.expander(t("cypher.library"), expanded=False):
        cols = st.columns(3)
        for i, (name, query) in enumerate(queries.items()):
            cols[i % 3].button(name, key=f"example_{name}", help=query.description, on_click=load_example,
                               args=(name,), width="stretch")


MAX_URL_QUERY = 4000  # characters of a query the address holds (a longer one is not put there)


def from_url() -> None:
    """A shared link (`/cypher?q=…&params=…`) opens with its query typed in and run (read-only and
    bounded as every console query)."""
    state = (st.query_params.get("q") or "", st.query_params.get("params") or "")
    if st.session_state.get("cypher_url_state") == state:
        return
    st.session_state["cypher_url_state"] = state
    query, params = state
    if query.strip():
        st.session_state[TEXT], st.session_state[PARAMS] = query, params or "{}"
        st.session_state[RESULT] = ran(query, params or "{}")


def to_url(result: dict[str, Any]) -> None:
    """The query whose result is shown goes into the address, so the view can be shared — not what is typed in
    the box since; one too long for an address takes the last one out of it, and says so."""
    query, params = result.get("query", ""), result.get("params") or "{}"
    if len(query) + len(params) > MAX_URL_QUERY:
        common.write_url(q="", params="")
        st.caption(t("cypher.not_in_url", n=f"{MAX_URL_QUERY:,}"))
    else:
        common.write_url(q=query.strip(), params="" if params.strip() in ("", "{}") else params)
    st.session_state["cypher_url_state"] = (st.query_params.get("q") or "", st.query_params.get("params") or "")


def render() -> None:
    st.title(t("page.cypher"))
    st.caption(t("cypher.intro"))
    data.prepare_read()
    from_url()
    st.session_state.setdefault(TEXT, DEFAULT_QUERY)
    st.session_state.setdefault(PARAMS, "{}")
    library()
    st.text_area(t("cypher.query"), key=TEXT, height=160)
    st.text_area(t("cypher.params"), key=PARAMS, height=68)
    st.button(t("cypher.run"), type="primary", on_click=run_typed, icon=":material/play_arrow:", key="cypher_run")
    if RESULT in st.session_state:
        to_url(st.session_state[RESULT])
        show_result(st.session_state[RESULT])


render()
