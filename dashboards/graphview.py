"""Graphs as pyvis (vis-network) HTML that works offline, and their legend.

pyvis with `cdn_resources="in_line"` inlines vis-network but its template still pulls Bootstrap
from a CDN (and carries a commented-out `<script src>`): `offline()` removes every external
`<script src>`, `<link href>` and such comments, and `external_refs()` lets tests prove none is left.
"""
from __future__ import annotations

import hashlib
import html as html_lib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from pyvis.network import Network

from dashboards.i18n import Lang, colon, label_name, t
from dashboards.text import short
from schema import vocabulary

# a colour per label (schema/vocabulary.py) and for the views' own issuer nodes
COLOURS: dict[str, str] = {n.name: n.colour for n in vocabulary.NODE_TYPES} | {"Issuer": "#b5a0d8"}
OTHER_COLOUR = "#c7c7c7"
EDGE_LABELS_UP_TO = 16
FONT = "Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif"


def colour(label: str | None) -> str:
    return COLOURS.get(label or "", OTHER_COLOUR)


@dataclass(frozen=True)
class Node:
    id: str
    label: str  # graph label (type), e.g. "Society"
    name: str  # what the node shows (Chinese names stay Chinese)
    tooltip: str = ""
    focus: bool = False  # the node the graph is about: drawn larger
    level: int | None = None  # column in a left-to-right layout
    whole: bool = False  # show the name uncut (a count node: 文档 ×62, Recommendation ×27)


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str = ""
    dashes: bool = False
    tooltip: str = ""  # shown on hover (plain text); the label when empty


COLUMN_WIDTH = 230  # pixels between two columns of a graph drawn on an axis (`columns`)


def to_html(nodes: Iterable[Node], edges: Iterable[Edge], *, height: int = 520, lang: Lang | None = None,
            left_to_right: bool = False, columns: bool = False) -> str:
    """A self-contained HTML page drawing the graph (no external resources) inside a sandboxed
    iframe; `left_to_right` lays a chain out in levels (e.g. recommendation → passage → document → issuer)."""
    return sandboxed(graph_page(nodes, edges, height=height, lang=lang, left_to_right=left_to_right, columns=columns),
                     height)


def graph_page(nodes: Iterable[Node], edges: Iterable[Edge], *, height: int = 520, lang: Lang | None = None,
               left_to_right: bool = False, columns: bool = False) -> str:
    """The graph's own page, made inert for hostile text (`inert`): what a sandboxed iframe shows.
    `columns`: each node's `level` is a column (x fixed, COLUMN_WIDTH apart; e.g. a year axis), and
    the layout moves nodes up and down only."""
    net = Network(height=f"{height}px", width="100%", directed=True, cdn_resources="in_line", bgcolor="#ffffff")
    net.options = _options(left_to_right)
    seen: set[str] = set()
    for n in nodes:
        if n.id in seen:
            continue
        seen.add(n.id)
        tip = n.tooltip or f"{label_name(n.label, lang)}{colon(lang)}{n.name}"
        if columns and n.level is not None:
            extra = {"x": n.level * COLUMN_WIDTH, "y": 0, "fixed": {"x": True, "y": False}}
        else:
            extra = {"level": n.level} if n.level is not None else {}
        net.add_node(n.id, label=n.name if n.whole else short(n.name, 16), kgTip=tip, color=colour(n.label), shape="dot",
                     size=26 if n.focus else 14, **extra,
                     font={"face": FONT, "size": 16 if n.focus else 13, "color": "#222222",
                           "strokeWidth": 3, "strokeColor": "#ffffff"},
                     borderWidth=3 if n.focus else 1)
    kept = [e for e in edges if e.source in seen and e.target in seen]
    labelled = len(kept) <= EDGE_LABELS_UP_TO  # beyond that, edge labels only on hover
    for e in kept:
        net.add_edge(e.source, e.target, label=e.label if labelled else "", kgTip=e.tooltip or e.label, dashes=e.dashes,
                     color="#9a9a9a", arrows="to",
                     font={"face": FONT, "size": 11, "color": "#555555", "strokeWidth": 2, "strokeColor": "#ffffff",
                           "align": "middle"})
    return inert(offline(net.generate_html(notebook=False)))


