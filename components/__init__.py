"""Reusable Streamlit UI pieces: map, panels, filters, view state."""
