"""图谱探索 — full-text search over entity names, aliases and passages; an entity's neighbourhood as a
graph (colour per label, legend, filters by label and direction, a cap with "show more"); its profile."""
from __future__ import annotations

import hashlib
import html
from dataclasses import dataclass, field

import streamlit as st

from dashboards import common, data, graphview, widgets
from dashboards.common import join, md_text
from dashboards.text import short
from dashboards.dossier import book_title
from dashboards.i18n import colon, kind_name, label_name, rel_name, t
from dashboards.reviewing import review_bar, show_message, show_rejected
from extractors.segment import fulltext_query
from schema import vocabulary

STEP = 30  # neighbours per "show more"
MENTION_CAP = 1000  # documents that mention an entity read at most (a hub is mentioned in tens of thousands)
FACTS_LIMIT = 200  # relationship facts listed at most
NEIGHBOUR_LABELS = vocabulary.ENTITY_LABELS + ("Recommendation", "Document", "ResearchDirection", "Indicator")


def entity_option(e: dict) -> str:
    aliases = [a for a in e.get("aliases") or [] if a != e["name"]]
    tail = f"（{'、'.join(aliases[:3])}）" if aliases else ""
    return f"{e['name']}{tail} · {label_name(e['label'])}"


def search() -> list[dict]:
    """The search box; returns the entities to pick from (search hits, else the most mentioned). The address
    holds the search (`q`) and the entity shown (`entity`): a reload or a shared link shows the same; a search
    typed anew lets go of the entity the address named."""
    if "explore_q" not in st.session_state:
        st.session_state["explore_q"] = st.query_params.get("q", "")
    text = st.text_input(t("explore.search"), placeholder=t("explore.placeholder"), key="explore_q")
    if st.session_state.get("explore_searched", text) != text and "entity" in st.query_params:
        del st.query_params["entity"]
    st.session_state["explore_searched"] = text
    if not text.strip():
        st.caption(t("explore.start"))
        return data.query("top_entities", limit=30)
    query = fulltext_query(text)
    if not query:
        st.warning(t("explore.no_terms"))
        return []
    entities = data.query("search_entities", query=query, limit=20)
    passages = data.query("search_passages", query=query, limit=10)
    with st.expander(t("explore.passages", n=len(passages)), expanded=not entities and bool(passages)):
        for p in passages:
            href = html.escape(common.page_href("reader", doc=p["doc_id"]), quote=True)
            st.html(f'<div style="margin-bottom:8px"><div>{html.escape(p["text"])}</div>'
                    f'<div style="color:#666;font-size:0.85em">— <a href="{href}" target="_self">'
                    f'{html.escape(book_title(p["title"]))}</a></div></div>')
    if not entities:
        st.info(t("explore.no_hits"))
    return entities


def pick(entities: list[dict]) -> str | None:
    wanted = st.query_params.get("entity")
    options = {e["id"]: e for e in entities}
    if wanted and wanted not in options:
        profile = data.query("entity_profile", entity_id=wanted)
        if profile:
            options = {wanted: {**profile[0]}, **options}
        else:  # a dead link (an entity merged away, rejected or re-read under another name): say so
            st.warning(t("explore.missing", id=wanted), icon=":material/link_off:")
            wanted = None
    if not options:
        return None
    ids = list(options)
    index = ids.index(wanted) if wanted in ids else 0
    key = f"explore_pick_{st.session_state.get('explore_q', '')}_{wanted or ''}"
    if key not in st.session_state:
        st.session_state[key] = ids[index]
    return widgets.selectbox(t("explore.pick"), ids, key=key, format_func=lambda i: entity_option(options[i]))


# the relationships an entity's neighbours hang on (facts, a recommendation's CONCERNS, mentions)
NEIGHBOUR_RELS = ("UNDERTAKES", "RUNS", "PARTY_ORG_OF", "BRANCH_OF", "SUPERVISED_BY", "ISSUED", "CITES",
                  "INSTANCE_OF", "CONCERNS", "MENTIONED_IN")
SECOND_HOP_FROM = 10  # with two hops: the first-hop entities whose own neighbours are drawn
SECOND_HOP_EACH = 6  # … and how many entities of each
GROUPED = ("Document", "Recommendation")  # shown as one count node when many and not asked for by label
GROUP_OVER = 8
GROUP_PREFIX = "grp"
URL_KEYS = ("labels", "rels", "direction", "hops")  # the filters the address holds


