"""Faster, result-identical searching of the extraction patterns.

Most patterns of this package join Arabic and English alternatives. On a text without a single Arabic
letter the Arabic alternatives cannot match, yet the regex engine still tries each of them at every
position. `latin(pattern)` is the pattern without its top-level alternatives that need an Arabic
letter to match (found from the parsed pattern, not by hand), and `for_text(pattern, text)` picks it
whenever ``text`` holds no Arabic letter: the same matches (position, span and groups) come out, faster.
Likewise `arabic(pattern)` drops the alternatives that need a Latin letter, for Arabic text without one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any, Final, cast

_ARABIC: Final = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
# Latin letters, with the three letters re.IGNORECASE matches to them (İ ı ſ, and the Kelvin sign K): under
# that flag a Latin letter of a pattern matches only characters of this set (checked over every code point).
_LATIN: Final = re.compile("[A-Za-z\u0130\u0131\u017f\u212a]")
# A pattern that never matches. "(?!)" alone would be tried (and fail) at every position of a text; the least
# width of this one (65,535 characters) lets the engine refuse any shorter text at once.
_NEVER: Final = re.compile(r"x{65535}(?!)")
_VARIANTS: Final[dict[re.Pattern[str], re.Pattern[str]]] = {}
_ARABIC_VARIANTS: Final[dict[re.Pattern[str], re.Pattern[str]]] = {}


def _arabic_code(code: int) -> bool:
    return _ARABIC.match(chr(code)) is not None


def _latin_code(code: int) -> bool:
    return _LATIN.match(chr(code)) is not None


def _set_needs_arabic(items: list[tuple[object, object]], script: Callable[[int], bool] = _arabic_code) -> bool:
    """Whether every character of a character set ``[...]`` is an Arabic letter (a letter of ``script``)."""
    for op, av in items:
        if op is sre.LITERAL:
            if not script(av):  # type: ignore[arg-type]
                return False
        elif op is sre.RANGE:
            low, high = cast(tuple[int, int], av)
            if not (script(low) and script(high) and all(script(c) for c in range(low, high + 1))):
                return False
        else:  # NEGATE, CATEGORY (\w, \s ...), anything else: may be a Latin character
            return False
    return bool(items)


def _needs_arabic(seq: object, script: Callable[[int], bool] = _arabic_code) -> bool:
    """Whether every match of the parsed sequence ``seq`` contains (or asserts) an Arabic letter (a letter
    of ``script``)."""
    for op, av in seq:  # type: ignore[attr-defined]
        if op is sre.LITERAL and script(av):
            return True
        if op is sre.IN and _set_needs_arabic(av, script):
            return True
        if op is sre.SUBPATTERN and _needs_arabic(av[3], script):
            return True
        if op is sre.ATOMIC_GROUP and _needs_arabic(av, script):
            return True
        if op is sre.BRANCH and all(_needs_arabic(branch, script) for branch in av[1]):
            return True
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            if _needs_arabic(av[2], script):
                return True
        if op is sre.ASSERT and _needs_arabic(av[1], script):  # a positive lookahead/lookbehind must see it too
            return True
    return False


def _structure(source: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """``(index, char, depth)`` of each character of ``source`` from ``start`` that is outside
    escapes and character sets; ``depth`` is the group nesting before the character."""
    depth, i, in_set = 0, start, False
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if in_set:
            if char == "]":
                in_set = False
        elif char == "[":
            in_set = True
            if source[i + 1 : i + 2] == "^":
                i += 1
            if source[i + 1 : i + 2] == "]":  # "[]...]" and "[^]...]": a literal "]" first
                i += 1
        else:
            yield i, char, depth
            if char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
        i += 1


def _top_level_branches(source: str) -> list[str]:
    """``source`` split at its top-level ``|`` (outside groups, character sets and escapes)."""
    branches: list[str] = []
    start = 0
    for i, char, depth in _structure(source):
        if char == "|" and depth == 0:
            branches.append(source[start:i])
            start = i + 1
    branches.append(source[start:])
    return branches


def _group_end(source: str, open_at: int) -> int:
    """Index of the ``)`` closing the group opened at ``open_at``."""
    for i, char, depth in _structure(source, open_at):
        if char == ")" and depth == 1:
            return i
    raise ValueError("unbalanced group")


def _prune_groups(branch: str, flags: int, script: Callable[[int], bool] = _arabic_code) -> str:
    """``branch`` with the Arabic-only alternatives of its non-capturing groups ``(?:...)`` dropped."""
    out: list[str] = []
    copied = 0  # branch[:copied] is in out; groups before it are done
    for i, _char, _depth in _structure(branch):
        if i < copied or not branch.startswith("(?:", i):
            continue
        end = _group_end(branch, i)
        inner = _prune(branch[i + 3 : end], flags, script)
        out.append(branch[copied:i])
        out.append(branch[i : end + 1] if inner is None else f"(?:{inner})")
        copied = end + 1
    out.append(branch[copied:])
    return "".join(out)


def _prune(source: str, flags: int, script: Callable[[int], bool] = _arabic_code) -> str | None:
    """``source`` without the alternatives (at any depth of non-capturing groups) that need an Arabic
    letter (a letter of ``script``); None when every alternative needs one."""
    kept = []
    for branch in _top_level_branches(source):
        pruned = _prune_groups(branch, flags, script)
        if not _needs_arabic(_parser.parse(pruned, flags), script):
            kept.append(pruned)
    return "|".join(kept) if kept else None


def latin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` without the alternatives that cannot match a text free of Arabic letters."""
    return _variant(pattern, _arabic_code, _VARIANTS)


