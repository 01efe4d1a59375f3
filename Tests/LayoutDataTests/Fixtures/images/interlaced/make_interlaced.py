"""Writes small Adam7-interlaced PNGs and the pixels Pillow would decode from them.

Independent of the Swift code: pure Python (zlib, struct, hashlib). Each image is written
twice, interlaced and not, with the filter type cycling over rows so that every filter is
used inside the passes. expected.json gives the Pillow-layout pixel digest (palette indices,
1-bit as 0/1, 16-bit gray little-endian, 16-bit RGBA as high bytes). Run: python3 make_interlaced.py
"""
import hashlib, json, struct, zlib

ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
SAMPLES = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else (b if pb <= pc else c)


def filter_row(ftype, row, prev, bpp):
    out = bytearray()
    for i, x in enumerate(row):
        a = row[i - bpp] if i >= bpp else 0
        b = prev[i] if prev is not None else 0
        c = prev[i - bpp] if prev is not None and i >= bpp else 0
        pred = [0, a, b, (a + b) // 2, paeth(a, b, c)][ftype]
        out.append((x - pred) & 255)
    return bytes([ftype]) + bytes(out)


def pack_row(samples, depth):
    """samples: list of ints, one per sample; returns the scanline bytes."""
    if depth == 8:
        return bytes(samples)
    if depth == 16:
        return b"".join(struct.pack(">H", s) for s in samples)
    out, acc, nbits = bytearray(), 0, 0
    for s in samples:
        acc = (acc << depth) | s
        nbits += depth
        if nbits == 8:
            out.append(acc)
            acc, nbits = 0, 0
    if nbits:
        out.append(acc << (8 - nbits))
    return bytes(out)


def scanlines(pixels, width, rows, depth, ctype, counter):
    bpp = max(1, SAMPLES[ctype] * depth // 8)
    data, prev = bytearray(), None
    for r in rows:
        row = pack_row([s for px in r for s in px], depth)
        data += filter_row(counter[0] % 5, row, prev, bpp)
        counter[0] += 1
        prev = row
    return data


def write_png(path, width, height, depth, ctype, pixels, interlace, palette=None):
    counter = [0]
    if interlace:
        raw = bytearray()
        for x0, y0, dx, dy in ADAM7:
            xs, ys = list(range(x0, width, dx)), list(range(y0, height, dy))
            if xs and ys:
                raw += scanlines(pixels, width, [[pixels[y][x] for x in xs] for y in ys], depth, ctype, counter)
    else:
        raw = scanlines(pixels, width, pixels, depth, ctype, counter)

    def chunk(t, body):
        return struct.pack(">I", len(body)) + t + body + struct.pack(">I", zlib.crc32(t + body))

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, depth, ctype, 0, 0, interlace))
    if palette:
        png += chunk(b"PLTE", bytes(palette))
    png += chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b"")
    open(path, "wb").write(png)


def pillow_bytes(pixels, depth, ctype):
    out = bytearray()
    for row in pixels:
        for px in row:
            if depth == 16 and ctype == 0:
                out += struct.pack("<H", px[0])
            elif depth == 16:
                out += bytes(s >> 8 for s in px)
            else:
                out += bytes(px)
    return bytes(out)


CASES = [
    # name, width, height, depth, colour type, mode
    ("gray8", 37, 23, 8, 0, "L"),
    ("rgb8", 19, 13, 8, 2, "RGB"),
    ("bilevel1", 37, 23, 1, 0, "1"),
    ("palette4", 21, 11, 4, 3, "P"),
    ("gray16", 13, 9, 16, 0, "I;16"),
    ("rgba16", 9, 10, 16, 6, "RGBA"),
    ("gray8-tiny", 3, 2, 8, 0, "L"),
    ("gray8-one", 1, 1, 8, 0, "L"),
]

entries = []
for name, w, h, depth, ctype, mode in CASES:
    top = (1 << depth) - 1
    pixels = [
        [tuple(((x * 37 + y * 11 + c * 101 + (x * y) % 7) * 2654435761 >> 7) % (top + 1) for c in range(SAMPLES[ctype]))
         for x in range(w)]
        for y in range(h)
    ]
    palette = [(i * 53) % 256 for i in range(3 * 16)] if ctype == 3 else None
    write_png(f"{name}.png", w, h, depth, ctype, pixels, 0, palette)
    write_png(f"{name}-adam7.png", w, h, depth, ctype, pixels, 1, palette)
    expected = pillow_bytes(pixels, depth, ctype)
    sum_value = sum(struct.unpack(f"<{len(expected) // 2}H", expected)) if mode == "I;16" else sum(expected)
    entries.append({"file": f"{name}-adam7.png", "plain": f"{name}.png", "mode": mode, "width": w, "height": h,
                    "pixel_sum": sum_value, "sha256_of_pixels": hashlib.sha256(expected).hexdigest()})
json.dump({"images": entries}, open("expected.json", "w"), indent=1)
