"""The words around answers, in the reader's language: one catalogue per language (EN, ZH),
with the same keys (tests/test_answers_labels.py checks it).

The corpus is quoted as published; only these labels follow the user's locale. Every string a
user sees from the chat adapter or the shell comes from here: titles, field names, counts,
kinds, follow-ups, digest and subscription status, refusals, dates.
"""

from __future__ import annotations

import re

EN: dict[str, str] = {
    # search
    "search_title": "Search: {query}", "hits": "{total} hits · {first}–{last}", "no_hits": "Nothing found for «{query}».",
    "hits_line": "{total} hits for «{query}» (showing {first}–{last})",
    # cards
    "official": "Official text", "kind": "Kind", "body": "Body", "session": "Session", "agenda_item": "Agenda item",
    "date": "Date", "meeting": "Meeting", "adoption": "Adopted", "drafts": "Drafts", "counts": "Paragraphs",
    "cites": "Cites", "cited_by": "Cited by", "not_in_corpus": "{symbol} is not in the corpus.",
    "not_in_corpus_query": "«{query}» is not in the corpus.", "suggestions": "Did you mean",
    "language": "Language", "versions_held": "versions held: {held}", "not_held": "not held: {missing}",
    "not_in_corpus_mark": "(° not in the corpus)", "link": "Link",
    "no_paragraph": "There is no paragraph {label} here; there are: {labels}",
    "previous_label": "previous {label}", "next_label": "next {label}",
    "alignment_doubtful": "alignment doubtful: {why}", "no_parallel": "no {language} paragraph stands here",
    "show_original": "As published", "in_en": "In English", "in_zh": "In Chinese",
    "language_set": "This server now reads the {language} version of documents where the corpus holds it.",
    "language_auto": "This server now follows each member's own Discord language.",
    "not_held_language": "The corpus holds documents in {held}, none in {language}.",
    "try_search": "Try: {suggestion}",
    # letters
    "sender": "Sender", "addressee": "Addressee", "signatory": "Signed by", "letter_date": "Dated",
    "distributed": "Distributed", "original_language": "Original language", "request": "Request",
    "annexes": "Annexes", "annex_line": "Annex {annex}: {title} ({paragraphs} paragraphs)",
    # summaries
    "follow_ups": "Follow-ups", "recalls": "Recalls", "speakers": "Speakers", "briefers": "Briefers",
    "opened_closed": "Opened {opened}, closed {closed}", "president": "President", "themes": "Themes",
    "key_sentences": "What each said", "national_statement": "The President's own statement",
    "chair_procedure": "as chair: {turns}", "documents_cited": "Documents cited",
    "follow_up_report": "report requested, session {session} ({label})",
    "follow_up_agenda": "item for the provisional agenda, session {session} ({label})",
    "follow_up_report_later": "report requested, a later session ({label})",
    "follow_up_agenda_later": "item for the provisional agenda, a later session ({label})",
    # quotes
    "no_quote": "No quote found for «{who}».", "another_quote": "Another quote", "next_quote": "Next quote",
    "did_you_mean_who": "Nobody named «{who}» spoke in the corpus. Did you mean {names}?",
    "nobody": "Nobody matching «{who}» spoke in the corpus.", "corrected": "«{typed}» → {name}",
    "no_document": "No document «{symbol}» in the corpus.", "quoting": "quoting {symbol} {label}",
    # reading
    "read_title": "{symbol} · {what}", "read_whole": "the whole document", "read_statement": "statement by {name}",
    "read_section": "{section}", "read_nothing": "{symbol} has nothing to read for «{who}».",
    "read_turn": "Turn {turn}", "read_sections": "Sections: {sections}",
    # paging, corpus, digest
    "previous": "Previous", "next": "Next", "corpus": "Corpus", "documents": "Documents",
    "paragraphs": "paragraphs", "last_ingest": "Last ingest", "digest_title": "Plenary digest · {date}",
    "new_documents": "New documents", "added_documents": "Added to the corpus",
    "nothing_new": "No new documents since {since}.", "spotlight": "Spotlight",
    "quote_of_day": "Quote of the day", "follow_ups_due": "Follow-ups due (sessions {sessions})",
    "corpus_line": "{documents} documents · {paragraphs} paragraphs · {speakers} speakers",
    "page": "Page {page}/{pages}", "page_hint": "Page {page}/{pages}: page:{next} for more.",
    # chat
    "only_owner": "Only the person who asked can turn these pages.",
    "error": "Sorry, something went wrong; it has been logged.",
    "cooldown": "Slow down a little: try again {when}.", "need_manage": "You need the Manage Server permission for that.",
    "guild_only": "This command works in a server.",
    "expired": "This answer has expired; run the command again.", "symbols_found": "Symbols in this message",
    "no_symbols": "No UN document symbols in that message.",
    "autolookup_on": "Symbols written in this server's messages will be answered.",
    "autolookup_off": "Symbols in this server's messages will no longer be answered.",
    "autolookup_no_intent": "The bot runs without the message-content intent: set PLENARY_MESSAGE_CONTENT=1.",
    "cooldown_set": "Each member may now run {uses} answers every {seconds} s in this server.",
    "cooldown_off": "No cooldown in this server.",
    "digest_none": "No digest subscription in this server.", "digest_active": "active",
    "digest_paused": "paused: {reason}", "digest_status": "{channel} · {time} {timezone} · {state} · last sent {last}",
    "digest_never": "never", "digest_next": "next {when}", "subscribed": "✅ {channel} · {time} {timezone}",
    "unsubscribed": "✅ The daily digest is off.", "not_subscribed": "There was no digest to stop.",
    "paused_deleted": "the channel was deleted", "paused_forbidden": "the bot may not post in that channel",
    # refusals (QueryError and friends)
    "refused": "Plenary can't answer that: {reason}",
    "query_empty": "Type a few words to search for.",
    "query_too_long": "That query is {length} characters long; the limit is {limit}. Try a shorter phrase.",
    "query_blank": "That query has nothing to search for once spaces are removed.",
    "query_no_document": "No document {symbol} in the corpus to search in.",
    "query_kind": "kind must be one of {kinds}.",
    "query_too_broad": "That query is too broad to answer in time; narrow it: fewer or longer words, or one document or speaker.",
    "bad_time": "«{text}» is not a time of day; write it as HH:MM, e.g. 08:30.",
    "bad_timezone": "«{text}» is not an IANA time zone (like Asia/Shanghai or Europe/Geneva).",
    # the shell
    "shell_intro": "Plenary shell — the bot's slash commands, answered here. /help for the list, /quit to leave.",
    "shell_slash": "Commands start with '/': try /help.", "shell_empty": "Type a command after '/': try /help.",
    "shell_unknown_command": "No command /{name}: try /help.",
    "shell_needs": "/{name} needs {option}: /{name} {usage}",
    "shell_unknown_option": "/{name} has no option «{option}»; its options are {options}.",
    "shell_bad_page": "page must be a number from 1, not «{value}».",
    "shell_digest_only_preview": "In the shell only /digest preview exists; subscriptions live in Discord.",
    "no_record": "No such record in the corpus.", "no_speakers": "No speakers.",
    # words
    "turn_1": "{n} turn", "turn_n": "{n} turns", "paragraph_1": "{n} paragraph", "paragraph_n": "{n} paragraphs",
    "list_sep": ", ",
    # trend (/trend, plenary trend): the chart's words and the message beside it
    "trend_title": "Trend: {query}", "trend_axis": "Paragraphs",
    "trend_per_year": "paragraphs per year", "trend_per_month": "paragraphs per month",
    "trend_per_document": "paragraphs per document",
    "trend_summary": "«{query}» appears in {paragraphs} of {documents}.",
    "trend_span": "{first} to {last}, {by}.", "trend_by_year": "per year", "trend_by_month": "per month",
    "trend_by_document": "per document",
    "trend_peak": "Most: {period}, {paragraphs} in {documents}.",
    "trend_bodies": "By body: {bodies}.", "trend_body_count": "{body} {paragraphs}",
    "trend_period": "{period}: {paragraphs} · {documents}/{held} documents",
    "trend_document": "{symbol} · {date}: {paragraphs}",
    "trend_undated": "Not drawn: {paragraphs} in {documents} without a date.",
    "trend_forms": "Counted with its other names: {forms}.",
    "trend_corrected": "Nothing matches «{typed}» exactly; counted «{counted}», as search reads it.",
    "trend_none": "«{query}» does not appear in the corpus, so there is no chart to draw.",
    "trend_language": "{language} versions only.", "trend_chart": "Chart: {path}",
    "trend_cant_write": "Can't write the chart to {path}: {reason}",
    "trend_bad_per": "A trend is counted per year, month or document, not per «{per}».",
    "trend_documents_1": "{n} document", "trend_documents_n": "{n} documents",
    "trend_body_GA": "General Assembly", "trend_body_SC": "Security Council",
    "trend_body_ECOSOC": "Economic and Social Council", "trend_body_HRC": "Human Rights Council",
    "trend_body_other": "other",
    # watches
    "watch_query": "«{value}»", "watch_symbol": "documents citing {value}, and new versions of it",
    "watch_speaker": "{value} speaking", "watch_country": "the delegates of {value} speaking",
    "watch_channel": "in <#{channel}>", "watch_user": "by direct message", "watch_local": "on the command line",
    "watch_only": "only {what}", "watch_line": "#{id} · {what} · {where}",
    "watch_added": "✅ Watch #{id}: {what}, {where}. New documents that match are announced as they come in.",
    "watch_none": "No watches here yet. Add one with {command}.", "watch_list_title": "Watches",
    "watch_removed": "✅ Watch #{id} removed.", "watch_not_yours": "There is no watch #{id} that you may remove.",
    "watch_needs_manage": "Only members who may manage the server or this channel can add a channel's watch; "
                          "add one for yourself with {option}.",
    "watch_needs_one": "Say what to watch: words, a symbol, a speaker or a country (one of them).",
    "watch_needs_guild": "A channel's watch is added in a server; in a direct message, add one for yourself.",
    "alert_title": "New for watch #{id}: {what}", "alert_more": "… and {n} more",
    "alert_why_match": "matches", "alert_why_cites": "cites it", "alert_why_version": "a new version",
    "alert_why_spoke": "spoke", "alert_more_button": "More",
    "pending_none": "No alerts waiting.", "pending_marked": "{n} alerts marked delivered.",
    "digest_watches": "Your watches since the last digest", "digest_watch_line": "#{id} {what}: {n} new",
}