def _options(left_to_right: bool = False) -> dict:
    if left_to_right:
        return {
            "layout": {"hierarchical": {"enabled": True, "direction": "LR", "sortMethod": "directed",
                                        "levelSeparation": 250, "nodeSpacing": 90}},
            "physics": {"enabled": False},
            "interaction": {"hover": True, "tooltipDelay": 120},
            "edges": {"smooth": {"enabled": True, "type": "cubicBezier", "forceDirection": "horizontal"}},
            "nodes": {"font": {"face": FONT}},
        }
    return {
        "physics": {"enabled": True, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -50, "springLength": 110, "avoidOverlap": 0.5},
                    "stabilization": {"enabled": True, "iterations": 300, "fit": True}},
        "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False},
        "edges": {"smooth": {"enabled": True, "type": "continuous"}},
        "nodes": {"font": {"face": FONT}},
    }


# --- offline --------------------------------------------------------------------------------
_EXTERNAL = r"""(?:https?:)?//"""
_SCRIPT_SRC = re.compile(r"<script\b[^>]*\bsrc\s*=\s*[\"']" + _EXTERNAL + r"[^\"']*[\"'][^>]*>\s*</script\s*>",
                         re.IGNORECASE | re.DOTALL)
_LINK_HREF = re.compile(r"<link\b[^>]*\bhref\s*=\s*[\"']" + _EXTERNAL + r"[^\"']*[\"'][^>]*/?>", re.IGNORECASE | re.DOTALL)
_COMMENTED_TAGS = re.compile(r"<!--(?:(?!-->).)*?<(?:script|link)\b(?:(?!-->).)*?-->", re.IGNORECASE | re.DOTALL)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>", re.IGNORECASE)
_SOURCE_MAP = re.compile(r"//# sourceMappingURL=[^\s<]*")
# vis fits nodes, not their labels: zoom out a little once drawn so labels at the edge stay visible
_MARGIN_JS = """<script>
(function () {
  if (typeof network === 'undefined') { return; }
  function margin() { network.fit({animation: false}); network.moveTo({scale: network.getScale() * 0.85, animation: false}); }
  if (options && options.physics && options.physics.enabled) { network.once('stabilizationIterationsDone', function () { setTimeout(margin, 0); }); }
  else { setTimeout(margin, 0); }
})();
</script>"""
# without Bootstrap: the canvas fills the frame exactly, with a light border
_FRAME_CSS = ("<style>html,body{margin:0;padding:0;overflow:hidden;background:#fff}"
              ".card{border:0;margin:0}#mynetwork{box-sizing:border-box;float:none;width:100%;"
              "border:1px solid #e6e6e6;border-radius:6px}"
              # an edge's tooltip holds the passages that state it: wrap them, one per line
              "div.vis-tooltip{white-space:pre-wrap;max-width:26rem;line-height:1.45}</style>")
