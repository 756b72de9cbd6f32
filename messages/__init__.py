"""Every sentence the bot says, in one place. Short, warm, plain Simplified Chinese."""

from __future__ import annotations

from vocabulary import NEED_LABELS, NEED_ORDER

SERVICE_NAME = "助联"

# The top menu, defined once: (key, the intent it stands for, label). Flows declare the key
# that starts them (`Triggers.menu`); the engine handles the others.
MENU_ITEMS = (
    ("help", "seek_help", "我要求助（家里有困难）"),
    ("pledge", "offer_donation", "我要捐助（捐钱、物资或服务）"),
    ("status", "check_status", "查进度"),
    ("human", "request_human", "找社工（人工）"),
)
# The Official Account's custom menu (`flask wechat menu`): click keys are the menu items'
# keys; the photo and location buttons send a photo or a location message.
WECHAT_MENU = {
    "button": [
        {"type": "click", "name": "我要求助", "key": "help"},
        {"type": "click", "name": "我要捐助", "key": "pledge"},
        {
            "name": "更多",
            "sub_button": [
                {"type": "click", "name": "我的进度", "key": "status"},
                {"type": "click", "name": "联系社工", "key": "human"},
                {"type": "pic_photo_or_album", "name": "发照片", "key": "photo"},
                {"type": "location_select", "name": "发位置", "key": "location"},
            ],
        },
    ]
}
MENU = "请回复数字选择：\n" + "\n".join(
    f"{number} {label}" for number, (_, _, label) in enumerate(MENU_ITEMS, start=1)
)

WELCOME = (
    f"您好，欢迎关注{SERVICE_NAME}！\n"
    "这里帮困难家庭申请帮扶，也帮爱心人士把捐助送到最需要的人手里。"
    "社工会核实每一份求助，捐助去向全程可查。\n\n"
    "直接说您的情况就行，比如“孩子上学交不起学费”或“我想捐两千元”。\n" + MENU
)

GREETING = "您好！我是助联小助手。\n" + MENU
THANKS = "不客气，有需要随时找我。"
GOODBYE = "再见！有需要随时回来找我。"
KEPT_AS_IS = "好的，不取消，都照常保留。有需要随时找我。"
ACKNOWLEDGED = "好的。有需要随时找我，回复“菜单”可以看看我能帮您做什么。"
NOT_UNDERSTOOD = "不好意思，我没太明白您的意思。\n" + MENU
# Something the service does not do, read surely as such (高铁票怎么退, 你会唱歌吗).
OFF_TOPIC = "这个我帮不上忙，我只管求助和捐助的事。\n" + MENU
EXPORTS_IN_CONSOLE = "表格和报表在网页工作台里导出（Excel）。\n"
NOT_UNDERSTOOD_WORKER = (
    "不好意思，我没太明白。社工命令回复“帮助”查看，比如“待核实”“查看 Q000001”。\n" + MENU
)
ONLY_CHINESE = (
    "不好意思，小助手只看得懂汉字，请用汉字写，打字不方便也可以发语音。"
    "Sorry, this service only understands Chinese; reply 4 to reach a social worker.\n" + MENU
)
SAD_FACES = "别着急，我们在。家里遇到什么难处，可以慢慢打字告诉我。\n" + MENU
UNSUPPORTED_MESSAGE = "暂时只能看懂文字消息哦，请用文字告诉我您的情况。\n" + MENU
TOO_FAST = "您发得有点快，请稍等一分钟再发。"
BUSY = "系统正忙，您的消息已收到，请过一两分钟再发一次。给您添麻烦了！"
# Words of despair (我不想活了): where to get help now, before anything else.
CRISIS = (
    "听到您这么说，我们很担心您。您不是一个人，先别做伤害自己的事。"
    "如果现在有危险，请马上打 110 或 120；想找人说说心里话，可以打心理援助热线 12356。\n"
)
# Danger now or just now (被车撞了对方跑了, 家暴): the numbers to call, before the reply.
EMERGENCY = "如果现在有危险或受了伤，请先打 110 报警、120 急救（着火打 119）。\n"
# Violence (家暴, 他又打我了): the police, and the women's federation's line as well.
BEATEN = "如果现在有危险或受了伤，请先打 110 报警、120 急救；遭受家暴也可以打妇联热线 12338。\n"
CRISIS_PERSON = "想和社工说说，回复“人工”，我们请社工尽快联系您。"
# A flow's state expired (or was lost) before the next message: said before its reply.
STATE_LOST = "（刚才没填完的内容已经过期，没有保存，需要的话请重新开始。）\n"
CANCELLED = "好的，已取消，填过的内容都没有保存。需要时随时回来找我。\n" + MENU
NOTHING_UNDER_WAY = "现在没有进行中的事情。\n"
NOTHING_TO_GO_BACK = "已经是第一步了。"
# --- a person behind 人工 ---------------------------------------------------------------

HANDOFF_REQUESTED = (
    "好的，已经请{org}的社工来帮您，一般{wait}内会有社工在这里回复您（遇到下班时间要等到第二天）。"
    "等待的时候您也可以继续和我说。"
)
HANDOFF_UNCOVERED = (
    "您所在的{region}暂时还没有合作的社工机构，很抱歉。"
    "已经告诉平台的工作人员，他们会尽快在这里回复您。"
)
HANDOFF_STILL_WAITING = "已经在为您请社工了，请稍等，社工接手后会在这里直接回复您。"
ASK_COVERAGE_REGION = "我帮您查一下。请问是哪个县（区）？比如“甘肃定西通渭县”。"
COVERED = (
    "{region}有合作的社工机构：{org}。在这里求助，由他们的社工核实、跟进；"
    "想直接找社工，回复“人工”。"
)
NOT_COVERED_YET = (
    "{region}暂时还没有合作的社工机构，很抱歉。求助照样可以登记，"
    "当地有社工机构加入后会马上转给他们跟进。家里有困难回复“1”。"
)
ASK_HANDOFF_REGION = "好的，马上为您找社工。请问您在哪个县（区）？我们请当地的社工联系您。"
HANDOFF_FOR_WORKER = (
    "有人请社工帮忙 {number}（{region}）{case}\n最近的消息：\n{recent}\n"
    "回复“接手 {number}”接手，之后用“回复 {number} 内容”和对方说话。"
)
HANDOFF_CASE_LINE = "，有求助 {case}（{status}）"
HANDOFF_TAKEN = (
    "{who}已经接手，接下来您在这里说的话会直接转给社工，社工的回复也会发到这里。"
    "说完了回复“结束对话”。"
)
HANDOFF_TAKEN_OK = (
    "已接手 {number}。用“回复 {number} 内容”和对方说话，说完了回复“结束对话 {number}”。"
)
HANDOFF_NOT_WAITING = "{number} 已经由别人接手或已经结束了。"
SAID_WHILE_WAITING = "\n对方等待时说：{lines}"
HANDOFF_WAITING_KEPT = "社工还没接手，接手后会在这里直接回复您；您现在说的话，社工接手时都能看到。"
HANDOFF_ALREADY_YOURS = "{number} 已经是您在接手了，用“回复 {number} 内容”说话。"
HANDOFF_NOT_YOURS = "{number} 不是您正在接手的对话。先回复“接手 {number}”。"
NO_SUCH_HANDOFF = "没有找到 {number}，或者它不在您负责的地区。"
NEED_HANDOFF_TEXT = "请写上要说的话，比如“回复 {number} 您好，我是负责您这边的社工”。"
WORKER_MESSAGE = "社工：{text}\n（直接回复就能和社工说话；回复“结束对话”结束）"
WORKER_SENT_OK = "已发给 {number} 的对方。"
WORKER_HELD = (
    "对方已经超过 48 小时没发消息，微信只允许发一条通知：已通知对方回复，"
    "对方一回复就会看到您的留言。"
)
HANDOFF_INVITE = "社工给您留言了，回复任意文字就能看到。"
HELD_MESSAGES = "社工给您的留言：\n{texts}"
HOUSEHOLD_MESSAGE = "{number} 对方说：{text}\n（回复“回复 {number} 内容”答复）"
FORWARDED_TO_WORKER = "已转给社工。"
HANDOFF_ENDED = "好的，和社工的对话已结束。有需要随时回复“人工”。\n" + MENU
HANDOFF_ENDED_OK = "已结束 {number} 的对话，已告诉对方。"
HANDOFF_ENDED_BY_HOUSEHOLD = "{number} 的对方结束了对话。"
HANDOFF_ENDED_BY_WORKER = "社工结束了这次对话。有需要随时回复“人工”再找社工。"
HANDOFF_ESCALATED = (
    "{number} 请社工帮忙已经超过 {minutes} 分钟，还没有社工接手，请安排人手。"
    "回复“接手 {number}”接手。"
)
HANDOFF_LATE_HOUSEHOLD = (
    "社工们现在都在忙，还没能接手您的请求，已经请机构负责人安排。"
    "今天来不及的话，下一个工作日一定会有人回复您，谢谢您耐心等待。"
)
OPERATORS = "平台工作人员"
ORG_WORKER = "{org}的社工"
OFFER_PERSON = "\n如果不好填，回复“人工”请社工帮您。"

# --- help intake ---------------------------------------------------------------------

CONSENT = (
    "求助需要登记您家的基本情况（姓名、身份证号、电话等）。这些信息会加密保存，"
    "只给负责核实的社工查看，不会公开，也不会告诉捐助人。您可以随时回复“删除我的信息”。\n"
    "同意请回复“同意”，不同意请回复“不同意”。"
)
CONSENT_DECLINED = (
    "明白，没有您的同意我们不会登记个人信息，这次求助就先不办了。\n"
    "改主意了随时回复“同意”；有疑问可以回复“人工”找社工聊聊。"
)
CONSENT_REPROMPT = "请回复“同意”或“不同意”。"
# A menu digit at the consent question, and anything else asked again: why the word is needed.
CONSENT_DIGIT = "这一步不用数字：请回复“同意”两个字，我们就接着帮您登记；不愿意就回复“不同意”。"
CONSENT_STILL = (
    "还差一步：要先回复“同意”两个字，我们才能登记您家的情况、帮您申请。不愿意就回复“不同意”。"
)
CONSENT_EXPLAINED = (
    "“同意”是说：您愿意让我们登记您家的情况（姓名、身份证号、电话等），加密保存，"
    "只给负责核实的社工看，用来帮您找到合适的帮助；不会公开，也不会告诉捐助人，"
    "您随时可以回复“删除我的信息”。\n愿意就回复“同意”，不愿意回复“不同意”。"
)
# The other side said at a help request's or a pledge's first question: that one instead.
OTHER_SIDE = "好的，明白了。"

