"""Keyword lexicons shared by the rule-based interpreter and the conversation steps."""

from __future__ import annotations

import re
from functools import lru_cache

import emoji

from vocabulary import (
    BENEFICIARY_NEEDS,
    CROPS,
    FACE_MEANINGS,
    FAMILY_MEMBERS,
    GOODS_SAID_ALONE,
    KIND_KEYWORDS,
    NEED_KEYWORDS,
    NEED_WEIGHTS,
)

YES_WORDS = (
    "是",
    "是的",
    "对",
    "对的",
    "好",
    "好的",
    "可以",
    "行",
    "确认",
    "确定",
    "嗯",
    "嗯嗯",
    "同意",
    "没问题",
    "中",
    "要得",
    "ok",
    "yes",
    "y",
    "提交",
    "确认提交",
    "对头",
    "是滴",
    "好滴",
    "得行",
    "好嘞",
    "行嘞",
    "中嘞",
    "对对",
    "对对对",
    "嗯呢",
    "是呀",
    "好呀",
    "没错",
    "可以的",
    # no mistake, nothing wrong, send it in (没得错, 没啥问题了 交上去吧)
    "没得错",
    "冇错",
    "没毛病",
    "没啥问题",
    "莫得问题",
    "交上去",
    "1",
    # Wu and Cantonese (好额 is 好的; 冇问题 is 没问题)
    "好额",
    "对额",
    "是额",
    "系",
    "冇问题",
)
NO_WORDS = (
    "不",
    "不是",
    "不对",
    "否",
    "不要",
    "不同意",
    "不行",
    "no",
    "n",
    "错了",
    "不用",
    "没有",
    "没得",
    "莫得",
    "冇",
    "不得行",
    "不需要",
    "不用了",
    "2",
)
# Words that take something in, said when nothing was asked ("收到", after a notice).
ACK_WORDS = (
    *("收到", "收到了", "知道了", "知道啦", "晓得了", "晓得", "明白了", "明白", "了解", "了解了"),
    *("懂了", "好吧", "行吧", "哦", "噢", "哦哦", "ok了", "好嘞知道了"),
)

# Any family member, as a regular expression (the longer names first: 老头子 before 老头).
FAMILY = "|".join(sorted(FAMILY_MEMBERS, key=len, reverse=True))
ANY_WORDS = (
    *("不限", "都行", "都可以", "随便", "无所谓", "哪里都行", "任何", "全国", "不限制"),
    # leaving it to the platform: to wherever or whoever needs it most
    *("最需要", "最困难", "最穷", "没要求", "没有要求", "你们定", "你们安排", "听你们的", "哪都"),
    *("哪里需要", "哪儿需要", "哪需要", "谁需要", "需要的地方", "有需要的地方"),
    # wherever disaster strikes (哪里受灾就给哪里)
    *("哪里受灾", "哪受灾", "哪里有灾", "受灾的地方", "哪里遭灾"),
    # no preference, said as not knowing (a donor at the need or the place question)
    *("不知道", "不清楚", "没想好", "都差不多"),
)
# Leaving the chat (再见, 拜拜, 886): a goodbye, not a message to understand.
FAREWELLS = (
    "再见",
    "拜拜",
    "拜",
    "886",
    "88",
    "bye",
    "byebye",
    "回头见",
    "下次见",
    "先这样",
    "再会",
    "晚安",
)
ANONYMOUS_WORDS = (
    *("匿名", "不留名", "不用留名", "不署名", "无名", "不想留名"),
    *("不用写名字", "不写名字", "不留名字", "不用留名字", "不要名字"),
    *("不用称呼", "不需要称呼", "不要称呼", "不用叫我什么"),
)

INTENT_KEYWORDS: dict[str, tuple[str, ...]] = {
    "request_human": ("人工", "真人", "社工", "工作人员", "客服"),
    "cancel": (
        *("取消", "退出", "不办了", "不弄了", "不搞了", "撤销", "算了", "算咯", "不整了"),
        "不需要了",
        *("别提交", "不提交", "不要提交"),
    ),
    "check_status": ("进度", "进展", "查询", "审核", "结果", "到哪一步", "查一下", "记录"),
    "offer_donation": ("捐", "资助", "认捐", "爱心", "献", "公益", "义诊", "提供"),
    "seek_help": ("求助", "帮助", "帮帮", "困难", "申请", "救助", "补助", "帮扶", "没钱", "救救"),
    "thank": (
        *("谢谢", "感谢", "多谢", "感恩", "辛苦", "谢了", "thx", "thanks", "帮了大忙", "恩情"),
        "多亏",
    ),
    "greet": (
        *("你好", "您好", "在吗", "哈喽", "hello", "hi", "早上好", "晚上好", "有人吗"),
        *("有人在吗", "有人在不", "有人在线", "在线吗", "有没有人啊", "有没有人呀", "有没有人在"),
        "人呢",
        # back after a pause (我回来了, 接着填): answered like a hello, the question asked again
        *("我回来", "接着填", "继续填", "我接着填"),
    ),
}


