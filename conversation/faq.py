"""Answers to questions about the platform (the `ask_about` intent), chosen by topic."""

from __future__ import annotations

import re

import messages as msg
from nlu.lexicon import bare, need_types
from nlu.sides import HELP, OFFER, WAS_VOLUNTEER, Strength, side_cue, side_said

TOPICS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # about the platform whatever else the message reads like (ALWAYS)
    ("press", ("记者", "采访", "媒体", "报社的", "是报社", "电视台")),  # not 回报社会
    (
        "blood_organ",  # giving blood, marrow or organs: not done here
        (
            *("献血", "捐血", "捐献器官", "器官捐献", "捐器官", "遗体捐献", "捐遗体", "捐献遗体"),
            *("捐骨髓", "捐献骨髓", "骨髓捐献", "捐造血干细胞", "捐眼角膜", "捐角膜"),
            *("捐献造血干细胞", "造血干细胞捐献", "加入骨髓库", "加入中华骨髓库", "捐献眼角膜"),
        ),
    ),
    (
        "who_answers",
        (
            *("你是谁", "你是机器人", "你是不是机器人", "是机器人吗", "你是人吗", "你是真人吗"),
            *("是自动回复", "是不是自动回复", "你是ai", "你是AI", "是人工智能"),
        ),
    ),
    (
        "what_is_pledge",  # what the word means, not a pledge
        ("什么是认捐", "认捐是什么", "认捐什么意思", "认捐是啥", "认捐和捐款", "认捐跟捐款"),
    ),
    (
        "social_worker",  # before "volunteer": 社工是志愿者吗 asks who they are
        (
            *("社工是干嘛", "社工是做什么", "社工是干什么", "社工是什么", "什么是社工", "社工是谁"),
            *("社工是志愿者", "社工是不是志愿者", "社工是工作人员", "社工是不是工作人员"),
            *("社工是专业", "社工有工资", "社工拿工资"),
        ),
    ),
    (
        "volunteer",  # before "partnership": 我想加入你们当志愿者 is one person's time
        ("志愿者", "当义工", "做义工", "志愿服务", "做志愿"),
    ),
    (
        "public_works",  # a village's road or bridge: not a household's need
        (
            *("修条路", "修一条路", "修座桥", "修个桥", "修一座桥", "装路灯", "通条路"),
            *("村修路", "村里修路", "修路缺钱", "修桥缺钱", "硬化路面", "村里修桥"),
        ),
    ),
    (
        "fix_record",  # something given wrong, asked how to put right (我填错了身份证号怎么改)
        (
            *("填错", "写错", "怎么修改", "如何修改", "能修改吗", "可以修改吗", "怎么改过来"),
            *("改不了", "改一下我的", "改地址", "改名字", "改信息", "修改信息", "改一下信息"),
        ),
    ),
    (
        "improved",  # things got better: whether to say so
        ("情况变好", "情况好转", "情况好了", "情况好些", "日子好过了", "条件好了"),
    ),
    (
        "binding",  # a social worker asking how to bind (the command itself is 绑定 <code>)
        ("怎么绑定", "如何绑定", "怎样绑定", "绑定怎么", "在哪绑定", "邀请码在哪", "没有邀请码"),
    ),
    (
        "partnership",
        (
            *("和你们合作", "跟你们合作", "与你们合作", "同你们合作", "合作伙伴", "加入你们"),
            *("长期合作",),
            *("入驻", "机构合作", "成为合作", "怎么合作", "合作机构", "合作单位"),
        ),
    ),
    (
        "certificate",
        (
            *("贫困证明", "低保证明", "困难证明", "开证明", "开个证明", "开一个证明", "收入证明"),
            *("办残疾证", "评残"),
        ),
    ),
    (
        "dibao_paid",  # before "dibao": when this month's allowance comes, not how to apply
        (
            *("低保什么时候发", "低保啥时候发", "低保几号发", "低保金什么时候", "低保钱什么时候"),
            *("低保怎么还没发", "低保还没发", "低保没发", "低保钱没到", "低保金没到"),
        ),
    ),
    (
        "work_for_us",  # a job with the platform itself
        (
            *("你们招聘", "你们招人", "你们招不招人", "你们还招人", "去你们那上班", "在你们这上班"),
            *("去你们那工作", "在你们这工作", "到你们这工作", "你们那上班", "应聘你们"),
        ),
    ),
    (
        "dibao",
        (
            *("低保怎么", "办低保", "申请低保", "低保的事", "评低保", "低保标准", "低保能不能"),
            *("吃上低保", "评上低保", "低保怎样", "低保咋", "特困供养", "五保怎么"),
        ),
    ),
    (
        "adoption",  # not 领养一个贫困学生 (a donor's word for paying for one's schooling)
        ("领养孩子", "领养一个孩子", "领养个孩子", "领养小孩", "领养一个小孩", "收养", "抱养"),
    ),
    (
        "trust",
        (
            *("是不是骗子", "是骗子吗", "骗人的吧", "骗人的吗", "是不是骗人", "骗子吧"),
            *("靠谱吗", "靠不靠谱", "正规吗", "正不正规", "可信吗", "真的假的", "正规的吗"),
            *("不是骗子", "是不是正规", "合法吗", "有没有资质", "公募资质", "有资质吗", "公募资格"),
            *("是真的吗", "是真的不", "不会骗人", "会不会骗人", "骗人不", "是不是真的", "靠得住"),
            *("是正规的", "证明你们", "正规机构吗", "是正规机构"),
            *("骗身份证", "骗信息", "骗个人信息", "骗资料"),
        ),
    ),
    (
        "how_to_use",  # someone lost with the chat itself (我不会用这个, 字太小了)
        (
            *("不会用这个", "不会用你们", "这个怎么用", "怎么用这个", "不会操作", "不会弄这个"),
            *("看不懂你", "说什么我看不懂", "你说的我看不懂", "字太小", "看不清字"),
            *("字弄大", "字大一点", "字体大一点", "字体调大"),
            *("这个怎么弄", "这个咋弄", "这个怎么搞", "这个咋搞", "这个要怎么弄", "怎么操作"),
        ),
    ),
    (
        "delete_photos",  # before "photos": 照片删掉, not how to send them
        (
            *("照片删", "删照片", "删掉照片", "删除照片", "删了照片", "照片撤回", "撤回照片"),
            *("照片不要了",),
        ),
    ),
    (
        "photos",
        (
            *("怎么发照片", "照片怎么发", "怎么发图", "图片怎么发", "怎么上传"),
            *("怎么传照片", "怎么传图", "照片怎么传", "图片怎么传"),  # not 这病怎么传染
            *("在哪上传", "上传证明", "上传材料", "上传照片", "照片发哪", "能发照片", "可以发照片"),
            *("怎么拍照", "能不能发照片", "照片能发吗", "怎么把照片"),
        ),
    ),
    (
        "voice",
        (
            *("能语音", "可以语音", "能发语音", "可以发语音", "能不能语音", "能不能发语音"),
            *("语音可以", "语音行", "发语音行", "说语音", "用语音", "听得懂语音", "听语音"),
        ),
    ),
    (
        "unsubscribe",
        (
            *("退订", "取消关注", "不再关注", "怎么取关", "取关"),
            *("不要再给我发消息", "别再给我发消息", "别给我发消息", "不要给我发消息", "别再发消息"),
        ),
    ),
    (
        "phone_us",
        (
            *("你们的电话", "你们电话", "打电话给你们", "给你们打电话", "客服电话", "热线"),
            *("电话号码是多少", "打你们电话", "你们有电话吗"),
            *("电话多少", "电话是多少", "怎么联系你们", "你们怎么联系", "你们的联系方式"),
        ),
    ),
    (
        "refund",
        (
            *("退款", "退钱", "钱退", "钱能退", "退还", "退给我", "把钱要回", "钱要回来"),
            *("能退吗", "能不能退", "可以退吗", "能退回来", "可以退回来", "退回来吗"),
            *("退回给我", "退得回"),
        ),
    ),
    (
        "address",
        (
            *("你们的地址", "你们地址", "机构地址", "平台地址", "办公地点", "办公室在"),
            *("在哪办公", "在哪里办公", "在哪儿办公", "怎么找到你们", "去哪里找你们", "去哪找你们"),
            *("你们在哪个城市", "你们在哪座城市", "你们是哪里的", "你们在哪里", "线下的办公室"),
            *("线下办公室", "有没有办公室", "有办公室吗"),
        ),
    ),
    (
        "why_id",
        (
            "为什么要身份证",
            "为啥要身份证",
            "要身份证干",
            "身份证干什么",
            "身份证做什么",
            "身份证有什么用",
            "身份证号干",
            "身份证号做什么",
            "为什么要填身份证",
            "为什么要电话",
            "为什么要手机号",
            *("为什么要实名", "为啥要实名", "为什么实名", "必须实名"),
            # whether it must be given at all
            *("必须填", "必须要填", "一定要填", "非填不可", "可以不填", "能不能不填", "不填行不行"),
            *("能不填", "不填可以", "必须写", "一定要写", "可以不写", "不写行不行"),
        ),
    ),
    (
        "no_id",  # no card at hand, or none at all, asked about (not told at the ID question)
        (
            *("没有身份证怎么办", "没身份证怎么办", "身份证丢了怎么办", "身份证掉了怎么办"),
            *("没有身份证能", "没身份证能", "没有身份证可以", "身份证丢了能", "身份证丢了可以"),
        ),
    ),
    (
        "real_name",
        (
            *("真名", "真实姓名", "真实名字", "写小名", "用小名", "网名", "外号"),
            *("别人的身份证", "别人身份证", "用别人的名字", "借别人的"),
        ),
    ),
    (
        "repeat",  # before "eligibility": 申请过了还能申请吗 asks about a second request
        (
            *("申请几次", "申请几回", "求助几次", "再申请", "重复申请", "第二次申请"),
            *("申请过了还", "申请过还", "求助过了还", "办过了还", "办完了还能", "同时申请"),
        ),
    ),
    (
        "eligibility",
        (
            "不是贫困户",
            "不是低保",
            "没有低保",
            "不是建档立卡",
            "没有建档立卡",
            "谁可以求助",
            "什么人可以",
            "哪些人可以",
            # whether one may ask at all, in one's circumstances (我是外地的能申请吗)
            *("能申请吗", "可以申请吗", "能不能申请", "能求助吗", "可以求助吗", "能不能求助"),
        ),
    ),
    (
        "delivery",
        (
            *("快递过去", "寄过去", "邮寄", "上门收", "上门取", "来拉", "来取", "怎么送"),
            *("上门来拿", "上门拿", "来拿", "来搬", "自己送过去", "送到哪"),
            *("怎么寄", "寄给你们", "寄到哪", "邮寄地址", "收货地址", "寄到你们"),
            *("上门拉", "上门来拉", "来家里拉", "来家里拿", "上门拉走", "运费", "邮费", "快递费"),
            *("送给你们", "咋送", "咋寄", "如何寄", "怎么邮"),
        ),
    ),
    (
        "visit",  # before "beneficiary": seeing or writing to the family, not who it is
        (
            *("去看看受助", "去受助家庭", "探望受助", "探访受助", "看看受助的"),
            *("看看我资助的", "看我资助的", "见见我资助的", "看望我资助的", "见我资助的"),
            *("写封信", "写信给", "给受助的孩子写", "给孩子写信", "寄封信"),
            *("去现场看看", "现场看看", "实地看看", "实地考察", "去实地"),
        ),
    ),
    (
        "beneficiary",
        (
            *("受助人是谁", "受助人信息", "受助人的", "受助家庭是谁", "联系受助", "见见受助"),
            *("帮的是谁", "帮了谁", "帮助了谁", "捐给了谁", "给了谁", "对方是谁", "哪户人家"),
        ),
    ),
    # what the platform does not do itself, answered with where to go
    (
        "wages",
        (
            *("拖欠工资", "欠工资", "欠我工资", "欠了我工资", "工资不给", "不发工资", "工资没发"),
            *("拿不到工资", "讨薪", "讨工资", "要工资", "欠薪", "欠工钱", "欠我工钱", "工钱不给"),
            *("拖欠工钱", "拖欠我工资", "拖欠我的工资", "不给工资", "不给工钱"),
        ),
    ),
    (
        "social_insurance",
        (
            *("养老保险", "社保怎么", "社保交", "交社保", "社保卡", "医保怎么交", "交医保"),
            "医保交",
            *("合作医疗怎么交", "新农合怎么交", "养老金怎么领", "养老金多少", "领养老金"),
        ),
    ),
    (
        "benefits",  # the state's own subsidies, granted elsewhere
        (
            *("残疾补贴", "高龄补贴", "养老补贴", "护理补贴", "补贴怎么", "有没有补贴", "什么补贴"),
            *("领补贴", "问问政策", "什么政策", "政策怎么", "医保怎么报", "怎么报销", "报销比例"),
            *("评贫困户", "贫困户怎么评", "雨露计划", "两项补贴"),
        ),
    ),
    ("missing_person", ("失散", "寻亲", "走失", "走丢", "失踪", "离家出走", "找不到家人", "被拐")),
    ("fraud", ("被骗", "诈骗", "骗走", "上当受骗", "骗了我", "被人骗")),
    ("debt", ("网贷", "催收", "催债", "暴力催", "天天催", "贷款还不上", "信用卡还不上")),
    (
        "loan",
        (
            *(
                "想贷款",
                "要贷款",
                "能贷款",
                "可以贷款",
                "贷款怎么",
                "怎么贷款",
                "小额贷款",
                "小额信贷",
            ),
            *("贴息贷款", "能不能贷", "借贷款", "申请贷款", "办贷款", "无息贷款", "免息贷款"),
            *("借我点钱", "借我钱", "借钱给我", "借点钱给我", "能借钱", "可以借钱"),
        ),
    ),
    (
        "hours",
        (
            *("几点下班", "几点上班", "上班时间", "工作时间", "几点关门", "下班了吗", "下班没"),
            *("周末有人", "周末上班", "晚上有人", "节假日", "放假吗", "过年放假"),
        ),
    ),
    (
        "coverage",
        (
            *("有没有你们的", "有你们的人", "有你们的社工", "有没有社工", "有社工吗", "覆盖"),
            *("哪些地方有", "哪些地区", "哪些县", "什么地方有", "服务范围", "管不管我们"),
            *("管我们那", "管我们这"),
        ),
    ),
    ("anonymous", ("匿名", "不留名", "不留名字", "不写名字", "不署名", "不用留名")),
    (
        "nature",
        (
            *("政府办", "政府的", "官方的", "是不是官方", "民办", "私人办", "私人的", "个人办"),
            *("谁办的", "谁开的", "哪个单位办", "什么性质"),
        ),
    ),
    (
        "verification",
        (
            *("真困难", "真的困难", "真的穷", "是不是真的", "怎么核实", "如何核实", "怎么审核"),
            *("怎么查证", "冒领", "造假", "装穷", "骗捐", "假的"),
        ),
    ),
    (
        "no_smartphone",
        (
            *("没有智能手机", "没智能手机", "不会用智能手机", "不会用手机", "不会用微信"),
            *("没有微信", "没微信", "老人不会弄", "替老人申请", "帮老人申请"),
        ),
    ),
    ("used_goods", ("全新", "新的吗", "旧的可以", "旧东西", "二手", "用过的", "穿过的")),
    (
        "items_needed",  # what is wanted most, asked by someone who would give it
        (
            *("你们最缺什么", "你们缺什么", "最缺什么", "最缺啥", "缺什么东西", "需要捐什么"),
            *("捐什么好", "捐什么比较好", "最需要什么东西", "最需要哪些东西"),
        ),
    ),
    (
        "how_much",
        (
            *("最少捐多少", "最低捐多少", "最少要捐", "最低要捐", "捐多少合适", "起捐", "捐得太少"),
            *("最低金额", "最少金额", "有没有最低", "有最低"),
            *("捐少了", "捐一点行不行", "少点行不行", "捐几十块"),
            *("小额捐款", "小额的", "十块二十块", "几十块钱", "多少都行吗", "多少都可以吗"),
        ),
    ),
    (
        "payment",
        (
            *("钱怎么给你们", "怎么给你们钱", "钱给你们", "怎么转账", "转账给谁", "转到哪"),
            *("往哪转", "怎么付款", "怎么支付", "付款方式", "收款账号", "收款账户", "账号是多少"),
            *("打到哪个", "支付宝", "微信支付", "扫码付", "微信转账", "给我一个账号", "给个账号"),
            *("账号我转", "我转过去", "银行卡号", "卡号发我", "怎么交给你们", "交给你们"),
            *("账号发我", "发个账号", "账号给我", "发一下账号"),
            *("paypal", "PayPal", "Paypal", "海外捐款", "从国外捐", "境外捐款"),
            *("什么时候扣", "怎么扣", "扣款", "扣钱"),
        ),
    ),
    (
        "running_costs",
        ("用于运营", "运营费", "运营经费", "办公经费", "支持你们机构", "给你们机构捐"),
    ),
    ("process", ("流程", "步骤", "手续怎么办", "怎么个流程", "什么程序")),
    (
        "receipt",
        (
            *("发票", "收据", "票据", "抵税", "免税", "税前扣除", "开票"),
            *("捐赠证书", "荣誉证书", "爱心证书", "捐赠证明", "要个证书", "开个证书", "感谢信"),
            *("有没有证书", "有证书吗", "发证书", "给证书", "颁发证书", "电子证书"),
        ),
    ),
    ("privacy", ("信息", "隐私", "泄露", "保密", "知道我是谁", "名字", "身份证会")),
    (
        "find_job",  # whether we find work (你们能帮我介绍工作吗), not a job offered
        (
            *("介绍工作", "介绍个工作", "介绍份工作", "介绍个活", "介绍点活", "帮我找工作"),
            *("帮我找个工作", "帮忙找工作", "帮忙找个工作", "管不管找工作", "能安排工作"),
        ),
    ),
    (
        "change_pledge",  # a pledge's need or place changed after it was made (能不能换成给看病的)
        (
            *("换成给", "改成给", "换成捐给", "改成捐给", "换成帮", "改成帮", "改方向", "换方向"),
            *("改个方向", "换个方向", "改帮助方向", "改地区", "换地区", "换个地区"),
        ),
    ),
    (
        "designate",  # before "money_use": 能指定给某个孩子吗 asks who, not where it went
        (
            *("指定给", "指定一个", "指定某", "指定哪", "指定的", "能不能指定", "可以指定"),
            *("给认识的", "捐给认识", "捐给我认识", "自己选一", "一对一"),
        ),
    ),
    (
        "amount_received",  # how much a household may get
        (
            *("最多能拿", "最多能得", "能拿到多少", "能拿多少", "能领多少", "能得到多少"),
            *("一户能给多少", "每户给多少", "一家能给多少", "最多给多少", "能资助多少"),
        ),
    ),
    (
        "matching",  # before "money_use": who is given to, and who decides
        (
            *("怎么决定给谁", "怎么定给谁", "谁来决定给", "给谁由谁定", "给谁是谁定"),
            *("怎么配对", "怎么匹配", "怎么分配", "按什么分配", "怎么选家庭", "怎么选人"),
        ),
    ),
    (
        "paid_how",  # before "money_use": whom the money is paid to
        (
            *("给家里还是", "直接给家里", "给学校还是", "交给学校还是", "打到学校", "打给学校"),
            *("直接给我们", "直接打给我", "打到我卡上还是", "钱打给谁", "钱给谁", "给医院还是"),
        ),
    ),
    (
        "money_use",
        (
            *("挪用", "用在哪", "用到位", "去向", "贪污", "指定", "用在", "怎么保证钱"),
            *("保证钱", "钱真的用", "真的用到", "用到困难户", "用到他们身上"),
            *("看到反馈", "有反馈吗", "会反馈吗", "有没有反馈", "乱花"),
            # how a gift is spent, asked (捐的钱怎么用 能看到吗)
            *("钱怎么用", "钱是怎么用", "款怎么用", "钱咋用", "怎么花的", "花在哪"),
            *("公开的账目", "账目公开", "公开账目", "财务公开", "账目透明", "查账"),
        ),
    ),
    ("fees", ("收费", "交钱", "交费", "管理费", "手续费", "花钱", "费用", "抽成", "提成")),
    (
        "materials",  # not 家里条件不好, 准备去医院
        (
            *("材料", "证件", "户口", "手续", "什么条件", "啥条件", "条件是什么", "符合条件"),
            *("准备什么", "准备啥", "要准备", "需要准备"),
        ),
    ),
    ("timing", ("多久", "多长时间", "什么时候", "啥时候", "几天")),
    (
        "found_us",  # how someone came, said first (我看到你们的公众号了), with nothing to ask
        (
            *("看到你们的公众号", "看到你们公众号", "关注了你们", "刚关注", "扫码关注", "刷到你们"),
            *("朋友推荐", "朋友介绍", "别人推荐", "别人介绍", "看到你们的文章"),
        ),
    ),
    (
        "track_record",  # how many have been helped
        (
            *("帮过多少", "帮了多少", "帮助过多少", "帮助了多少", "救助了多少", "救助过多少"),
            *("资助过多少", "资助了多少", "帮过几", "帮了几家", "帮了几户"),
        ),
    ),
    (
        "about",  # what the platform is, asked however politely (我想请问一下你们是做什么的)
        (
            *("你们是做什么", "你们是干什么", "你们是干啥", "你们是什么", "你们做什么的"),
            *("你们干什么的", "这是什么平台", "这是干什么的", "这是做什么的", "这个公众号是"),
        ),
    ),
)


