"""Which side of help a message is on, from what it says, as a second opinion next to
Rasa's. Asking for oneself (资助我, 能给我家…吗, 帮他申请) settles it. Otherwise an
explicit request (申请, 想学, 想找工作) beats an explicit offer to others (捐给, 想帮帮他,
可以免费教, 提供岗位, 用不完), which beats a described hardship (交不起, 差三千, 医药费要…).
A message with both a request and an offer has no side of its own."""

from __future__ import annotations

import re

HELP = "seek_help"
GIVE = "offer_donation"

_NUM = r"[\d一二两三四五六七八九十几百千万]"
_ME = r"(?:我|俺|咱|阿拉|额)"

# Asking for oneself or one's family: never an offer, whatever else the text says.
FOR_ME = re.compile(
    rf"资助{_ME}|帮{_ME}|给{_ME}家|能给{_ME}|给{_ME}一|帮[^，。]{{0,4}}(?:求助|申请)"
    rf"|{_ME}家[^，。]{{0,4}}想要"
    r"|(?:申请|报名|参加|领|要)[^，。]{0,6}(?:你们(?:提供|给|发)|免费的)"
)
REQUEST = re.compile(
    r"申请|报名|参加(?:你们|免费|培训)|求助|求援|求求|救救|求好心人|求捐"
    rf"|资助{_ME}|帮{_ME}|给{_ME}家|能给{_ME}|给{_ME}一"
    r"|希望有(?:人|企业|好心人|爱心人士|单位)来?(?:帮|资助|捐)"
    r"|(?:能|能不能|可不可以|可以)(?:资助|帮忙|捐)[^，。？]{0,6}吗"
    r"|想学|学个|学门|学点|学一门|受助|领(?:捐赠|取|救济|补助|一份|一个|一点|点)"
    rf"|{_ME}(?:们)?(?:家)?(?:是|都是)?(?:低保户|贫困户|建档立卡户|五保户|边缘户)"
    r"|想找[^，。]{0,8}(?:工作|活干|事做)|找不到(?:工作|活)|没文化|没手艺"
    r"|缺(?:本钱|技术|资金|化肥|饲料|种苗|树苗|蜂箱|农机)|需要[^，。]{0,6}来(?:看看|帮)|想要(?:个|一个|一台|一些)"
)
OFFER = re.compile(
    r"认捐|我来出|我出|我来捐|捐给(?!我|俺)|(?:想|要|可以|愿意|能)捐|捐(?:一|两|三|五|点|些|款|物|建)(?!给我|给俺)"
    r"|资助(?:一个|一户|贫困|穷|困难|几个|学生|孩子|大学生|一名)"
    r"|送(?:给|一些|点|些|人|出去)(?!我|俺)|捐出去|(?:想|要|可以|能|愿意)给(?!我|俺)[^，。]{0,12}(?:送|捐|买|提供)"
    r"|(?:可以|能|愿意)(?:给|为|帮|替|带|招|收|教|组织|派)(?!我|俺)"
    r"|(?:想|(?<!需)要|愿意|我们)帮(?:一帮|帮|扶|助|一把)?(?!我|俺|咱|忙|自己|家里|家人|屋里)"
    r"|(?:可以|能|会|我们)[^，。]{0,6}(?:免费|义务)(?:教|培训|提供|送|辅导|看|帮|诊|修)"
    r"|提供[^，。]{0,8}(?:岗位|名额|工作|实习|培训|服务)"
    r"|有能力|回报社会|用不完|闲置|不穿了|不用了想|拿出|出资|赞助|献爱心|做公益|结对"
    r"|需要[^，。]{0,8}吗[^，。]{0,3}(?:我|我们)(?:这|这儿|这里)?有"
)
HARDSHIP = re.compile(
    r"交不起|付不起|拿不出|凑不齐|凑不够|上不起|看不起病|治不起|吃不上|吃不起|没饭吃|过不下去"
    rf"|没钱|没得钱|没有钱|差\s*{_NUM}+\s*(?:块|元|千|万|百)|欠了|还差"
    rf"|(?:费|费用|钱)[^，。]{{0,10}}(?:要|差|得)\s*{_NUM}"
    rf"|需要\s*{_NUM}+\s*(?:块|元|千|万|百)"
    r"|一个人带|日子难过|日子苦|没人照顾|没人管|冻死了|病死了|死了[一两几]?[头只口]"
)


def side_of(text: str) -> str | None:
    """HELP, GIVE, or None when the text does not say (or says both)."""
    if FOR_ME.search(text):
        return HELP
    request, offer = bool(REQUEST.search(text)), bool(OFFER.search(text))
    if request != offer:
        return HELP if request else GIVE
    if request:  # both
        return None
    return HELP if HARDSHIP.search(text) else None
