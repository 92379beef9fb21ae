#!/usr/bin/env python3
"""Draws the two icons Teams needs, with the standard library only (no ImageMagick, no fonts):
color.png 192x192 (a white "M" on the accent colour) and outline.png 32x32 (a white "M" on transparent).
Run once; the PNGs are committed."""
import struct
import zlib
from pathlib import Path

# The "M" as one polygon in a 0..1 square.
M = [(0.23, 0.77), (0.23, 0.23), (0.375, 0.23), (0.5, 0.48), (0.625, 0.23), (0.77, 0.23), (0.77, 0.77),
     (0.645, 0.77), (0.645, 0.46), (0.54, 0.665), (0.46, 0.665), (0.355, 0.46), (0.355, 0.77)]


def inside(x, y, poly):
    hit = False
    for (x1, y1), (x2, y2) in zip(poly, poly[1:] + poly[:1]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit


def coverage(px, py, size, samples=4):
    n = 0
    for sy in range(samples):
        for sx in range(samples):
            n += inside((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size, M)
    return n / (samples * samples)


def png(path, size, background, corner_radius=0.0):
    rows = []
    for py in range(size):
        row = bytearray([0])  # filter: none
        for px in range(size):
            a = coverage(px, py, size)
            if background is None:
                row += bytes([255, 255, 255, round(255 * a)])
            else:
                r, g, b = (round(c + (255 - c) * a) for c in background)
                row += bytes([r, g, b, 255])
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    Path(path).write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b""))


here = Path(__file__).resolve().parent
png(here / "color.png", 192, (0x5B, 0x5F, 0xC7))
png(here / "outline.png", 32, None)