NEED_MENU = "\n".join(f"{i} {NEED_LABELS[code]}" for i, code in enumerate(NEED_ORDER, start=1))
ASK_NEED = "您需要哪方面的帮助？直接说或回复数字：\n" + NEED_MENU
ONE_NEED_FIRST = "先选最急的一项，回复一个数字就行；别的困难，下一步说情况时一起写上。"
# Two types fit the first message: the likelier is offered for a yes.
CONFIRM_NEED = (
    "听起来主要是「{label}」方面的困难，对吗？对就回复“是”，不是请回复数字：\n" + NEED_MENU
)
BAD_NEED = "没看出是哪一类，请回复数字 1-8，比如看病就回复“1”。\n" + NEED_MENU
ASK_DESCRIPTION = (
    "请简单说说家里的情况和遇到的困难（一两句话就行）。"
    "有照片或证明（医院发票、低保证、房子的照片）也可以随时发过来，没有也没关系。"
)
BAD_DESCRIPTION = "再多说几个字吧，比如“孩子考上高中，学费还差三千元”。"
PLACE_NOT_STORY = (
    "住在哪里后面会问到。这里请说说家里遇到了什么难处，比如“孩子考上高中，学费还差三千元”。"
)
DESCRIPTION_HOW = (
    "像跟社工聊天一样说就行：家里遇到了什么难处，现在最缺什么。"
    "比如“老伴瘫在床上，我一个人种地，看病的钱不够”。"
)
ASK_AMOUNT = "大概需要多少钱？比如“5000”或“两万”。不需要钱回复“不需要”，说不准就回复“不清楚”。"
BAD_AMOUNT = (
    "没看懂金额，请写数字，比如“3000”或“三千元”。不需要钱回复“不需要”，说不准回复“不清楚”。"
)
# A sum in another currency (一千澳币): amounts are kept in yuan.
AMOUNT_IN_YUAN = "金额请按人民币写，比如“5000”；外币请按当天的汇率折成人民币，写个整数就行。"
# A lone menu digit (“1”) at the amount question: a habit from the menus, not 1 yuan.
AMOUNT_MENU_DIGIT = (
    "您是说 {digit} 元吗？金额请写完整，比如“3000”或“三千元”；真是 {digit} 元就回复“{digit}元”。"
)
AMOUNT_UNKNOWN_FLAG = "家庭说不清需要多少钱，请核实时确定，用“金额 编号 数字”记下"
ASK_REGION = "您家在哪个县（区）？比如“甘肃定西通渭县”。"
BAD_REGION = "没找到这个地方，请写上省、市和县，比如“云南昭通镇雄县”。"
# Asked back at a question: how much to write, which place, who counts, the hukou's number.
AMOUNT_HOW = "写大概还差多少钱就行，不用很准，社工核实时会再和您确认。说不准就回复“不清楚”。"
COUNTY_UNKNOWN = (
    "不知道县名也没关系：身份证上的住址，开头就写着省、市、县（区）；实在说不清，"
    "回复“人工”，请社工帮您。\n"
)
REGION_HOW = "写家所在的县（户口或常住的地方），社工要去那里核实，比如“甘肃定西通渭县”。"
ASK_HOUSEHOLD_SIZE = "家里一共几口人？比如“5”或“五口人”。"
WHO_COUNTS = "算。一起过日子的家里人都算上，在外打工、上学的也算。一共几口人？比如“5”。"
GENERATIONS_HOW_MANY = "几代人住在一起呀，那一共几口人呢？比如“七口人”。"
BAD_HOUSEHOLD_SIZE = "请写家里的人数，比如“4”或“四口人”（1 到 30 之间）。"
ASK_NAME = "请问求助人（户主）的真实姓名？"
FULL_NAME_PLEASE = "请写户主身份证上的全名，比如“王秀英”，社工核实时会对照身份证。"
BAD_NAME = "请写真实姓名，2 到 20 个字，比如“王秀英”。"
WHOSE_NAME = "写户主（家里当家的人）的真实姓名；户主不方便，写您自己的也行，社工核实时会问清楚。"
WHICH_NAME_IS_HEAD = "哪一位是户主？请回复数字：\n{options}"
NAME_WHY = (
    "姓名是社工核实身份用的，加密保存，只有负责核实的社工能看到。"
    "请写户主的真实姓名；不想填可以回复“取消”。"
)
ASK_ID_NUMBER = "请输入求助人的 18 位身份证号。"
ID_FROM_HUKOU = "可以。户口本上户主那一页的身份证号，和身份证上的一样，照着写就行。"
ASK_PHONE = "请留一个能联系到您的手机号，社工核实时会打给您。"
ID_REPROMPTS = {
    "id_format": "身份证号应该是 18 位，最后一位可能是 X，比如 11010519491231002X。请再输一次。",
    "id_checksum": "这个身份证号好像有一位输错了（校验不对），请对着身份证再输一次。",
    "id_birth_date": "身份证号里的出生日期不对，请核对后再输一次。",
    "id_region": "身份证号前 6 位的地区代码不存在，请核对后再输一次。",
}
NO_HUKOU = (
    "没有户口、没有身份证也可以求助：回复“人工”，当地社工会和您联系，当面帮您登记，"
    "也能帮您问问补办户口的事。"
)
ID_WHERE_TO_FIND = (
    "身份证号在身份证正面，户口本上也有，残疾人证号的前 18 位也是，可以请家里人帮忙看一下。"
    "实在找不到，回复“人工”，请社工帮您。"
)
NO_PHONE_OF_ONES_OWN = (
    "没有手机也没关系，可以留家里人、邻居或村干部的手机号，社工会打这个号码联系您。"
)
PHONE_REPROMPTS = {
    "phone_format": "手机号应该是 11 位、以 1 开头，比如 13812345678。请再输一次。",
    "phone_unassigned": "这个号码好像不是手机号，请留一个手机号，比如 13812345678。",
    "phone_landline": (
        "这是座机号吧？请留一个手机号，社工在外面也能联系上您。自己没有手机，可以留家里人、邻居或村干部的手机号。"
    ),
}
# A donor (a company, a shop) is not told to ask a neighbour for a mobile.
DONOR_PHONE_REPROMPTS = {
    **PHONE_REPROMPTS,
    "phone_landline": "这是座机号吧？请留一个手机号（经办人的也行），社工在外面也能联系上您。",
}
ON_BEHALF_SUBMITTED = (
    "代办提交成功，求助编号 {number}。这户的进展会发给您，消息会标明“关于您代办的 {number}”；"
    "请电话转告户主。"
)
ON_BEHALF_PROMPTS = {
    "consent": (
        "代办求助：请先当面或电话向户主说明，信息会加密保存、只给社工查看，并征得同意。\n"
        "户主已同意请回复“同意”。"
    ),
    "need_type": "这户人家需要哪方面的帮助？直接说或回复数字：\n" + NEED_MENU,
    "description": "请简单说说这户的情况和困难（一两句话就行）。有照片或证明也可以随时发过来。",
    "amount": "这户大概需要多少钱？比如“5000”。不需要钱回复“不需要”，还说不准回复“不清楚”。",
    "region": "这户人家在哪个县（区）？比如“甘肃定西通渭县”。",
    "household_size": "这户家里一共几口人？",
    "name": "户主的真实姓名？",
    "id_number": "户主的 18 位身份证号？",
    "phone": "户主（或能转告户主的家人）的手机号？社工核实、交付时会打这个电话。",
}
HELP_SUBMITTED = (
    "提交成功！您的求助编号是 {number}。\n"
    "接下来社工会在几天内联系您核实情况，核实后我们会为您寻找合适的帮助，有进展会在这里通知您。"
    "随时回复“进度”可以查看。\n"
    "{photos}"
)
PHOTOS_INVITED = "有照片或证明（比如医院发票、低保证、房子的照片）可以直接发过来，没有也没关系。"
PHOTOS_KEPT = "您发的 {count} 张照片已经放进这次求助了，还有别的证明也可以接着发。"

# --- pledge intake -------------------------------------------------------------------

ASK_KIND = (
    "感谢您的爱心！您想捐什么？\n1 钱款\n2 物资（衣被、粮油、书本等）\n3 服务（义诊、岗位、培训等）"
)
BAD_KIND = "请回复 1、2 或 3：1 钱款，2 物资，3 服务。"
ASK_PLEDGE_NEED = "想帮助哪方面？回复数字，或回复“不限”：\n" + NEED_MENU
ASK_PLEDGE_AMOUNT = "打算捐多少钱？比如“2000”或“两万”。"
BAD_PLEDGE_AMOUNT = "没看懂金额，请写数字，比如“2000”或“两万元”。"
ASK_ITEM = "请说说捐什么、大概多少，比如“棉被 20 床”。"
ASK_SERVICE = "请说说能提供什么服务，比如“每月一次免费义诊”或“3 个电工岗位”。"
ITEMS_OFTEN_NEEDED = (
    "常缺的有：冬天的棉衣棉被、米面油、孩子的书包文具和课外书、老人的轮椅和常用药；"
    "服务有义诊、辅导功课、工作岗位和种养技术。您能给什么都可以说说，比如“棉被 20 床”。"
)
BAD_ITEM = "请多写几个字说明，比如“棉被 20 床”或“每周两次数学辅导”。"
ASK_REGION_PREF = "想帮助哪里的家庭？写省、市或县，比如“甘肃”或“凉山”；不限就回复“不限”。"
ITEM_DETAIL_NOTED = "好的，这个也记下了。\n"
BAD_REGION_PREF = "没找到这个地方，请写省、市或县的名字，比如“甘肃定西”；不限就回复“不限”。"
ASK_DISPLAY_NAME = "反馈时怎么称呼您？写一个称呼，或回复“匿名”。"
# A donor asking back at the name or the phone question (写真名吗, 留电话干嘛).
DONOR_NAME_HOW = "不用真名，写个称呼就行，比如“王女士”“爱心人士”；不想留就回复“匿名”。"
DONOR_PHONE_WHY = (
    "配对后，社工要打电话和您核对转账，或约好送东西、上门服务的时间。号码加密保存，"
    "只给负责的社工看。捐钱的不想留，可以回复“不留”。"
)
ASK_CONTACT_MONEY = (
    "方便留个手机号吗？配对后社工可能打电话和您核对转账（号码加密保存，只给负责的社工看）。"
    "不想留就回复“不留”，我们在公众号里联系您。"
)
ASK_CONTACT_IN_KIND = (
    "请留一个手机号，配对后社工要打电话和您约送货或服务的时间（号码加密保存，只给负责的社工看）。"
)
PHONE_OR_NONE = (
    "手机号是 11 位、以 1 开头，比如 13812345678。不想留就回复“不留”，我们在公众号里联系您。"
)
CONTACT_REQUIRED = (
    "物资和服务需要社工和您约定怎么交付，所以要留一个手机号，比如 13812345678。"
    "号码加密保存，只给负责的社工看。"
)
CONTACT_REQUIRED_NO_PHONE = (
    "没有自己的手机也行，留一个家人或朋友的手机号，社工约送货时间时打这个号码。"
)
BAD_DISPLAY_NAME = "称呼请控制在 20 个字以内，或回复“匿名”。"
DISPLAY_NAME_WHAT = (
    "称呼就是我们给您发消息、告诉您捐助去向时怎么叫您，比如“王先生”“小李”；不想写就回复“匿名”。"
)
NOT_A_DISPLAY_NAME = "这里请写一个称呼，比如“王女士”“爱心人士”，或回复“匿名”。"
THANKS_ON = (
    "好的，认捐 {number} 会以“{name}”出现在感谢名单上"
    "（配上需要帮助的家庭或项目以后显示，只写称呼、捐了什么和月份）。"
    "想撤下，回复“不公开 {number}”。"
)
THANKS_OFF = "好的，认捐 {number} 不会出现在感谢名单上。"
THANKS_NEED_NAME = (
    "认捐 {number} 没有留称呼。请回复“公开致谢 {number} 您的称呼”，比如“公开致谢 {number} 李先生”。"
)
THANKS_LIST = "感谢这些爱心人士（本人同意公开）：\n{rows}\n完整名单：{link}"
THANKS_LIST_EMPTY = "感谢名单上还没有人。捐助时留下称呼并同意公开，就会出现在这里。"
THANKS_PAGE_TITLE = "感谢名单"
PLEDGE_SUBMITTED = (
    "登记好了，谢谢您！您的认捐编号是 {number}。\n"
    "我们会把它匹配给社工核实过的家庭，配对后会告诉您帮助了什么样的家庭、怎么交付。"
    "回复“进度”随时查看；改主意了回复“取消认捐 {number}”。"
    "想出现在感谢名单上，回复“公开致谢 {number}”（默认不公开）。"
)
# Money named beside goods or a service in one message: one pledge is one kind.
ALSO_MONEY_NOTE = (
    "\n您还说到 {amount} 元钱款，谢谢您！一笔认捐只登记一种，钱款请再发“我要捐款”另登记一笔。"
)
RECURRING_NOTE = (
    "\n您说想长期捐，谢谢您！这次登记的是一次的 {amount} 元；"
    "下次想再捐，发“我要捐助”再登记一笔就行。"
)

