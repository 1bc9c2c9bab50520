"""Word .docx → text, through python-docx and the package's XML.

The body in order, paragraphs and tables alike (a table cell by cell, row by row), one
paragraph per line with a blank line between; Heading styles as markdown "# " lines;
superscript digits and footnote references as Unicode superscripts; the footnotes
(word/footnotes.xml, which python-docx does not expose) and endnotes after the body as
"¹ text" lines; the first page's header (the symbol) before the body; an explicit page break as a form feed. Deleted revisions and field
codes are left out.
"""

from __future__ import annotations

import io
import re
import zipfile

from bot.read.errors import ReadError

SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
_NOTES = {
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes": "footnote",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes": "endnote",
}


def _superscript(text: str) -> str:
    return text.translate(SUPERSCRIPTS)


class _Reader:
    def __init__(self, styles: dict[str, tuple[int, bool]]):
        self.styles = styles  # styleId → (heading level or 0, superscript)
        self.refs: dict[tuple[str, str], int] = {}  # (kind, id) → number shown

    def ref(self, kind: str, note_id: str) -> str:
        key = (kind, note_id)
        if key not in self.refs:
            self.refs[key] = sum(1 for k, _ in self.refs if k == kind) + 1
        return _superscript(str(self.refs[key]))

    def run_text(self, r) -> str:
        rpr = r.find(f"{W}rPr")
        sup = False
        if rpr is not None:
            va = rpr.find(f"{W}vertAlign")
            style = rpr.find(f"{W}rStyle")
            if va is not None:
                sup = va.get(f"{W}val") == "superscript"
            elif style is not None:
                sup = self.styles.get(style.get(f"{W}val"), (0, False))[1]
        out = []
        for el in r:
            tag = el.tag
            if tag == f"{W}t":
                out.append(_superscript(el.text or "") if sup else el.text or "")
            elif tag == f"{W}tab":
                out.append("\t")
            elif tag in (f"{W}br", f"{W}cr"):
                out.append("\f" if el.get(f"{W}type") == "page" else "\n")
            elif tag == f"{W}noBreakHyphen":
                out.append("-")
            elif tag == f"{W}footnoteReference":
                out.append(self.ref("footnote", el.get(f"{W}id")))
            elif tag == f"{W}endnoteReference":
                out.append(self.ref("endnote", el.get(f"{W}id")))
        return "".join(out)

    def paragraph(self, p) -> tuple[str, int]:
        """The paragraph's text and its heading level (0 for body text)."""
        parts = []
        for r in p.iter(f"{W}r"):
            # Deleted text and field instructions are not the document's text.
            if any(a.tag in (f"{W}del", f"{W}moveFrom") for a in r.iterancestors()):
                continue
            parts.append(self.run_text(r))
        text = "".join(parts)
        level = 0
        ppr = p.find(f"{W}pPr")
        if ppr is not None:
            style = ppr.find(f"{W}pStyle")
            if style is not None:
                level = self.styles.get(style.get(f"{W}val"), (0, False))[0]
            outline = ppr.find(f"{W}outlineLvl")
            if not level and outline is not None and (outline.get(f"{W}val") or "9").isdigit():
                lvl = int(outline.get(f"{W}val")) + 1
                level = lvl if lvl <= 6 else 0
            if ppr.find(f"{W}pageBreakBefore") is not None:
                text = "\f" + text
        return text, level

    def blocks(self, parent) -> list[str]:
        """Paragraph texts of a body, a cell or a content control, in order."""
        out: list[str] = []
        for el in parent:
            if el.tag == f"{W}p":
                text, level = self.paragraph(el)
                if level and text.strip():
                    text = "#" * level + " " + " ".join(text.split())
                out.append(text)
            elif el.tag == f"{W}tbl":
                for row in el.iter(f"{W}tr"):
                    if row.getparent() is not el:
                        continue
                    for cell in row.findall(f"{W}tc"):
                        out += self.blocks(cell)
            elif el.tag in (f"{W}sdt", f"{W}customXml", f"{W}sdtContent", f"{W}ins"):
                out += self.blocks(el.find(f"{W}sdtContent") if el.tag == f"{W}sdt" else el)
        return out


def _styles(document) -> dict[str, tuple[int, bool]]:
    out = {}
    for style in document.styles:
        name = (style.name or "").strip()
        level = 0
        if m := _HEADING.match(name):
            level = min(6, int(m.group(1)))
        elif name.lower() == "title":
            level = 1
        sup = False
        font = getattr(style, "font", None)
        if font is not None:
            try:
                sup = bool(font.superscript)
            except (AttributeError, ValueError):
                sup = False
        sup = sup or name.lower() in ("footnote reference", "endnote reference")
        out[style.style_id] = (level, sup)
    return out


def _join(blocks: list[str]) -> str:
    paras = []
    for b in blocks:
        b = b.replace("\r", "")
        if not b.strip():
            if "\f" in b:
                paras.append("\f")
            continue
        paras.append(b.strip(" "))
    text = "\n\n".join(paras)
    text = re.sub(r"\n*\f\n*", "\f", text)  # a page break is not a paragraph of its own
    return text.strip("\n")


def _masthead(document, reader: _Reader) -> list[str]:
    """The first page's header: where a UN Word file prints the symbol (S/2024/432)."""
    if not document.sections:
        return []
    section = document.sections[0]
    header = section.first_page_header if section.different_first_page_header_footer else section.header
    if header.is_linked_to_previous and not section.different_first_page_header_footer:
        return []
    return [text for text in reader.blocks(header._element) if text.strip()]


def read_docx(data: bytes) -> str:
    import docx
    from lxml import etree

    try:
        document = docx.Document(io.BytesIO(data))
    except (KeyError, ValueError, zipfile.BadZipFile, etree.XMLSyntaxError) as e:
        raise ReadError(f"a damaged Word document ({e})") from None
    except Exception as e:  # noqa: BLE001  python-docx raises its own PackageNotFoundError and others
        raise ReadError(f"a damaged Word document ({type(e).__name__}: {e})") from None
    reader = _Reader(_styles(document))
    body = _join(_masthead(document, reader) + reader.blocks(document.element.body))
    notes = []
    for rel in document.part.rels.values():
        kind = _NOTES.get(rel.reltype)
        if kind is None or rel.is_external:
            continue
        root = etree.fromstring(rel.target_part.blob)
        texts = {}
        for note in root.iter(f"{W}{kind}"):
            if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            paras = [reader.paragraph(p)[0] for p in note.iter(f"{W}p")]
            texts[note.get(f"{W}id")] = " ".join(" ".join(p.split()) for p in paras if p.strip())
        for (k, note_id), number in sorted(reader.refs.items(), key=lambda kv: kv[1]):
            if k == kind and texts.get(note_id):
                notes.append(f"{_superscript(str(number))} {texts[note_id]}")
    text = body + ("\n\n" + "\n\n".join(notes) if notes else "")
    if not text.strip():
        raise ReadError("the Word document has no text")
    return text