ZH: dict[str, str] = {
    "search_title": "搜索：{query}", "hits": "共 {total} 条 · 第 {first}–{last} 条", "no_hits": "没有找到“{query}”。",
    "hits_line": "“{query}”共 {total} 条（第 {first}–{last} 条）",
    "official": "正式文本", "kind": "类型", "body": "机关", "session": "届会", "agenda_item": "议程项目",
    "date": "日期", "meeting": "会议", "adoption": "通过方式", "drafts": "草案", "counts": "段落",
    "cites": "引用", "cited_by": "被引用", "not_in_corpus": "语料库中没有 {symbol}。",
    "not_in_corpus_query": "语料库中没有“{query}”。", "suggestions": "您是否要找",
    "language": "语文", "versions_held": "现有文本：{held}", "not_held": "缺：{missing}",
    "not_in_corpus_mark": "（° 不在语料库中）", "link": "链接",
    "no_paragraph": "此处没有第 {label} 段；现有段落：{labels}",
    "previous_label": "上一段 {label}", "next_label": "下一段 {label}",
    "alignment_doubtful": "对应关系存疑：{why}", "no_parallel": "{language}文本中此处没有对应段落",
    "show_original": "原文", "in_en": "英文本", "in_zh": "中文本",
    "language_set": "本服务器现默认阅读语料库中现有的 {language} 文本。",
    "language_auto": "本服务器现按每位成员的 Discord 语言显示。",
    "not_held_language": "语料库中的文件为 {held} 文本，没有 {language} 文本。",
    "try_search": "可试：{suggestion}",
    "sender": "发信人", "addressee": "收信人", "signatory": "签署人", "letter_date": "日期",
    "distributed": "分发日期", "original_language": "原文", "request": "请求",
    "annexes": "附件", "annex_line": "附件{annex}：{title}（{paragraphs}段）",
    "follow_ups": "后续行动", "recalls": "提及的文书", "speakers": "发言者", "briefers": "通报者",
    "opened_closed": "{opened} 开会，{closed} 散会", "president": "主席", "themes": "主要议题",
    "key_sentences": "各方要点", "national_statement": "主席以本国身份的发言",
    "chair_procedure": "主持会议：{turns}", "documents_cited": "引用的文件",
    "follow_up_report": "请提交报告：第{session}届会议（{label}）",
    "follow_up_agenda": "列入临时议程：第{session}届会议（{label}）",
    "follow_up_report_later": "请提交报告：今后的届会（{label}）",
    "follow_up_agenda_later": "列入临时议程：今后的届会（{label}）",
    "no_quote": "没有找到“{who}”的发言。", "another_quote": "换一句", "next_quote": "下一句",
    "did_you_mean_who": "语料库中没有“{who}”的发言。您是否要找 {names}？",
    "nobody": "语料库中没有“{who}”的发言。", "corrected": "“{typed}” → {name}",
    "no_document": "语料库中没有“{symbol}”。", "quoting": "引述 {symbol} {label}",
    "read_title": "{symbol} · {what}", "read_whole": "全文", "read_statement": "{name}的发言",
    "read_section": "{section}", "read_nothing": "{symbol} 中没有“{who}”可读的内容。",
    "read_turn": "第{turn}次发言", "read_sections": "各部分：{sections}",
    "previous": "上一页", "next": "下一页", "corpus": "语料库", "documents": "文件",
    "paragraphs": "段", "last_ingest": "最近导入", "digest_title": "Plenary 每日摘要 · {date}",
    "new_documents": "新文件", "added_documents": "新收入语料库",
    "nothing_new": "自 {since} 以来没有新文件。", "spotlight": "今日段落",
    "quote_of_day": "今日引语", "follow_ups_due": "到期的后续行动（第{sessions}届会议）",
    "corpus_line": "{documents} 份文件 · {paragraphs} 段 · {speakers} 位发言者",
    "page": "第 {page}/{pages} 页", "page_hint": "第 {page}/{pages} 页：输入 page:{next} 看下一页。",
    "only_owner": "只有提问者可以翻页。",
    "error": "抱歉，出了点问题，已记录。",
    "cooldown": "请稍候，{when}再试。", "need_manage": "此操作需要“管理服务器”权限。",
    "guild_only": "此命令只能在服务器中使用。",
    "expired": "此回答已过期，请重新运行命令。", "symbols_found": "消息中的文号",
    "no_symbols": "该消息中没有联合国文件文号。",
    "autolookup_on": "本服务器消息中的文号将自动回答。",
    "autolookup_off": "本服务器消息中的文号将不再自动回答。",
    "autolookup_no_intent": "机器人未启用消息内容权限：请设置 PLENARY_MESSAGE_CONTENT=1。",
    "cooldown_set": "本服务器每位成员每 {seconds} 秒可提问 {uses} 次。",
    "cooldown_off": "本服务器不限制提问频率。",
    "digest_none": "本服务器没有订阅每日摘要。", "digest_active": "运行中",
    "digest_paused": "已暂停：{reason}", "digest_status": "{channel} · {time} {timezone} · {state} · 上次发送：{last}",
    "digest_never": "从未", "digest_next": "下次 {when}", "subscribed": "✅ {channel} · {time} {timezone}",
    "unsubscribed": "✅ 已停止每日摘要。", "not_subscribed": "本来就没有订阅每日摘要。",
    "paused_deleted": "频道已被删除", "paused_forbidden": "机器人无权在该频道发言",
    "refused": "无法回答：{reason}",
    "query_empty": "请输入要搜索的词语。",
    "query_too_long": "查询长 {length} 个字符，上限为 {limit}。请缩短。",
    "query_blank": "去掉空格后查询为空。",
    "query_no_document": "语料库中没有可供搜索的文件 {symbol}。",
    "query_kind": "类型必须是以下之一：{kinds}。",
    "query_too_broad": "查询范围太广，无法及时回答；请缩小范围：减少词语、用更长的词语，或限定一份文件或一位发言者。",
    "bad_time": "“{text}”不是时刻；请写成 HH:MM，例如 08:30。",
    "bad_timezone": "“{text}”不是 IANA 时区（例如 Asia/Shanghai 或 Europe/Geneva）。",
    "shell_intro": "Plenary 命令行——在此回答机器人的斜杠命令。输入 /help 查看命令，/quit 退出。",
    "shell_slash": "命令以“/”开头：请试 /help。", "shell_empty": "请在“/”后输入命令：请试 /help。",
    "shell_unknown_command": "没有 /{name} 命令：请试 /help。",
    "shell_needs": "/{name} 需要 {option}：/{name} {usage}",
    "shell_unknown_option": "/{name} 没有“{option}”选项；可用选项：{options}。",
    "shell_bad_page": "page 须为从 1 起的数字，而不是“{value}”。",
    "shell_digest_only_preview": "命令行中只有 /digest preview；订阅请在 Discord 中设置。",
    "no_record": "语料库中没有该会议记录。", "no_speakers": "没有发言者。",
    "turn_1": "{n}次发言", "turn_n": "{n}次发言", "paragraph_1": "{n}段", "paragraph_n": "{n}段",
    "list_sep": "、",
    "trend_title": "趋势：{query}", "trend_axis": "段落数",
    "trend_per_year": "每年段落数", "trend_per_month": "每月段落数",
    "trend_per_document": "每份文件段落数",
    "trend_summary": "“{query}”出现在{documents}的{paragraphs}中。",
    "trend_span": "{first}至{last}，{by}。", "trend_by_year": "按年统计", "trend_by_month": "按月统计",
    "trend_by_document": "按文件统计",
    "trend_peak": "最多：{period}，{documents}中{paragraphs}。",
    "trend_bodies": "按机关：{bodies}。", "trend_body_count": "{body} {paragraphs}",
    "trend_period": "{period}：{paragraphs} · {documents}/{held} 份文件",
    "trend_document": "{symbol} · {date}：{paragraphs}",
    "trend_undated": "未列入图表：无日期的{documents}中{paragraphs}。",
    "trend_forms": "连同其他名称一并统计：{forms}。",
    "trend_corrected": "没有与“{typed}”完全相同的内容；按搜索的理解统计了“{counted}”。",
    "trend_none": "语料库中没有出现“{query}”，因此没有图表。",
    "trend_language": "仅{language}文本。", "trend_chart": "图表：{path}",
    "trend_cant_write": "无法将图表写入 {path}：{reason}",
    "trend_bad_per": "趋势可按年、按月或按文件统计，不能按“{per}”。",
    "trend_documents_1": "{n}份文件", "trend_documents_n": "{n}份文件",
    "trend_body_GA": "大会", "trend_body_SC": "安全理事会",
    "trend_body_ECOSOC": "经济及社会理事会", "trend_body_HRC": "人权理事会",
    "trend_body_other": "其他",
    # watches
    "watch_query": "“{value}”", "watch_symbol": "引用{value}的文件及其新版本",
    "watch_speaker": "{value}发言", "watch_country": "{value}代表发言",
    "watch_channel": "发在<#{channel}>", "watch_user": "以私信发送", "watch_local": "命令行",
    "watch_only": "仅{what}", "watch_line": "#{id} · {what} · {where}",
    "watch_added": "✅ 关注 #{id}：{what}，{where}。有新文件符合时即会通知。",
    "watch_none": "这里还没有关注。用 {command} 添加。", "watch_list_title": "关注",
    "watch_removed": "✅ 已删除关注 #{id}。", "watch_not_yours": "没有你可以删除的关注 #{id}。",
    "watch_needs_manage": "只有可以管理服务器或本频道的成员才能为频道添加关注；要为自己添加，请选 {option}。",
    "watch_needs_one": "请说明要关注什么：词语、文号、发言者或国家（选一项）。",
    "watch_needs_guild": "频道的关注要在服务器里添加；在私信中请为自己添加。",
    "alert_title": "关注 #{id} 有新内容：{what}", "alert_more": "……另有{n}条",
    "alert_why_match": "符合", "alert_why_cites": "引用", "alert_why_version": "新版本",
    "alert_why_spoke": "发言", "alert_more_button": "更多",
    "pending_none": "没有待发的通知。", "pending_marked": "已将{n}条通知记为已发送。",
    "digest_watches": "上次摘要以来你的关注", "digest_watch_line": "#{id} {what}：新增{n}条",
}

