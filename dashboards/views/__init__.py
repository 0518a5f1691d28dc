"""The dashboard pages, one script a page (run by st.navigation from dashboards/app.py).

Not named `pages/`: Streamlit treats a `pages/` folder next to the entry script as a v1 multipage
app for the first session after start, which bypasses app.py (no language switch, no store check).
"""
