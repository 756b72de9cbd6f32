"""Text clean-up before anything reads a message: full-width to half-width, traditional
to simplified characters, common keyboard homophones (学废 → 学费), and whitespace
folded, WeChat's face codes written as the faces' names ("/:@)" → "[抱拳]"). The raw text
is kept elsewhere."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from opencc import OpenCC

from vocabulary import ENGLISH_IN_CHINESE, TYPOS, WECHAT_FACES

_SPACES = re.compile(r"\s+")
_ENGLISH_WORD = re.compile(
    r"(?<![A-Za-z])(?:"
    + "|".join(sorted(ENGLISH_IN_CHINESE, key=len, reverse=True))
    + r")(?![A-Za-z])",
    re.IGNORECASE,
)
_CHINESE = re.compile(r"[\u4e00-\u9fff]")
_TYPO = re.compile("|".join(sorted(TYPOS, key=len, reverse=True)))
_FACE_CODE = re.compile("|".join(map(re.escape, sorted(WECHAT_FACES, key=len, reverse=True))))
# Full-width digits, letters and the ideographic space become ASCII; Chinese punctuation
# (，。！？：) stays as people wrote it.
_HALF_WIDTH = {
    **{code: code - 0xFEE0 for code in range(0xFF10, 0xFF1A)},
    **{code: code - 0xFEE0 for code in range(0xFF21, 0xFF3B)},
    **{code: code - 0xFEE0 for code in range(0xFF41, 0xFF5B)},
    0x3000: 0x20,
}


@lru_cache(maxsize=1)
def _t2s() -> OpenCC:
    return OpenCC("t2s")


def normalise_text(raw: str) -> str:
    """Half-width digits and letters, simplified Chinese, homophones fixed, faces named,
    English words inside Chinese translated, single spaces."""
    text = unicodedata.normalize("NFC", raw).translate(_HALF_WIDTH)
    text = _FACE_CODE.sub(lambda found: f"[{WECHAT_FACES[found.group(0)]}]", text)
    text = _TYPO.sub(lambda found: TYPOS[found.group(0)], _t2s().convert(text))
    if _CHINESE.search(text):  # hi 我想donate: the English word as Chinese
        text = _ENGLISH_WORD.sub(lambda found: ENGLISH_IN_CHINESE[found.group(0).lower()], text)
    return _SPACES.sub(" ", text).strip()


def compact(text: str) -> str:
    """The text without whitespace, dashes or dots between groups (phone and ID numbers)."""
    return re.sub(r"[\s\-_·•]+", "", text)
