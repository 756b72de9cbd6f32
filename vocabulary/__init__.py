"""The project's vocabulary, in one place: need types, resource kinds and poverty causes
(致贫原因), their labels, and the everyday words that name them. The NLU, the
conversation, the domain and the matcher all read them from here."""

from __future__ import annotations

# Surface forms of each need type; the longest keyword found in a text wins.
NEED_KEYWORDS: dict[str, tuple[str, ...]] = {
    need: tuple(words.split())
    for need, words in {
        "medical": "医疗 看病 治病 住院 手术 透析 化疗 药费 医药 医药费 生病 病了 病重 重病 癌 "
        "白血病 残疾 瘫痪 医院 病 义诊 体检 治疗 大病 "
        # illnesses and injuries as people name them
        "中风 脑梗 脑瘫 偏瘫 心脏病 尿毒症 肾病 糖尿病 高血压 癫痫 肺炎 骨折 摔断 摔伤 车祸 烧伤 "
        "烫伤 截肢 营养不良 康复 自闭症 精神病 抑郁 尘肺 肝炎 结核 类风湿 聋哑 失明 痴呆 "
        # breath failing (尘肺病 喘不上气)
        "喘不上气 喘不过气 呼吸困难 "
        "大出血 难产 近视 白内障 ICU 重症 医保 合作医疗 "
        # what donors give for health
        "药品 常用药 吃药 轮椅 坐轮椅 假肢 助听器 眼镜 医生 护士 牙医 看牙 量血压 心理辅导 "
        "心理咨询 口罩 消毒液 "
        # treatment and its costs as people describe them
        "肿瘤 肿块 长了个东西 化验 检查费 拍片 核磁 输液 打针 换药 复查 术后 放疗 靶向药 "
        "药钱 报销 大病医保 新农合 住ICU 骨髓 移植 唇裂 兔唇 先天性 哮喘 贫血 肝病 胃病 心梗 "
        "脑溢血 老年痴呆 残疾证 康复训练 护工 伺候 换了肾 抗排异 排异 肾移植 假牙 镶牙 种牙 牙齿 "
        "理疗 理疗师 做康复 "
        # places, devices and treatment words
        "诊所 卫生院 卫生室 村医 救护车 制氧机 血压计 血糖仪 疫苗 药房 药店 感冒药 激素 耳蜗 "
        "听不见 看不见 关节 咳嗽 早产 保温箱 轧断 腰椎 腰疼 腿疼 开颅 保胎 植皮 输血 凝血 "
        "瘤子 瘤 症 炎 疮 坏死 康复师 疏导 针灸 中医 西药 打点滴 病床 出院 开刀 换肾 肝移植 "
        "听力 视力 腰断 腿断 胳膊断 骨头断 摔坏 工伤 助行器 拐杖 腿脚不便 综合征 唐氏 瘫在 "
        "半身不遂 剖腹产 顺产 生孩子 坐月子 产检 买药 买不了药 没药吃 "
        # illness as people say it, and the senses
        "有病 都有病 慢性病 老毛病 毛病 生毛病 病倒 身体不好 身体差 瘫 瘫炕 小儿麻痹 麻痹 萎缩 "
        "风湿 痛风 腰间盘 椎间盘 颈椎 肝硬化 腹水 肾衰竭 洗肾 晚期 确诊 查出来 眼睛不好 眼瞎 瞎了 "
        "耳聋 聋了 失聪 医 睇病 受伤 受了伤 摔伤了 砸伤 砸断 撞伤 伤了 身体不行 身体也不行 "
        "压断 压伤 轧断 夹断 绞断 切断 工伤 "
        "腰坏 腿坏 腰杆断 腰杆子断 "
        # the heart and its operations (我妈心脏不好要做搭桥)
        "心脏 搭桥 心脏支架 放支架 做支架 支架手术 "
        # teeth, and being hurt (孩子牙全蛀了, 被车撞了腿, 腿上有伤)
        "补牙 拔牙 蛀牙 蛀 牙疼 牙痛 被车撞 被撞 撞断 有伤 伤残 伤病 切除 内分泌 乳腺 手指 "
        # the serious illnesses of the national major-illness schemes (大病专项救治), chronic and
        # rare ones, and what they need at home
        "先心病 先天性心脏病 帕金森 阿尔茨海默 渐冻症 渐冻人 肌无力 重症肌无力 肌营养不良 "
        "地中海贫血 地贫 再生障碍性贫血 再障 血友病 脑积水 包虫病 大骨节病 克山病 氟骨症 红斑狼疮 "
        "狼疮 唇腭裂 腭裂 尿道下裂 苯丙酮尿症 脊柱裂 脊髓损伤 截瘫 高位截瘫 艾滋病 甲亢 青光眼 "
        "弱视 斜视 视网膜 角膜 脑出血 脑萎缩 淋巴瘤 结石 疝气 骨质疏松 股骨头 慢阻肺 肺气肿 心衰 "
        "心力衰竭 肾衰 房颤 羊癫疯 抽风 手抖 瘫痪在床 智力障碍 智障 发育迟缓 脑炎 脑膜炎 肾炎 "
        "肝腹水 血透 腹透 化疗药 特效药 进口药 罕见病 电动轮椅 护理床 气管切开 呼吸机",
        "education": "教育 助学 学费 上学 读书 念书 大学 大学生 助学金 书本 学杂费 考上 上不起学 "
        "学期 高中 初中 小学 学生 贫困生 读完 书包 文具 功课 辅导 "
        "奖学金 学校 希望小学 技校 研究生 大专 幼儿园 住宿费 书本费 借读费 特殊教育 陪读 "
        # what donors give for school
        "电脑 笔记本电脑 平板电脑 课本 教材 绘本 课外书 图书 书籍 读物 投影仪 校服 学习用品 "
        "家教 补课 "
        "村小 支教 教孩子 学杂 书费 伙食费 住校 报名费 网课 升学 录取通知书 复读 辍学 退学 "
        "上不了学 读不起 供不起 助学名额 读书的钱 上学的钱 考大学 "
        "一本 二本 高考 中考 考研 数学 语文 英语 美术 音乐课 上课 作业 练习册 教辅 图书角 特教 "
        "读高中 读大学 读初中 读职高 职高 上职高 考上职高 职业高中 师范 学杂费 补补 课堂 老师 同学 "
        "高一 高二 高三 初一 初二 初三 "
        "读高一 读高二 读高三 读初一 读初二 读初三 "
        # schools and what they need
        "学院 技师学院 职校 中专 卫校 入学 开学 报到 课桌 课桌椅 桌椅 盲文 作业本 铅笔 线上补课 "
        # books given away (我想捐点书, 几箱旧书), not 村支书 or 证书
        "捐书 点书 些书 本书 箱书 旧书 童书 儿童书 小说 字典 词典 "
        # Minnan: 读册 (to go to school)
        "读册 "
        # years at university, art school
        "上大一 读大一 上大二 读大二 上大三 读大三 上大四 读大四 大一新生 美院 艺考 考美院 学画画 "
        # study past the first degree, and a family that cannot keep paying for it
        "读博 博士 读研 硕士 供不动",
        "housing": "住房 危房 漏雨 房子塌 房子坏 修房 房屋 塌了 没地方住 屋顶 房顶 房子 危房改造 "
        "土坯房 窑洞 裂缝 漏水 电线老化 加固 装修 建房 住的地方 空房子 墙倒了 墙裂 房梁 租房 "
        "搬家 破屋 瓦房 漏风 住不了 "
        "透风 屋顶 瓦碎 电线 厕所 旱厕 挤在 平米 翻修 盖房 砌墙 水泥 砖 门窗 危房户 "
        "住牛棚 住在牛棚 D级 歪了 房子歪 地基 漏雨 修电路 电路 线路 到处漏 漏得 屋漏 "
        # a house that is unsafe or gone
        "电线老化 差点着火 土坯 漏 怕着火 怕塌 墙歪 墙都歪了 土房 土房子 盖新房 新房 重建 修缮 "
        "屋子 塌陷 "
        # where one lives, said plainly (主要是住的问题)
        "住的 住处 住所 住的问题 住房问题 宅基地 "
        # nowhere to stay
        "没地方去 没处住 没处去 无家可归 流落街头 睡桥洞 住桥洞 没地方落脚 借住",
        "disaster": "灾害 受灾 灾区 地震 洪水 发洪水 冰雹 泥石流 火灾 失火 台风 旱灾 雪灾 冲走 "
        "遭灾 着火 烧没了 烧光 烧毁 被火烧 山洪 涝灾 干旱 暴雨 滑坡 救灾 帐篷 "
        "洪灾 水灾 风灾 雹灾 灾民 灾后 遭了灾 塌方 山体 暴雪 冻灾 虫灾 龙卷风 被淹 淹了 冲垮 冲毁 "
        "刮倒 刮大风 大风 狂风 涨水 发大水 大水 被水冲 水冲 滚石 落石 雷劈 雷击 连阴雨 大旱 雹子 "
        "救生衣 "
        "冲锋舟 掀了 倒伏 天灾 被水泡 水泡了 涨上来 连着下 一直下雨 下个不停 霜冻 冰冻 "
        "涝了 全涝 旱得 干死了 旱死 晒死 枯死 "
        # frost out of season (花椒遭了倒春寒)
        "倒春寒 晚霜 冻害 霜打 "
        # weather as people tell it
        "雪压 压塌 大雪 雪大 冰灾 暴风 风雹 洪涝 内涝 山火 蝗灾 旱了 寒潮 冲断 路断了 冲坏 "
        # livestock lost to the cold
        "羊冻死 牛冻死 牲口冻死",
        "living": "基本生活 没米 没饭吃 吃不饱 揭不开锅 棉被 被子 衣服 旧衣服 冬衣 过冬 取暖 "
        "没钱吃 下锅 温饱 生活费 生活补助 吃的 饿 米面油 面粉 粮食 米和油 米油 油和米 柴米油盐 "
        # food, clothes, water, household goods
        "大米 米面 粮油 食用油 年货 棉袄 棉衣 羽绒服 毛衣 保暖内衣 袜子 鞋子 衣物 冰箱 洗衣机 "
        "奶粉 婴儿车 送饭 一顿饭 吃水 挑水 饮水 饮用水 自来水 水窖 没水喝 买煤 房租 "
        # getting by: allowances, care, clean water
        "生活补贴 低保 没人照顾 吃饭都成问题 吃饭成问题 吃饭都难 吃饭难 "
        "干净的水 吃不上水 喝不上水 水源 "
        "敬老院 养老院 吃穿 穿的 冬天冷 没衣服 电费 断电 米缸 缺粮 吃饭的钱 孤寡 五保 留守老人 "
        "一个人过 返销粮 "
        "半袋米 一袋米 袋面 烧不起 炭 柴火 做饭 上顿 下顿 拉水 井干 养老金 电费 停电 "
        "冻得 冻烂 单鞋 方便面 饼干 午饭 净水器 电暖器 暖气 奶粉钱 一顿饭 独居 老两口 "
        "过不下去 缺水 没水吃 鞋 手套 断粮 接济 米没了 面没了 吃饭穿衣 穿衣 牛奶 面包 "
        # fuel, clothes and food as people name them; nobody to rely on
        "煤 煤炭 烧煤 没煤 蜂窝煤 炉子 火炉 衣裳 衣裤 裤子 被褥 褥子 毯子 电热毯 棉鞋 帽子 围巾 "
        "腊肉 猪肉 吃肉 鸡蛋 食品 食物 口粮 缺吃 少穿 缺衣少食 营养 皮包骨 "
        "相依为命 无依无靠 就剩我 无人照料 无人照顾 孤苦 一个人带 养不起 养不活 养家糊口 "
        "婴儿床 推车 童车 盒饭 饭菜 送餐 午餐 晚餐 热饭 馒头 包子 饺子 面条 挂面 粽子 熟食 剩饭 "
        # a household with no one to work, or one who carries it alone
        "没劳力 没得劳力 没有劳力 缺劳力 劳动力 靠我一个人 全靠我 就靠我 "
        # care for the old and the sick at home (理发师…免费给老人理发, 上门助浴)
        "理发 剪头 剪发 义剪 助浴 洗澡 陪聊 陪老人 陪伴老人 "
        # having nothing to eat, said plainly (没得钱吃饭)
        "吃饭 吃不上饭 吃不起饭 没得吃 没啥吃 "
        # no wood for the stove (冬天没柴烧)
        "没柴 没柴烧 烧柴 "
        # the old who cannot look after themselves
        "不能自理 没人照料 没人伺候 "
        # what a home needs to sleep, wash and cook; a child who does not eat enough
        "床垫 床铺 蚊帐 凉席 热水器 太阳能热水器 电饭锅 电饭煲 灶台 煤气灶 液化气 "
        "煤气罐 取暖器 电风扇 风扇 衣柜 营养跟不上 跟不上营养 缺营养 没水 冻裂 "
        # an old person who can no longer shop or cook (买菜烧饭都做不动了)
        "买菜 烧饭 做不动",
        "employment": "就业 找工作 找份工作 找个工作 找活 找份活 活干 学手艺 学点手艺 学个手艺 "
        "学门手艺 手艺 技能 培训 打工 失业 岗位 招工 工人 电工 "
        "招聘 实习 保安 保洁 普工 厨师 学徒 驾照 缝纫 手工活 电焊 挖掘机 汽修 下岗 "
        "没工作 提供工作 工作岗位 份工作 一份工 上班 找个活 找点活 能做的活 在家做 网店 电商 "
        "没活干 找事做 学技术 学门技术 技术培训 学开车 跑运输 "
        "的活 活儿 挣钱 学徒 徒弟 美发 月嫂 电工证 证书 送货 看大门 快递员 包装工 包吃住 招人 "
        "直播带货 带货 计件 倒闭 退伍 部队退 毕业 驾校 出去打工 进厂 的工作 干活 学修 学做 "
        "面点 厨艺 美甲 摆摊 摆个摊 出摊 修鞋 辞退 被辞 把我辞了 开除 "
        "学电脑 学个电脑 电脑打字 学打字 "
        # trades and jobs
        "招几个 招一些 用工 雇人 修电器 修家电 维修 修理 修车 修手机 保姆 家政 育婴 "
        "焊工 木工 瓦工 钢筋工 服务员 司机 拖欠工资 欠薪 讨薪 营生 谋生 生计 开网店 分拣 包住 "
        "接单 跑外卖 送外卖 外卖 网约车 跑滴滴 客服 做客服 "
        # work down the pit that is gone (where one works is no need: 煤矿 is in NOT_NEEDS)
        "矿工 井下 下井 挖煤 "
        # work that ended (矿关了, 洞庭湖退捕以后), nobody hiring, not knowing what to do next
        "矿关 矿停 关矿 厂关 关厂 停产 退捕 禁捕 上岸 没人雇 没人招 没人要了 没人要我 "
        "不知道干啥 不知道干什么 不知道做啥 不知道做什么 活路 找活路 "
        # licences and trades that get one hired
        "做手工 手工编织 编织 叉车 叉车证 上岗证 资格证 "
        "健康证 厨师证 育婴师 护理员 保育员 盲人按摩 学按摩 学裁缝 "
        # handicrafts made to sell (会绣花 想把绣片卖出去)
        "绣花 刺绣 绣片 蜡染 手工艺",
        "production": "生产 养牛 养羊 养猪 养鸡 牛犊 种苗 种子 化肥 农机 种地 本钱 创业 养殖 种植 "
        # seedlings, livestock, farm goods and selling the harvest
        "树苗 果苗 苗子 果树 猪仔 羊羔 鸡苗 耕牛 牛羊 蜂箱 蜜蜂 蘑菇 茶叶 果园 大棚 农技 兽医 "
        "三轮车 合作社 滞销 卖不出去 没人收 冇人收 包销 禽流感 牲口 牦牛 草场 猪圈 鸡场 养殖场 "
        "死了一头 病死 卖了赔本 农活 头牛 买牛 买羊 买猪 农产品 收成 减产 绝收 颗粒无收 瘟 疫病 "
        "卖不掉 烂在 收购 种的 养的 鱼塘 蜂蜜 菌子 "
        "蜂种 卖不上价 压价 没销路 销路 口蹄疫 猪瘟 鸡瘟 猪崽 种羊 种猪 有机肥 肥料 农药 玉米种 "
        "果农 农户 养殖户 拖拉机 旋耕机 收割机 启动资金 鸡场 香菇 花椒 撂荒 修剪 土鸡蛋 卖苹果 "
        # livestock, land and selling what the farm makes (crops: CROPS)
        "庄稼 种田 种菜 菜地 没地种 没有地 土地 耕地 承包地 羊圈 牛圈 鸡舍 猪场 养鸭 养鹅 养兔 "
        "牛棚 养鱼 养蜂 母猪 肉牛 奶牛 黄牛 山羊 绵羊 小鸡 鸡仔 鸭苗 鱼苗 土特产 特产 山货 直播间 "
        "卖货 卖不出价 卖不动 赔本 亏本 亩地 母牛 小牛 母羊 小羊 母鸡 牛难产 羊难产 猪难产 "
        # a price crash (价格跌到几毛钱一斤 血本无归)
        "血本无归 价格跌 价钱跌 跌价 跌到几毛 价钱低 价格低 羊价 猪价 牛价 菜价 果价 粮价 饲料 "
        # land where nothing grows (石漠化山区 种啥都不长)
        "石漠化 种啥都不长 种什么都不长 盐碱地 "
        "荒了 荒起 地荒 "
        # too little land to live on (分的地太少 不够种)
        "地太少 不够种 "
        # fishing
        "打鱼 捕鱼 渔船 渔网 渔具 出海 渔民 网箱 茶苗 种茶 采茶 "
        # farming taught (教种植技术)
        "种植技术 养殖技术 教种植 教养殖 "
        # herding: moving to winter pastures, horses and camels lost (not 马匹, inside 马匹配)
        "转场 放牧 牧民 骆驼 两匹 几匹 匹马 "
        # what one made, to be sold (想把绣片卖出去)
        "卖出去 "
        # a stall or shop of one's own; livestock fallen sick (羊得了传染病 死了十几只)
        "小卖部 羊得了 牛得了 猪得了 鸡得了 鸭得了 鱼得了 几只 几头 多只 多头",
        "other": "其他 其它 别的",
    }.items()
}

