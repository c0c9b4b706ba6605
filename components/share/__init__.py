"""Sharing a view: the share panel, presentation and embed modes, image and data exports."""