QUESTION = re.compile(
    r"[？?]|吗|为什么|为啥|干什么|干嘛|做什么|有什么用|会不会|是不是|能不能|要不要"
    r"|多久|多长时间|(?:什么|啥)时候(?:能|才|可以|会|有人)|多少合适|多少比较好"
    r"|发我|告诉我|跟我说"  # asked as a request (账号发我一下)
    r"|谁(?:来)?(?:出|付|承担|负责)"  # who pays (运费谁出)
    r"|哪里|哪儿"  # where (你们是哪里的)
    r"|(?:怎么|怎样|如何|咋|在哪)(?:报名|加入|参加|注册|成为|当(?!地))"  # 志愿者怎么报名, 怎么当
    r"|要(?:什么|啥|哪些)|(?:什么|啥|哪些)(?:材料|证件|手续|条件)"  # 求助需要什么材料
    r"|你们[^，。？?]{1,6}还是(?:我|俺)|(?:我|俺)[^，。？?]{1,6}还是你们"  # 你们来拉还是我寄
    r"|(?:怎么|如何|咋)(?:发|传|上传|决定|定|配对|匹配|分配|选)"  # 照片怎么发, 怎么决定给谁
    r"|不会是"  # 你们不会是骗身份证的吧
)


def topic_of(text: str) -> str | None:
    """The first topic a word of which the text holds, spaces left out (voice input puts
    them anywhere: 钱 能退吗)."""
    plain = re.sub(r"\s+", "", text)
    return next((topic for topic, words in TOPICS if any(word in plain for word in words)), None)