# --- shared steps --------------------------------------------------------------------

CHOOSE_REGION = "有几个地方叫这个名字，请回复数字选一个：\n{options}"
CHOOSE_COUNTY_IN = "{place}下面有这些县（区），您家在哪一个？请回复数字：\n{options}"
CHOOSE_COUNTY = "请问是{place}哪个县（区）？比如：{examples}。"
CHOOSE_CITY = "请问是{place}哪个市、县？比如：{examples}。"
CHOOSE_ONE_PLACE = (
    "一份认捐先定一个地方，请回复数字选一个（别的地方可以再认捐一份）；都可以就回复“不限”。\n"
    "{options}"
)
CONFIRM_FOOTER = "\n信息对吗？对就回复“确认”提交；要改回复“修改”。"
EDIT_MENU = "想改哪一项？回复数字：\n{options}"
BAD_EDIT_CHOICE = "请回复要修改的那一项前面的数字。\n{options}"
CORRECTED = "好的，改过来了。\n"
NOTED_AHEAD = "好的，{label}记下了：{value}。\n"
RESTATED = "好的，{label}改成了：{value}。\n"
ALREADY_NOTED = "{label}已经记下了：{value}。\n"
PROPOSAL_TAKEN = "{label}就先按「{value}」记，最后核对时还能改。\n"
# A greeting or thanks said in the middle of a flow, before its question again (a plain
# 好的 gets the question's own re-prompt: at some questions it is no clear enough yes).
SMALL_TALK_IN_FLOW = {
    "greet": "您好，我在。我们接着填：\n",
    "thank": "不客气！我们接着填：\n",
}
# Not calling off after all (不取消了), in the middle of a flow: its question again.
NOT_CALLED_OFF = "好的，不取消，我们接着填：\n"
STORY_NOTED = "您说的情况我先记下了，后面不用再说一遍。\n"
STORY_ADDED = "好的，这些情况也记下了。\n"
REMARK_NOTED = "记下了，会转告社工：“{said}”。\n"
CONTACT_NOTE_FOR_WORKER = "\n联系须知：{note}"
CONFIRM_REPROMPT = "请回复“确认”提交，或回复“修改”改某一项、“取消”放弃。"

# --- status --------------------------------------------------------------------------

NO_RECORDS = (
    "这个微信号还没有求助或认捐记录。如果是用别的微信号登记的，或是社工帮您办的，"
    "回复“人工”请社工帮您查。\n" + MENU
)
# Asked in the middle of a request or a pledge, by someone with no record yet.
NO_RECORDS_BEFORE = (
    "这个微信号之前还没有提交过求助或认捐；正在填的这份提交后，回复“进度”就能查。"
    "如果是用别的微信号登记的，回复“人工”请社工帮您查。"
)
CASE_STATUS = {
    "submitted": "已提交，等待社工核实",
    "verified": "已核实，正在为您寻找帮助",
    "rejected": "未通过核实",
    "partly_matched": "已找到部分帮助",
    "matched": "已找到帮助，准备交付",
    "delivered": "帮助已送达",
    "closed": "已完成",
    "withdrawn": "已撤回",
}
PLEDGE_STATUS = {
    "open": "等待配对",
    "partly_allocated": "部分已配对",
    "allocated": "已全部配对，等待交付",
    "fulfilled": "已全部送达",
    "cancelled": "已取消",
    "expired": "已过期",
}
DONOR_MATCH_STAGE = {
    "proposed": "已找到，等社工确认",
    "confirmed": "社工已确认，正在安排交付",
    "delivered": "已送达",
    "closed": "已送达，家庭已评价",
}
STATUS_HEADER = "您的记录："
RESTARTED = "好的，我们从头开始，刚才填的都不算了。\n"
PAUSED = "好的，不着急。填过的内容帮您留 {hours} 个小时，回来直接接着回答就行：\n"
CONTINUE_PROMPT = "\n\n继续刚才的填写：\n"

# --- understanding -------------------------------------------------------------------

ASK_WHICH_SIDE = (
    "您是想为自己或家人求助，还是想帮助别人？回复数字：\n"
    "1 为自己或家人求助\n2 帮助别人（捐钱、物资或服务）\n3 替别的困难家庭求助（邻居、村里的人家）"
)
SIDE_UNCLEAR_PERSON = "没关系，不好选的话，我请社工来帮您。\n"
FOR_ANOTHER_FAMILY = (
    "谢谢您替他们着想！求助要登记这户人家的身份证号和电话，需要他们本人同意。"
    "可以请他们关注我们，自己发“我要求助”；家里没有微信或不会用，回复“人工”，"
    "我们请当地社工上门了解，社工可以当面帮他们登记。"
)
CLARIFY = "我不太确定您的意思，您是想：\n{options}\n回复数字就行；都不是的话，请说得具体一点。"
CLARIFY_ONE = "您是想{label}吗？是就回复“{number}”；不是的话，请说得具体一点。"
TOP_MENU_LABELS = {
    intent: f"{number} {label}" for number, (_, intent, label) in enumerate(MENU_ITEMS, start=1)
}

# --- questions about the platform (ask_about) ------------------------------------------