# Words of despair (我不想活了, 活不下去了): answered first with where to get help now.
CRISIS = re.compile(
    r"不想活|活不下去|活不成了?|想死|去死|寻死|自杀|轻生|跳楼|跳河|喝农药|吃安眠药|了结自己"
    r"|一死了之|活着没意思|活着没意义|活着还有什么意思|不如死了|死了算了"
)

# Violence at home or against one (他又打我了, 男人有精神分裂 发病就打人, 把我打伤了).
VIOLENCE = (
    r"家暴|被打(?!扰|折|卡|电话|针)|(?:他|她|又|老是|天天|经常|总是|就|还|动手)打我(?!电话|手机)|挨打"
    r"|(?:男人|老公|丈夫|对象|他爸)[^，。]{0,12}打人|把(?:我|俺)打(?:伤|了|得|成|断)"
)
BEATEN = re.compile(VIOLENCE)
# Danger now, or just now (被车撞了对方跑了, 他又打我了, 着火了): emergency numbers first.
EMERGENCY = re.compile(
    VIOLENCE + r"|被车撞|撞了就跑|撞了跑了|肇事逃逸|着火了|失火了|被困|被拐|被关起来"
    r"|有人追|有人跟踪|被人砍|被砍|出车祸了|救命(?!钱|恩|药|之|的|稻草)|被偷|被盗|被人偷|偷走了"
)


# A WeChat face by its name ("[抱拳]", "[捂脸]"), as the webhook's text has it.
_FACE = re.compile(r"\[([\u4e00-\u9fffA-Za-z]{1,4})\]")


def bare(text: str) -> str:
    """The reply without spaces, punctuation or case: how short answers are compared."""
    return re.sub(r"[\s，。！？!?,.~～…]+", "", text).lower()


def words_of(text: str) -> str:
    """The bare reply without faces and emoji either: how a yes or a no is read (好的👍 is
    好的)."""
    return emoji.replace_emoji(_FACE.sub("", bare(text)))


def face_meaning(text: str) -> str | None:
    """What a message of faces and emoji alone says ("thanks", "ok", "smile", "sad" in
    FACE_MEANINGS); None when it has words, or its faces say none of these."""
    faces = _FACE.findall(text) + [found["emoji"] for found in emoji.emoji_list(text)]
    if not faces or words_of(text):
        return None
    for meaning, signs in FACE_MEANINGS.items():
        if any(face in signs for face in faces):
            return meaning
    return None


# A sigh in a word or two, with nothing to act on yet (苦啊, 我好难, 好累): the same as a crying
# face.
_SIGH = re.compile(
    r"(?:我|俺)?(?:好|太|真|真的)?(?:苦|难|累|冷|惨|难受|难过|心累|命苦|不容易|绝望|撑不住)"
    r"(?:啊|呀|了|哦|哇|呐|死了|死我了)*"
)


def is_sad(text: str) -> bool:
    """Faces of sorrow alone (😭😭), or a sigh in words (苦啊, 我好难)."""
    return face_meaning(text) == "sad" or _SIGH.fullmatch(words_of(text)) is not None


# Words that contain a need keyword but are about something else (工作人员 is no job), or
# name who someone is (低保户) rather than what they need.
NOT_NEEDS = (
    "工作人员",
    "人工",
    "没毛病",
    "低保户",
    "社工",
    "炎热",
    "炎炎",
    "症结",
    "上班族",
    "打工人",
    "煤矿",  # a workplace, not 煤 (fuel)
    "活人",  # 找个活人 asks for a person, not 找个活 (work)
)
# Only when nothing more specific is said: "生活困难" because of illness is a medical need.
GENERIC_NEEDS = {"生活困难": "living", "生活很困难": "living"}
# A condition says who someone is, not what they ask for: a disabled man asking for work
# needs a job. These count for half.
CONDITION_WORDS = frozenset({"残疾", "瘫痪", "聋哑", "失明", "残疾人", "坐轮椅"})
# A cost every need has counts half too: a student's 生活费 is for school, the 报名费 of a
# licence course is for work. So does work
# told as the background (老公出去打工摔伤了 is a medical need), what a farm grows, and being
# unable to look after oneself (生活不能自理 要做手术 is a medical need), and a classmate one is
# compared with (个子比同学矮一截).
HALF_WORDS = (
    CONDITION_WORDS
    | {"生活费", "报名费", "打工", "出去打工", "上班", "不能自理", "同学"}
    | set(CROPS)
)
_NEED_WORDS = sorted(
    ((word, need) for need, words in NEED_KEYWORDS.items() for word in words),
    key=lambda item: -len(item[0]),
)