# What a farm grows. A crop says what someone grows more than what they need (a donor's apples
# for an old people's home are food), so these count half, for production.
CROPS: tuple[str, ...] = tuple(
    "洋芋 土豆 马铃薯 红薯 地瓜 玉米 苞米 苞谷 包谷 小麦 麦子 稻谷 水稻 稻子 谷子 高粱 荞麦 "
    "青稞 花生 大豆 "
    "黄豆 油菜 菜籽 棉花 烟叶 烤烟 甘蔗 辣椒 生姜 大蒜 魔芋 西瓜 苹果 梨子 桃子 柑橘 橘子 脐橙 "
    "猕猴桃 葡萄 核桃 板栗 红枣 枸杞 药材 中药材 天麻 党参 黄芪 当归 茶园".split()
)
NEED_KEYWORDS["production"] += CROPS

# A named disaster says what happened: it counts double against what was lost in it
# (被子, 牛羊), so "雪灾冻死了牛羊" is disaster relief.
NEED_WEIGHTS: dict[str, float] = {"disaster": 2.0}

# One character said alone for what is given (书, at a pledge's need question): the need it is
# for. Inside a sentence these are too short to count (读书, 书记, 加油).
GOODS_SAID_ALONE: dict[str, str] = {
    "书": "education",
    "米": "living",
    "油": "living",
    "面": "living",
    "药": "medical",
}
# Whom a donor gives to, when the offer names no need: giving to children is, in practice,
# for their schooling (给凉山的孩子捐一千, 帮老家的留守儿童).
BENEFICIARY_NEEDS: dict[str, str] = {
    **dict.fromkeys(("孩子", "儿童", "学生", "小朋友", "娃娃"), "education"),
}

