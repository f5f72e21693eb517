"""Draw the program's icon: resources/icons/partnership-desk.{svg,ico} and PNGs of each size.

A rounded blue square with two overlapping rings (two parties, one agreement) over a
document's ruled lines. Run: ``.venv/bin/python tools/windows/make_icon.py``.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parents[2] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)
BLUE = "#1f5fa8"
DARK = "#16467d"
WHITE = "#ffffff"
GOLD = "#f2b632"

# Shapes on a 256 x 256 canvas: (cx, cy, r) of the two rings, and their stroke width.
RINGS = ((100, 124, 52), (156, 124, 52))
RING_WIDTH = 18
CORNER = 48
LINES = ((64, 196, 192), (84, 218, 172))  # (x1, y, x2): the document's lines under the rings
LINE_WIDTH = 10


def svg() -> str:
    rings = "\n".join(
        f'  <circle cx="{cx}" cy="{cy}" r="{r}" fill="none" stroke="{colour}" stroke-width="{RING_WIDTH}"/>'
        for (cx, cy, r), colour in zip(RINGS, (WHITE, GOLD), strict=True)
    )
    lines = "\n".join(
        f'  <line x1="{x1}" y1="{y}" x2="{x2}" y2="{y}" stroke="{WHITE}" stroke-opacity="0.7" '
        f'stroke-width="{LINE_WIDTH}" stroke-linecap="round"/>'
        for x1, y, x2 in LINES
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">\n'
        f'  <rect x="8" y="8" width="240" height="240" rx="{CORNER}" fill="{BLUE}"/>\n'
        f"{rings}\n{lines}\n</svg>\n"
    )


def png(size: int) -> Image.Image:
    scale = 4  # drawn large, then reduced: smooth edges
    s = size * scale / 256
    image = Image.new("RGBA", (size * scale, size * scale), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((8 * s, 8 * s, 248 * s, 248 * s), radius=CORNER * s, fill=BLUE)
    for (cx, cy, r), colour in zip(RINGS, (WHITE, GOLD), strict=True):
        draw.ellipse(
            (
                (cx - r - RING_WIDTH / 2) * s,
                (cy - r - RING_WIDTH / 2) * s,
                (cx + r + RING_WIDTH / 2) * s,
                (cy + r + RING_WIDTH / 2) * s,
            ),
            outline=colour,
            width=max(1, round(RING_WIDTH * s)),
        )
    for x1, y, x2 in LINES:
        draw.line(
            (x1 * s, y * s, x2 * s, y * s), fill=(255, 255, 255, 178), width=max(1, round(LINE_WIDTH * s))
        )
        for x in (x1, x2):  # round caps
            r = LINE_WIDTH / 2 * s
            draw.ellipse((x * s - r, y * s - r, x * s + r, y * s + r), fill=(255, 255, 255, 178))
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "partnership-desk.svg").write_text(svg(), encoding="utf-8")
    images = {size: png(size) for size in SIZES}
    for size, image in images.items():
        image.save(OUT / f"partnership-desk-{size}.png")
    images[256].save(OUT / "partnership-desk.ico", sizes=[(n, n) for n in SIZES])
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
