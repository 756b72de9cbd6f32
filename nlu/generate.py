"""Training sentences at scale: `python -m nlu generate` writes `nlu/data/generated.yml`.

Each intent has phrase banks and templates; a sentence combines who is speaking, what is
needed or offered, an amount, a place and a phrasing. Then one in a few is rewritten the way
people really type: dialect (俺 咱 娃 屋头 啥子 没得), voice-to-text (fillers, no
punctuation), homophone slips (学废, 怎么般), an emoji. The output is seeded, so the same
banks always give the same file, and nothing in it repeats or nearly repeats a sentence of
the evaluation sets (those are read only to leave their sentences out).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

from nlu.evaluate import EVALUATION_SETS, load_examples, near_copies
from nlu.regions import region_index

OUT = Path(__file__).resolve().parent / "data" / "generated.yml"
SEED = 20261124
PER_INTENT = {
    "seek_help": 1000,
    "offer_donation": 900,
    "check_status": 280,
    "ask_about": 200,
    "request_human": 130,
    "inform": 320,
    "cancel": 70,
    "deny": 70,
    "affirm": 70,
    "greet": 60,
    "thank": 60,
    "delete_my_data": 70,
    "out_of_scope": 220,
}

Picker = Callable[[random.Random], str]

# --- who speaks, where, how much ------------------------------------------------------------

HOUSEHOLD = ["", "我", "俺", "我家", "俺家", "我们家", "咱家", "屋头", "我们这户", "额家"]
KIN = "孩子 娃 儿子 闺女 女儿 老伴 老公 媳妇 我爸 我妈 俺爹 俺娘 奶奶 爷爷 婆婆 公公 弟弟 妹妹 孙子 外孙女".split()
AMOUNTS = (
    "八百 一千 一千五 两千 两千块 三千 三千五 四千 五千元 六千多 八千 一万 一万二 一万五 两万 "
    "三万 五万 十万 1200 2000 3000块 4500 6000元 1.5万 2万 3万多"
).split()
NEED_AMOUNT = ["还差{a}", "要{a}", "需要{a}", "得{a}", "差{a}", "至少要{a}", "大概要{a}"]
PLACE_FORMS = ["我是{p}的，", "老家{p}，", "在{p}，", "我家在{p}，", "{p}这边的，", "我们{p}的，"]


def amount(rng: random.Random) -> str:
    return rng.choice(AMOUNTS)


def place(rng: random.Random) -> str:
    """A province and city, or a city and county, named the way people write them."""
    index = region_index()
    codes = [c for c, r in index.by_code.items() if r.level != "province"]
    chain = index.chain(rng.choice(codes))
    province, city, county = chain["province"] or "", chain["city"] or "", chain["county"] or ""
    city = "" if "直辖" in city else city
    short = re.sub(r"(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$", "", province)
    options = [f"{short}{city}", f"{city}{county}", f"{short}{county}", f"{province}{city}{county}"]
    return rng.choice([o for o in options if o]) or province


def with_place(rng: random.Random, text: str) -> str:
    return rng.choice(PLACE_FORMS).format(p=place(rng)) + text if rng.random() < 0.3 else text


def pick(words: str) -> Picker:
    options = words.split()
    return lambda rng: rng.choice(options)


def fill(template: str, rng: random.Random, **pickers: Picker) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: pickers[m.group(1)](rng), template)


# --- households -------------------------------------------------------------------------------

ILLNESS = pick(
    "肺病 肾结石 胃癌 肝癌 心脏病 白血病 脑瘤 糖尿病 高血压 尿毒症 中风 脑梗 偏瘫 风湿 骨折 "
    "眼病 乳腺癌 哮喘 癫痫 肺结核 肝硬化 淋巴瘤 脑出血 红斑狼疮 再生障碍性贫血 "
    "乙肝 肾炎 帕金森 青光眼 痛风 甲亢 慢阻肺 肺气肿 银屑病 强直性脊柱炎 宫颈癌 食道癌 "
    "先天性心脏病 腰椎间盘突出 股骨头坏死 精神分裂症 抑郁症 小儿麻痹 脊髓损伤 骨髓炎"
)
INJURY = pick(
    "摔断了腿 摔伤了腰 被车撞了 烧伤了 从房顶摔下来 干活伤了手 腿被砸断了 手被机器轧了 "
    "被开水烫伤了 被牛顶伤了 从脚手架上掉下来 眼睛被炸伤了"
)
SCHOOL = pick("小学 初中 高中 大学 技校 职高 大专 中专 县一中 师范")
FEE = pick("学费 住宿费 生活费 书本费 资料费 校服钱 伙食费 补课费")
HOUSE = pick("土房 老房子 瓦房 木板房 土坯房 窑洞 石头房")
HOUSE_DAMAGE = pick(
    "墙裂了大缝 屋顶漏雨 房梁断了 被雨泡塌了一半 地基下沉了 门窗都烂了 四面透风 瓦片碎了 "
    "电线老化 墙皮往下掉 柱子被虫蛀空了 歪了"
)
DISASTER = pick(
    "洪水 山洪 泥石流 冰雹 大风 暴雪 干旱 地震 山火 暴雨 台风 霜冻 雹子 龙卷风 山体滑坡 "
    "连阴雨 雷击 大旱 寒潮"
)
LOSS = pick("冲走了 毁了 压塌了 淹了 烧光了 打烂了 冻死了")
THINGS = pick("庄稼 房子 猪圈 牛棚 粮食 玉米 稻子 果树 羊群 家里的东西")
SHORT = pick(
    "没米了 没面了 没油了 断粮了 揭不开锅了 吃了上顿没下顿 好几天没吃饱 没钱买菜 "
    "就剩一点面了 电被停了 交不起电费 奶粉钱都没了 烧不起煤"
)
WARM = pick("棉被 棉衣 冬衣 炭火 煤 厚衣服 暖和的被子 电暖器 棉鞋 柴火")
SKILL = pick(
    "电焊 厨师 挖掘机 汽修 美容美发 月嫂 电工 家政 叉车 缝纫 电商 修手机 育婴师 养老护理 "
    "面点 开大车 直播 烘焙 中式烹调 木工"
)
JOB = pick("工作 活干 岗位 事做 营生 临时工 长期工 送货的活 看门的活 在家做的活 县城的活")
CROP = pick("土豆 苹果 辣椒 花椒 核桃 红薯 茶叶 大蒜 白菜 柑橘 猕猴桃 玉米")
ANIMAL = pick("猪 牛 羊 鸡 鸭 兔子 牦牛 山羊 小牛")
INPUT = pick("本钱 种苗 化肥 饲料 种子 技术 农机 树苗 大棚钱 启动资金 蜂种 鸡苗 旋耕机")
ANIMAL_DISEASE = pick("猪瘟 口蹄疫 禽流感 羊痘 牛结节病 鸡瘟 蓝耳病")
AID = pick("装个假肢 配个助听器 买个轮椅 做康复 配副眼镜 做透析 买药")
DEVICE = pick("电脑 手机 平板 书桌 台灯")
CONDITION = pick("耳朵聋了 眼睛看不见 腿脚不便 常年卧床 身体不好 生活不能自理 腿瘸了 糊涂了")

HOUSEHOLD_NEEDS: dict[str, list[str]] = {
    "medical": [
        "{kin}得了{ill}{need}",
        "{kin}{ill}住院了没钱交押金",
        "{kin}{injury}躺在床上家里没收入",
        "{ill}的药一个月要{amt}吃不起了",
        "{kin}做手术{need}",
        "看病欠了医院{amt}",
        "{kin}查出{ill}医生说要赶紧治",
        "{kin}是{ill}每个星期都要去医院",
        "{kin}{ill}医保报完自己还得掏{amt}",
        "想给{kin}{aid}{need}",
        "{kin}生下来就有{ill}一直在治",
        "{kin}在外地打工{injury}没钱回来看病",
        "{kin}有{ill}天天要吃药",
        "{ill}的药一吃就是好几年",
        "{kin}{ill}看了好几家医院都没看好",
    ],
    "education": [
        "{kin}上{school}的{fee}{need}",
        "{kin}考上{school}了{fee}没着落",
        "交不起{kin}的{fee}",
        "{kin}读{school}的钱凑不齐",
        "{kin}想读书可家里供不起",
        "{kin}开学要交{fee}{amt}",
        "希望有好心人资助{kin}读完{school}",
        "想给{kin}申请个助学名额",
        "{kin}上网课家里连个{device}都没有",
        "{kin}的{fee}我差{amt}",
        "{kin}成绩很好可{school}的{fee}供不起了",
        "{kin}考上了{school}路费都没有",
        "{kin}学习跟不上想找人补课",
        "{kin}要去县城读{school}还得租房",
    ],
    "housing": [
        "{house}{damage}住着害怕",
        "住的{house}{damage}想修一修",
        "{house}快塌了一家人没地方住",
        "想把{house}修一下{need}",
        "一家几口挤在{house}里",
        "村里说{house}是危房要改造可没钱",
        "房东要涨租住不起了",
        "住的是借来的{house}{damage}",
        "{house}被鉴定成危房不让住了",
        "想在屋里修个厕所老人出门不方便",
    ],
    "disaster": [
        "{disaster}把{things}{loss}",
        "今年遭了{disaster}{things}全{loss}",
        "前几天{disaster}家里{things}都{loss}",
        "{disaster}过后{things}没了一家人住在亲戚家",
        "{disaster}来了把{things}{loss}",
        "连着{disaster}好几天{things}{loss}",
    ],
    "living": [
        "家里{short}",
        "家里老人{condition}没人照顾",
        "一个人住在山上{condition}",
        "{kin}跑了留下几个孩子没人管",
        "老两口{condition}日子不好过",
        "冬天来了没有{warm}",
        "{kin}吃不饱饭",
        "吃水要走好几里山路去挑",
        "一家人的生活费{need}",
        "{kin}一个人过日子吃饭都成问题",
        "家里就靠我一个人打零工养{n}口人",
        "{kin}{condition}我一个人照顾不过来",
        "水井干了吃水成问题",
        "{kin}营养跟不上瘦得很",
        "冬天{short}屋里冷得睡不着",
        "{kin}七十多了就靠一点养老金过日子",
    ],
    "employment": [
        "想学{skill}找份{job}",
        "{kin}失业了想找个{job}",
        "残疾了想找个能做的{job}",
        "没手艺找不到{job}想学点技术",
        "从工地下来了想找{job}",
        "想报名参加{skill}培训",
        "有没有免费学{skill}的地方我想学",
        "我是残疾人想找个在家能做的{job}",
        "年纪大了厂里不要想找个{job}",
        "想学个{skill}出去挣钱",
        "想考个{skill}的证好找工作",
        "厂子倒闭了想找个{job}",
        "刚退伍回来想找个{job}",
        "没考上大学想学{skill}",
    ],
    "production": [
        "想养{animal}缺{input}",
        "种的{crop}卖不出去烂在地里",
        "家里的{animal}病死了本钱都赔了",
        "种{crop}缺{input}",
        "想扩大养殖{need}",
        "{crop}价钱太低卖了赔本",
        "养的{animal}得瘟病死了好几头",
        "借钱买的{animal}死了欠了{amt}",
        "想种{crop}不懂技术",
        "{crop}丰收了却没人来收",
        "{animal}得了{animal_disease}死了好几头",
        "{crop}今年卖不上价",
        "想搞个养{animal}的场子缺{input}",
        "收购商把{crop}价钱压得很低",
    ],
}
PLEAS = [
    "",
    "",
    "",
    "，能不能帮一下",
    "，希望爱心人士帮帮我们",
    "，能给我家一点帮助吗",
    "，有没有什么办法",
    "，不知道你们能不能帮",
    "，求帮忙",
    "，能帮帮吗",
    "，想申请帮扶",
    "，怎么办啊",
    "，求好心人",
    "，日子过不下去了",
]
PLAIN_HELP = (
    "我想申请帮扶 申请救助 我家是低保户想申请补助 想给家里申请点救济 我们是贫困户能申请吗 "
    "帮帮我们家吧 求助 我需要帮助 家里有困难想找人帮一把 能不能给我家申请点钱 我想报个名申请帮扶 "
    "我是建档立卡户想问问能不能申请 我们家因病返贫了 家里实在太难了 请帮我申请一下 想申请临时救助"
).split()


# How a long household message often opens: a greeting, a hesitation, speaking for a relative.
OPENINGS = ["", "", "", "", "你好我想问一下", "那个就是", "请问"]
# Asking for someone else: the household is then theirs.
FOR_RELATIVE = ["我替我{rel}问一下，", "我帮{rel}问问，", "帮我{rel}申请一下，"]
RELATIVE = pick("姑姑 舅舅 邻居 二叔 姐姐 大伯 表哥 村里的五保户")
THEIR_HOUSEHOLD = ["他家", "她家", "他们家", ""]


def seek_help(rng: random.Random) -> str:
    if rng.random() < 0.08:
        return rng.choice(PLAIN_HELP)
    opening, household = rng.choice(OPENINGS), HOUSEHOLD
    if rng.random() < 0.06:
        opening, household = fill(rng.choice(FOR_RELATIVE), rng, rel=RELATIVE), THEIR_HOUSEHOLD
    need = rng.choice(list(HOUSEHOLD_NEEDS))
    body = fill(
        rng.choice(HOUSEHOLD_NEEDS[need]),
        rng,
        kin=lambda r: r.choice(KIN),
        ill=ILLNESS,
        injury=INJURY,
        school=SCHOOL,
        fee=FEE,
        house=HOUSE,
        damage=HOUSE_DAMAGE,
        disaster=DISASTER,
        things=THINGS,
        loss=LOSS,
        short=SHORT,
        warm=WARM,
        skill=SKILL,
        job=JOB,
        crop=CROP,
        animal=ANIMAL,
        input=INPUT,
        animal_disease=ANIMAL_DISEASE,
        condition=CONDITION,
        aid=AID,
        device=DEVICE,
        n=lambda r: r.choice("二三四五六七"),
        amt=amount,
        need=lambda r: r.choice(NEED_AMOUNT).format(a=amount(r)),
    )
    return opening + with_place(rng, rng.choice(household) + body + rng.choice(PLEAS))


# --- donors -----------------------------------------------------------------------------------

GIVERS = pick(
    "我 我们 我们公司 我们单位 我们学校 我们医院 我们合作社 我们商会 我们协会 我家 我和几个朋友 咱们企业 我们车队 我们工会"
)
BENEFICIARIES = pick(
    "困难家庭 贫困学生 山区的孩子 留守儿童 孤寡老人 受灾的人 残疾人 看不起病的人 老家的乡亲 村里的困难户 上不起学的娃 需要的人 "
    "白血病的孩子 家乡的穷孩子 生病没钱治的人 危房户 受灾的乡亲 贫困村 留守老人 残疾孩子 低保户 困难户 贫困户 敬老院的老人"
)
# Why a donor gives, said before the offer.
MOTIVE = pick(
    "我小时候家里也穷， 以前受过别人帮助现在条件好了， 看到新闻很心疼， 现在有能力了， 在外面打工挣了点钱， "
    "退休了有空， 公司今年效益好， 儿子考上大学了， 自己淋过雨， 我也是农村出来的， 老家那边还很穷， 过年了"
)
PURPOSE = pick("买牛 买羊 看病 上学 修房子 买种子 交学费 过冬 买药 做手术")
TRADE = pick("建筑 装修 水电 运输 餐饮 电商 养殖 种植 医疗 教育培训 物流 服装")
QUANTITY = pick("两台 几箱 一批 十几件 三十套 两袋 一车 好几包 五百斤 一百多本")
GOODS = pick(
    "旧衣服 棉被 羽绒服 大米 面粉 食用油 书包 课外书 文具 旧电脑 笔记本电脑 轮椅 药品 奶粉 "
    "米面油 化肥 种子 树苗 小猪仔 羊羔 冰箱 洗衣机 被褥 校服 鞋子 课桌椅 口罩"
)
GIVE_VERB = pick("送人 捐出去 送给需要的人 捐了 送出去")
SERVICE = pick(
    "辅导功课 教英语 义诊 看牙 量血压 教养殖技术 教种植技术 心理疏导 法律咨询 理发 修房子 "
    "教电脑 培训电工 教做菜 剪头发 体检"
)
PROFESSION = pick(
    "医生 护士 老师 律师 退休教师 农技员 兽医 理发师 电工 厨师 心理咨询师 大学生志愿者 装修师傅"
)
JOBS = pick(
    "普工 保安 保洁 厨师 司机 店员 学徒 服务员 装卸工 缝纫工 客服 包装工 快递员 分拣员 护工"
)
EMPLOYER = pick(
    "我们厂 我们工厂 我们公司 我的店 我们物流公司 我们工地 我们酒店 我们合作社 我的修车铺"
)

DONOR_TEMPLATES = [
    lambda r: f"{GIVERS(r)}想捐{amount(r)}给{BENEFICIARIES(r)}",
    lambda r: f"{GIVERS(r)}愿意拿出{amount(r)}帮{BENEFICIARIES(r)}",
    lambda r: f"给{BENEFICIARIES(r)}捐{amount(r)}",
    lambda r: f"我来出{amount(r)}",
    lambda r: f"每个月想固定捐{amount(r)}",
    lambda r: f"{GIVERS(r)}有一些{GOODS(r)}想{GIVE_VERB(r)}",
    lambda r: f"{GOODS(r)}可以捐给{BENEFICIARIES(r)}",
    lambda r: f"{GIVERS(r)}可以捐一批{GOODS(r)}",
    lambda r: f"家里有{GOODS(r)}用不上了想送给{BENEFICIARIES(r)}",
    lambda r: f"{GIVERS(r)}可以免费{SERVICE(r)}",
    lambda r: f"我是{PROFESSION(r)}可以给{BENEFICIARIES(r)}{SERVICE(r)}",
    lambda r: f"{GIVERS(r)}能提供几个{JOBS(r)}岗位给{BENEFICIARIES(r)}",
    lambda r: f"{GIVERS(r)}招{JOBS(r)}优先考虑{BENEFICIARIES(r)}",
    lambda r: f"{GIVERS(r)}想资助一个{BENEFICIARIES(r)}",
    lambda r: f"想帮帮{BENEFICIARIES(r)}",
    lambda r: f"{GIVERS(r)}想认捐{amount(r)}",
    lambda r: f"看到{BENEFICIARIES(r)}很心疼想出点力",
    lambda r: f"{MOTIVE(r)}想帮帮{BENEFICIARIES(r)}",
    lambda r: f"{MOTIVE(r)}想资助{BENEFICIARIES(r)}{PURPOSE(r)}",
    lambda r: f"{MOTIVE(r)}想捐{amount(r)}",
    lambda r: f"想资助{BENEFICIARIES(r)}{PURPOSE(r)}",
    lambda r: f"我有闲置的{GOODS(r)}",
    lambda r: f"家里有多余的{GOODS(r)}",
    lambda r: f"{GIVERS(r)}有{QUANTITY(r)}{GOODS(r)}用不上",
    lambda r: f"{GOODS(r)}不用了谁需要可以拿去",
    lambda r: f"有没有需要{GOODS(r)}的，我这有{QUANTITY(r)}",
    lambda r: f"谁家需要{GOODS(r)}我可以送过去",
    lambda r: f"我是做{TRADE(r)}的可以帮{BENEFICIARIES(r)}",
    lambda r: f"我们做{TRADE(r)}的能给{BENEFICIARIES(r)}出点力",
    lambda r: f"{BENEFICIARIES(r)}我想帮一帮",
    lambda r: f"谁家{PURPOSE(r)}缺钱我来出",
    lambda r: f"办酒席省下的钱想捐给{BENEFICIARIES(r)}",
    lambda r: f"{GIVERS(r)}为{BENEFICIARIES(r)}募捐了{amount(r)}",
    lambda r: f"{GIVERS(r)}愿意和{BENEFICIARIES(r)}结对帮扶",
    lambda r: f"我是{PROFESSION(r)}，周末可以去给{BENEFICIARIES(r)}{SERVICE(r)}",
    lambda r: f"{EMPLOYER(r)}招{JOBS(r)}{BENEFICIARIES(r)}优先",
    lambda r: f"{EMPLOYER(r)}想收个学徒",
    lambda r: f"{EMPLOYER(r)}招{r.choice('两三五八十')}个{JOBS(r)}包吃住",
    lambda r: f"我是{PROFESSION(r)}可以免费给{BENEFICIARIES(r)}{SERVICE(r)}",
    lambda r: f"我是{PROFESSION(r)}能不能去村里{SERVICE(r)}",
    lambda r: f"家里的{GOODS(r)}还能用谁家要",
    lambda r: f"有个不用的{GOODS(r)}谁家需要",
    lambda r: f"{GIVERS(r)}有一批{GOODS(r)}",
]
PLAIN_GIVE = (
    "我要捐款 想献爱心 怎么认捐 我也想捐一点 能捐东西吗 我想做点公益 想资助别人 我想当志愿者帮忙 我要捐物资 "
    "想捐点东西 我想出一份力 我也想帮忙 我想献一份爱心 怎么捐钱 我想捐钱给你们 我能帮上什么忙"
).split()


def offer_donation(rng: random.Random) -> str:
    if rng.random() < 0.06:
        return rng.choice(PLAIN_GIVE)
    return with_place(rng, rng.choice(DONOR_TEMPLATES)(rng))


# --- everything else ----------------------------------------------------------------------------

RECORDS = pick(
    "我的申请 我的求助 我那个求助 我捐的钱 我认捐的那笔 我的捐款 我捐的东西 我家的事 我提交的材料 "
    "Q000031 求助Q000105 认捐J000044 J000210 我上次报的 我那笔钱 我捐的那两千 我资助的孩子 "
    "我送的衣服 捐的那台电脑 那笔善款 我们单位的捐款 我们家的申请 我儿子的助学申请 上个月报的 "
    "我家老人的医药费申请 我们捐的物资 资助的钱"
)
STATUS_Q = pick(
    "到哪一步了 有进展吗 批了没 核实了没有 审核过了吗 配对上了吗 送到了吗 用在哪里了 怎么样了 "
    "有结果了吗 有人管没 处理了吗 给到谁了 什么时候能下来 还要等多久 到底用到哪里去了 给了谁家 "
    "收到了吗 到位了吗 送过去了没 到账了吗 被拒了吗 批下来没有 有消息没有 现在什么状态 用上了吗 "
    "落实了没有 办得咋样了"
)
# Status asked without naming the record.
STATUS_PLAIN = (
    "社工什么时候来 核实完了钱什么时候到 怎么这么久没动静 "
    "我等了半个月了有没有消息 查一下我的记录 我想看看进度 帮我查查办好了没 我的事有人在办吗 "
    "钱什么时候能打过来 有没有人认领我的求助 我捐的有没有送到人家手上 想知道捐款的去向 "
    "你们说要核实的怎么还没来 是不是没通过啊"
).split()
ASK_TOPICS = [
    "想问问申请要不要{money}",
    "关于{private}保密的事",
    "{papers}要准备哪些",
    "你们到底是{who}还是什么",
    "捐的钱{trust}",
    "申请要{money}吗",
    "捐款{trust}",
    "我的{private}会不会被别人看到",
    "申请需要准备{papers}吗",
    "一般多久能{speed}",
    "你们是{who}吗",
    "{eligible}能申请吗",
    "捐款能{invoice}吗",
    "为什么要填{private}",
    "你们覆盖哪些地区",
    "你们的钱是哪来的",
    "只能捐钱吗{goods}收不收",
    "社工怎么核实情况",
    "申请有什么条件",
    "这个公众号是干嘛的",
    "你们和{who}有关系吗",
    "{eligible}可以捐款吗",
    "配对是怎么配的",
    "多久能{speed}",
]
HUMAN = [
    "{want}{person}{talk}",
    "{person}在吗{talk}",
    "能不能让{person}{callback}",
    "{want}{person}",
]
SIMPLE: dict[str, str] = {
    "cancel": "不弄了 不办了 取消 不填了 算了吧 退出来 不要了 先不申请了 不捐了 撤回 停 不想弄了 太麻烦了不搞了 下次再说 中止 终止 停止填写 "
    "算喽 不整了 莫弄了 不申请了 改天再弄 先这样吧不填了 退出去 我不弄了太复杂 撤了吧 不报了 取消吧不捐了",
    "deny": "不是 不对 没有 不要 不行 不用 错了 不是这个 不同意 不想 没得 莫有 不存在 "
    "不是滴 不是那样 弄错了 不太对 有出入 不需要 不用了谢谢 不是我 没这回事 不得行",
    "affirm": "是 对 好 好的 行 可以 没错 同意 嗯 对的 是的 对对对 好嘞 可以可以 中 要得 没问题 确定 "
    "都对 信息都对 就这样提交 是这个 对头 对着呢 是滴 没毛病 可以的 就按这个 好滴 阔以 嗯呢",
    "greet": "你好 您好 在吗 有人吗 早上好 中午好 晚上好 哈喽 嗨 喂 你好啊 在不在 "
    "hello hi 下午好 大家好 老师好 社工你好 你好呀小助手 在么 有人在吗 喂喂喂 早安 您好打扰了",
    "thank": "谢谢 感谢 多谢 辛苦了 谢谢你们 太感谢了 感恩 谢谢好心人 谢谢社工 麻烦了 "
    "thanks 谢谢啦 非常感谢 万分感谢 谢谢老师 好人一生平安 谢谢帮忙 麻烦你们了 感谢政府 感激不尽",
    "delete_my_data": "删除我的信息 删掉我的资料 把我的数据清除 不要保存我的信息 注销我的资料 我的身份证号删了吧 把我的电话删掉 清空我的记录 "
    "撤回我的资料 我的信息别留着了 把我登记的东西都删了 删除个人数据 我要注销 不要存我的电话 抹掉我的记录",
}
# Out of scope: everything a public account is sent that is not about help. Topics go into
# templates; whole sentences cover chit-chat, questions for a search engine, advertising
# and scams, other public services, noise.
OUT_TOPICS = pick(
    "天气 笑话 彩票 快递 股票 游戏 电影 唱歌 外卖 房价 车票 减肥 化妆 足球 电视剧 星座 网购 "
    "手机 基金 高考分数线 菜谱 旅游 跳广场舞 抖音 直播 汽车 考驾照 相亲 算命 打麻将"
)
OUT_SENTENCES = (
    "你是机器人吗 你叫什么名字 你几岁了 你是男是女 你吃饭了没 今天星期几 现在几点了 我好无聊 陪我聊会天 "
    "讲个故事 你会说英语吗 你喜欢什么颜色 你有对象吗 你住哪里 你们老板电话多少 "
    "明天会下雨吗 这周末天气怎么样 北京到上海多远 怎么做红烧鱼 饺子怎么包 感冒了吃什么药好 "
    "附近有没有好吃的 火车票怎么买 手机没信号怎么办 微信怎么发红包 怎么下载快手 wifi密码多少 "
    "兼职打字日结 加我微信领红包 招代理月入过万 低价出售二手手机 高息理财稳赚不赔 代办信用卡 "
    "点击链接领取补贴 转发三个群送礼品 刷单返现 贷款秒批 "
    "身份证丢了去哪补办 社保卡怎么激活 驾照过期了怎么换 养老保险一年交多少 户口迁移要什么手续 "
    "公积金怎么提取 结婚证怎么办 "
    "哈哈 嘿嘿嘿 啊啊啊 呵呵 嗯哼 ？？ 测试 test 123 abc 晚安 睡了 在干嘛呢 "
    "发错了 刚才点错了 我是来看看的 随便看看 你们这个字太小了 怎么关注别的号 "
    "你们招人吗 我想应聘社工 有没有实习机会 你们办公室在哪条街 "
    "帮我写个作文 帮我翻译一句话 一加一等于几 月亮离地球多远 这首歌叫什么 推荐本书 "
    "猪肉涨价了 今年玉米什么价 狗狗生病了怎么办 猫不吃东西 信用卡还不上了 "
    "我老公天天打游戏 婆媳关系怎么处 孩子玩手机不听话 帮我转发一下朋友圈"
).split()
PARTICLES = ["", "", "吧", "啊", "呀", "了", "哦", "嘛", "哈"]


def check_status(rng: random.Random) -> str:
    if rng.random() < 0.15:
        return rng.choice(STATUS_PLAIN)
    return f"{RECORDS(rng)}{STATUS_Q(rng)}"


def ask_about(rng: random.Random) -> str:
    return fill(
        rng.choice(ASK_TOPICS),
        rng,
        money=pick("交钱 收费 押金 手续费 管理费 花钱"),
        trust=pick("会不会被挪用 怎么查去向 能保证用到受助人身上吗 用在哪能查到吗"),
        private=pick("身份证号 电话 名字 家庭住址 个人信息"),
        papers=pick("户口本 身份证 病历 证明 低保证 材料"),
        speed=pick("审核下来 有结果 配对成功 拿到钱 有社工联系"),
        who=pick("政府的 正规机构 骗子 民政局的 公益组织 私人的"),
        eligible=pick("外地人 不是贫困户 没有户口的 老年人 学生 残疾人"),
        invoice=pick("开发票 开收据 抵税 匿名"),
        goods=pick("衣服 旧书 电脑 粮油 被子"),
    )


def request_human(rng: random.Random) -> str:
    return fill(
        rng.choice(HUMAN),
        rng,
        want=pick("我要找 帮我转 我想跟 麻烦找 能不能找 我要 请帮我接"),
        person=pick("社工 工作人员 人工 真人 客服 负责人 你们的人"),
        talk=pick("说话 聊聊 说一下 打电话给我 联系我 帮我弄"),
        callback=pick("给我打电话 联系我 来我家 回个电话"),
    )


# Answers to the flows' questions: what the need is about, what is given, which choice.
NEED_ANSWER = pick(
    "看病 治病 医药费 上学 读书 学费 修房子 房子 住房 受灾 吃饭穿衣 生活 生活费 找工作 就业 "
    "种地 养殖 生产 医疗 教育 技能培训 吃的穿的"
)
GIVE_ANSWER = pick(
    "现金 物资 实物 东西 服务 技术 出力 钱 衣物 粮油 不限地区 哪里都行 本省的 老家那边"
)
CHOICE_ANSWER = pick("第二个 选3 1号 第一个吧 选第四个 第五项 就选2 三 最后一个")
NAME_ANSWER = ["我叫", "名字是", "户主", "", "我的名字叫", "户主叫", "写", "就写"]


def inform(rng: random.Random) -> str:
    kind = rng.randrange(8)
    if kind == 5:
        return NEED_ANSWER(rng) + rng.choice(["", "", "的事", "方面", "的钱"])
    if kind == 6:
        return GIVE_ANSWER(rng) + rng.choice(PARTICLES)
    if kind == 7:
        return CHOICE_ANSWER(rng)
    if kind == 0:
        return rng.choice(["", "大概", "差不多", "要"]) + amount(rng) + rng.choice(PARTICLES)
    if kind == 1:
        return (
            rng.choice(["", "我是", "在", "老家", "我们是"]) + place(rng) + rng.choice(["", "的"])
        )
    if kind == 2:
        if rng.random() < 0.3:
            return rng.choice(["就我和老伴两个", "我跟我妈两个人", "我和三个孩子", "就我一个人"])
        return rng.choice(["家里", "一家", "我们家", ""]) + rng.choice("二三四五六七八") + "口人"
    if kind == 3:
        return (
            rng.choice(NAME_ANSWER)
            + rng.choice("王李张刘陈杨赵黄周吴马罗何")
            + rng.choice(
                ["秀英", "建国", "桂花", "德明", "小红", "玉兰", "志强", "春生", "丽", "强"]
            )
        )
    return GOODS(rng)


def simple(words: str) -> Picker:
    options = words.split()

    def make(rng: random.Random) -> str:
        word = rng.choice(options)
        return word if rng.random() < 0.5 else word + rng.choice(PARTICLES)

    return make


def out_of_scope(rng: random.Random) -> str:
    if rng.random() < 0.6:
        return rng.choice(OUT_SENTENCES)
    topic = OUT_TOPICS(rng)
    return rng.choice(
        [
            f"{topic}怎么样",
            f"帮我查{topic}",
            f"聊聊{topic}",
            f"你喜欢{topic}吗",
            f"{topic}",
            f"你懂{topic}吗",
        ]
    )


MAKERS: dict[str, Picker] = {
    "seek_help": seek_help,
    "offer_donation": offer_donation,
    "check_status": check_status,
    "ask_about": ask_about,
    "request_human": request_human,
    "inform": inform,
    **{intent: simple(words) for intent, words in SIMPLE.items()},
    "out_of_scope": out_of_scope,
}

# --- how people type -----------------------------------------------------------------------------

DIALECT = [
    ("我", "俺"),
    ("孩子", "娃"),
    ("没有", "没得"),
    ("什么", "啥子"),
    ("家里", "屋头"),
    ("我们", "咱们"),
]
SLIPS = [
    ("学费", "学废"),
    ("怎么办", "怎么般"),
    ("医药费", "医药废"),
    ("住院", "住完"),
    ("申请", "申情"),
]
FILLERS = ["那个", "就是", "然后", "嗯", "你好", "请问"]
EMOJI = ["🙏", "😭", "😢", "👍", "❤️"]


def typed(rng: random.Random, text: str) -> str:
    """One of the ways real messages differ from clean sentences, now and then."""
    roll = rng.random()
    if roll < 0.15:
        for plain, local in DIALECT:
            if plain in text and rng.random() < 0.6:
                text = text.replace(plain, local, 1)
    elif roll < 0.27:
        text = rng.choice(FILLERS) + re.sub(r"[，。！？,.!?]", "", text)
    elif roll < 0.32:
        plain, slip = rng.choice(SLIPS)
        text = text.replace(plain, slip)
    elif roll < 0.37:
        text += rng.choice(EMOJI)
    return text


def generate() -> dict[str, list[str]]:
    rng = random.Random(SEED)
    evaluation = [e.text for path in EVALUATION_SETS for e in load_examples(path)]
    out: dict[str, list[str]] = {}
    for intent, wanted in PER_INTENT.items():
        seen: set[str] = set()
        for _ in range(wanted * 20):
            if len(seen) >= wanted * 1.3:
                break
            seen.add(typed(rng, MAKERS[intent](rng)).strip("，"))
        kept = sorted(seen - set(near_copies(sorted(seen), evaluation)))
        rng.shuffle(kept)
        out[intent] = sorted(kept[:wanted])
    return out


def write(sentences: dict[str, list[str]], path: Path = OUT) -> int:
    lines = [
        "# Generated by `python -m nlu generate` (nlu/generate.py); edit the banks, not this file.",
        'version: "3.1"',
        "",
        "nlu:",
    ]
    for intent, texts in sentences.items():
        lines += [f"  - intent: {intent}", "    examples: |"]
        lines += [f"      - {text}" for text in texts]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return sum(len(texts) for texts in sentences.values())
