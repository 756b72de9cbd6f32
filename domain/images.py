"""What a photo must be before it is kept: an image by its content (not its name), within
the size limit, not a decompression bomb; and what is kept of it: the pixels only,
re-encoded, so EXIF (the phone's location included) is gone."""

from __future__ import annotations

import io
import warnings

from PIL import Image, UnidentifiedImageError

ACCEPTED = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/png"}
MAX_PIXELS = 40_000_000  # a 40-megapixel photo; far more is a decompression bomb


class NotAcceptable(ValueError):
    """Why a file is not kept: not_image, too_big, bomb."""


def clean_image(data: bytes, max_bytes: int) -> tuple[bytes, str]:
    """The image re-encoded without metadata, and its content type."""
    if len(data) > max_bytes:
        raise NotAcceptable("too_big")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                kind = probe.format or ""
                if kind not in ACCEPTED:
                    raise NotAcceptable("not_image")
                if probe.width * probe.height > MAX_PIXELS:
                    raise NotAcceptable("bomb")
                probe.load()
                pixels = probe.convert("RGB") if kind in ("JPEG", "WEBP") else probe.copy()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise NotAcceptable("bomb") from exc
    except (UnidentifiedImageError, OSError, SyntaxError) as exc:
        raise NotAcceptable("not_image") from exc
    out = io.BytesIO()
    save_as = "PNG" if kind == "GIF" else kind
    pixels.save(out, format=save_as)  # no exif= argument: the metadata stays behind
    return out.getvalue(), ACCEPTED[kind]
