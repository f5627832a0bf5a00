"""Chinese and Arabic numerals used in outline numbers."""

from __future__ import annotations

_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# 一 … 九十九, and 一百 … 九百九十九 (一百零五, 一百一十, 一百二十): a part may have a hundred sub-parts
CN_NUMERAL = (
    "(?:[一二三四五六七八九]?百(?:零[一二三四五六七八九]|[一二三四五六七八九]?十[一二三四五六七八九]?)?"
    "|[二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])"
)


def cn_to_int(text: str) -> int:
    """一 → 1, 十二 → 12, 二十三 → 23, 一百零五 → 105; 0 when not a numeral."""
    value = _VALUES.get(text)
    if value is None:
        value = _cn_to_int(text)
        if len(_VALUES) < _VALUES_KEPT:
            _VALUES[text] = value
    return value


_VALUES: dict[str, int] = {}  # the numerals met so far: a report writes the same few hundred times over
_VALUES_KEPT = 4096


def _cn_to_int(text: str) -> int:
    if not text:
        return 0
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return 0
    return total + current


def int_to_cn(value: int) -> str:
    """1 → 一, 12 → 十二, 23 → 二十三, 105 → 一百零五, 120 → 一百二十; Arabic digits from 1000 on."""
    names = "零一二三四五六七八九"
    if value < 0 or value >= 1000:
        return str(value)
    if value < 10:
        return names[value]
    if value < 100:
        tens, ones = divmod(value, 10)
        head = "" if tens == 1 else names[tens]
        return head + "十" + (names[ones] if ones else "")
    hundreds, rest = divmod(value, 100)
    head = names[hundreds] + "百"
    if rest == 0:
        return head
    if rest < 10:
        return head + "零" + names[rest]
    return head + names[rest // 10] + "十" + (names[rest % 10] if rest % 10 else "")


def cn_year_to_int(text: str) -> int:
    """二〇二四 → 2024 (digit by digit); 0 when not a year."""
    if len(text) != 4:
        return 0
    digits = [_DIGITS.get(ch, -1) for ch in text]
    if any(d < 0 for d in digits):
        return 0
    return int("".join(map(str, digits)))
