"""Keyword lexicons shared by the rule-based interpreter and the conversation steps."""

from __future__ import annotations

import re

# Surface forms of each need type; the longest keyword found in a text wins.
NEED_KEYWORDS: dict[str, tuple[str, ...]] = {
    need: tuple(words.split())
    for need, words in {
        "medical": "医疗 看病 治病 住院 手术 透析 化疗 药费 医药 医药费 生病 病了 病重 重病 癌 "
        "白血病 残疾 瘫痪 医院 病 义诊 体检 治疗 大病",
        "education": "教育 助学 学费 上学 读书 念书 大学 大学生 助学金 书本 学杂费 考上 上不起学 "
        "高中 初中 小学 学生 贫困生 读完 书包 文具 功课 辅导",
        "housing": "住房 危房 漏雨 房子塌 房子坏 修房 房屋 塌了 没地方住 屋顶 房顶 房子 危房改造",
        "disaster": "灾害 受灾 灾区 地震 洪水 发洪水 冰雹 泥石流 火灾 失火 台风 旱灾 雪灾 冲走 "
        "遭灾 着火 烧没了 被火烧",
        "living": "基本生活 没米 没饭吃 吃不饱 揭不开锅 棉被 被子 衣服 旧衣服 冬衣 过冬 取暖 "
        "没钱吃 下锅 温饱 生活费 生活补助 吃的 饿 米面油 面粉 粮食",
        "employment": "就业 找工作 找份工作 找个工作 找活 找份活 活干 学手艺 手艺 技能 培训 打工 "
        "失业 岗位 招工 工人 电工",
        "production": "生产 养牛 养羊 养猪 养鸡 牛犊 种苗 种子 化肥 农机 种地 本钱 创业 养殖 种植",
        "other": "其他 其它 别的",
    }.items()
}

NEED_LABELS: dict[str, str] = {
    "medical": "医疗",
    "education": "教育助学",
    "housing": "住房",
    "disaster": "灾害救助",
    "living": "基本生活",
    "employment": "就业与技能",
    "production": "生产发展",
    "other": "其他",
}
NEED_ORDER: tuple[str, ...] = tuple(NEED_LABELS)

# What a donor offers. Goods and services are looked for first: "价值两万的电脑" is goods.
KIND_KEYWORDS: dict[str, tuple[str, ...]] = {
    kind: tuple(words.split())
    for kind, words in {
        "goods": "物资 东西 衣服 冬衣 棉衣 被子 棉被 大米 米面 面粉 粮油 油 书 书包 文具 电脑 药品 "
        "物品 实物 化肥 种子 捐物",
        "service": "服务 义诊 岗位 工作 招 培训 教 技术 志愿 辅导 免费看 咨询 律师 医生 老师 体检",
        "money": "钱 捐款 款 现金 资金 转账 学费",
    }.items()
}
KIND_LABELS: dict[str, str] = {"money": "钱款", "goods": "物资", "service": "服务"}

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
    "1",
)
NO_WORDS = ("不", "不是", "不对", "否", "不要", "不同意", "不行", "no", "n", "错了", "不用", "2")

ANY_WORDS = ("不限", "都行", "都可以", "随便", "无所谓", "哪里都行", "任何", "全国", "不限制")
ANONYMOUS_WORDS = ("匿名", "不留名", "不用留名", "不署名", "无名")

INTENT_KEYWORDS: dict[str, tuple[str, ...]] = {
    "request_human": ("人工", "真人", "社工", "工作人员", "客服"),
    "cancel": ("取消", "退出", "不办了", "不弄了", "不搞了", "撤销"),
    "check_status": ("进度", "进展", "查询", "审核", "结果", "到哪一步", "查一下", "记录"),
    "offer_donation": ("捐", "资助", "认捐", "爱心", "献", "公益", "义诊", "提供"),
    "seek_help": ("求助", "帮助", "帮帮", "困难", "申请", "救助", "补助", "帮扶", "没钱", "救救"),
    "thank": ("谢谢", "感谢", "多谢", "感恩", "辛苦"),
    "greet": ("你好", "您好", "在吗", "哈喽", "hello", "hi", "早上好", "晚上好", "有人吗"),
}


def bare(text: str) -> str:
    """The reply without spaces, punctuation or case: how short answers are compared."""
    return re.sub(r"[\s，。！？!?,.~～…]+", "", text).lower()


# Words that contain a need keyword but are about something else (工作人员 is no job).
NOT_NEEDS = ("工作人员", "人工", "没毛病")
# Only when nothing more specific is said: "生活困难" because of illness is a medical need.
GENERIC_NEEDS = {"生活困难": "living", "生活很困难": "living"}


def detect_need_type(text: str) -> str | None:
    """The need type a text mentions, by the longest keyword found."""
    for word in NOT_NEEDS:
        text = text.replace(word, " ")
    best: tuple[int, str] | None = None
    for need, words in NEED_KEYWORDS.items():
        for word in words:
            if word in text and (best is None or len(word) > best[0]):
                best = (len(word), need)
    if best is not None:
        return best[1]
    return next((need for word, need in GENERIC_NEEDS.items() if word in text), None)


def detect_kind(text: str) -> str | None:
    """The kind of resource a donor's text offers (goods and services before money)."""
    for kind, words in KIND_KEYWORDS.items():
        if any(word in text for word in words):
            return kind
    return None


def is_yes(text: str) -> bool:
    return bare(text) in YES_WORDS


def is_no(text: str) -> bool:
    return bare(text) in NO_WORDS


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