@lru_cache(maxsize=512)  # the arbiter and the entity extractor read the same message
def need_types(text: str) -> tuple[str, ...]:
    """Every need type a text mentions, the most likely first. Each keyword found counts
    its length (a longer word inside which a shorter one sits counts once, as itself);
    the type with most wins, and on a tie the one named last, because people tell the
    background first and what they need at the end. A type named much less than the
    first (under half) is left out."""
    for word in NOT_NEEDS:
        text = text.replace(word, " " * len(word))
    taken = [False] * len(text)
    score: dict[str, float] = {}
    last: dict[str, int] = {}
    for word, need in _NEED_WORDS:
        start = text.find(word)
        while start != -1:
            end = start + len(word)
            if not any(taken[start:end]):
                taken[start:end] = [True] * len(word)
                weight = NEED_WEIGHTS.get(need, 1.0) / (2 if word in HALF_WORDS else 1)
                score[need] = score.get(need, 0) + len(word) * weight
                last[need] = max(last.get(need, -1), start)
            start = text.find(word, end)
    if not score:
        return tuple(need for word, need in GENERIC_NEEDS.items() if word in text)[:1]
    ranked = sorted(score, key=lambda need: (score[need], last[need]), reverse=True)
    return tuple(need for need in ranked if score[need] * 2 >= score[ranked[0]])


def offered_need_types(text: str) -> tuple[str, ...]:
    """The need types of a donor's offer: those it names, else the ones its beneficiaries
    imply. Crops given (几箱苹果) are food, unless the farm is named too (收购农户的红薯)."""
    if alone := GOODS_SAID_ALONE.get(text.strip(" 。，,！!")):
        return (alone,)
    needs = need_types(text)
    if needs[:1] == ("production",) and "production" not in need_types(_without_crops(text)):
        needs = ("living", *needs[1:])
    return needs or tuple(
        dict.fromkeys(need for word, need in BENEFICIARY_NEEDS.items() if word in text)
    )


# A crop as food, not its seedlings or seed (核桃苗, 玉米种).
_CROP_AS_FOOD = re.compile(f"(?:{'|'.join(sorted(CROPS, key=len, reverse=True))})(?![苗种树秧])")


def _without_crops(text: str) -> str:
    return _CROP_AS_FOOD.sub(lambda found: " " * len(found.group()), text)


def detect_need_type(text: str) -> str | None:
    """The most likely need type a text mentions (see `need_types`)."""
    found = need_types(text)
    return found[0] if found else None


# Where someone works (在东莞打工, 我在美国工作): not where the household lives, nor a job on
# offer.
WORKPLACE = re.compile(r"在[^，。,\s在]{2,10}?(?:打工|打零工|上班|干活|做工|务工|工作)")


# Words that hold a goods or service word but give nothing of the kind: studying is no book
# (给孩子读书), a village secretary no book either (村支书), cheering no oil (加油), and money
# for education no teaching (捐五万 用于教育), and a free meal no money (来吃饭不要钱).
NOT_GOODS = (
    *("读书", "念书", "教书", "读完书", "支书", "书记", "书法", "证书", "通知书", "申请书"),
    *("书费", "秘书", "加油", "油菜", "教育", "不要钱", "不收钱", "不花钱", "分文不取"),
    # the pay a tradesman waives is no money given (我可以去修 不要工钱)
    *("不要工钱", "不收工钱", "不拿工钱", "不要报酬", "不收报酬", "不收费", "不要手工费"),
    # one's own job is no job offered (现在我工作了 想捐点钱回报一下)
    *("工作了", "参加工作", "找到工作", "有了工作", "工作以后", "工作之后", "工作后"),
)