_REF = re.compile(r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*[\"']([^\"']*)[\"']", re.IGNORECASE)


def offline(page: str) -> str:
    """Remove external scripts and stylesheets (pyvis's Bootstrap), commented-out tags and empty headings."""
    page = _COMMENTED_TAGS.sub("", page)
    page = _SCRIPT_SRC.sub("", page)
    page = _LINK_HREF.sub("", page)
    page = _EMPTY_HEADING.sub("", page)
    page = _SOURCE_MAP.sub("", page)
    page = page.replace("</head>", _FRAME_CSS + "</head>", 1)
    return page.replace("</body>", _MARGIN_JS + "</body>", 1)


# --- hostile text -----------------------------------------------------------------------------
# Names, titles and passages come from ingested documents, which anyone can write. Three layers
# keep their text from running as code:
# 1. tooltips are plain strings: handed to vis-network under `kgTip` and set as `title` after the
#    data sets exist, so pyvis never sees a title (a title containing "href" makes pyvis switch to
#    `popup.innerHTML = title`), and vis-network shows a string title with `innerText`;
# 2. the page's data is JSON from Jinja's `tojson`, which escapes < > & ' (no `</script>` breakout);
# 3. the graph page runs inside an iframe sandboxed with `allow-scripts` only (no
#    `allow-same-origin`: an opaque origin that cannot reach the dashboard's document, cookies or
#    storage) under a Content-Security-Policy that runs only the page's own scripts (a nonce:
#    no inline event handler such as onerror=…) and loads nothing from anywhere.
_TIPS_JS = """<script>
(function () {
  if (typeof nodes === 'undefined' || typeof edges === 'undefined') { return; }
  nodes.update(nodes.get().filter(function (n) { return n.kgTip; }).map(function (n) { return {id: n.id, title: String(n.kgTip)}; }));
  edges.update(edges.get().filter(function (e) { return e.kgTip; }).map(function (e) { return {id: e.id, title: String(e.kgTip)}; }));
})();
</script>"""
# A click on a node tells the parent frame which (an opaque-origin frame can only post a message);
# the clickable component (`clickable`) checks that it came from its own frame and holds an id.
_CLICK_JS = """<script>
(function () {
  if (typeof network === 'undefined') { return; }
  network.on('click', function (params) {
    if (params.nodes && params.nodes.length === 1) { window.parent.postMessage({kg: 'node', id: String(params.nodes[0])}, '*'); }
  });
  // the parent asks for a picture of the graph: the canvas as PNG, on a white ground
  window.addEventListener('message', function (event) {
    if (event.source !== window.parent || !event.data || event.data.kg !== 'png') { return; }
    var canvas = document.querySelector('#mynetwork canvas');
    if (!canvas) { return; }
    var out = document.createElement('canvas');
    out.width = canvas.width; out.height = canvas.height;
    var ctx = out.getContext('2d');
    ctx.fillStyle = '#ffffff'; ctx.fillRect(0, 0, out.width, out.height); ctx.drawImage(canvas, 0, 0);
    window.parent.postMessage({kg: 'png', data: out.toDataURL('image/png')}, '*');
  });
  // the graph is drawn and listens: the parent may now enable its PNG button
  window.parent.postMessage({kg: 'ready'}, '*');
})();
</script>"""
_CSP = ("default-src 'none'; script-src 'nonce-{nonce}'; style-src 'unsafe-inline'; img-src data: blob:; "
        "font-src data:; connect-src 'none'; frame-src 'none'; form-action 'none'; base-uri 'none'")
_SCRIPT_OPEN = re.compile(r"<script\b", re.IGNORECASE)
_SCRIPT_CLOSE = re.compile(r"</script\s*>", re.IGNORECASE)


def _with_nonce(page: str, nonce: str) -> str:
    """Give each <script> element the nonce: tag by tag, skipping each script's content (the
    inlined vis-network has the text "<script" inside its own strings)."""
    out, pos = [], 0
    while (m := _SCRIPT_OPEN.search(page, pos)) is not None:
        close = _SCRIPT_CLOSE.search(page, m.end())
        end = close.end() if close else len(page)
        out.append(page[pos:m.start()] + f'<script nonce="{nonce}"' + page[m.end():end])
        pos = end
    return "".join(out) + page[pos:]


def inert(page: str) -> str:
    """The graph page made inert for hostile text (see above): plain-text tooltips, a nonce on its
    own scripts and a Content-Security-Policy; a click on a node is posted to the parent frame."""
    nonce = hashlib.sha256(page.encode("utf-8")).hexdigest()[:24]  # deterministic: same graph, same page
    page = page.replace("</body>", _TIPS_JS + _CLICK_JS + "</body>", 1)
    page = _with_nonce(page, nonce)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{_CSP.format(nonce=nonce)}">'
    return page.replace("<head>", "<head>" + meta, 1) if "<head>" in page else meta + page


def sandboxed(page: str, height: int) -> str:
    """An inert graph page (`inert`) inside an iframe sandboxed with `allow-scripts` only."""
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><style>html,body{margin:0;padding:0;'
            'overflow:hidden;background:#fff}iframe{border:0;display:block;width:100%}</style></head><body>'
            f'<iframe class="kg-graph" sandbox="allow-scripts" style="height:{height + 4}px" '
            f'srcdoc="{html_lib.escape(page, quote=True)}"></iframe></body></html>')


def inner_page(page: str) -> str:
    """The graph page inside `sandboxed`'s iframe (for tests)."""
    m = re.search(r'srcdoc="([^"]*)"', page)
    return html_lib.unescape(m.group(1)) if m else page


def external_refs(page: str) -> list[str]:
    """Every resource the page would load from elsewhere (should be empty)."""
    return [ref for ref in _REF.findall(page) if re.match(_EXTERNAL, ref) or "node_modules" in ref]


# --- legend and display ----------------------------------------------------------------------
def legend_html(labels: Iterable[str], lang: Lang | None = None) -> str:
    chips = []
    for label in dict.fromkeys(labels):
        chips.append(
            f'<span style="display:inline-flex;align-items:center;margin:0 14px 4px 0;font-size:0.9rem">'
            f'<span style="width:12px;height:12px;border-radius:50%;background:{colour(label)};'
            f'display:inline-block;margin-right:6px"></span>{html_lib.escape(label_name(label, lang))}</span>'
        )
    return (f'<div class="kg-legend"><span style="font-weight:600;margin-right:10px">{t("legend", lang)}{colon(lang)}</span>'
            + "".join(chips) + "</div>")


def show(page: str, height: int = 520) -> None:
    """Embed the graph page: `st.iframe` where this Streamlit has it, else components.html."""
    import streamlit as st

    if hasattr(st, "iframe"):
        st.iframe(page, height=height + 12)
    else:  # pragma: no cover - older Streamlit
        import streamlit.components.v1 as components

        components.html(page, height=height + 12)


def legend(labels: Iterable[str], lang: Lang | None = None) -> None:
    import streamlit as st

    st.html(legend_html(labels, lang))


def node_data(page: str) -> list[dict]:
    """The nodes drawn by a page made by `to_html` (for tests)."""
    m = re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);", inner_page(page), re.DOTALL)
    return json.loads(m.group(1)) if m else []