ABOUT = (
    "助联由社工机构运营，帮困难家庭申请帮扶，也帮爱心人士把捐助送到最需要的人手里。"
    "每份求助都由社工核实。家里有困难回复“1”，想捐助回复“2”。"
)
FAQ = {
    "running_costs": (
        "谢谢您想着我们！这里登记的捐助都配给社工核实过的困难家庭，不用于机构运营。"
        "想支持社工机构本身，回复“人工”，请当地社工机构和您联系。"
    ),
    "process": (
        "求助：回复“1”，说说家里的情况，留下身份证号和手机号，社工几天内联系您核实。"
        "捐助（个人、企业都一样）：回复“2”，说说捐什么、多少，配对到核实过的家庭后，"
        "社工联系您交付；钱只进社工机构的监管账户，票据由机构开具。"
    ),
    "blood_organ": (
        "谢谢您的爱心！献血、捐骨髓（造血干细胞）和捐献器官不在助联办理："
        "献血请到当地的血站或献血屋；骨髓和器官捐献请联系当地的红十字会。"
        "想捐钱、物资或服务，回复“2”。"
    ),
    "unsubscribe": (
        "不想再收到消息，在公众号页面点右上角“…”，选“不再关注”就行。"
        "想把登记的信息也删掉，回复“删除我的信息”。"
    ),
    "phone_us": (
        "我们没有统一的热线电话，有事在这里说就行。想和社工通电话，回复“人工”，"
        "当地社工会打电话给您。"
    ),
    "photos": (
        "照片和证明直接在这里发就行：点输入框旁边的“+”，选“照片”或“拍摄”；"
        "也可以点下方菜单“更多”里的“发照片”。照片会放进您的求助里，只给负责的社工看。"
    ),
    "voice": (
        "可以发语音，社工能听到。不过我只看得懂文字：发完语音后长按它，选“转文字”，"
        "把文字发给我就行。打字不方便，也可以回复“人工”，请社工打电话给您。"
    ),
    "why_id": (
        "身份证号和手机号是社工核实身份、联系您用的，也能防止有人冒用您的名义重复申请。"
        "它们加密保存，只有负责核实的社工能看到，捐助人看不到。"
        "实在不方便在这里填，回复“人工”，社工联系您当面登记。"
    ),
    "real_name": (
        "要写户主身份证上的真实姓名，社工核实时会对照身份证。姓名加密保存，捐助人看不到。"
    ),
    "eligibility": (
        "家里遇到了难处都可以求助：不是贫困户、没有低保、在外地打工、还在上学都行，"
        "在这里说清楚情况，社工核实时会看家里的实际情况。回复“1”开始求助。"
    ),
    "delivery": (
        "物资不用先寄出。配对到社工核实过的家庭后，社工会打电话和您约定送过去、寄过去还是上门来取，"
        "运费怎么出也到时商量。"
    ),
    "press": (
        "媒体采访、调研，请回复“人工”留下单位和联系方式，平台工作人员会和您联系。"
        "为了保护受助家庭，我们不提供他们的姓名和联系方式。"
    ),
    "who_answers": (
        "我是助联的小助手，自动回复，白天晚上都在。求助、捐助、查进度都可以跟我说；"
        "想找真人，回复“人工”，请当地的社工联系您。"
    ),
    "partnership": (
        "欢迎！社工机构、公益组织想加入、承接项目，请回复“机构入驻”，填一份申请，"
        "平台审核后会通知您。想直接捐钱、物资或服务，回复“2”。"
    ),
    "certificate": (
        "贫困证明、困难证明由村（居）委会和乡镇（街道）开具，残疾证到县残联办，我们开不了；"
        "社工可以告诉您怎么办、要带什么。"
        "家里有困难，也可以回复“1”在这里登记求助。"
    ),
    "dibao_paid": (
        "低保金由民政部门按月发到您的社保卡（一卡通）上，哪天到账、为什么没到，"
        "请问乡镇政府（街道办）或村委会，我们这里查不到。"
        "家里眼下有困难，也可以回复“1”在这里登记求助。"
    ),
    "work_for_us": (
        "助联的工作人员由当地的社工机构招聘，想应聘可以直接联系当地社工机构。"
        "要是家里困难、想找份工作，回复“1”登记求助，选“就业与技能”，社工会帮您对接。"
    ),
    "dibao": (
        "低保、特困供养由民政部门审批，我们批不了：到户口所在的乡镇政府（街道办）申请，"
        "村（居）委会可以帮您递材料，带上身份证、户口本和家里收入、看病这些证明。"
        "家里眼下有困难，也可以回复“1”在这里登记求助，社工会帮您看看还能申请什么。"
    ),
    "adoption": (
        "领养（收养）孩子要到民政部门办理登记，可以问当地民政局或儿童福利院，我们这里办不了。"
        "想资助困难家庭的孩子上学、生活，回复“2”。"
    ),
    "trust": (
        "放心，我们不是骗子：助联是社工机构运营的公益服务，求助、捐助都不收任何费用，"
        "凡是让您先交钱、转账到个人账户的，都不是我们。拿不准的话，回复“人工”，请当地社工和您联系。"
    ),
    "payment": (
        "钱先不用给：认捐配对到社工核实过的家庭后，社工会告诉您转到当地社工机构的监管账户"
        "（只进机构的账户，从不转给个人）。回复“进度”可以看配对了没有。"
    ),
    "how_to_use": (
        "别着急，不用会操作：直接打字，或按住说话转成文字发过来，告诉我家里遇到的难处就行；"
        "想捐助，就说想捐什么。实在不方便，回复“人工”，请当地社工联系您。"
        "字太小的话，可以在微信“我—设置—通用—字体大小”里调大。"
    ),
    "delete_photos": (
        "您发的照片加密保存，只有负责核实的社工能看到，不会给捐助人。想删掉某张照片，"
        "回复“人工”请社工帮您删；想把所有信息连同照片一起删除，回复“删除我的信息”。"
    ),
    "refund": (
        "平台不代收钱款：认捐配对后，社工会告诉您转到当地社工机构的监管账户。还没转账的认捐，"
        "回复“取消认捐”加编号就能取消；已经转过去的，请回复“人工”找社工机构商量。"
    ),
    "address": (
        "助联在微信里办事，不用跑腿：求助、捐助在这里说就行。"
        "需要当面谈，回复“人工”，当地的社工可以和您约时间见面或上门。"
    ),
    "anonymous": (
        "捐助可以匿名：问到称呼时回复“匿名”，感谢名单和给您的消息里都不会出现名字；"
        "手机号只给负责的社工约时间用。求助要用真实姓名给社工核实，但同样不公开，捐助人也看不到。"
    ),
    "privacy": (
        "您的姓名、身份证号、电话都加密保存，只有负责核实的社工能看到，捐助人看不到您是谁。"
        "您随时可以回复“删除我的信息”。"
    ),
    "benefits": (
        "政府的补贴（残疾人补贴、高龄补贴、医保报销、大病救助、雨露计划这些）由政府部门审批，"
        "我们发不了：一般到户口所在的乡镇政府（街道办）或村委会问，残疾人的补贴找县残联，"
        "医保报销找县医保局。不知道能领哪些，回复“人工”，社工可以帮您问问；"
        "家里眼下有困难，也可以回复“1”在这里登记求助。"
    ),
    "visit": (
        "想去看看受助家庭，或给孩子写封信，请回复“人工”和社工商量：社工问过家庭、家庭愿意的话，"
        "由社工安排探访或转交信件。为了保护家庭，不会直接给您地址和电话。"
    ),
    "beneficiary": (
        "为了保护受助家庭，我们不公开他们的姓名和联系方式。配对后会告诉您帮助了什么样的家庭"
        "（地区、困难类别、社工怎么核实的），交付后告诉您用在了哪里。回复“进度”可以查看。"
    ),
    "binding": (
        "社工绑定：请机构的管理员在工作台为您生成一次性的邀请码，"
        "然后在这里发送“绑定 邀请码”，比如“绑定 K7M3Q9PX”。"
    ),
    "no_id": (
        "没有身份证也能求助：户口本上也有身份证号；身份证丢了，号码不会变，家里人或村委会可以帮您查到。"
        "实在没有，回复“人工”，社工和您当面登记。"
    ),
    "what_is_pledge": (
        "认捐就是先登记您想捐的钱、物资或服务，平台把它配对给社工核实过的家庭，配对后社工再联系您交付；"
        "钱不经过平台，直接转到当地社工机构的监管账户。想认捐回复“2”。"
    ),
    "social_worker": (
        "社工是当地社工机构的专业社会工作者：上门核实求助的家庭，帮他们找到合适的帮助，"
        "跟进捐助交到家里，事后再回访。想找社工，回复“人工”。"
    ),
    "volunteer": (
        "欢迎您！想当志愿者，回复“2”登记捐助，方式选“服务”，写上您能做的事和方便的时间"
        "（比如周末陪老人聊天、给孩子辅导功课），社工会就近和您联系。"
    ),
    "fees": "申请和捐助都不收任何费用，也没有管理费。凡是让您先交钱的，都不是我们。",
    "materials": (
        "在这里说清楚情况、留下身份证号和手机号就可以。社工核实时可能上门看看，"
        "请准备好身份证，有病历、录取通知书等材料更好。想现在开始，回复“1”。"
    ),
    "wages": (
        "被拖欠工资，可以打 12333（人社服务热线），或到当地人社局的劳动保障监察大队投诉，"
        "带上劳动合同、工资条、考勤记录或工友证明这些材料。"
        "家里因此生活有困难，可以回复“1”登记求助。"
    ),
    "social_insurance": (
        "养老保险、医保怎么交、交多少、待遇怎么领，各地不一样，请问村里的协管员或当地社保所，"
        "也可以打 12333（人社服务热线），医保打 12393。家里有困难，可以回复“1”登记求助。"
    ),
    "fraud": (
        "被骗了请尽快打 110 报警，也可以打 96110 反诈专线咨询；转账记录和聊天记录都留好。"
        "家里因此生活困难，可以回复“1”登记求助。"
    ),
    "debt": (
        "网贷、信用卡还不上：正规平台可以和平台协商分期；遇到暴力催收可以打 110 报警，"
        "或打 12378 金融消费者投诉热线。家里因此生活困难，回复“1”登记求助，社工也能帮您一起想办法。"
    ),
    "loan": (
        "我们不放贷款。想发展生产缺本钱，可以到当地农商银行或信用社问问脱贫人口小额信贷"
        "（一般 5 万元以下、免担保、政府贴息）。家里有困难需要帮扶，回复“1”登记求助。"
    ),
    "missing_person": (
        "找走失或失散的亲人，请先到派出所报案（或打 110），公安机关会帮助查找；"
        "也可以联系当地民政局的救助管理站。家里因此生活有困难，可以回复“1”登记求助。"
    ),
    "hours": (
        "小助手全天都在，随时可以留言。社工一般工作日白天处理，"
        "晚上和周末发来的消息也会记下，上班后就看。"
    ),
    "timing": (
        "一般几天内社工会联系您核实，核实后开始为您寻找帮助。"
        "有进展会在这里通知，回复“进度”随时可查。"
    ),
    "find_job": (
        "能帮着找。求助的帮助方向选“就业与技能”（找工作、学手艺都算），写上您会做什么、想做什么；"
        "社工核实后，有企业登记的岗位或免费培训就会配给您，配上了在这里通知您。"
    ),
    "change_pledge": (
        "认捐登记后，帮助方向和地区在这里改不了：还没配对的，可以回复“取消认捐”加编号取消，"
        "再回复“2”重新登记；已经配对的，请回复“人工”和社工商量。金额可以直接改，"
        "比如回复“认捐金额改成3000”。"
    ),
    "designate": (
        "为了公平，捐助由平台按需要配对给社工核实过的家庭，不能指定某一户或某个孩子；"
        "您可以选帮助方向和地区，配对后会告诉您帮到了什么样的家庭。"
        "认识的人家有困难，可以请他们在这里求助。"
    ),
    "amount_received": (
        "没有固定的数额：社工核实家里的实际需要后，按需要去配对捐助，可能是钱，也可能是物资或服务。"
        "求助时写上大概需要多少钱，说不准也没关系。"
    ),
    "paid_how": (
        "捐助的钱不经过个人：配对后由当地社工机构按用途交付，比如学费交到学校、医药费交到医院，"
        "其他的按约定给到家里。怎么交付，社工会事先和受助家庭、捐助人说清楚。"
    ),
    "matching": (
        "捐助由系统按帮助方向、地区和家庭的急需程度，配给社工核实过的家庭，再由负责的社工确认。"
        "配对后会告诉您帮助了什么样的家庭（不公开姓名和联系方式）。"
    ),
    "money_use": (
        "每一笔捐助都配对到社工核实过的家庭，交付后会告诉捐助人用在了哪里。"
        "回复“进度”可以查看您的认捐去向。"
    ),
    "coverage": (
        "助联和各地的社工机构合作，求助由当地机构的社工核实、跟进。"
        "您那里还没有合作机构的，求助也可以先登记，有机构加入后马上转给他们。"
    ),
    "nature": (
        "助联是社工机构运营的公益服务，不是政府部门，也不赚钱；各地的求助由当地合作的社工机构核实、"
        "跟进。申请和捐助都不收任何费用，凡是让您先交钱的，都不是我们。"
    ),
    "verification": (
        "每份求助都由当地社工核实：打电话或上门了解情况，核对身份证和病历、录取通知书这些材料；"
        "系统还会自动查同一身份证是否重复申请、手机号是否登记在别家。核实通过才会配对捐助。"
    ),
    "repeat": (
        "一户同一时间办一份求助，几方面的困难（比如看病和上学）都写在这一份里就行；"
        "正在办的还没结束，有新情况回复“补充”告诉社工；办完以后又遇到新的困难，可以再申请。"
    ),
    "public_works": (
        "修路、架桥、通水通电这类村里的公共建设，这里办不了，请向村委会、乡镇政府或驻村工作队反映。"
        "这里帮的是一户一户有困难的家庭：家里有难处，回复“1”。"
    ),
    "fix_record": (
        "提交以前，最后核对时回复“修改”就能改。已经提交的求助，姓名、身份证号等请回复“人工”，"
        "社工核对后帮您改；换了手机号，直接告诉我新号码；认捐的金额，回复“金额改成3000”这样就能改。"
    ),
    "improved": (
        "真为您高兴！情况好转了请告诉负责的社工，回复“人工”就行；还没配对的求助，"
        "也可以回复“撤回求助”，把帮助留给更需要的家庭。"
    ),
    "no_smartphone": (
        "老人没有智能手机也能求助：子女、亲戚或邻居可以用自己的微信帮他登记（要老人本人同意，"
        "电话留能找到老人的号码）；也可以回复“人工”，请当地社工上门帮他登记。"
    ),
    "used_goods": (
        "旧物也可以，干净、完好、能用就行，衣物请洗干净；过期的食品、药品和坏了的电器不收。"
        "拿不准的，登记时写清楚，社工会和您确认。想捐回复“2”。"
    ),
    "items_needed": ITEMS_OFTEN_NEEDED,
    "how_much": (
        "捐多少都可以，没有最低要求，几十块也是一份心意，我们会和别人的凑在一起配给需要的家庭。"
        "想捐回复“2”。"
    ),
    "receipt": (
        "捐赠票据由接收捐款的社工机构开具：配对后钱转到机构的监管账户，就可以请社工帮您开；"
        "捐物资或服务的，交付后社工可以为您开捐赠证明。"
        "能不能税前扣除，要看接收机构有没有公益性捐赠税前扣除资格，社工会告诉您。"
    ),
    "about": ABOUT,
    "found_us": "欢迎您！" + ABOUT,
    "track_record": (
        "每一户求助都由当地社工核实；每一笔捐助配给了哪户、送到没有，捐助人回复“3”就能查到。"
        "想了解机构帮过多少家庭，回复“人工”，请当地社工给您介绍。"
    ),
    "asks_to_ask": (
        "您请说，想问什么直接发给我就行。求助、捐助、查进度都可以问；想找真人，回复“人工”。"
    ),
}

