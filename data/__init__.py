"""Datasets, schemas, loaders and build scripts of the atlas (plain Python, no streamlit)."""