LABELS = {"en": EN, "zh": ZH}

KINDS = {
    "en": {"resolution": "resolution", "letter": "letter", "record": "verbatim record", "statement": "presidential statement",
           "document": "document"},
    "zh": {"resolution": "决议", "letter": "信函", "record": "逐字记录", "statement": "主席声明", "document": "文件"},
}
SECTIONS = {
    "en": {"preamble": "preambular", "operative": "operative", "statement": "statements", "procedure": "procedure",
           "body": "body", "explanatory": "explanatory note", "annex": "annex", "footnotes": "footnotes", "speakers": "speakers", "turns": "turns",
           "paragraph": "paragraphs"},
    "zh": {"preamble": "序言部分", "operative": "执行部分", "statement": "发言", "procedure": "程序",
           "body": "正文", "explanatory": "解释性说明", "annex": "附件", "footnotes": "脚注", "speakers": "发言者", "turns": "发言次数",
           "paragraph": "段落"},
}
LANGUAGE_NAMES = {
    "en": {"zh": "Chinese", "en": "English", "fr": "French", "ru": "Russian", "es": "Spanish", "ar": "Arabic"},
    "zh": {"zh": "中文", "en": "英文", "fr": "法文", "ru": "俄文", "es": "西班牙文", "ar": "阿拉伯文"},
}
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def lang_of(locale: str | None) -> str:
    return "zh" if str(locale or "").lower().startswith("zh") else "en"