@dataclass
class Drawing:
    """The nodes and edges of the neighbourhood graph, each drawn once."""

    nodes: list[graphview.Node] = field(default_factory=list)
    edges: list[graphview.Edge] = field(default_factory=list)

    def has(self, node_id: str) -> bool:
        return any(n.id == node_id for n in self.nodes)

    def add_neighbour(self, centre: str, row: dict, stated: dict[str, dict]) -> None:
        """A row of `entity_neighbours` about `centre`: its neighbour and the edge between them, the
        edge's tooltip holding the passages that state the fact."""
        other = row["neighbour_id"]
        if not self.has(other):
            self.nodes.append(graphview.Node(other, row["neighbour_label"], row["neighbour"] or other,
                                             tooltip=f"{label_name(row['neighbour_label'])}{colon()}{row['neighbour']}"))
        a, b = (centre, other) if row["way"] == "out" else (other, centre)
        label = rel_name(row["rel"])
        if not any((e.source, e.target, e.label) == (a, b, label) for e in self.edges):
            self.edges.append(graphview.Edge(a, b, label, tooltip=edge_tooltip(
                row["rel"], [stated[i] for i in row.get("evidence") or [] if i in stated])))


def url_state() -> tuple[str | None, ...]:
    return tuple(st.query_params.get(k) for k in URL_KEYS)


def group_id(label: str) -> str:
    """The id of the count node of a label (shaped like a graph id, as the clickable graph accepts)."""
    return f"{GROUP_PREFIX}-{hashlib.sha256(label.encode()).hexdigest()[:16]}"


def filters_from_url() -> None:
    """The address names the filters (a shared link, a reload, a click on a count node):
    `labels`, `rels` (comma-separated), `direction` and `hops`."""
    state = url_state()
    if st.session_state.get("explore_url_state") == state:
        return
    st.session_state["explore_url_state"] = state
    labels, rels, direction, hops = state
    wanted = {"explore_labels": [x for x in (labels or "").split(",") if x in NEIGHBOUR_LABELS],
              "explore_rels": [x for x in (rels or "").split(",") if x in NEIGHBOUR_RELS],
              "explore_direction": int(direction) if (direction or "") in ("1", "2", "3", "4") else 0,
              "explore_hops": 2 if hops == "2" else 1}
    for key, value in wanted.items():
        st.session_state[key] = value
        st.session_state[widgets.widget_key(key)] = value  # the widget shows it even if it was drawn before


def filters_to_url(labels: list[str], rels: list[str], direction: int, hops: int = 1) -> None:
    common.write_url(labels=",".join(labels), rels=",".join(rels), direction=str(direction) if direction else "",
                     hops="2" if hops == 2 else "")
    st.session_state["explore_url_state"] = url_state()