# --- social workers --------------------------------------------------------------------

BIND_ERRORS = {
    "invalid": "这个邀请码不对，请核对后再发一次，格式是“绑定 邀请码”。",
    "used": "这个邀请码已经用过了，每个邀请码只能用一次，请向机构要一个新的。",
    "expired": "这个邀请码已经过期了，请向机构要一个新的。",
}
WORKER_COVERS = "您是{org}的社工，负责：{regions}。"
UNBOUND = "已解绑，您不再接收求助通知。需要时请向机构要新的邀请码。"
HANDED_OVER_FOR_WORKER = {
    "donor": (
        "捐助人说配对 {match}（求助 {case}）已经转账或寄出。"
        "请核对，交到家庭手里后回复“送达 {match} 备注”。"
    ),
    "household": (
        "求助 {case} 的家庭说配对 {match} 的帮助已经收到。请核对后回复“送达 {match} 备注”。"
    ),
}
HANDED_OVER_NOTED_DONOR = "收到，谢谢您！已经告诉负责的社工，核对后交到家庭手里，会在这里告诉您。"
HANDED_OVER_NOTED_HOUSEHOLD = "太好了！已经告诉社工，社工核对后会记下来。"
# A case action said in a sentence: the command it stands for, to send as it is.
WORKER_COMMAND_FORMAT = "要{action}的话，请按这个格式发（可以直接复制后改）：\n{command}"
# How an action reads after 要 (要改金额的话), where its command word does not
ACTION_SAID = {"金额": "改金额", "致贫": "改致贫原因", "补充": "请家庭补充", "记录": "记下回答"}
WORKER_HELP = (
    "社工命令：\n"
    "待核实 — 我负责地区等待核实的求助\n"
    "查看 Q000001 — 求助详情（身份证打码；加“全部”看完整信息，会留痕）\n"
    "核实 Q000001 备注 — 备注里写“上门”或“电话”，捐助人会知道怎么核实的\n"
    "驳回 Q000001 原因\n"
    "补充 Q000001 问题 — 问家庭；代办的户用“记录 Q000001 回答”记下电话里问到的\n"
    "金额 Q000001 3000 — 记下核实后的金额\n"
    "致贫 Q000001 因残 — 改致贫原因\n"
    "回访 Q000001 — 为已核实的家庭安排回访｜跟进 Q000001 — 回访发现风险时开跟进求助\n"
    "确认 M000001｜拒绝 M000001 原因｜送达 M000001 备注 — 配对建议\n"
    "查看 M000001｜查看 J000001 — 配对、认捐和捐助人联系方式\n"
    "接手 H000001｜回复 H000001 内容｜结束对话 H000001 — 有人请社工时\n"
    "代办 — 替没有微信的家庭登记求助\n"
    "登录 — 收一个工作台链接，在手机或电脑上处理待办\n"
    "统计｜解绑\n"
    "（捐助人取消未配对的认捐：让对方回复“取消认捐 J000001”）"
)
BOUND = "绑定成功！您现在是{org}的社工，负责：{regions}。\n回复“帮助”看社工命令。"
WAITING_WHEN_BOUND = "\n您负责的地区已经有 {count} 件求助在等待核实，回复“待核实”查看。"
NO_SUCH_CASE = "没有找到求助 {number}，或者它不在您负责的地区。"
NO_PENDING = "您负责的地区现在没有等待核实的求助。"
PENDING_HEADER = "等待核实（最早的在前）："
NEED_REASON = "请写上原因，比如“驳回 {number} 家庭收入超过标准”。"
NEED_QUESTION = "请写上要问的问题，比如“补充 {number} 请拍一下住院发票”。"
WRONG_STATUS = "求助 {number} 现在是“{status}”，不能{action}。"
VERIFIED_OK = "已核实 {number}，接下来会为这户寻找帮助。"
REJECTED_OK = "已驳回 {number}，已用温和的话告诉家庭原因。"
CAUSE_SET = "已把 {number} 的致贫原因记为“{cause}”。"
BAD_CAUSE = "请写其中一个致贫原因，比如“致贫 {number} 因残”：{causes}"
QUESTION_SENT = "问题已发给 {number} 的家庭，回答会转给您。"
QUESTION_WAITS = "{number} 的家庭正在填别的内容，填完后会马上问他们，回答会转给您。"
NEW_CASE_FOR_WORKER = (
    "新求助 {number}：{need}{amount}，{region}，{size} 口人。{flags}\n"
    "回复“查看 {number}”看详情，“核实 {number}”通过。"
)
REMINDER_FOR_WORKER = (
    "提醒：求助 {number}（{region}）已等待核实 {days} 天。回复“查看 {number}”处理。"
)
CASE_VERIFIED = (
    "好消息：您的求助 {number} 已经社工核实通过。我们正在为您寻找合适的帮助，有进展会马上告诉您。"
)
CASE_REJECTED = (
    "您好，您的求助 {number} 这次没有通过核实。社工的说明：{reason}\n"
    "如果情况有变化或有疑问，回复“人工”，社工会跟您聊聊。"
)
ABOUT_PROXY_CASE = "关于您代办的 {number}（户主 {name}）：{text}"
PROXY_VERIFIED = "已核实通过，正在为这户寻找帮助。"
PROXY_REJECTED = "没有通过核实。说明：{reason}\n请转告户主。"
PROXY_MATCHED = "找到了帮助（{what}），请转告户主，交付时社工会联系。"
PROXY_QUESTION_TASK = (
    "{number} 是代办的，户主没有微信，问题已记下：请打电话问户主（{phone}），"
    "问到后回复“记录 {number} 户主的回答”。"
)
NO_OPEN_QUESTION = "{number} 没有等待回答的问题。先用“补充 {number} 问题”记下要问的。"
ANSWER_RECORDED = "已记下 {number} 的回答。"
AMOUNT_SET = "已把 {number} 需要的金额记为 {amount} 元。"
BAD_AMOUNT_SET = "请写金额，比如“金额 {number} 3000”。金额不能少于已经配对的 {matched} 元。"
CASE_QUESTION = "社工想了解一下您的求助 {number}：\n{question}\n请直接回复您的回答。"
ANSWER_FORWARDED = "收到，已转给社工。谢谢您！"
BAD_ANSWER = "请直接回复社工的问题，比如“发票明天去医院拿”。"
ANSWER_FOR_WORKER = "{number} 的家庭回复了您的问题“{question}”：\n{answer}"
SUPPLEMENT_FOR_WORKER = "{number} 的家庭补充了情况：\n{told}\n回复“查看 {number}”看详情。"
STATS = (
    "本机构覆盖地区的求助：\n等待核实 {submitted}｜已核实 {verified}｜未通过 {rejected}｜"
    "已配对 {matched}｜已送达 {delivered}\n其中等待超过 {days} 天的有 {overdue} 件。\n"
    "金额：需要 {needed} 元，已配对 {yuan_matched} 元，已送达 {yuan_delivered} 元；"
    "核实用时中位数 {to_verify} 天。"
)

# --- deleting personal data ------------------------------------------------------------

DELETE_CONFIRM = (
    "确定要删除您的个人信息吗？删除后姓名、身份证号、电话都会抹掉，"
    "还在进行中的求助会撤回，未配对的认捐会取消（匿名的统计数字会保留）。\n"
    "确定请回复“确认删除”，不删请回复“取消”。"
)
DELETED = "已删除您的个人信息。{stopped}以后需要帮助，随时可以重新申请。"
DELETED_WITHDRAWN = "进行中的求助已撤回。"
DELETED_CANCELLED = "未配对的认捐已取消。"
DELETE_CALLED_OFF = "好的，不删了，您的信息和记录都还在。"
DELETE_NOT_CONFIRMED = "还没有删除。确定删除请回复“确认删除”，不删请回复“取消”。"

# --- matches ---------------------------------------------------------------------------