# English words typed inside a Chinese sentence (hi 我想donate), as the Chinese they stand
# for; a message in English alone is told that only Chinese is read.
ENGLISH_IN_CHINESE: dict[str, str] = {
    "donate": "捐款",
    "donation": "捐款",
    "sponsor": "资助",
    "volunteer": "志愿者",
}

# Homophones a pinyin keyboard picks by mistake, in the words this service lives on (only
# strings that are no word of their own: 因难 is not here, it starts 因难产).
TYPOS: dict[str, str] = {
    "学废": "学费",
    "学肺": "学费",
    "医药废": "医药费",
    "医要费": "医药费",
    "低宝": "低保",
    "学非": "学费",
    "透吸": "透析",
    "贫因": "贫困",
    "困灘": "困难",
    "残急": "残疾",
    "残积": "残疾",
    "生话费": "生活费",
    "资主": "资助",
    "帮付": "帮扶",
    "申情": "申请",
    "审情": "申请",
    "中疯": "中风",
    "收术": "手术",
    "透戏": "透析",
    "困南": "困难",
    "医聊": "医疗",
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
# A word said alone for a need type: its menu label, half of it (生活 for 基本生活, 技能 for
# 就业与技能; 救助 alone says no type), or another word for it (房屋 at the amount question).
NEED_SAID_ALONE: dict[str, str] = {
    **{
        part: need
        for need, label in NEED_LABELS.items()
        for part in (label, label[:2], label[-2:])
        if part != "救助"
    },
    **dict.fromkeys(("房屋", "房子", "修房子", "修房"), "housing"),
    **dict.fromkeys(("看病", "治病", "医药费"), "medical"),
    **dict.fromkeys(("上学", "读书", "念书", "学费"), "education"),
    **dict.fromkeys(("吃的", "吃穿", "穿的"), "living"),
    **dict.fromkeys(("找工作", "找活干"), "employment"),
    **dict.fromkeys(("养殖", "种植", "种地"), "production"),
    **dict.fromkeys(("受灾", "雪灾", "水灾", "旱灾", "洪水", "地震", "台风", "冰雹"), "disaster"),
}

# What a donor offers. Goods and services are looked for first: "价值两万的电脑" is goods.
KIND_KEYWORDS: dict[str, tuple[str, ...]] = {
    kind: tuple(words.split())
    for kind, words in {
        "goods": "物资 东西 衣服 冬衣 棉衣 被子 棉被 大米 米面 面粉 粮油 油 书 书包 文具 电脑 药品 "
        "物品 实物 化肥 种子 捐物 棉袄 羽绒服 毛衣 鞋子 课本 绘本 轮椅 树苗 猪仔 羊羔 "
        "读物 玩具 家电 字典 词典 "
        # food and supplies a shop, a canteen or a family has to spare
        "面包 食品 水果 蔬菜 牛奶 鸡蛋 矿泉水 盒饭 月饼 年货 帐篷 口罩 常用药 感冒药 眼镜 助听器 "
        "馒头 包子 饺子 饭菜 面条 挂面 粽子 糕点 点心 饼干 零食 蛋糕 熟食 "
        # things people give away (what households ask for too, such as 奶粉, stays out)
        "三轮车 自行车 电动车 冰箱 洗衣机 电视 空调 家具 课桌 桌椅 平板 农具 饲料 "
        "闲置 闲着 用不上 用不着 拿去 多余 鸡苗 鸭苗 鱼苗 种苗 果苗 茶苗 "
        # counted things are goods: 几箱, 两台, 一批
        "几箱 一箱 两箱 几袋 一袋 几件 几套 几台 一台 两台 一批 几床 两床 几双 电热毯",
        "service": "服务 义诊 岗位 工作 招 培训 教 技术 志愿 辅导 免费看 咨询 律师 医生 老师 体检 "
        "指导 上门 陪 "
        "包吃住 缺人 用工 工人 学徒 徒弟 "
        "支教 上课 讲课 义务 免费教 "
        # trades done for free (理发师…免费给老人理发)
        "理发 剪头 剪发 义剪 维修 修理 修电器 按摩 推拿 照相 拍照 打扫 保洁 做饭 跑腿 "
        "免费帮 免费为 免费给 运送 运输 拉货 接送 免费住 装修 施工 牙医 看牙 英语课 补习 "
        # tradesmen and vets going to do the work (我是木匠 谁家门窗坏了我可以去修)
        "木匠 木工 电工 瓦工 泥瓦匠 水电工 兽医 大夫 护士 去修 来修 上门修 免费修 免费去 "
        "打疫苗 坐诊 官司 打官司 法律援助 律所 "
        # selling a household's produce for it (我是电商主播 想帮困难户卖农产品)
        "带货 代卖 代销 帮忙卖 帮着卖 帮卖 帮困难户卖 帮他们卖",
        "money": "钱 捐款 款 现金 资金 转账 学费 资助 红包 压岁钱 礼金 "
        "美元 美金 澳币 澳元 加币 港币 欧元 英镑 日元 外币 "
        # money shown rather than said
        "💰 💵 💴 🧧",
    }.items()
}
KIND_LABELS: dict[str, str] = {"money": "钱款", "goods": "物资", "service": "服务"}

# What people call the members of their family (她是我奶奶; 户主是我老伴，叫…).
FAMILY_MEMBERS: tuple[str, ...] = (
    *("爸爸", "爸", "妈妈", "妈", "爹", "娘", "父亲", "母亲", "爷爷", "奶奶", "外公", "外婆"),
    *("姥姥", "姥爷", "公公", "婆婆", "岳父", "岳母", "儿子", "女儿", "闺女", "孙子", "孙女"),
    *("外孙", "外孙女", "老公", "老婆", "丈夫", "妻子", "媳妇", "老伴", "老汉", "老头", "老头子"),
    *("老太", "老太太", "孩子他爸", "孩子他妈", "娃他爸", "娃他妈", "哥哥", "哥", "姐姐", "姐"),
    *("孩子他爹", "孩子他娘", "孩子她妈", "娃他爹", "娃他娘", "娃她妈"),
    *("孩他爹", "孩他爸", "孩他妈"),
    *("弟弟", "弟", "妹妹", "妹", "表哥", "表姐", "表弟", "表妹", "堂哥", "堂姐", "堂弟", "堂妹"),
    *("侄子", "侄女", "外甥", "外甥女", "舅舅", "姑姑", "叔叔", "伯伯", "大爷", "大娘"),
    *("儿媳", "儿媳妇", "女婿", "孩子", "娃", "娃娃", "娃子", "娃儿", "小孩", "宝宝"),
    *("重孙", "曾孙"),
)

# Who lives next to a household, or knows it well (我想帮我同学 她家里出事了): someone asking
# for them asks for another family.
NEIGHBOURS: tuple[str, ...] = (
    *("邻居", "隔壁", "对门", "同村"),
    *("同学", "朋友", "同事", "亲戚", "战友", "老乡"),
)

# The poverty causes of the national registration (建档立卡), as social workers record them.
POVERTY_CAUSES = (
    "因病",
    "因残",
    "因学",
    "因灾",
    "缺土地",
    "缺水",
    "缺技术",
    "缺劳力",
    "缺资金",
    "交通条件落后",
    "自身发展动力不足",
)


# Words in a description that point to a cause, for a first reading before the worker's.
CAUSE_WORDS = (
    ("因残", ("残疾", "瘫痪", "残")),
    ("因病", ("病", "住院", "手术", "透析", "化疗", "癌")),
    ("因学", ("学费", "上学", "读书", "大学", "高中")),
    ("因灾", ("地震", "洪水", "冰雹", "泥石流", "火灾", "失火", "受灾", "台风")),
    ("缺劳力", ("没有劳动力", "缺劳力", "老人", "孤寡", "一个人带")),
    ("缺技术", ("手艺", "技术", "技能")),
    ("缺资金", ("本钱", "资金", "种苗", "化肥")),
)
CAUSE_BY_NEED = {
    "medical": "因病",
    "education": "因学",
    "disaster": "因灾",
    "employment": "缺技术",
    "production": "缺资金",
}

# WeChat's own faces reach the webhook as codes ("/:@)" is [抱拳]); newer ones as their
# names in brackets ("[合十]"). The classic set, code to name:
WECHAT_FACES: dict[str, str] = dict(
    zip(
        (
            "/::) /::~ /::B /::| /:8-) /::< /::$ /::X /::Z /::'( /::-| /::@ /::P /::D /::O "
            "/::( /::+ /:--b /::Q /::T /:,@P /:,@-D /::d /:,@o /::g /:|-) /::! /::L /::> "
            "/::,@ /:,@f /::-S /:? /:,@x /:,@@ /::8 /:,@! /:!!! /:xx /:bye /:wipe /:dig "
            "/:handclap /:&-( /:B-) /:<@ /:@> /::-O /:>-| /:P-( /::'| /:X-) /::* /:@x /:8* "
            "/:pd /:<W> /:beer /:basketb /:oo /:coffee /:eat /:pig /:rose /:fade /:showlove "
            "/:heart /:break /:cake /:li /:bome /:kn /:footb /:ladybug /:shit /:moon /:sun "
            "/:gift /:hug /:strong /:weak /:share /:v /:@) /:jj /:@@ /:bad /:lvu /:no /:ok"
        ).split(),
        (
            "微笑 撇嘴 色 发呆 得意 流泪 害羞 闭嘴 睡 大哭 尴尬 发怒 调皮 呲牙 惊讶 难过 酷 冷汗 "
            "抓狂 吐 偷笑 愉快 白眼 傲慢 饥饿 困 惊恐 流汗 憨笑 悠闲 奋斗 咒骂 疑问 嘘 晕 疯了 衰 "
            "骷髅 敲打 再见 擦汗 抠鼻 鼓掌 糗大了 坏笑 左哼哼 右哼哼 哈欠 鄙视 委屈 快哭了 阴险 "
            "亲亲 吓 可怜 菜刀 西瓜 啤酒 篮球 乒乓 咖啡 饭 猪头 玫瑰 凋谢 嘴唇 爱心 心碎 蛋糕 "
            "闪电 炸弹 刀 足球 瓢虫 便便 月亮 太阳 礼物 拥抱 强 弱 握手 胜利 抱拳 勾引 拳头 差劲 "
            "爱你 NO OK"
        ).split(),
        strict=True,
    )
)
# What a message of faces or emoji and nothing else says, by face name or emoji.
FACE_MEANINGS: dict[str, tuple[str, ...]] = {
    "thanks": (
        *("抱拳", "合十", "玫瑰", "握手", "爱心", "鼓掌", "拥抱", "礼物", "爱你", "红包"),
        *("🙏", "🌹", "💐", "❤️", "❤", "💕", "💗", "🤝", "👏", "🫶", "🥰"),
    ),
    "ok": ("强", "OK", "好的", "胜利", "👍", "👌", "✌️", "🆗", "💪", "加油"),
    "smile": ("微笑", "呲牙", "愉快", "憨笑", "偷笑", "害羞", "😊", "😀", "😄", "😁", "🙂", "👋"),
    "sad": (
        *("流泪", "大哭", "快哭了", "可怜", "难过", "委屈", "心碎", "衰", "叹气", "苦涩"),
        *("😭", "😢", "😥", "😞", "😔", "😿", "💔", "😣", "😫", "🥺"),
    ),
}
