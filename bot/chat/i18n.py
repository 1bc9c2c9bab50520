"""zh-CN (and zh-TW) descriptions for the commands; names stay English, as Discord users type them."""

from __future__ import annotations

from functools import lru_cache

import discord
import opencc
from discord import app_commands

ZH = {
    "Search UN documents for an excerpt (typos forgiven)": "在联合国文件中搜索段落（容许错字）",
    "Words or a phrase, in Simplified or Traditional Chinese": "词语或短语，简体或繁体均可",
    "Only this document (symbol)": "只搜索此文件（文号）",
    "Only this speaker": "只搜索此发言者",
    "Only statements for this country": "只搜索代表此国发言",
    "Only documents in this language": "只搜索此语文的文本",
    "The language version this server reads by default": "本服务器默认阅读的语文文本",
    "A UN language, or auto: each member's own Discord language": "联合国一种正式语文，或 auto：按每位成员的 Discord 语言",
    "Look up a UN document by its symbol": "按文号查找联合国文件",
    "A symbol in any form: A/RES/75/276, 75/276, 第75/276号决议": "任何写法的文号：A/RES/75/276、75/276、第75/276号决议",
    "Summarise a resolution, a letter or a meeting": "概述决议、信函或会议",
    "The document's symbol": "文件文号",
    "Quote what a delegate said, with an attribution": "引用代表的发言并注明出处",
    "A speaker's name, a country, or a role such as 主席": "发言者姓名、国家或职务（如主席）",
    "What about (optional)": "话题（可选）",
    "Only this meeting (optional)": "只在此会议中（可选）",
    "The speakers of a meeting, in order": "按顺序列出会议发言者",
    "The meeting's record, e.g. S/PV.8967": "会议记录文号，例如 S/PV.8967",
    "What the corpus holds": "语料库概况",
    "Answer UN symbols written in this server's messages": "自动回答本服务器消息中的联合国文号",
    "On or off": "开启或关闭",
    "Daily digests of the corpus": "语料库每日摘要",
    "Post a daily digest to a channel": "每天在频道发布摘要",
    "Where to post": "发布频道",
    "Local time, HH:MM": "当地时间，HH:MM",
    "IANA time zone, e.g. Asia/Shanghai": "IANA 时区，例如 Asia/Shanghai",
    "Stop this server's daily digest": "停止本服务器的每日摘要",
    "This server's digest subscription": "本服务器的摘要订阅",
    "Show today's digest here": "在此显示今天的摘要",
    "Look up UN symbols": "查找联合国文号",
    "Read a speaker's whole statement, or a section of a document": "阅读发言者的完整发言或文件的某一部分",
    "The document's symbol, e.g. S/PV.8967 or 75/276": "文件文号，例如 S/PV.8967 或 75/276",
    "A speaker (name, country) in a record, or a section: operative, preamble, annex II":
        "会议记录中的发言者（姓名、国家），或部分：执行部分、序言部分、附件二",
    "How many answers each member may ask for, per seconds": "每位成员在一定秒数内可提问的次数",
    "Answers per member (0: no limit)": "每位成员的次数（0 为不限）",
    "In how many seconds": "秒数",
    "How often words appear per year and body, as a chart": "词语每年在各机关文件中出现的次数（图表）",
    "Words, a phrase, a country or an organisation": "词语、短语、国家或组织",
    "Count per year, month or document (default: per year)": "按年、按月或按文件统计（默认按年）",
    "Be told when new documents match": "有新文件符合时通知我",
    "Watch for new documents: words, a symbol, a speaker or a country": "关注新文件：词语、文号、发言者或国家",
    "Words, matched as /search matches": "词语，按 /search 的方式匹配",
    "A symbol: when a new document cites it, or a new version arrives": "文号：有新文件引用它或它有新版本时",
    "A speaker: when they speak in a new record": "发言者：在新的会议记录中发言时",
    "A country or organisation: when its delegates speak": "国家或组织：其代表发言时",
    "Only documents of this kind": "只限此类文件",
    "Alert me by direct message instead of in this channel": "以私信通知我，而不是发在本频道",
    "This server's watches, and yours": "本服务器的关注和你自己的关注",
    "Stop a watch": "停止一项关注",
    "The watch's number (see /watch list)": "关注编号（见 /watch list）",
}


@lru_cache(maxsize=1)
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


class PlenaryTranslator(app_commands.Translator):
    async def translate(self, string: app_commands.locale_str, locale: discord.Locale,
                        context: app_commands.TranslationContextTypes) -> str | None:
        if context.location in (app_commands.TranslationContextLocation.command_name,
                                app_commands.TranslationContextLocation.group_name,
                                app_commands.TranslationContextLocation.parameter_name,
                                app_commands.TranslationContextLocation.choice_name):
            return None
        zh = ZH.get(string.message)
        if zh is None:
            return None
        if locale is discord.Locale.chinese:
            return zh
        if locale is discord.Locale.taiwan_chinese:
            return _s2t().convert(zh)
        return None
