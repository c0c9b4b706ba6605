"""The bare Streamlit page every browser benchmark compares with (run by the benches).

    .venv/bin/streamlit run bench/bare_page.py

A title, and a button that counts its clicks (the bare rerun: click -> text updated).
Not a benchmark by itself: ``bench.side_by_side``, ``bench.rerun_browser`` and
``bench.load_sessions`` start it beside the atlas in the same run.
"""

import streamlit as st

st.title("Bare Streamlit page")
clicks = st.session_state.get("clicks", 0)
if st.button("Click", key="bare_click"):
    clicks += 1
    st.session_state["clicks"] = clicks
st.markdown(f"clicks: {clicks}")
