"""A matplotlib figure as a PIL image at print resolution, for ReportLab to embed.

Handing ReportLab the pixels (not PNG bytes) spares a PNG encode and decode per picture.
"""

from __future__ import annotations

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image


def figure_image(fig: Figure, dpi: int) -> Image.Image:
    """``fig`` rendered at ``dpi`` (its size in inches is its printed size), RGB on white."""
    fig.set_dpi(dpi)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    width, height = canvas.get_width_height()
    rgba = Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    page = Image.new("RGB", rgba.size, "white")
    page.paste(rgba, mask=rgba.getchannel("A"))
    return page
