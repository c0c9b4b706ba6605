"""The national and département maps.

folium build, Leaflet layers and offline assets, legend, markers, popups, the Streamlit view.
"""