def neighbourhood(entity_id: str) -> None:
    st.subheader(t("explore.neighbourhood"))
    filters_from_url()
    f1, f2, f3, f4 = st.columns([2, 2, 1, 1])
    labels = widgets.multiselect(t("explore.filter_labels"), NEIGHBOUR_LABELS, format_func=label_name,
                                 key="explore_labels", placeholder=t("explore.all_labels"), container=f1)
    rels = widgets.multiselect(t("explore.filter_rels"), NEIGHBOUR_RELS, format_func=rel_name,
                               key="explore_rels", placeholder=t("explore.all_rels"), container=f2)
    direction = widgets.selectbox(t("explore.filter_direction"), [0, 1, 2, 3, 4], key="explore_direction",
                                  container=f3,
                                  format_func=lambda d: t("direction.all") if d == 0 else t("direction", code=d))
    hops = widgets.selectbox(t("explore.hops"), [1, 2], key="explore_hops", container=f4,
                             format_func=lambda h: t("explore.hops_n", n=h))
    filters_to_url(labels, rels, direction or 0, hops or 1)
    limit_key = f"explore_limit_{entity_id}_{','.join(labels)}_{','.join(rels)}_{direction}"
    limit = st.session_state.get(limit_key, STEP)
    rows = data.query("entity_neighbours", entity_id=entity_id, labels=",".join(labels), rels=",".join(rels),
                      direction=direction, limit=limit, show_rejected=show_rejected(), cap=MENTION_CAP)
    if not rows:
        profile = data.query("entity_profile", entity_id=entity_id)
        if not profile:
            return
        centre, total, totals, capped = profile[0], 0, {}, False
        st.info(t("explore.no_neighbours"))
    else:
        centre, total, totals = rows[0], rows[0]["total"], dict(map(tuple, rows[0]["label_totals"] or []))
        # a hub: the counts are exact (the documents that mention it are counted at every write), but only
        # MENTION_CAP of those documents are read to be listed one by one
        capped = bool(rows[0].get("capped"))
    grouped = {label for label in GROUPED if label not in labels and totals.get(label, 0) > GROUP_OVER}
    drawing = Drawing([graphview.Node(entity_id, centre["label"], centre["name"], focus=True)])
    stated = evidence_passages(rows)
    for r in rows:
        if r["neighbour_label"] not in grouped:
            drawing.add_neighbour(entity_id, r, stated)
    if hops == 2:
        second_hop(drawing, entity_id, rows, rels, direction or 0)
    for label in sorted(grouped):
        name = t("explore.group", label=label_name(label), n=f"{totals[label]:,}")
        drawing.nodes.append(graphview.Node(group_id(label), label, name, whole=True,
                                            tooltip=t("explore.group_tip", label=label_name(label))))
        drawing.edges.append(graphview.Edge(group_id(label), entity_id, "", dashes=True))
    graphview.legend(dict.fromkeys(n.label for n in drawing.nodes))
    page = graphview.graph_page(drawing.nodes, drawing.edges, height=560)
    clicked = graphview.clickable(page, height=560, key=f"explore_graph_{entity_id}",
                                  png_name=f"{centre['name'] or entity_id}.png", png_label=t("explore.png"))
    in_groups = sum(totals[g] for g in grouped)
    shown = sum(1 for r in rows if r["neighbour_label"] not in grouped)
    st.caption(t("showing", shown=f"{shown + in_groups:,}", total=f"{total:,}") + " · " + t("explore.click_hint"))
    if capped and "Document" not in grouped:  # the documents drawn one by one: only MENTION_CAP of them can be
        st.caption(t("explore.capped", cap=f"{MENTION_CAP:,}", n=f"{totals.get('Document', 0):,}"))
    hidden = total - in_groups - shown  # neighbours drawn one by one that the limit left out
    if hidden > 0 and len(rows) >= limit:  # fewer rows than asked for: nothing more to read (the documents' cap)
        st.button(t("show_more", n=min(STEP, hidden)), key=f"more_{limit_key}",
                  on_click=lambda: st.session_state.__setitem__(limit_key, limit + STEP), icon=":material/add:")
    if clicked and clicked != entity_id:
        for label in grouped:
            if clicked == group_id(label):  # a count node: show that label's neighbours one by one
                common.write_url(labels=label)  # filters_from_url applies it on the rerun
                st.rerun()
        open_node(clicked)


def second_hop(drawing: Drawing, centre: str, rows: list[dict], rels: list[str], direction: int) -> None:
    """The entities around the first SECOND_HOP_FROM entity neighbours, SECOND_HOP_EACH of each
    (documents and recommendations stay at one hop: they would swamp the map)."""
    first = [r["neighbour_id"] for r in rows if r["neighbour_label"] in vocabulary.ENTITY_LABELS][:SECOND_HOP_FROM]
    around = {eid: data.query("entity_neighbours", entity_id=eid, labels=",".join(vocabulary.ENTITY_LABELS),
                              rels=",".join(rels), direction=direction, limit=SECOND_HOP_EACH,
                              show_rejected=show_rejected()) for eid in first}
    stated = evidence_passages([r for found in around.values() for r in found])
    for eid, found in around.items():
        for r in found:
            if r["neighbour_id"] != centre:
                drawing.add_neighbour(eid, r, stated)


def open_node(node_id: str) -> None:
    """A click on a node: an entity becomes the centre; a document opens in the reader, a
    recommendation on the trace page."""
    prefix = node_id.split("-", 1)[0]
    if prefix == vocabulary.PREFIX["Document"]:
        st.switch_page("views/reader.py", query_params={"doc": node_id})
    elif prefix == vocabulary.PREFIX["Recommendation"]:
        st.switch_page("views/trace.py", query_params={"rec": node_id})
    elif prefix in {vocabulary.PREFIX[label] for label in vocabulary.ENTITY_LABELS}:
        st.query_params["entity"] = node_id
        st.rerun()


def evidence_passages(rows: list[dict]) -> dict[str, dict]:
    """The passages that state the shown relationship facts, by id (one query for the whole graph)."""
    ids = sorted({i for r in rows for i in r.get("evidence") or []})
    return {p["id"]: p for p in data.query("passages_by_id", ids=",".join(ids), limit=len(ids))} if ids else {}