# A receipt asked for in two words (开发票, 要开收据): a question about receipts.
RECEIPT_ASKED = re.compile(r"(?:要|需要|想|能|可以)?开(?:个|张)?(?:发票|收据|票据|捐赠票据)[吗吧]?")


def answer_to_question(text: str) -> str | None:
    """The answer when the text asks about a known topic; None for anything else (an
    answer to the question being asked, most likely)."""
    if QUESTION.search(text) is None and not RECEIPT_ASKED.fullmatch(text.strip()):
        return None
    topic = _answered_topic(text)
    return msg.FAQ[topic] if topic is not None else None


# Topics about the platform whatever the model reads the message as (我是记者想采访一下 is no
# request; 我要退款 no new pledge; 我想问问低保的事 asks where 低保 is granted): answered
# before anything else.
ALWAYS = (
    *("press", "blood_organ", "who_answers", "binding", "partnership", "certificate", "dibao"),
    "adoption",
    *("trust", "visit"),
    *("refund", "address", "how_to_use", "delete_photos", "photos", "voice", "unsubscribe"),
    *("items_needed", "what_is_pledge", "no_id", "found_us", "hours", "public_works"),
    *("fix_record", "improved", "social_worker", "track_record", "volunteer"),
    *("dibao_paid", "work_for_us", "phone_us"),
)


