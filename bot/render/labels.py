"""The words around answers, in the reader's language (Chinese or English).

The corpus is quoted as published; only these labels follow the user's locale.
"""

from __future__ import annotations

LABELS = {
    "en": {
        "search_title": "Search: {query}", "hits": "{total} hits · {first}–{last}", "no_hits": "Nothing found for «{query}».",
        "official": "Official text", "kind": "Kind", "body": "Body", "session": "Session", "agenda_item": "Agenda item",
        "date": "Date", "meeting": "Meeting", "adoption": "Adopted", "drafts": "Drafts", "counts": "Paragraphs",
        "cites": "Cites", "cited_by": "Cited by", "not_in_corpus": "{symbol} is not in the corpus.",
        "not_in_corpus_query": "«{query}» is not in the corpus.", "suggestions": "Did you mean",
        "follow_ups": "Follow-ups", "recalls": "Recalls", "speakers": "Speakers", "briefers": "Briefers",
        "opened_closed": "Opened {opened}, closed {closed}", "president": "President", "request": "Request",
        "annexes": "Annexes", "no_quote": "No quote found for «{who}».", "another_quote": "Another quote",
        "previous": "Previous", "next": "Next", "corpus": "Corpus", "documents": "Documents",
        "paragraphs": "paragraphs", "last_ingest": "Last ingest", "digest_title": "Plenary digest · {date}",
        "new_documents": "New or changed", "nothing_new": "Nothing new since {since}.", "spotlight": "Spotlight",
        "quote_of_day": "Quote of the day", "only_owner": "Only the person who asked can turn these pages.",
        "page": "Page {page}/{pages}", "turns": "turns", "error": "Sorry, something went wrong; it has been logged.",
        "cooldown": "Slow down a little: try again in {seconds:.0f} s.", "need_manage": "You need the Manage Server permission for that.",
        "expired": "This answer has expired; run the command again.", "symbols_found": "Symbols in this message",
        "no_symbols": "No UN document symbols in that message.",
        "no_paragraph": "There is no paragraph {label} here; there are: {labels}",
    },
    "zh": {
        "search_title": "搜索：{query}", "hits": "共 {total} 条 · 第 {first}–{last} 条", "no_hits": "没有找到“{query}”。",
        "official": "正式文本", "kind": "类型", "body": "机关", "session": "届会", "agenda_item": "议程项目",
        "date": "日期", "meeting": "会议", "adoption": "通过方式", "drafts": "草案", "counts": "段落",
        "cites": "引用", "cited_by": "被引用", "not_in_corpus": "语料库中没有 {symbol}。",
        "not_in_corpus_query": "语料库中没有“{query}”。", "suggestions": "您是否要找",
        "follow_ups": "后续行动", "recalls": "提及的文书", "speakers": "发言者", "briefers": "通报者",
        "opened_closed": "{opened} 开会，{closed} 散会", "president": "主席", "request": "请求",
        "annexes": "附件", "no_quote": "没有找到“{who}”的发言。", "another_quote": "换一句",
        "previous": "上一页", "next": "下一页", "corpus": "语料库", "documents": "文件",
        "paragraphs": "段", "last_ingest": "最近导入", "digest_title": "Plenary 每日摘要 · {date}",
        "new_documents": "新增或更新", "nothing_new": "自 {since} 以来没有新文件。", "spotlight": "今日段落",
        "quote_of_day": "今日引语", "only_owner": "只有提问者可以翻页。",
        "page": "第 {page}/{pages} 页", "turns": "次发言", "error": "抱歉，出了点问题，已记录。",
        "cooldown": "请稍候 {seconds:.0f} 秒再试。", "need_manage": "此操作需要“管理服务器”权限。",
        "expired": "此回答已过期，请重新运行命令。", "symbols_found": "消息中的文号",
        "no_symbols": "该消息中没有联合国文件文号。",
        "no_paragraph": "此处没有第 {label} 段；现有段落：{labels}",
    },
}


def lang_of(locale: str | None) -> str:
    return "zh" if str(locale or "").lower().startswith("zh") else "en"


def t(lang: str, key: str, **kw: object) -> str:
    return LABELS.get(lang, LABELS["en"])[key].format(**kw)