def edge_tooltip(rel: str, passages: list[dict]) -> str:
    """What an edge says on hover: the relationship, then each passage that states it with its
    document and date (plain text: vis-network shows it with innerText)."""
    lines = [rel_name(rel)]
    for p in passages:
        lines.append(f"「{short(p['text'], 120)}」 — {book_title(p['title'])}{' ' + p['date'] if p.get('date') else ''}")
    return "\n".join(lines)


def profile(entity_id: str) -> None:
    rows = data.query("entity_profile", entity_id=entity_id)
    if not rows:
        return
    e = rows[0]
    st.subheader(t("explore.profile"))
    left, right = st.columns([1, 1], gap="large")
    with left:
        facts(e)
    with right:
        documents(entity_id, e.get("documents") or 0)
    relationship_facts(entity_id)


def facts(e: dict) -> None:
    generic = f" {t('explore.generic')}" if e.get("generic") else ""
    st.markdown(f"### {md_text(e['name'])}\n{label_name(e['label'])}{generic} · {t('explore.mentions')} {e['mentions']}")
    aliases = [a for a in e.get("aliases") or [] if a != e["name"]]
    rows = [("explore.aliases", aliases), ("explore.merged", e.get("merged_names") or []), ("explore.branches", e["branches"]),
             ("explore.party", e["party_organizations"]), ("explore.programmes", e["programmes"]),
             ("explore.functions", e["functions"]), ("explore.supervisors", e["supervisors"]),
             ("explore.supervised", e.get("supervised") or [])]
    st.markdown("\n".join(f"- **{t(key)}**{colon()}{md_text(join(values))}" for key, values in rows
                          if (values or e["label"] == "Society" or key == "explore.aliases")
                          and (values or key not in ("explore.merged", "explore.supervised"))))


def relationship_facts(entity_id: str) -> None:
    """Every extracted relationship of the entity with the passage that states it, and ✓ / ✗."""
    rows = data.query("entity_facts", entity_id=entity_id, show_rejected=show_rejected(), limit=FACTS_LIMIT)
    heading = "explore.facts_capped" if len(rows) >= FACTS_LIMIT else "explore.facts"  # a full list is the first N
    st.markdown(f"**{t(heading, n=len(rows))}**")
    st.toggle(t("review.show_rejected"), key="show_rejected")
    show_message()
    for i, r in enumerate(rows):
        head, tail = (t("explore.this"), r["other"]) if r["way"] == "out" else (r["other"], t("explore.this"))
        struck = ";text-decoration:line-through;color:#888" if r.get("review") == "rejected" else ""
        with st.container(border=True):
            st.html(f'<div class="kg-fact" data-review="{html.escape(r.get("review") or "", quote=True)}" '
                    f'style="line-height:1.7{struck}"><b>{html.escape(head)}</b> —{html.escape(rel_name(r["rel"]))}→ '
                    f'<b>{html.escape(tail)}</b><div style="color:#555;font-size:0.9em">{html.escape(r["passage"])}'
                    f' — {html.escape(book_title(r["title"]))}</div></div>')
            review_bar(r.get("fact_key"), r.get("review"), f"explore{i}")


DOCUMENTS_SHOWN = 50  # the documents listed under a profile, the most mentioning first


def documents(entity_id: str, total: int) -> None:
    docs = data.query("entity_documents", entity_id=entity_id, limit=DOCUMENTS_SHOWN)
    st.markdown(f"**{t('explore.documents', n=len(docs))}**" if total <= len(docs)
                else f"**{t('explore.documents_capped', shown=len(docs), n=f'{total:,}')}**")
    items = "".join(
        f'<li style="margin-bottom:4px"><a href="{html.escape(common.page_href("reader", doc=d["doc_id"]), quote=True)}" target="_self">{html.escape(book_title(d["title"]))}</a>'
        f'<br><span style="color:#666;font-size:0.85em">{html.escape(d["date"] or t("unknown"))} · '
        f'{html.escape(kind_name(d["kind"]))} · {html.escape(t("explore.mention_count", n=d["mentions"]))}</span></li>'
        for d in docs)
    if items:
        with st.container(height=min(460, 60 + 58 * len(docs)), border=False):
            st.html(f'<ol style="padding-left:1.4em;margin:0">{items}</ol>')


def render() -> None:
    st.title(t("page.explore"))
    entities = search()
    entity_id = pick(entities)
    if entity_id is None:
        return
    common.write_url(entity=entity_id, q=st.session_state.get("explore_q", "").strip())
    neighbourhood(entity_id)
    st.divider()
    profile(entity_id)


render()