# ...except someone lost with the chat who asks for help all the same (我眼睛花了看不清字想问问
# 能不能帮帮我), and someone asking for their own household whether they may (俺们是贫困户能申请
# 吗): the request is the way on.
UNLESS_ASKING = ("how_to_use",)
# ...and whether we find work only for someone looking for it, not an employer offering it.
UNLESS_GIVING = ("find_job",)
# Questions about what we do that name a need and are questions all the same, in a flow.
ABOUT_A_NEED = ("designate", "find_job")
UNLESS_ASKING_FOR_ONESELF = ("eligibility", "designate", "change_pledge")
# ...and how someone came to us, a mistake, better days or our hours are only that when the text
# tells nothing else (朋友介绍说你们能帮忙 我家孩子生病了 tells a hardship: the request is the way
# on; 节假日可以去做志愿 offers time).
UNLESS_TOLD = ("found_us", "fix_record", "improved", "hours")
# ...and being a volunteer only when asked how (我想当志愿者 怎么报名), not offered (我想当志愿者
# 周末陪老人聊天: the pledge of a service) nor told beside a request.
ONLY_WHEN_ASKED = ("volunteer",)
# Asking whether one may ask, and nothing more (我有个问题想问问, 想咨询一下).
ASKS_TO_ASK = re.compile(
    r"(?:你好|您好|在吗|喂)?(?:请问)?(?:我|俺)?(?:有|想|要)?(?:个|一个|几个)?(?:问题|事|事情)?"
    r"(?:想|要)?(?:问问?|咨询|请教|打听)(?:一下|下)?(?:个|一个|几个)?(?:问题|事|事情)?"
    r"(?:可以吗|行吗|方便吗)?[吗啊呀哈]?"
)
# Questions that are the whole message: asking to ask, or how the chat is used (怎么用, 我不懂).
WHOLE_QUESTIONS = (
    ("asks_to_ask", ASKS_TO_ASK),
    (
        "how_to_use",
        re.compile(
            r"(?:(?:这个|这|你)?(?:要)?(?:怎么|咋|如何|怎样)(?:用|使用|操作)"
            r"|(?:我|俺)?(?:不懂|看不懂|搞不懂|弄不懂|不明白|不会弄|不会用))[啊呀哦哎呢]?"
        ),
    ),
)