MATCH_FOR_WORKER = (
    "配对建议 {match}：认捐 {pledge} 的 {what} → 求助 {case}（{reason}）。\n"
    "回复“确认 {match}”或“拒绝 {match} 原因”；“查看 {match}”看交付方式和捐助人联系方式。"
)
MATCH_CONFIRMED_OK = "已确认 {match}，已通知捐助人和家庭。送达后请回复“送达 {match} 备注”。"
MATCH_DECLINED_OK = "已拒绝 {match}，{what}退回认捐，这一对不会再被推荐。"
MATCH_DELIVERED_OK = "已记录送达 {match}，已把反馈发给捐助人，几天后会请家庭评价。"
NO_SUCH_PLEDGE_FOR_WORKER = "没有找到认捐 {pledge}，或者它没有配对到您负责的地区。"
DONOR_LINE = "捐助人：{name}｜电话：{phone}"
NO_CONTACT = "没留（在公众号里联系）"
WORKER_DELIVERY = {
    "money": "交付：钱款请捐助人转到本机构监管账户，到账后回复“送达 {match} 备注”。",
    "goods": "交付：请打电话和捐助人约定送货或寄送，交到家庭手里后回复“送达 {match} 备注”。",
    "service": "交付：请打电话和捐助人约定服务时间和地点，服务完成后回复“送达 {match} 备注”。",
}
NO_SUCH_MATCH = "没有找到配对 {match}，或者它不在您负责的地区。"
MATCH_WRONG_STATUS = "配对 {match} 现在是“{status}”，不能{action}。"
MATCH_STATUS = {
    "proposed": "待社工确认",
    "confirmed": "已确认",
    "delivered": "已送达",
    "closed": "已完成",
    "declined": "已拒绝",
}
DONOR_MATCHED = (
    "您的认捐 {pledge} 有了去处：{what}将帮助{region}一户{need}困难家庭，"
    "这户人家{verified}。{delivery}"
)
VERIFIED_HOW = {
    "visit": "社工已经上门核实过",
    "phone": "社工已经电话核实过",
    "unsaid": "已经社工核实",
}
DELIVER_MONEY_ACCOUNT = "请转账到{org}的监管账户：{account}，转账备注写 {pledge}。"
DELIVER_MONEY = "社工会联系您，告诉您{org}监管账户的转账方式（钱只进机构的监管账户）。"
DELIVER_GOODS = "社工会打电话和您约定送货或寄送的方式。"
DELIVER_SERVICE = "社工会打电话和您约定服务的时间和地点。"
HOUSEHOLD_MATCHED = "好消息：已经为您的求助 {case} 找到帮助（{what}），社工会联系您安排。"
DONOR_DELIVERED = (
    "您的认捐 {pledge}（{what}）已送到受助家庭（{need}，{region}）。社工反馈：{note}\n"
    "谢谢您的爱心！"
)
DELIVERED_DEFAULT_NOTE = {
    "money": "钱款已按计划用在这户人家",
    "goods": "物资已交到家庭手里",
    "service": "服务已经完成",
}
FOLLOWUP_QUESTION = (
    "您好，您的求助 {case} 收到的帮助怎么样？请回复 1 到 5 分（5 分最满意），"
    "也可以在分数后面说说您的想法。"
)
RATING_REPROMPT = "请回复 1 到 5 的数字（5 分最满意）。"
RATING_SCORE_PLEASE = "谢谢您的反馈，记下了！再请您打个分：回复 1 到 5 的数字（5 分最满意）。"
FOLLOWUP_THANKS = "谢谢您的评价，我们会转告社工和捐助人。祝您家里一切都好！"
PLEDGE_EXPIRING = (
    "您的认捐 {pledge} 还有 {days} 天到期，还有 {left} 元没有配对。到期后未配对的部分会自动取消。"
)
PLEDGE_EXPIRED = "您的认捐 {pledge} 已到期，未配对的 {left} 元已取消。谢谢您的爱心，欢迎随时再来。"
PLEDGE_EXPIRING_IN_KIND = (
    "您的认捐 {pledge} 还有 {days} 天到期，还没有配对到合适的家庭。到期后会自动取消。"
)
PLEDGE_EXPIRED_IN_KIND = (
    "您的认捐 {pledge} 已到期，这段时间没有配对到合适的家庭，已自动取消。"
    "谢谢您的爱心，欢迎随时再来。"
)
PLEDGE_CANCELLED = "已取消认捐 {pledge} 未配对的 {left} 元。已经配对的部分会照常交付。"
NO_SUCH_PLEDGE = "没有找到您的认捐 {pledge}。"
NOT_AMONG_YOURS = "没有找到您的记录 {number}（别人的记录这里查不到）。\n"
NO_OWN_CASE = "没有找到您的求助 {number}。回复“进度”可以查看您的记录。"
NO_CASE_TO_WITHDRAW = "您现在没有可以撤回的求助。回复“进度”可以查看您的记录。"
WHICH_CASE_TO_WITHDRAW = (
    "要撤回哪一份？请回复“撤回求助”加编号，比如“撤回求助 {example}”（撤回后社工就不再处理了）：\n"
    "{cases}"
)
WITHDRAW_CASE_LINE = "求助 {number}｜{status}"
CASE_NOT_WITHDRAWABLE = (
    "求助 {number} 现在是“{status}”，不能在这里撤回了。需要的话回复“人工”，请社工帮您处理。"
)
CASE_WITHDRAWN = "好的，求助 {number} 已经撤回，社工不会再处理它。以后家里再有困难，随时回来找我。"
CASE_ALREADY_WITHDRAWN = "求助 {number} 已经撤回了，不用再撤。"
CASE_WITHDRAWN_FOR_WORKER = "求助 {number} 已由家庭自己撤回，不用再核实了。"
# Nothing under way to cancel, but a request or a pledge open: how to withdraw it, or call it
# off, if that was meant.
WITHDRAW_HINT = "如果是不再需要求助 {number} 了，回复“撤回求助 {number}”。\n"
CANCEL_PLEDGE_HINT = (
    "如果是不想捐认捐 {number} 了，回复“取消认捐 {number}”（已经配对的部分会照常交付）。\n"
)
NO_PLEDGE_TO_CANCEL = "您现在没有可以取消的认捐。回复“进度”可以查看您的记录。"
WHICH_PLEDGE_TO_CANCEL = (
    "要取消哪一笔？请回复“取消认捐”加编号，比如“取消认捐 {example}”（已经配对的部分会照常交付）：\n"
    "{pledges}"
)
NOTHING_TO_RELEASE = "认捐 {pledge} 现在是“{status}”，没有可以取消的部分了。"
PLEDGE_AMOUNT_CHANGED = "好的，认捐 {pledge} 的金额改成 {amount} 元了，谢谢您！"
PLEDGE_AMOUNT_UNREAD = "没看懂新的金额，请写数字，比如“认捐金额改成3000”。"
PLEDGE_AMOUNT_BELOW_PROMISED = (
    "认捐 {pledge} 已经有 {promised} 元配给了家庭，金额不能少于 {promised} 元。"
    "不想捐剩下的部分，可以回复“取消认捐 {pledge}”。"
)
PLEDGE_AMOUNT_FIXED = "认捐 {pledge} 现在是“{status}”，金额不能再改了。"
PLEDGE_KIND_FIXED = (
    "认捐登记后，捐的方式改不了。"
    "想改捐物资或服务，可以回复“取消认捐”取消这一笔，再回复“2”重新登记。"
)
NO_MONEY_PLEDGE_TO_CHANGE = "您现在没有可以改金额的认捐。回复“进度”可以查看您的记录。"
WHICH_PLEDGE_TO_CHANGE = "要改哪一笔？请写上编号，比如“{example} 金额改成3000”：\n{pledges}"
PLEDGE_CANCELLED_IN_KIND = "已取消认捐 {pledge}。谢谢您的爱心，欢迎随时再来。"

# --- complaints and suggestions (flows/complaint.py) ----------------------------------------

FEEDBACK_KINDS = {"complaint": "投诉", "suggestion": "建议"}
ASK_FEEDBACK_KIND = "您是要投诉，还是提建议？回复数字：\n1 投诉\n2 建议"
ASK_FEEDBACK_TEXT = "请说说发生了什么，或者哪里可以做得更好（一两句话就行）。"
BAD_FEEDBACK = "再多说几个字吧，比如“社工说好周三上门，一直没来”。"
ASK_FEEDBACK_REGION = "这件事是在哪个县（区）？说不清就回复“不知道”。"
FEEDBACK_RECORDED = (
    "已记下（编号 {number}），已转给负责的社工机构跟进。谢谢您告诉我们！"
    "想让社工直接联系您，回复“人工”。"
)
FEEDBACK_FOR_STAFF = "收到{kind} {number}（{region}）：\n{text}\n请跟进。"

# --- views for social workers and donors (lines of 查看, 待核实, 进度) --------------------------

ERASED = "（已删除）"
NOT_ANSWERED = "（还没回答）"
CAUSE_UNKNOWN = "待判断"
ON_BEHALF_MARK = "（社工代办）"
CASE_VIEW = (
    "求助 {number}｜{status}\n"
    "类别：{label}｜家庭人口：{size}｜致贫原因（初判）：{cause}\n"
    "地区：{region}\n"
    "情况：{description}\n"
    "户主：{name}｜身份证：{id_number}｜电话：{phone}{contact}\n"
    "提交：{submitted:%Y-%m-%d}{on_behalf}"
)
CASE_VIEW_FLAGS = "提示：{flags}"
CASE_VIEW_QUESTION = "问：{question}／答：{answer}"
PENDING_LINE = "{number}｜{label}｜{region}｜等 {days} 天{flags}"
PENDING_MORE = "……还有 {more} 件"
YUAN = " {amount} 元"
STATUS_CASE_LINE = "求助 {number}｜{need}{amount}｜{status}"
STATUS_PLEDGE_LINE = "认捐 {number}｜{what}｜{status}"
STATUS_MATCH_LINE = "  · {what}→一户{need}困难家庭：{stage}"
PLEDGE_VIEW = "认捐 {number}｜{status}\n内容：{what}｜方向：{need}｜地区：{region}\n{donor}"
PLEDGE_VIEW_MATCH = "配对 {match} → 求助 {case}｜{what}｜{status}"
PLEDGE_MONEY = "{amount} 元（已配对 {allocated} 元）"
PLEDGE_IN_KIND = "{kind}：{item}"
MATCH_VIEW = (
    "配对 {number}｜{status}\n"
    "认捐 {pledge} 的 {what} → 求助 {case}（{need}，{region}）\n"
    "理由：{reason}\n{delivery}\n{donor}"
)
MATCH_VIEW_NOTE = "送达备注：{note}"
ANY = "不限"
ANONYMOUS = "匿名"

# Reasons of the automated checks' flags (domain/checks.py), shown to social workers.
FLAG_REASONS = {
    "duplicate": "同一身份证号另有进行中的求助 {cases}",
    "frequent": "同一身份证号一年内已有 {count} 次求助",
    "age": "申请人 {age} 岁申请教育助学，可能是替孙辈申请，请核实",
    "amount": "金额 {amount} 元高于{label}类常见上限 {cap} 元",
    "region": "地区代码 {region} 不存在",
    "uncovered": "该地区还没有社工机构覆盖",
    "shared_phone": "这个手机号还登记在另外 {count} 户名下",
}

# --- the web console (web/console) ----------------------------------------------------

