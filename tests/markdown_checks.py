"""What Streamlit's Markdown would make of a string: the checks the escaping tests share.

Streamlit renders Markdown in two layers, and a string must be inert in both. The parser (CommonMark,
GFM, math, directives) honours backslash escapes. Plugins that run on the *parsed* text do not see
escapes any more: they find their patterns in the text CommonMark leaves. The patterns below are
Streamlit 1.67's own (its ``StreamlitMarkdown`` frontend bundle: mdast-util-gfm-autolink-literal,
its ``:streamlit:`` logo and ``:material_x:`` icon plugins, its typographic replacements, and the
tests that decide whether to load remark-emoji and KaTeX at all), in Python's syntax.
"""

from __future__ import annotations

import re

TEXT_PLUGIN_PATTERNS: dict[str, re.Pattern[str]] = {
    "bare-URL autolink": re.compile(r"(https?://|www(?=\.))[-.\w]+", re.IGNORECASE | re.ASCII),
    "e-mail autolink": re.compile(r"[-.\w+]+@[-\w]+(?:\.[-\w]+)+", re.ASCII),
    "Streamlit logo image": re.compile(r":streamlit:"),
    "Material icon": re.compile(r":material_\w+:", re.ASCII),
    "typographic arrow": re.compile(r"(?:^|(?<=\s))(?:<->|->|<-|--|>=|<=|~=)(?=\s|$)"),
}
"""Plugins that rewrite parsed text (escapes already resolved) into links, images, icons, symbols."""

SOURCE_PATTERNS: dict[str, re.Pattern[str]] = {
    "emoji shortcode (loads remark-emoji)": re.compile(r":(?!material/|streamlit:)[\w+-][\w_+-]*:"),
    "Material icon (rewritten before parsing)": re.compile(r":material/"),
}
"""Tests Streamlit runs on the Markdown source itself."""

_MATH_ESCAPES = re.compile(r"\\[\\$`]")
_DISPLAY_MATH = re.compile(r"(?<!\$)\$\$+(?!\$)[\s\S]*?\$\$")
_INLINE_MATH = re.compile(r"(?<!\$)\$(?![\s$])[^$\n]*?[^\s$]\$(?!\d)")


def parsed_text(markdown: str) -> str:
    """The text CommonMark leaves of escaped Markdown: each backslash escape resolved."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)


def loads_math(markdown: str) -> bool:
    """Whether Streamlit would load KaTeX for this source (its own test, escapes and all)."""
    if "$" not in markdown:
        return False
    stripped = _MATH_ESCAPES.sub("_", markdown)
    return bool(_DISPLAY_MATH.search(stripped) or _INLINE_MATH.search(stripped))


def plugin_triggers(markdown: str) -> list[str]:
    """Which of Streamlit's text plugins, source tests and math detection this Markdown sets off."""
    text = parsed_text(markdown)
    found = [name for name, pattern in TEXT_PLUGIN_PATTERNS.items() if pattern.search(text)]
    found += [name for name, pattern in SOURCE_PATTERNS.items() if pattern.search(markdown)]
    if loads_math(markdown):
        found.append("LaTeX (loads KaTeX)")
    return found


def unescaped_punctuation(markdown: str) -> list[str]:
    """ASCII punctuation not preceded by a backslash: every one could start Markdown syntax."""
    return re.findall(r"(?<!\\)[!-/:-@\[-`{-~]", re.sub(r"\\[!-/:-@\[-`{-~]", "", markdown))
