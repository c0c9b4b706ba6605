"""The "Dossier du département": a printable A4 PDF of one département (cover map, key
figures, initiatives, comparable territories, sources), built on the server.

Builder modules are plain Python (no streamlit): :func:`components.dossier.build.build_dossier`
takes the atlas and returns PDF bytes. Only :mod:`components.dossier.download` (the button
and its cache) imports streamlit.
"""