SIGN_IN_LINK = (
    "工作台登录链接（{minutes} 分钟内有效，只能用一次，请勿转发）：\n{url}\n"
    "在微信里也可以直接打开工作台：{console}"
)
CONSOLE_SIGN_IN_FIRST = "请先登录工作台。"
CONSOLE_NO_ACCESS = "这个微信号还没有工作台权限。请先用邀请码绑定社工身份，或联系平台运营。"
CONSOLE_LINK_INVALID = "这个登录链接已失效或已经用过了。请在公众号里重新发送“登录”。"
CONSOLE_OAUTH_FAILED = "微信授权没有成功，请重新打开工作台再试一次。"
CONSOLE_TOO_MANY_ATTEMPTS = "登录尝试太频繁，请一分钟后再试。"
CONSOLE_DONE = {
    "verified": "已核实 {number}，家庭会收到通知。",
    "rejected": "已驳回 {number}，家庭会收到原因。",
    "cause": "已把 {number} 的致贫原因改为“{cause}”。",
    "asked": "问题已经发给 {number} 的家庭，回答会显示在这里。",
    "asked_waits": "家庭正在办别的事，问题会在那之后发给 {number} 的家庭。",
    "asked_phone": "{number} 的家庭没有微信，请打电话问，然后在下面记下回答。",
    "confirmed": "已确认配对 {number}，捐助人和家庭会收到通知。",
    "declined": "已拒绝配对 {number}。",
    "delivered": "已记录 {number} 送达，捐助人会收到反馈。",
    "proof_uploaded": "送达照片已记在 {number} 下。捐助人会知道凭证已记录，但看不到照片。",
}
# A proof photo the console did not keep, by why (domain.images.NotAcceptable).
CONSOLE_PHOTO_REFUSED = {
    "too_big": "照片太大了（最大 {limit} MB），请换一张小一点的。",
    "not_image": "这不是照片（支持 JPG、PNG、WebP、GIF），没有保存。",
    "bomb": "这张图片像素太多，没有保存，请换一张。",
}
CONSOLE_STORE_DOWN = "照片暂时存不进去，什么也没有改变。请稍后再试。"
CONSOLE_WRONG_STATUS = "{number} 现在是“{status}”，不能这样操作。页面已刷新。"
CONSOLE_REGION_UNKNOWN = "没有找到地区“{region}”，已忽略这个筛选条件。"
CONSOLE_NEED_REASON = "请先写明查看完整信息的原因，这会记录在审计日志里。"
CONSOLE_BAD_DATE = "日期“{value}”看不懂，请用 2026-01-31 这样的格式。"
CONSOLE_CSRF = "页面已过期或来源不明，操作没有执行。请刷新页面后再试。"
# How the console's history names what happened (audit actions; unknown ones as they are).
HISTORY_LABELS = {
    "case.submitted": "家庭提交求助",
    "case.filed_on_behalf": "社工代办登记",
    "case.uncovered": "所在地区暂无社工机构覆盖",
    "case.viewed": "查看（打码）",
    "case.viewed_unmasked": "查看完整信息",
    "case.verified": "核实通过",
    "case.rejected": "驳回",
    "case.withdrawn": "家庭撤回",
    "case.partly_matched": "部分配对",
    "case.matched": "全部配对",
    "case.delivered": "已送达",
    "case.closed": "已完成",
    "case.amount_set": "改金额",
    "case.poverty_cause_set": "改致贫原因",
    "case.escalated": "超时未处理，已上报机构管理员",
    "case.checkins_scheduled": "安排回访",
    "case.followup_opened": "开跟进求助",
    "checkin.completed": "回访完成",
    "checkin.postponed": "家庭说过几天再答回访",
    "checkin.stopped": "家庭不想回答回访",
    "checkin.missed": "回访提醒后仍未回复",
    "attachment.received": "家庭发来照片",
    "attachment.viewed": "查看照片",
    "match.proposed": "系统提出配对",
    "match.confirmed": "确认配对",
    "match.declined": "拒绝配对",
    "match.delivered": "记录送达",
    "match.closed": "家庭已评价",
    "match.viewed": "查看配对",
    "match.viewed_unmasked": "查看配对（含联系方式）",
    "match.escalated": "配对超时未确认，已上报机构管理员",
    "question": "问家庭",
    "answer": "家庭回答",
}
FUNNEL_LABELS = {"submitted": "提交", "verified": "核实", "matched": "配对", "delivered": "送达"}
CONSOLE_ERRORS = {
    400: ("请求有误", "提交的内容不完整或格式不对，请返回重试。"),
    403: ("没有权限", "您的账号不能做这个操作。"),
    404: ("没有找到", "没有找到这条记录，或者它不在您负责的范围内。"),
    405: ("请求有误", "这个页面不能这样打开。"),
    413: ("文件太大", "上传的文件太大，没有保存。请换一张小一点的照片。"),
    429: ("太频繁了", "操作太频繁，请稍后再试。"),
    500: ("出错了", "系统出了点问题，请稍后再试。"),
}
OPEN_IN_CONSOLE = "在工作台处理：{url}"
CASE_ESCALATED = "求助 {number}（{region}）已经 {days} 天没有人核实，请安排社工处理。"
MATCH_ESCALATED = "配对建议 {number} 已经 {days} 天没有人确认，请安排社工处理。"
CONSOLE_INVITE_CREATED = (
    "邀请码：{code}（{hours} 小时内有效，只能用一次）。请把它发给新社工，"
    "对方在公众号里发送“绑定 {code}”即可。"
)
CONSOLE_INVITE_NEEDS_REGION = "请至少选一个负责地区。"
CONSOLE_NOT_YOURSELF = "不能停用自己的账号。"
CONSOLE_WORKER_DEACTIVATED = "已停用社工 #{number}，对方的工作台和社工命令都不能再用了。"
CONSOLE_HIDDEN = "（已隐藏）"
CONSOLE_NOT_GIVEN = "（未填写）"
# A case's status as staff read it in the console (the household's wording is CASE_STATUS).
CASE_STATUS_FOR_STAFF = {
    "submitted": "待核实",
    "verified": "已核实",
    "rejected": "已驳回",
    "partly_matched": "部分配对",
    "matched": "已配对",
    "delivered": "已送达",
    "closed": "已完成",
    "withdrawn": "已撤回",
}

# --- check-ins (回访, domain/checkins.py; the questions are in domain/surveys/checkin.yml) ---
CHECKIN_REPROMPT = "没太看懂，请回复前面的数字。\n{question}"
CHECKIN_THANKS = "谢谢您！这次回访就到这里。您家的情况社工都看得到，有困难随时在这里说。"
CHECKIN_THANKS_AT_RISK = "谢谢您告诉我们。社工会尽快联系您，看看能帮上什么。有急事可以回复“人工”。"
CHECKIN_POSTPONED = "好的，过几天再问您。祝您家里一切顺利！"
CHECKIN_STOPPED = "好的，这次就不问了。有困难随时在这里说，回复“人工”可以找社工。"
CHECKIN_REMINDER = (
    "【回访】您好，之前请您回答几个关于家里近况的问题，还没收到回复。"
    "方便时回复数字就行；回复“过几天再说”也可以。"
)
CHECKIN_AT_RISK = (
    "⚠回访预警：求助 {case}（{region}）第 {round} 次回访显示有返贫风险：{reasons}。请尽快联系这户。"
)
CHECKIN_MISSED = "求助 {case}（{region}）第 {round} 次回访提醒后仍没有回复，请电话或上门了解情况。"
FOLLOWUP_CASE_TEXT = "回访跟进：{case} 第 {round} 次回访发现：{reasons}"
CHECKINS_ENROLLED = "已为 {number} 安排 {count} 次回访，第一次在 {days} 天后。"
CHECKINS_ALREADY = "{number} 已经安排过回访了。"
CHECKINS_NOT_ENROLLABLE = "{number} 还没核实，或者家庭没有微信，不能安排回访。"
FOLLOWUP_OPENED = "已为这户开了跟进求助 {number}，请核实后处理。"
NO_FOLLOWUP = "{number} 没有发现风险的回访可以跟进（或已经开过跟进求助）。"
CONSOLE_CHECKINS_ENROLLED = "已为 {number} 安排 {count} 次回访。"
CHECKIN_STATUS = {
    "scheduled": "待回访",
    "asked": "已发问，等回复",
    "completed": "已完成",
    "missed": "未回复",
    "stopped": "家庭不想回答",
}
RISK_LABELS = {"stable": "稳定", "watch": "需关注", "at_risk": "有返贫风险"}

# --- photos (domain/attachments.py) ---
IMAGE_RECEIVED = (
    "照片收到了，已经放进您的求助 {number} 里，社工会看到。还有别的照片或证明，可以接着发。"
)
IMAGE_HELD = "照片收到了，提交后会放进这次的求助里，社工能看到。"
IMAGE_BEFORE_CONSENT = "照片先不保存：请先回复“同意”，之后再发照片就会放进求助里。"
IMAGE_NO_CASE = (
    "照片收到了，谢谢！您还没有求助记录，先回复“求助”说说情况，之后再发照片，社工就能看到了。"
)
PHOTO_STATUS = {
    "pending": "正在从微信取回",
    "stored": "已保存",
    "rejected": "不是照片或太大，没有保存",
    "failed": "微信没能给出这张照片",
    "erased": "家庭已删除",
}
VOICE_NO_TRANSCRIPT = (
    "语音收到了，社工可以听到。不过我现在只能看懂文字，麻烦您打字告诉我；"
    "或者在微信里长按这条语音，选“转文字”后把文字发给我。"
)
PROOF_RECEIVED = "送达凭证收到了，已记在配对 {match} 下。捐助人会知道凭证已记录，但看不到照片。"
PROOF_NO_DELIVERY = "要记送达凭证，请先回复“送达 M000001 备注”，再发照片。"
DONOR_PROOF_RECORDED = (
    "您的认捐 {pledge}（{what}）的送达凭证，社工已经拍照记录在案。为保护受助家庭，照片不对外提供。"
)

# --- location messages ---
LOCATION_USED = "📍按您发的位置：{region}。不对的话，回复“返回”再说一遍地方。"
LOCATION_SEEN = (
    "📍您在{region}，对吗？\n要求助请回复 1，要捐助请回复 2；在填写地区时发位置，会直接填上。"
)
LOCATION_UNKNOWN = "这个位置我们没能对上国内的县区，请用文字告诉我在哪个县（区）。"
OPEN_REQUEST_HINT = (
    "\n想补充情况，回复“补充”；着急的话回复“人工”，请社工联系您；另有困难要求助，回复“1”。"
)
ASK_SUPPLEMENT = "请说说要补充的情况（一两句话就行），社工会看到。"
BAD_SUPPLEMENT = "请多写几个字，说说要补充什么。"
ASK_ADD_OR_NEW = (
    "您已经有一份正在办的求助 {number}。刚才说的情况：\n"
    "1 补充到 {number} 里（社工会看到）\n2 另外新提一份求助\n回复数字就行。"
)
BAD_ADD_OR_NEW = "请回复“1”补充到正在办的求助，或回复“2”新提一份求助。"
SUPPLEMENT_ADDED = (
    "收到，已经补充到您的求助 {number} 里，社工会看到。有照片或证明，也可以直接发过来。"
)
ASK_NEW_PHONE = "请把新的手机号发过来，社工以后打这个号码联系您。"
NEW_PHONE_KEPT = "好的，手机号已改成 {phone}（{numbers}），负责的社工也知道了。"
NEW_PHONE_NOTHING_OPEN = "您现在没有进行中的求助或认捐，不用改。以后登记时写新号码就行。"
PHONE_CHANGED_FOR_WORKER = "{number} 的联系电话换成了 {phone}，回复“查看 {number}”看详情。"
SUPPLEMENT_NO_CASE = "您现在没有进行中的求助，可以回复“求助”说说情况。"
WHICH_CASE = "照片收到了！您有几件求助，这张照片是哪一件的？回复数字：\n{options}"
CASE_CHOICE = "{number}（{need}）"