# Mending people's machines is a service (我会修电脑, 可以上门修家电); not a house, which a
# household wants mended too (想修房子).
REPAIRS = re.compile(
    r"修(?:理|一修|一下)?(?:电脑|手机|家电|电器|电视|冰箱|洗衣机|农机|三轮车|自行车|电动车)"
)


def detect_kind(text: str) -> str | None:
    """The kind of resource a donor's text offers (goods and services before money)."""
    if REPAIRS.search(text):
        return "service"
    text = WORKPLACE.sub("，", text)
    for word in NOT_GOODS:
        text = text.replace(word, "，")
    for kind, words in KIND_KEYWORDS.items():
        if any(word in text for word in words):
            return kind
    return None


# "核对过了无误", "一点不差": a confirmation said at the end, with nothing before it that
# says something is wrong (地址不对其他没问题 is no yes).
_YES_ENDING = re.compile(r"(?:无误|没错|正确|不差|都对|全对|对的|没问题)[啊呀吧的了哈]*$")
_SOMETHING_WRONG = re.compile(r"不|错|改|换|重新|别|没有")


# Thanks said with a yes ("好的谢谢", "可以，麻烦你们了"), and particles between yeses.
_COURTESY = re.compile(
    r"谢谢(?:你|您|你们|啦|了)?|感谢(?:你|您|你们)?|多谢|麻烦(?:你|您|你们)?了|辛苦(?:你|您|你们)?了"
)
_FILLERS = str.maketrans("", "", "啊呀吧的了哈啦哦噢呐")
# One or more yes words in a row ("嗯嗯好的" once its particles are gone is 嗯嗯 + 好).
_YES_RUN = re.compile(
    "(?:"
    + "|".join(sorted((w for w in YES_WORDS if not w.isascii()), key=len, reverse=True))
    + ")+"
)


def _only_yes(said: str) -> bool:
    """Whether a text is yes words one after another, with particles between them and
    thanks anywhere ("嗯嗯好的", "好的好的谢谢", "行啊可以")."""
    return _YES_RUN.fullmatch(_COURTESY.sub("", said).translate(_FILLERS)) is not None


def says_thanks(text: str) -> bool:
    """Thanks in the text ("好的谢谢" answers a question with a yes, and is thanks when no
    question was asked)."""
    return _COURTESY.search(bare(text)) is not None


def is_yes(text: str) -> bool:
    said = words_of(text)
    if said in YES_WORDS or _only_yes(said):
        return True
    ending = _YES_ENDING.search(said)
    return ending is not None and not _SOMETHING_WRONG.search(said[: ending.start()])


def is_acknowledgement(text: str) -> bool:
    return words_of(text) in ACK_WORDS


def small_talk(text: str) -> str | None:
    """A greeting, thanks or an acknowledgement said on its own (你好, 在吗, 谢谢, 好的):
    "greet", "thank" or "ack"; None for anything with more in it."""
    said = words_of(text).rstrip("啦啊呀了哈~")
    if not said or said.isdigit():  # 1 is a menu's answer, not a yes here
        return None
    if said in INTENT_KEYWORDS["greet"]:
        return "greet"
    if said in INTENT_KEYWORDS["thank"] or _COURTESY.fullmatch(said):
        return "thank"
    return "ack" if said in ACK_WORDS or _only_yes(said) else None


def is_no(text: str) -> bool:
    return words_of(text) in NO_WORDS


def means_any(text: str) -> bool:
    return any(word in text for word in ANY_WORDS)


def means_anonymous(text: str) -> bool:
    return any(word in text for word in ANONYMOUS_WORDS)


def keyword_intent(text: str) -> str | None:
    """The intent a text's keywords suggest (rule-based fallback when Rasa is unavailable)."""
    lowered = text.lower()
    for intent, words in INTENT_KEYWORDS.items():
        if any(word in lowered for word in words):
            return intent
    if detect_need_type(text) is not None:
        return "seek_help"
    return None


_CHINESE_ORDINAL = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)}


def menu_number(text: str, count: int) -> int | None:
    """1-based choice from a reply like '2', '2号', '第2个', '第一个'; None if it is not one."""
    said = text.strip()
    match = re.fullmatch(r"(第)?\s*(\d{1,2})\s*(号|个|项)?", said)
    if match is not None:
        number = int(match.group(2))
    elif spoken := re.fullmatch(r"第([一二三四五六七八九十])(?:个|项|号|条)?", said):
        number = _CHINESE_ORDINAL[spoken.group(1)]
    else:
        return None
    return number if 1 <= number <= count else None
