"""Labels placed apart: each point's label goes to the first of a fixed ring of places around
it where it overlaps no label already placed and no labelled point, and stays inside the
axes; a label with no such place is left out, so labels never overlap and never run off
the chart. Labels are placed in the order given (the largest first, say), the same way on
every run. Call `place` once the chart is laid out (after `style.finish`): it measures the
labels as they will be drawn.
"""
from __future__ import annotations

from typing import Iterable

from . import style

# the directions tried around a point, in order: right, left, above, below, then the diagonals
DIRECTIONS = ((1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, 1), (1, -1), (-1, -1))
RINGS = (6, 16, 30, 48, 70)   # distances from the point, in points; past the first, a leader line
GAP = 2.0                     # points kept free between two labels
POINT = 4.0                   # half the side of the square a labelled point keeps free, in points


def _box(anchor, size, offset, direction):
    """Give the (x0, y0, x1, y1) a label of `size` takes at `offset` from `anchor` (pixels)."""
    (x, y), (w, h), (dx, dy) = anchor, size, direction
    x += dx * offset
    y += dy * offset
    x0 = x if dx > 0 else x - w if dx < 0 else x - w / 2
    y0 = y if dy > 0 else y - h if dy < 0 else y - h / 2
    return (x0, y0, x0 + w, y0 + h)


def _apart(a, b, gap: float) -> bool:
    """Give whether boxes a and b are at least `gap` apart."""
    return a[2] + gap <= b[0] or b[2] + gap <= a[0] or a[3] + gap <= b[1] or b[3] + gap <= a[1]


def _inside(box, frame) -> bool:
    """Give whether `box` lies within `frame`."""
    return box[0] >= frame[0] and box[1] >= frame[1] and box[2] <= frame[2] and box[3] <= frame[3]


def place(ax, points: Iterable[tuple[float, float]], texts: Iterable[str], fontsize: float = 8,
          color: str = style.TEXT) -> list:
    """Label each point (x, y in data coordinates) with its text, placed apart (see the
    module). Gives the annotation drawn for each point, None where a label was left out."""
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    points, texts = list(points), list(texts)
    per_point = fig.dpi / 72.0
    frame = ax.get_window_extent(renderer).extents
    anchors = [tuple(ax.transData.transform((float(ax.convert_xunits(x)),
                                             float(ax.convert_yunits(y))))) for x, y in points]
    pad = POINT * per_point
    taken = [(x - pad, y - pad, x + pad, y + pad) for x, y in anchors]
    drawn = []
    for point, anchor, text in zip(points, anchors, texts):
        probe = ax.text(0, 0, text, fontsize=fontsize, transform=ax.transAxes)
        extent = probe.get_window_extent(renderer)
        probe.remove()
        size = (extent.width, extent.height)
        spot = next(((ring, d) for ring in RINGS for d in DIRECTIONS
                     if _inside(box := _box(anchor, size, ring * per_point, d), frame)
                     and all(_apart(box, other, GAP * per_point) for other in taken)), None)
        if spot is None:
            drawn.append(None)
            continue
        ring, (dx, dy) = spot
        taken.append(_box(anchor, size, ring * per_point, (dx, dy)))
        leader = dict(arrowstyle="-", color=style.LIGHT_GREY, lw=0.6, shrinkA=0, shrinkB=2) \
            if ring > RINGS[0] else None
        drawn.append(ax.annotate(
            text, point, xytext=(dx * ring, dy * ring), textcoords="offset points",
            ha="left" if dx > 0 else "right" if dx < 0 else "center",
            va="bottom" if dy > 0 else "top" if dy < 0 else "center",
            fontsize=fontsize, color=color, arrowprops=leader, annotation_clip=False,
            bbox=dict(boxstyle="square,pad=0.1", fc=style.WHITE, ec="none", alpha=0.8)))
    return drawn
