"""Charts as SVG drawn on the server: no script, no CDN, no third-party request.

The SVG is built from escaped text and numbers only and uses presentation attributes
(no `style`), so it passes the pages' Content-Security-Policy. Each chart has a title
and a description for screen readers; the table with the same numbers sits beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from review.analytics import Table

WIDTH, BAR, GAP, LABEL = 640, 18, 6, 220
COLOURS = ("#005a9c", "#2e7d32", "#b26a00", "#8a1538", "#5e35b1", "#00838f")


def _number(value: object) -> float:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) \
        else 0.0


def bar_chart(table: Table, value_column: int = 1, label_column: int = 0) -> str:
    """Horizontal bars: one row per table row (labels cut to 40 characters)."""
    rows = table.rows
    height = max(len(rows), 1) * (BAR + GAP) + GAP
    top = max((_number(row[value_column]) for row in rows), default=0.0) or 1.0
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
             f'width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" '
             f'aria-labelledby="chart-{table.key}">',
             f'<title id="chart-{table.key}">{escape(table.title)}</title>']
    for i, row in enumerate(rows):
        y = GAP + i * (BAR + GAP)
        value = _number(row[value_column])
        width = round((WIDTH - LABEL - 60) * value / top, 1)
        label = escape(str(row[label_column])[:40])
        shown = f"{value:g}"
        parts.append(f'<text x="{LABEL - 6}" y="{y + BAR - 5}" text-anchor="end" '
                     f'font-size="12" fill="#222">{label}</text>')
        parts.append(f'<rect x="{LABEL}" y="{y}" width="{width}" height="{BAR}" '
                     f'fill="{COLOURS[0]}"><title>{label}: {shown}</title></rect>')
        parts.append(f'<text x="{LABEL + width + 4}" y="{y + BAR - 5}" font-size="12" '
                     f'fill="#222">{shown}</text>')
    if not rows:
        parts.append('<text x="8" y="18" font-size="12" fill="#555">keine Daten</text>')
    parts.append("</svg>")
    return "".join(parts)


def stacked_chart(table: Table, good: int = 1, bad: int = 2) -> str:
    """Horizontal 100 % bars: share of `good` (green) and `bad` (red) per row."""
    rows = table.rows
    height = max(len(rows), 1) * (BAR + GAP) + GAP
    span = WIDTH - LABEL - 90
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
             f'width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" '
             f'aria-labelledby="chart-{table.key}">',
             f'<title id="chart-{table.key}">{escape(table.title)}</title>']
    for i, row in enumerate(rows):
        y = GAP + i * (BAR + GAP)
        yes, no = _number(row[good]), _number(row[bad])
        share = yes / (yes + no) if yes + no else 0.0
        label = escape(str(row[0])[:40])
        parts.append(f'<text x="{LABEL - 6}" y="{y + BAR - 5}" text-anchor="end" '
                     f'font-size="12" fill="#222">{label}</text>')
        parts.append(f'<rect x="{LABEL}" y="{y}" width="{span * share:.1f}" height="{BAR}" '
                     f'fill="#2e7d32"><title>{label}: {yes:g} hilfreich</title></rect>')
        parts.append(f'<rect x="{LABEL + span * share:.1f}" y="{y}" '
                     f'width="{span * (1 - share):.1f}" height="{BAR}" fill="#b3261e">'
                     f'<title>{label}: {no:g} nicht hilfreich</title></rect>')
        parts.append(f'<text x="{LABEL + span + 4}" y="{y + BAR - 5}" font-size="12" '
                     f'fill="#222">{100 * share:.0f} % von {yes + no:g}</text>')
    if not rows:
        parts.append('<text x="8" y="18" font-size="12" fill="#555">keine Daten</text>')
    parts.append("</svg>")
    return "".join(parts)


def column_chart(table: Table, value_column: int = 1) -> str:
    """Vertical columns over time (conversations per day), labels every few columns."""
    rows: Sequence[tuple[object, ...]] = table.rows[-92:]  # the last three months shown
    height, bottom, left = 220, 40, 40
    count = max(len(rows), 1)
    step = (WIDTH - left - 10) / count
    top = max((_number(row[value_column]) for row in rows), default=0.0) or 1.0
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
             f'width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" '
             f'aria-labelledby="chart-{table.key}">',
             f'<title id="chart-{table.key}">{escape(table.title)}</title>',
             f'<text x="4" y="14" font-size="11" fill="#555">{top:g}</text>',
             f'<line x1="{left}" y1="{height - bottom}" x2="{WIDTH - 10}" '
             f'y2="{height - bottom}" stroke="#888"/>']
    label_every = max(1, count // 8)
    for i, row in enumerate(rows):
        value = _number(row[value_column])
        bar = (height - bottom - 20) * value / top
        x = left + i * step
        label = escape(str(row[0]))
        parts.append(f'<rect x="{x + 1:.1f}" y="{height - bottom - bar:.1f}" '
                     f'width="{max(step - 2, 1):.1f}" height="{bar:.1f}" fill="{COLOURS[0]}">'
                     f'<title>{label}: {value:g}</title></rect>')
        if i % label_every == 0:
            parts.append(f'<text x="{x:.1f}" y="{height - bottom + 14}" font-size="10" '
                         f'fill="#222">{label[5:]}</text>')
    if not rows:
        parts.append('<text x="50" y="100" font-size="12" fill="#555">keine Daten</text>')
    parts.append("</svg>")
    return "".join(parts)
