"""Build scripts: turn the raw public files into the committed artefacts of ``data/built/``."""