def arabic(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` without the alternatives that cannot match a text free of Latin letters (`_LATIN`)."""
    return _variant(pattern, _latin_code, _ARABIC_VARIANTS)


def _variant(
    pattern: re.Pattern[str], script: Callable[[int], bool], cache: dict[re.Pattern[str], re.Pattern[str]]
) -> re.Pattern[str]:
    """``pattern`` without the alternatives that need a letter of ``script``."""
    variant = cache.get(pattern)
    if variant is not None:
        return variant
    variant = pattern
    flags = pattern.flags & ~re.UNICODE
    try:
        pruned = _prune(pattern.pattern, flags, script)
    except (ValueError, re.error):
        pruned = pattern.pattern
    if pruned != pattern.pattern:
        candidate = re.compile(pruned, pattern.flags) if pruned is not None else _NEVER
        if candidate.groups == pattern.groups and candidate.groupindex == pattern.groupindex:
            variant = candidate
    cache[pattern] = variant
    return variant


def _literals(seq: object) -> frozenset[str] | None:
    """Strings one of which every match of the parsed sequence ``seq`` contains (None: none known)."""
    best: frozenset[str] | None = None

    def better(found: frozenset[str] | None) -> None:
        nonlocal best
        if found and all(found) and (best is None or _rank(found) > _rank(best)):
            best = found

    run: list[str] = []
    for op, av in seq:  # type: ignore[attr-defined]
        if op is sre.LITERAL:
            run.append(chr(av))  # type: ignore[arg-type]
            continue
        better(frozenset({"".join(run)}) if run else None)
        run = []
        if op is sre.SUBPATTERN and not av[1] & re.IGNORECASE:
            better(_literals(av[3]))
        elif op is sre.BRANCH:
            branches = [_literals(branch) for branch in av[1]]
            if all(branches):
                better(frozenset().union(*branches))  # type: ignore[arg-type]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            better(_literals(av[2]))
    better(frozenset({"".join(run)}) if run else None)
    return best


def _rank(found: frozenset[str]) -> tuple[bool, int, int]:
    shortest = min(len(literal) for literal in found)
    return shortest >= 3, -len(found), shortest


def _prefilter(variant: re.Pattern[str]) -> tuple[str, ...] | None:
    """Literals one of which the text must contain for ``variant`` to match (None: no such test)."""
    if variant.flags & re.IGNORECASE:
        return None
    found = _literals(_parser.parse(variant.pattern, variant.flags & ~re.UNICODE))
    if not found:
        return None
    kept: list[str] = []
    for literal in sorted(found, key=len):  # a text holding "تهدد" holds "هدد": the shorter one tests both
        if not any(shorter in literal for shorter in kept):
            kept.append(literal)
    return tuple(kept) if len(kept) <= _MAX_LITERALS else None


_MAX_LITERALS: Final = 40


_PREFILTERS: Final[dict[re.Pattern[str], tuple[str, ...] | None]] = {}


# The script of a text: no Arabic letter (0), Arabic and Latin letters (1), Arabic letters only (2).
_Seen = tuple[str, int, dict[int, Any]]  # chosen patterns keyed by id(pattern) (and `searcher`'s by -id)
_RECENT: Final[list[_Seen]] = [("", 0, {}), ("", 0, {})]  # the last two long texts (whole reports)
_RECENT_SHORT: Final[list[_Seen]] = [("", 0, {}), ("", 0, {})]  # the last two sentences or windows


def _script(text: str) -> int:
    if text.isascii() or _ARABIC.search(text) is None:
        return 0
    return 1 if _LATIN.search(text) is not None else 2


def _seen(text: str, recent: list[_Seen]) -> _Seen:
    """The script of ``text`` (see `_Seen`), and the patterns already chosen for it (remembered for
    the last two texts of its kind: callers alternate between a sentence and the whole report)."""
    if text is recent[1][0]:
        recent.reverse()
    else:
        recent[1] = recent[0]
        recent[0] = (text, _script(text), {})
    return recent[0]


def has_arabic(text: str) -> bool:
    """Whether ``text`` holds an Arabic letter."""
    recent = _RECENT if len(text) > 400 else _RECENT_SHORT
    return (recent[0] if text is recent[0][0] else _seen(text, recent))[1] != 0


def _contains_any(text: str, literals: tuple[str, ...]) -> bool:
    for literal in literals:
        if literal in text:
            return True
    return False


# id(pattern) -> (variant, its prefilter) for each script of `_Seen`: the Latin variant, the whole pattern,
# the Arabic variant. Keyed by identity: hashing a compiled pattern hashes its whole code (microseconds for
# the big alternations), and the patterns are module constants; `_KEPT` holds each one, so no id is
# reused while its entry lives.
_Choice = tuple[re.Pattern[str], tuple[str, ...] | None]
_CHOICES: Final[dict[int, tuple[_Choice, _Choice, _Choice]]] = {}
_KEPT: Final[list[re.Pattern[str]]] = []


def _cached_prefilter(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    prefilter = _PREFILTERS.get(pattern, ())
    if prefilter == ():
        prefilter = _PREFILTERS[pattern] = _prefilter(pattern)
    return prefilter


def _choice(pattern: re.Pattern[str]) -> tuple[_Choice, _Choice, _Choice]:
    _KEPT.append(pattern)
    first, second, third = ((variant, _cached_prefilter(variant))
                            for variant in (latin(pattern), pattern, arabic(pattern)))
    entry = _CHOICES[id(pattern)] = (first, second, third)
    return entry


def for_text(pattern: re.Pattern[str], text: str) -> re.Pattern[str]:
    """The pattern to search ``text`` (or part of it) with: its Latin variant when the text has no
    Arabic letter, its Arabic variant when it has no Latin letter, and one that never matches when the
    text lacks every literal a match needs."""
    recent = _RECENT if len(text) > 400 else _RECENT_SHORT
    _, script, chosen = recent[0] if text is recent[0][0] else _seen(text, recent)
    key = id(pattern)
    picked = chosen.get(key)
    if picked is None:
        picked, prefilter = (_CHOICES.get(key) or _choice(pattern))[script]
        if prefilter is not None and not _contains_any(text, prefilter):
            picked = _NEVER
        chosen[key] = picked
    return picked


def may_match(pattern: re.Pattern[str], piece: str) -> bool:
    """False when ``piece`` holds none of the literals every match of ``pattern`` consumes (`_prefilter`):
    then no match lies inside it, and a search confined to its span (``pattern.finditer(text, start, end)``
    with ``piece == text[start:end]``) may be skipped. (The literals are consumed characters, never a
    lookaround's, so what lies before or after the span does not matter.)"""
    entry = _MAY_MATCH.get(id(pattern))
    if entry is None or entry[0] is not pattern:  # (keyed by identity: hashing a big pattern costs microseconds)
        entry = _MAY_MATCH[id(pattern)] = (pattern, _cached_prefilter(pattern))
    literals = entry[1]
    return literals is None or _contains_any(piece, literals)


_MAY_MATCH: Final[dict[int, tuple[re.Pattern[str], tuple[str, ...] | None]]] = {}


# id(variant) -> the strings the variant matches, when it is a plain alternation of literal words
# (None when it is not, or they are too many), and whether they are the literals of its prefilter; see `found_in`.
_STRINGS: Final[dict[int, tuple[tuple[str, ...] | None, bool]]] = {}
_MAX_STRINGS: Final = 400


def _strings_of(seq: object) -> list[str] | None:
    """Every string the parsed sequence ``seq`` matches, when it is made of literals, sets of literal
    characters, alternations and groups only (no repeat, class, anchor or assertion); else None."""
    out = [""]
    for op, av in seq:  # type: ignore[attr-defined]
        if op is sre.LITERAL:
            add = [chr(av)]  # type: ignore[arg-type]
        elif op is sre.IN and all(item_op is sre.LITERAL for item_op, _ in av):  # type: ignore[attr-defined]
            add = [chr(code) for _, code in av]  # type: ignore[attr-defined]
        elif op is sre.BRANCH:
            branches = [_strings_of(branch) for branch in av[1]]  # type: ignore[index]
            if any(b is None for b in branches):
                return None
            add = [s for b in branches for s in b]  # type: ignore[union-attr]
        elif op is sre.SUBPATTERN and not av[1] and not av[2]:  # type: ignore[index]
            inner = _strings_of(av[3])  # type: ignore[index]
            if inner is None:
                return None
            add = inner
        else:
            return None
        out = [a + b for a in out for b in add]
        if len(out) > _MAX_STRINGS:
            return None
    return out


def _literal_strings(variant: re.Pattern[str]) -> tuple[str, ...] | None:
    if variant.flags & re.IGNORECASE:
        return None
    try:
        strings = _strings_of(_parser.parse(variant.pattern, variant.flags & ~re.UNICODE))
    except re.error:
        return None
    if strings is None:
        return None
    kept: list[str] = []
    for string in sorted(set(strings), key=lambda s: (len(s), s)):  # a text holding "killed" holds "kill"
        if not any(shorter in string for shorter in kept):
            kept.append(string)
    return tuple(kept)


def found_in(pattern: re.Pattern[str], text: str) -> bool:
    """``for_text(pattern, text).search(text) is not None``: for a pattern that is an alternation of
    literal words ("kill|dead|toll"), whether the text holds one of them, without running the regex."""
    picked = for_text(pattern, text)
    if picked is _NEVER:
        return False
    key = id(picked)  # the variants live as long as their entries in `_CHOICES` (patterns are kept)
    entry = _STRINGS.get(key)
    if entry is None:
        strings = _literal_strings(picked)
        prefilter = _cached_prefilter(picked)
        # `for_text` picked the variant, so the text holds one of its literals: when they are the very strings
        # the variant matches, the text holds one of those.
        settled = strings is not None and prefilter is not None and set(strings) == set(prefilter)
        entry = _STRINGS[key] = (strings, settled)
    strings, settled = entry
    if settled:
        return True
    if strings is None:
        return picked.search(text) is not None
    return _contains_any(text, strings)


# id(variant) -> its search (match) over a whole short string, testing the literals a match needs first.
_Find = Callable[[str], "re.Match[str] | None"]
_SEARCHERS: Final[dict[int, _Find]] = {}
_MATCHERS: Final[dict[int, _Find]] = {}


def _no_match(piece: str) -> None:
    return None


def _prefiltered(picked: re.Pattern[str], find: _Find) -> _Find:
    """``find`` (the pattern's search or match) preceded by the test of the literals a match needs (and, for a
    pattern whose matches end in one of some words, `_END_TAILS`, of how the piece ends)."""
    if picked is _NEVER:
        return _no_match
    literals = _cached_prefilter(picked)
    ends = _end_words(picked)
    if ends is not None:
        words, articles = ends

        def run_ends(piece: str) -> re.Match[str] | None:
            core = piece.rstrip()  # (str.isspace is \s)
            if not core.endswith(words) and not any(
                core.endswith(article) and core[: len(core) - len(article)].rstrip().endswith(words)
                for article in articles
            ):
                return None
            if literals and not _contains_any(piece, literals):
                return None
            return find(piece)

        return run_ends
    if not literals:
        return find

    def run(piece: str) -> re.Match[str] | None:
        for literal in literals:
            if literal in piece:
                return find(piece)
        return None

    return run


# What may follow the words of `_end_words` to the end of a match: its parsed form -> the articles it may hold.
_END_TAILS: Final = {
    repr(_parser.parse(tail).data): articles
    for tail, articles in ((r"\s*$", ()), (r"\s+$", ()), (r"\s*(?:the\s+|an?\s+)?$", ("the", "an", "a")))
}
_SKIPPED_AT_START: Final = (sre.AT, sre.ASSERT_NOT, sre.ASSERT)  # (they only narrow where a word may stand)


def _end_words(variant: re.Pattern[str]) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """For a pattern ``(?:\\bword|\\bother words|...)`` then a tail of `_END_TAILS` (whitespace, maybe an article,
    then ``$``): the words, and the articles; every match, stripped of trailing whitespace, ends with a word, or with
    an article after a word. None for any other pattern."""
    if variant.flags & re.IGNORECASE:
        return None
    try:
        seq = list(_parser.parse(variant.pattern, variant.flags & ~re.UNICODE).data)
    except re.error:
        return None
    if len(seq) < 2 or seq[0][0] is not sre.BRANCH:
        return None
    articles = _END_TAILS.get(repr(seq[1:]))
    if articles is None:
        return None
    words: list[str] = []
    for branch in seq[0][1][1]:  # type: ignore[index]
        ops = list(branch)
        while ops and ops[0][0] in _SKIPPED_AT_START:
            ops.pop(0)
        if not ops or any(op is not sre.LITERAL for op, _ in ops):
            return None
        word = "".join(chr(code) for _, code in ops)
        if word[-1].isspace():
            return None
        words.append(word)
    return tuple(words), articles


def _for_pieces(pattern: re.Pattern[str], text: str, script: int) -> re.Pattern[str]:
    """The pattern `searcher` and `matcher` run on pieces of ``text``: `for_text`'s choice for a short text; for a
    long one (a whole report) only its variant for the script, without `for_text`'s test of the literals over the
    whole text: each piece is tested for them (`_prefiltered`), and the pieces a report asks about hold far fewer
    characters than the report (a piece of a text without a literal holds none either: the same answers)."""
    if len(text) <= 400:
        return for_text(pattern, text)
    return (_CHOICES.get(id(pattern)) or _choice(pattern))[script][0]


def searcher(pattern: re.Pattern[str], text: str) -> _Find:
    """``for_text(pattern, text).search``, to call on short pieces of ``text`` (a window before or after a
    word): the same matches; a piece without a literal every match needs is answered without the regex."""
    recent = _RECENT if len(text) > 400 else _RECENT_SHORT
    seen = recent[0] if text is recent[0][0] else _seen(text, recent)
    chosen = seen[2]
    key = -id(pattern)  # kept beside `for_text`'s choices (ids are positive, and no two patterns' ids are 1 apart)
    find = chosen.get(key)
    if find is None:
        picked = _for_pieces(pattern, text, seen[1])
        find = _SEARCHERS.get(id(picked))  # the variants live as long as their entries in `_CHOICES`
        if find is None:
            find = _SEARCHERS[id(picked)] = _prefiltered(picked, quick(picked).search)
        chosen[key] = find
    return find


def matcher(pattern: re.Pattern[str], text: str) -> _Find:
    """``for_text(pattern, text).match`` for short pieces of ``text``, as `searcher` is for ``search``."""
    recent = _RECENT if len(text) > 400 else _RECENT_SHORT
    seen = recent[0] if text is recent[0][0] else _seen(text, recent)
    chosen = seen[2]
    key = -id(pattern) - 1
    find = chosen.get(key)
    if find is None:
        picked = _for_pieces(pattern, text, seen[1])
        find = _MATCHERS.get(id(picked))
        if find is None:
            find = _MATCHERS[id(picked)] = _prefiltered(picked, picked.match)
        chosen[key] = find
    return find


# Where a search has nothing to start from (a pattern opening with ``\b``, ``(?<!\w)`` or an optional word), the
# regex engine tries the whole pattern at every position, testing word boundaries there (slow Unicode look-ups).
# `quick(pattern)` puts before it a look-ahead for the characters its matches can start with, read from the parsed
# pattern: the same matches (spans, groups), most positions passed over at one test of a character set.
_QUICK: Final[dict[int, tuple[re.Pattern[str], re.Pattern[str]]]] = {}
_ZERO_WIDTH: Final = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS: Final = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_SET_CATEGORIES: Final = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_SPACE: r"\s"}
_MAX_FIRST: Final = 40  # characters (ranges and classes count one): a wider set passes over too few positions


def _first_items(seq: object, items: list[str]) -> bool | None:
    """Add to ``items`` (class items, escaped) the characters a match of the parsed sequence ``seq`` can start
    with; True when the sequence may match the empty string (then what follows it may start a match too), None
    when the characters are not known."""
    for op, av in seq:  # type: ignore[attr-defined]
        if op in _ZERO_WIDTH:
            continue
        if op is sre.LITERAL:
            items.append(f"\\U{av:08x}")
            return False
        if op is sre.IN:
            for item_op, item_av in av:  # type: ignore[attr-defined]
                if item_op is sre.LITERAL:
                    items.append(f"\\U{item_av:08x}")
                elif item_op is sre.RANGE:
                    items.append(f"\\U{item_av[0]:08x}-\\U{item_av[1]:08x}")
                elif item_op is sre.CATEGORY and item_av in _SET_CATEGORIES:
                    items.append(_SET_CATEGORIES[item_av])
                else:
                    return None  # a negated set, a word class ...
            return False
        if op is sre.SUBPATTERN or op is sre.ATOMIC_GROUP:
            inner = av if op is sre.ATOMIC_GROUP else av[3]  # type: ignore[index]
            if op is sre.SUBPATTERN and (av[1] or av[2]):  # type: ignore[index]
                return None  # flags changed inside
            empty = _first_items(inner, items)
            if empty is None:
                return None
            if not empty:
                return False
        elif op is sre.BRANCH:
            empties = [_first_items(branch, items) for branch in av[1]]  # type: ignore[index]
            if any(empty is None for empty in empties):
                return None
            if not any(empties):
                return False
        elif op in _REPEATS:
            empty = _first_items(av[2], items)  # type: ignore[index]
            if empty is None:
                return None
            if av[0] >= 1 and not empty:  # type: ignore[index]
                return False
        else:
            return None  # any character, a back-reference ...
    return True


def _opens_with_prefix(seq: object) -> bool:
    """Whether the engine finds a prefix of the parsed pattern ``seq`` itself (a literal, a character set, or
    alternatives each opening with a literal), and so passes over the positions where no match can start."""
    data = list(seq)  # type: ignore[call-overload]
    while data and data[0][0] is sre.SUBPATTERN and not data[0][1][1] and not data[0][1][2]:
        data = list(data[0][1][3])
    if not data:
        return False
    op, av = data[0]
    if op is sre.LITERAL or op is sre.IN:
        return True
    return op is sre.BRANCH and all(branch and branch[0][0] is sre.LITERAL for branch in av[1])


def quick(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern``, or one finding the same matches faster: opened by a look-ahead for the characters its matches
    start with (see `_first_items`); ``pattern`` itself when they are not known, too many, or a match may be empty,
    or when the engine has a prefix of its own to search for (`_opens_with_prefix`)."""
    entry = _QUICK.get(id(pattern))
    if entry is not None and entry[0] is pattern:
        return entry[1]
    fast = pattern
    if not pattern.flags & re.IGNORECASE and pattern is not _NEVER:
        items: list[str] = []
        try:
            parsed = _parser.parse(pattern.pattern, pattern.flags & ~re.UNICODE)
            empty = _first_items(parsed, items)
            items = list(dict.fromkeys(items))
            if empty is False and len(items) <= _MAX_FIRST and not _opens_with_prefix(parsed):
                candidate = re.compile(f"(?=[{''.join(items)}])(?:{pattern.pattern})", pattern.flags)
                if candidate.groups == pattern.groups and candidate.groupindex == pattern.groupindex:
                    fast = candidate
        except re.error:
            fast = pattern
    _QUICK[id(pattern)] = (pattern, fast)
    return fast


def search_span(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    """``pattern.search(text, start, end)``: None at once when ``text[start:end]`` holds none of the literals every
    match consumes (`may_match`), else the search of `quick(pattern)` (the same match)."""
    entry = _MAY_MATCH.get(id(pattern))
    if entry is None or entry[0] is not pattern:
        entry = _MAY_MATCH[id(pattern)] = (pattern, _cached_prefilter(pattern))
    literals = entry[1]
    if literals is not None:
        for literal in literals:
            if text.find(literal, start, end) >= 0:
                break
        else:
            return None
    return quick(pattern).search(text, start, end)