def t(lang: str, key: str, **kw: object) -> str:
    return LABELS.get(lang, EN)[key].format(**kw)


def kind(lang: str, value: str | None) -> str:
    return KINDS.get(lang, KINDS["en"]).get(value or "", value or "")


def language_name(lang: str, code: str | None) -> str:
    return LANGUAGE_NAMES.get(lang, LANGUAGE_NAMES["en"]).get(code or "", code or "")


def turns(lang: str, n: int) -> str:
    """1 turn, 2 turns; 1次发言."""
    return t(lang, "turn_1" if n == 1 else "turn_n", n=n)


def paragraphs(lang: str, n: int) -> str:
    return t(lang, "paragraph_1" if n == 1 else "paragraph_n", n=n)


def section(lang: str, key: str) -> str:
    """A count's key in words: operative → 执行部分; "annex II operative" → 附件II执行部分."""
    names = SECTIONS.get(lang, SECTIONS["en"])
    m = re.match(r"^annex (\S+) (\S+)$", key)
    if m:
        inner = names.get(m.group(2), m.group(2))
        return f"附件{m.group(1)}{inner}" if lang == "zh" else f"annex {m.group(1)} {inner}"
    return names.get(key, key)


def counts(lang: str, values: dict[str, int]) -> str:
    sep = "，" if lang == "zh" else ", "
    if lang == "zh":
        return sep.join(f"{section(lang, k)} {n}" for k, n in values.items() if n)
    return sep.join(f"{n} {section(lang, k)}" for k, n in values.items() if n)


