"""The dashboard's pages, in the order of the sidebar. A module of its own (no Streamlit code), so
that tests and benchmarks can list the pages without running the app."""

# (url path, file under dashboards/, icon); titles come from i18n as page.<url path>
PAGES = (
    ("overview", "views/overview.py", ":material/dashboard:"),
    ("trace", "views/trace.py", ":material/fact_check:"),
    ("explore", "views/explore.py", ":material/hub:"),
    ("lists", "views/lists.py", ":material/table_view:"),
    ("reader", "views/reader.py", ":material/article:"),
    ("timeline", "views/timeline.py", ":material/timeline:"),
    ("review", "views/review.py", ":material/rule:"),
    ("cypher", "views/cypher.py", ":material/terminal:"),
)