# --- click to re-centre ------------------------------------------------------------------------
# A Streamlit component (components v2: our own script, no build step, no CDN) that holds the
# inert graph page in an iframe sandboxed with `allow-scripts` only, as `sandboxed` does, and hands
# a clicked node's id to Python. It takes a message only from its own frame, and only an id of the
# graph's shape (`doc-0123456789abcdef`): the document's text never reaches it.
_CLICKABLE_JS = """
export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  let frame = parentElement.querySelector('iframe.kg-graph');
  if (!frame) {
    frame = document.createElement('iframe');
    frame.className = 'kg-graph';
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.style.cssText = 'border:0;display:block;width:100%';
    parentElement.appendChild(frame);
  }
  frame.style.height = (Number(data.height) + 4) + 'px';
  // a new graph page reloads the frame: until it says it is ready, a click on the PNG button would
  // post to a document that is going away, so the button waits
  if (frame.srcdoc !== data.page) { frame.dataset.ready = ''; frame.srcdoc = data.page; }
  let button = parentElement.querySelector('button.kg-png');
  if (!button && data.png_label) {
    button = document.createElement('button');
    button.className = 'kg-png';
    button.type = 'button';
    button.style.cssText = 'margin-top:6px;padding:4px 12px;border:1px solid #ccc;border-radius:6px;' +
      'background:#fff;cursor:pointer;font:inherit;font-size:0.9rem';
    button.addEventListener('click', function () { frame.contentWindow.postMessage({kg: 'png'}, '*'); });
    parentElement.appendChild(button);
  }
  if (button) { button.textContent = String(data.png_label || ''); button.disabled = frame.dataset.ready !== '1'; }
  const onMessage = function (event) {
    if (event.source !== frame.contentWindow) { return; }
    const m = event.data;
    if (m && m.kg === 'ready') {
      frame.dataset.ready = '1';
      if (button) { button.disabled = false; }
    } else if (m && m.kg === 'node' && typeof m.id === 'string' && /^[a-z]+-[0-9a-f]{16}$/.test(m.id)) {
      setTriggerValue('clicked', m.id);
    } else if (m && m.kg === 'png' && typeof m.data === 'string' && m.data.startsWith('data:image/png;base64,')
               && m.data.length < 30000000) {
      const link = document.createElement('a');
      link.href = m.data;
      link.download = String(data.png_name || 'graph.png');
      document.body.appendChild(link);
      link.click();
      link.remove();
    }
  };
  window.addEventListener('message', onMessage);
  return function () { window.removeEventListener('message', onMessage); };
}
"""


@cache
def _clickable_component():  # -> the mount function of st.components.v2
    import streamlit as st

    return st.components.v2.component("kg_graph", js=_CLICKABLE_JS)


def clickable(page: str, *, height: int = 520, key: str, png_name: str = "graph.png", png_label: str = "") -> str | None:
    """Show an inert graph page (`graph_page`), with a button that saves it as PNG when `png_label`
    is given; returns the id of the node just clicked, if any."""
    data = {"page": page, "height": height, "png_name": png_name, "png_label": png_label}
    result = _clickable_component()(data=data, key=key, height=height + (48 if png_label else 8),
                                    on_clicked_change=lambda: None)
    return getattr(result, "clicked", None)

