"""Choice widgets whose option labels follow the language switch without losing the user's choice.

A keyed Streamlit widget keeps its identity when its option labels change, but the browser then
still shows (and sends back) the label in the old language. So the widget's key carries the
language (`<key>__zh`, `<key>__en`) and the chosen value itself is kept, language-free, in
`st.session_state[<key>]`; a widget of the other language starts from that value.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import streamlit as st

from dashboards.i18n import current

V = TypeVar("V")


def widget_key(key: str) -> str:
    return f"{key}__{current()}"


def fixed_labels(options: Sequence[Any], format_func: Callable[[Any], str]) -> Callable[[Any], str]:
    """The option labels computed now, in this run's language (Streamlit may format options again
    later, e.g. in AppTest, where no run and so no language is current)."""
    labels = {option: format_func(option) for option in options}
    return lambda option: labels.get(option, str(option))


def _set_already(widget: str, options: Sequence[Any], many: bool = False) -> bool:
    """Whether the widget's own key holds a valid value already (a page set it, e.g. from the address): the widget
    then shows that value, and a default or index beside it would only make Streamlit warn that both were given."""
    if widget not in st.session_state:
        return False
    value = st.session_state[widget]
    return all(v in options for v in value) if many else value in options


def _single_choice(widget: str, label: str, options: Sequence[V], key: str, format_func: Callable[[Any], str],
                   container: Any, **kwargs: Any) -> V:
    """A selectbox or radio that keeps its value (under `key`) across reruns and language switches."""
    kept = st.session_state.get(key)
    start = {} if _set_already(widget_key(key), options) else {"index": options.index(kept) if kept in options else 0}
    value = getattr(container or st, widget)(label, options, key=widget_key(key),
                                             format_func=fixed_labels(options, format_func), **start, **kwargs)
    st.session_state[key] = value
    return value


def selectbox(label: str, options: Sequence[V], *, key: str, format_func: Callable[[Any], str] = str,
              container: Any = None, **kwargs: Any) -> V | None:
    options = list(options)
    if not options:
        return None
    return _single_choice("selectbox", label, options, key, format_func, container, **kwargs)


def radio(label: str, options: Sequence[V], *, key: str, format_func: Callable[[Any], str] = str,
          container: Any = None, **kwargs: Any) -> V | None:
    return _single_choice("radio", label, list(options), key, format_func, container, **kwargs)


def multiselect(label: str, options: Sequence[V], *, key: str, format_func: Callable[[Any], str] = str,
                default: Sequence[V] = (), container: Any = None, **kwargs: Any) -> list[V]:
    options = list(options)
    kept = st.session_state.get(key, list(default))
    start = {} if _set_already(widget_key(key), options, many=True) else {"default": [v for v in kept if v in options]}
    value = (container or st).multiselect(label, options, key=widget_key(key),
                                          format_func=fixed_labels(options, format_func), **start, **kwargs)
    st.session_state[key] = list(value)
    return list(value)


def toggle(label: str, *, key: str, value: bool = False, container: Any = None, **kwargs: Any) -> bool:
    """A toggle that keeps its value (under `key`) across reruns and language switches."""
    kept = bool(st.session_state.get(key, value))
    on = (container or st).toggle(label, value=kept, key=widget_key(key), **kwargs)
    st.session_state[key] = on
    return on