def _answered_topic(text: str) -> str | None:
    """The topic a text is answered on: none for one that asks for help all the same (its
    words are read for a side only when the topic is one of those)."""
    topic = topic_of(text)
    if topic in UNLESS_ASKING and side_said(text) is not None:
        return None
    if topic in UNLESS_ASKING_FOR_ONESELF and side_cue(text) == (HELP, Strength.SETTLED):
        return None
    if topic in UNLESS_TOLD and (side_cue(text) is not None or need_types(text)):
        return None
    if topic in UNLESS_GIVING and OFFER.search(text) is not None:  # 我们厂招工 能帮忙介绍…吗
        return None
    if topic in ONLY_WHEN_ASKED and (QUESTION.search(text) is None or WAS_VOLUNTEER.search(text)):
        return None  # 我以前是志愿者 现在家里出事了 能求助吗 asks for help
    return topic


def _whole_question(text: str) -> str | None:
    plain = bare(text)
    return next((topic for topic, said in WHOLE_QUESTIONS if said.fullmatch(plain)), None)


# Without the model's reading (Rasa down or too slow), a question is told by its words alone.
ASKED = re.compile(r"[？?]|吗|怎么|咋|如何|谁|哪|什么|啥")


def answer_without_model(text: str) -> str | None:
    """The answer to a question on a known topic, when the model could not read the text
    (钱怎么给你们 while Rasa is down): a topic's words and a question's."""
    if ASKED.search(text) is None:
        return None
    topic = _answered_topic(text)
    return msg.FAQ[topic] if topic is not None else None


def answer_whatever_read(text: str) -> str | None:
    if (whole := _whole_question(text)) is not None:
        return msg.FAQ[whole]
    topic = _answered_topic(text)
    return msg.FAQ[topic] if topic in ALWAYS else None


# Topics answered even when the question is about something else than the platform.
OFF_TOPIC = (
    *("wages", "missing_person", "hours", "social_insurance", "loan", "fraud", "debt"),
    "benefits",
)


def answer_off_topic(text: str) -> str | None:
    """Where to go with what the platform does not do (被拖欠工资), or when it answers."""
    topic = topic_of(text)
    return msg.FAQ[topic] if topic in OFF_TOPIC else None


def answer(text: str) -> str:
    """The answer for the first topic the question mentions; what the platform is otherwise."""
    topic = topic_of(text)
    return msg.FAQ[topic if topic is not None else "about"]
