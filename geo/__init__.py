"""Geometry and spatial logic of the atlas (plain Python, no streamlit)."""