def date(lang: str, iso: str | None) -> str:
    """2021-04-28 → 2021年4月28日 / 28 April 2021; anything else as it is."""
    m = _ISO_DATE.match(iso or "")
    if not m:
        return iso or ""
    y, mo, d = (int(x) for x in m.groups())
    if not 1 <= mo <= 12:
        return iso or ""
    return f"{y}年{mo}月{d}日" if lang == "zh" else f"{d} {_MONTHS[mo - 1]} {y}"


def follow_up(lang: str, f: dict) -> str:
    """A resolution's follow-up item ({"kind", "session", "label"}) in words."""
    what = "report" if f["kind"] == "report" else "agenda"
    key = f"follow_up_{what}" + ("" if f.get("session") else "_later")
    return t(lang, key, session=f.get("session"), label=f["label"])


# Refusals arrive as English sentences (QueryError, SubscriptionError): each known one is said
# again in the reader's language; an unknown one is framed, never dropped.
_REFUSALS = [
    (re.compile(r"^Type a few words to search for\.$"), "query_empty"),
    (re.compile(r"^That query is (?P<length>\d+) characters long; the limit is (?P<limit>\d+)\."), "query_too_long"),
    (re.compile(r"^That query has nothing to search for"), "query_blank"),
    (re.compile(r"^No document '?(?P<symbol>.+?)'? in the corpus to search in\.$"), "query_no_document"),
    (re.compile(r"^kind must be one of (?P<kinds>.+)\.$"), "query_kind"),
    (re.compile(r"^That query is too broad to answer in time"), "query_too_broad"),
    (re.compile(r"^A trend is counted per year, month or document, not per '?(?P<per>.*?)'?\.$"), "trend_bad_per"),
    (re.compile(r"^«(?P<text>.*)» is not a time of day"), "bad_time"),
    (re.compile(r"^«(?P<text>.*)» is not an IANA time zone"), "bad_timezone"),
]


def refusal(lang: str, message: str) -> str:
    """A refusal's reason in the reader's language."""
    for pattern, key in _REFUSALS:
        m = pattern.search(message)
        if m:
            return t(lang, key, **m.groupdict())
    return message if lang == "en" else t(lang, "refused", reason=message)


def colon(lang: str) -> str:
    return "：" if lang == "zh" else ": "


def hint_lines(hint: dict | None, lang: str) -> list[str]:
    """Why a search found nothing, when the query's language is one the corpus lacks, and a
    search that would work (bot.answers.search puts the facts in ``hint``)."""
    if not hint:
        return []
    lines = [t(lang, "not_held_language", held=", ".join(hint["held"]), language=hint["language"])]
    if hint.get("suggestion"):
        lines.append(t(lang, "try_search", suggestion=hint["suggestion"]))
    return lines