# --- organisations applying to implement projects (domain.organisations) ----------------
APPLICATION_LINK = (
    "欢迎社工机构、社会组织入驻！请在 {days} 天内打开下面的链接填写入驻申请"
    "（机构名称、统一社会信用代码、联系人、服务地区和领域，可上传登记证书照片）：\n{url}\n"
    "平台运营人员审核后，会在这里通知您结果。"
)
APPLICATION_BAD_CREDIT_CODE = (
    "统一社会信用代码不对：应是 18 位，最后一位是校验码，请对照登记证书再填一次。"
)
APPLICATION_UNKNOWN_PLACE = "没有找到地区“{place}”，请写省、市或县的名字，比如“甘肃定西”“临夏州”。"
APPLICATION_NO_PLACE = "请写上机构服务的地区（省、市或县），几个地区用顿号隔开。"
APPLICATION_BAD_PHONE = "联系电话不对，请填 11 位手机号。"
APPLICATION_NO_FIELDS = "请至少选一个服务领域。"
APPLICATION_TOO_MANY_DOCUMENTS = "证书照片最多 {limit} 张。"
APPLICATION_BAD_DOCUMENT = "上传的证书不是照片或太大（支持 JPG、PNG，最大 10 MB），请换一张。"
APPLICATION_LINK_USED = "这个链接已经用过或过期了。请在公众号里回复“机构入驻”获取新链接。"
APPLICATION_SUBMITTED = "申请 {number} 已提交，平台运营人员审核后会在微信里通知您。"
APPLICATION_FOR_OPERATORS = "新的机构入驻申请 {number}：{name}，请审核。"
APPLICATION_NOT_WAITING = "申请 {number} 现在不在待审核状态，不能这样操作。"
APPLICATION_NAME_TAKEN = "已经有叫“{name}”的机构了，不能重复创建。请驳回或让申请人说明。"
APPLICATION_APPLICANT_IS_WORKER = "申请人已经是某家机构的社工，不能再做新机构的管理员。"
APPLICATION_APPROVED = (
    "恭喜！“{name}”的入驻申请通过了，服务地区：{places}。您已是机构管理员，"
    "回复“登录”可以进入工作台，邀请本机构的社工。"
)
APPLICATION_REJECTED = "很抱歉，“{name}”的入驻申请没有通过。原因：{reason}"
APPLICATION_MORE_NEEDED = (
    "“{name}”的入驻申请还需要补充：{note}\n请在 {days} 天内打开链接补充后重新提交：{url}"
)
APPLICATION_STATUS = {
    "submitted": "待审核",
    "more_needed": "待补充材料",
    "approved": "已通过",
    "rejected": "未通过",
}
CONSOLE_APPLICATION_DONE = {
    "approved": "已通过 {number}：机构已创建，申请人是机构管理员，会收到通知。",
    "rejected": "已驳回 {number}，申请人会收到原因。",
    "more_needed": "已请申请人补充 {number}，对方会收到补充链接。",
}
CONSOLE_NEED_REASON_TEXT = "请写明原因或需要补充的内容。"

# --- projects of implementing organisations (domain.projects) ----------------------------
PROJECT_STATUS = {
    "draft": "草稿",
    "under_review": "待审核",
    "open": "筹款中",
    "funded": "已筹满",
    "in_progress": "实施中",
    "completed": "已完成",
    "evaluated": "已评估",
    "cancelled": "已取消",
}
PROJECT_BAD_BUDGET_LINE = "预算这一行看不懂：“{line}”。请每行写一项和金额，比如“教材 3000”。"
PROJECT_NO_BUDGET = "请写上预算，每行一项和金额，比如“教材 3000”。"
PROJECT_BUDGET_TOO_BIG = "预算总额太大了，请核对金额（单位是元）。"
PROJECT_NO_NEED_TYPE = "请选一个项目类别。"
PROJECT_BAD_PEOPLE = "请填受益人数（1 人以上）。"
PROJECT_ENDS_BEFORE_START = "结束日期不能早于开始日期。"
PROJECT_NO_GOALS = "请至少写一个可以衡量的目标，每行一个，比如“40 人完成培训，30 人就业”。"
PROJECT_FOR_OPERATORS = "{organisation}提交了项目 {number}：{title}，请审核。"
PROJECT_APPROVED = "项目 {number} 审核通过，已开始筹款。"
PROJECT_SENT_BACK = "项目 {number} 需要修改：{note}。改好后请再提交审核。"
PROJECT_CANCELLED = "项目 {number} 已取消。原因：{reason}"
PROJECT_STATUS_CHANGED = "项目的状态刚刚变了，这个操作没有执行。页面已刷新。"
PROJECT_NOT_CANCELLABLE = "项目 {number} 已经筹到钱或在实施，不能直接取消。"
CONSOLE_PROJECT_DONE = {
    "drafted": "项目 {number} 已保存为草稿。",
    "edited": "项目 {number} 已修改。",
    "submitted": "项目 {number} 已提交审核，平台运营人员会尽快处理。",
    "approved": "项目 {number} 已通过，开始筹款，机构会收到通知。",
    "sent_back": "项目 {number} 已退回修改，机构会收到意见。",
    "cancelled": "项目 {number} 已取消。",
    "update_posted": "进展已发布，支持这个项目的捐助人会收到通知（每人每天最多一条）。",
    "completed": "项目 {number} 已结项，受益家庭会收到评分邀请。",
    "evaluated": "项目 {number} 已评估。",
}
CONSOLE_STANDING_DONE = "已把“{name}”调整为“{standing}”，机构管理员会收到通知。"
DONOR_PROJECT_FUNDED = (
    "您的认捐 {pledge} 中 {yuan} 元配给了项目 {project}“{title}”（{organisation}实施）。"
    "机构会按项目进展使用这笔钱，进展会在这里告诉您。"
)
PROJECT_FUNDING_FOR_ADMINS = "项目 {project} 获得认捐 {yuan} 元，已筹 {funded} / {budget} 元。"
ASK_PROJECT = "想支持哪个项目？回复序号，或项目编号（如 P000001）。"
NO_OPEN_PROJECTS = (
    "现在没有正在筹款的项目。您也可以直接认捐，我们会配给最需要的家庭：回复“我想捐款”。"
)
OPEN_PROJECTS = "正在筹款的项目：\n{lines}"
PROJECT_LINE = "{index}. {number} {title}（{place}，受益 {people} 人，已筹 {funded} / {budget} 元）"
PROJECT_NOT_OPEN = "项目 {number} 现在不在筹款中（可能已筹满或结束）。回复“支持项目”看看别的项目。"
PROJECT_PLEDGE_SUBMITTED = (
    "谢谢您！认捐 {number} 已登记，只用于项目 {project}。配上后会告诉您，项目进展也会在这里通知您。"
    "想出现在感谢名单上，回复“公开致谢 {number}”（默认不公开）。"
)
PROJECT_PLEDGE_RELEASED = (
    "您为项目 {project} 认捐的 {pledge}：项目已筹满或不再筹款，还没用上的 {left} 元不会再划拨，"
    "这笔认捐到此结束。谢谢您！想支持别的项目，回复“支持项目”；想帮助困难家庭，回复“我想捐款”。"
)
PROJECT_NOT_UPDATABLE = "项目 {number} 现在不能发进展（还在审核、已完成或已取消）。"
PROJECT_UPDATE_EMPTY = "请写几句进展，比如“第一期 20 人开课了”。"
PROJECT_DIGEST = "您支持的项目 {number}“{title}”有 {count} 条新进展。最新：{latest}"
PROJECT_GOAL_RESULTS = "请为每个目标选择：达成、部分达成或未达成。"
PROJECT_BAD_SPENT = "实际花费请填元为单位的整数。"
PROJECT_UNKNOWN_CASE = "没有找到求助 {number}，请核对受益家庭的求助编号。"
PROJECT_EVALUATED = (
    "项目 {number} 的评估出来了：目标达成、受益家庭评分、是否按时和花费都在工作台的项目页上。"
)
PROJECT_RATING_QUESTION = (
    "项目 {project} 已经结束了。您觉得这个项目对您家帮助怎么样？"
    "回复 1 到 5 分（5 分最好），也可以在分数后面说几句。"
)
GOAL_RESULT_LABELS = {"met": "达成", "partly": "部分达成", "not": "未达成"}
STANDING_LABELS = {"good": "良好", "watch": "观察", "suspended": "暂停"}
COMPLAINT_FINDINGS = {"pending": "待核实", "upheld": "成立", "not_upheld": "不成立"}
CONSOLE_COMPLAINT_DONE = "投诉 {number} 已记为“{finding}”，机构评分随之更新。"
CONSOLE_COMPLAINT_CHOOSE = "没有执行：请点“核实成立”或“不成立”。"
STANDING_CHANGED = "“{name}”的实施机构状态调整为“{standing}”。原因：{reason}"
PROJECT_ORGANISATION_SUSPENDED = "机构目前处于暂停状态，不能提交新项目。请联系平台运营人员。"
SCORE_PARTS = {
    "on_time": "按时完成",
    "goals": "目标达成",
    "ratings": "受益家庭评分",
    "verification": "按时核实求助",
}

# --- lessons: what worked (domain.lessons) -----------------------------------------------
LESSON_NOT_FINISHED = "经验要在项目评估后、或求助送达/结案后再写。"
LESSON_NO_CAUSE = "请选一个致贫原因。"
LESSON_PERSONAL_DATA = "经验里不要写手机号、身份证号等个人信息，请删掉后再保存。"
LESSON_SAVED = "经验已保存，大家可以在“经验”里搜到它。"
NO_LESSONS = "暂时还没有相关的脱贫经验。社工们完成项目和帮扶后会陆续分享，您也可以换个说法问问。"
LESSONS_FOUND = "找到这些助人脱贫的经验：\n\n{lessons}"
LESSON_LINE = "【{title}】{place}，{cause}，{need}。做法：{done}。结果：{result}"
