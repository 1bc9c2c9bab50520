"""Web pages → the document's own text, through lxml.html.

The page's chrome is not the document: scripts, styles, navigation, menus, breadcrumbs,
edit links, tables of contents, categories, licence footers, comments and cookie banners
go. The main content container is preferred when there is one (a wiki's
.mw-parser-output, <main>, <article>, role=main, #content). Block elements become
paragraphs (a blank line between), <br> a new line, h1–h6 markdown headings, <sup>
digits Unicode superscripts (…的报告，¹), table cells paragraphs of their own.
"""

from __future__ import annotations

import codecs
import re

from bot.read.errors import ReadError
from bot.read.text import bom_encoding, decode

SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")

_DROP_TAGS = {
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "math",
    "nav", "header", "footer", "aside", "form", "button", "input", "select", "textarea", "label",
    "menu", "dialog", "head", "title", "meta", "link",
}
_BLOCKS = {
    "p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "blockquote",
    "pre", "table", "tr", "td", "th", "thead", "tbody", "tfoot", "caption", "figure",
    "figcaption", "address", "center", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "body", "html",
}
# Ids and classes of page chrome: a name part must start with one of these words.
_CHROME = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|footer|printfooter|comments?|sidebar|breadcrumbs?|"
    r"licen[cs]e|catlinks|toc|edit|mw-editsection|cookie|banner|noprint|share|social|related|"
    r"advert|skip|jump|ws-noexport|header_notes|headertemplate|sitesub|contentsub|mw-indicators)",
    re.IGNORECASE,
)
def _has_class(name: str) -> str:
    return f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]"


# The main content container, most specific first.
_MAIN = (
    _has_class("mw-parser-output"), "//*[@id='mw-content-text']", "//main", "//*[@role='main']",
    "//article", "//*[@id='content']", "//*[@id='main']", _has_class("content"), "//body",
)
_EDIT_LINK = re.compile(r"\s*\[\s*(?:编辑|編輯|编辑源代码|編輯原始碼|edit|edit source|modifier|editar|править)\s*\]",
                        re.IGNORECASE)
_LICENCE = re.compile(
    r"本作品在全世界都属于公有领域|本作品在全世界都屬於公有領域|知识共享|知識共享|Creative Commons|"
    r"CC BY(?:-SA)?|This work is in the public domain|licensed under|许可协议|授權條款|"
    r"All rights reserved|版权所有",
    re.IGNORECASE,
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
            "iso-8859-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252"}


def declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace").lower()
    name = _ALIASES.get(name, name)
    try:
        codecs.lookup(name)
    except LookupError:
        return None
    # A page served as UTF-16 says so with a byte-order mark; ASCII bytes can't be UTF-16.
    return None if name.startswith(("utf-16", "utf-32", "unicode")) else name


def decode_html(data: bytes, sniffed: str | None = None) -> tuple[str, str]:
    """Text and encoding: the byte-order mark, then the page's own charset, then UTF-8 and
    GB18030 (what the text reader found)."""
    if bom_encoding(data):
        return decode(data)
    if (declared := declared_charset(data)) is not None:
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass
    if sniffed:
        try:
            return data.decode(sniffed), sniffed
        except UnicodeDecodeError:
            pass
    return decode(data)


def _classes(el) -> str:
    return f"{el.get('id') or ''} {el.get('class') or ''} {el.get('role') or ''}"


def _hidden(el) -> bool:
    style = (el.get("style") or "").replace(" ", "").lower()
    return (el.get("hidden") is not None or el.get("aria-hidden") == "true"
            or "display:none" in style or "visibility:hidden" in style)


def _prune(root) -> None:
    """Remove chrome below the chosen container (never the container itself)."""
    doomed = []
    for el in root.iterdescendants():
        tag = el.tag if isinstance(el.tag, str) else None
        if tag is None or tag.lower() in _DROP_TAGS or _hidden(el) or (_CHROME.search(_classes(el)) and tag.lower() != "body") or el.get("role") in ("navigation", "banner", "contentinfo", "search", "complementary"):  # comments, processing instructions
            doomed.append(el)
    for el in doomed:
        parent = el.getparent()
        if parent is None:
            continue
        # Keep the text that follows the removed element.
        if el.tail:
            prev = el.getprevious()
            if prev is not None:
                prev.tail = (prev.tail or "") + el.tail
            else:
                parent.text = (parent.text or "") + el.tail
        parent.remove(el)


def _container(doc):
    for xpath in _MAIN:
        for el in doc.xpath(xpath):
            if len("".join(el.itertext()).strip()) >= 40:
                return el
    return doc


class _Text:
    """Blocks of inline text, each a paragraph; <br> breaks a line inside one."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.cur: list[str] = []

    def add(self, s: str) -> None:
        self.cur.append(s)

    def end_block(self, prefix: str = "") -> None:
        text = _squeeze("".join(self.cur))
        self.cur = []
        if text:
            self.blocks.append(prefix + text if prefix else text)


def _squeeze(text: str) -> str:
    """Collapse whitespace as a browser does; a line break between CJK characters is no
    space at all."""
    text = re.sub(rf"(?<=[{_CJK}])[ \t\r]*\n[ \t\r\n]*(?=[{_CJK}])", "", text)
    lines = [" ".join(part.split()) for part in text.split("\x00")]  # \x00 marks a <br>
    return "\n".join(ln for ln in lines if ln).strip()


def _walk(el, out: _Text, pre: bool = False) -> None:
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    if tag == "br":
        out.add("\x00")
    elif tag == "sup":
        inner = "".join(el.itertext()).strip()
        digits = inner.strip("[]() ")
        out.add(digits.translate(SUPERSCRIPTS) if digits.isdigit() else inner)
    elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        out.end_block()
        sub = _Text()
        if el.text:
            sub.add(el.text)
        for child in el:
            _walk(child, sub)
        sub.end_block()
        if heading := " ".join(" ".join(b.split()) for b in sub.blocks):
            out.blocks.append("#" * int(tag[1]) + " " + heading)
    elif tag in _BLOCKS:
        out.end_block()
        if el.text:
            out.add(el.text if not pre else el.text.replace("\n", "\x00"))
        for child in el:
            _walk(child, out, pre or tag == "pre")
        out.end_block()
    else:
        if el.text:
            out.add(el.text if not pre else el.text.replace("\n", "\x00"))
        for child in el:
            _walk(child, out, pre)
    if el.tail:
        out.add(el.tail if not pre else el.tail.replace("\n", "\x00"))


def html_to_text(markup: str) -> str:
    """The document's own text from a page's markup."""
    import lxml.html
    from lxml import etree

    markup = _XML_DECL.sub("", markup, count=1)
    if not markup.strip():
        raise ReadError("the file is empty")
    try:
        doc = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError) as e:
        raise ReadError(f"a web page that can't be parsed ({e})") from None
    root = _container(doc)
    _prune(root)
    out = _Text()
    tail, root.tail = root.tail, None
    _walk(root, out)
    root.tail = tail
    out.end_block()
    blocks = []
    for block in out.blocks:
        block = _EDIT_LINK.sub("", block).strip()
        if not block or _LICENCE.search(block):
            continue
        if re.fullmatch(r"#+", block):
            continue
        blocks.append(block)
    text = "\n\n".join(blocks)
    if not text.strip():
        raise ReadError("a web page with no text of its own")
    return text


def read_html(data: bytes, sniffed: str | None = None) -> tuple[str, str]:
    """(text, encoding) of a web page's bytes."""
    markup, encoding = decode_html(data, sniffed)
    return html_to_text(markup), encoding
