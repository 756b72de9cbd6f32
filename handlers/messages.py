"""Every sentence the bot says, in one place. Short, warm, plain Simplified Chinese."""

from __future__ import annotations

from nlu.lexicon import NEED_LABELS, NEED_ORDER

SERVICE_NAME = "助联"

MENU = (
    "请回复数字选择：\n"
    "1 我要求助（家里有困难）\n"
    "2 我要捐助（捐钱、物资或服务）\n"
    "3 查进度\n"
    "4 找社工（人工）"
)

WELCOME = (
    f"您好，欢迎关注{SERVICE_NAME}！\n"
    "这里帮困难家庭申请帮扶，也帮爱心人士把捐助送到最需要的人手里。"
    "社工会核实每一份求助，捐助去向全程可查。\n\n"
    "直接说您的情况就行，比如“孩子上学交不起学费”或“我想捐两千元”。\n" + MENU
)

GREETING = "您好！我是助联小助手。\n" + MENU
THANKS = "不客气，有需要随时找我。"
NOT_UNDERSTOOD = "不好意思，我没太明白您的意思。\n" + MENU
UNSUPPORTED_MESSAGE = "暂时只能看懂文字消息哦，请用文字告诉我您的情况。\n" + MENU
TOO_FAST = "您发得有点快，请稍等一分钟再发。"
BUSY = "系统正忙，您的消息已收到，请过一两分钟再发一次。给您添麻烦了！"
STATE_LOST = "抱歉，刚才的对话中断了，已填的内容没有保存，需要麻烦您重新开始。\n" + MENU
CANCELLED = "好的，已取消，填过的内容都没有保存。需要时随时回来找我。\n" + MENU
NOTHING_TO_CANCEL = "现在没有进行中的事情。\n" + MENU
NOTHING_TO_GO_BACK = "已经是第一步了。"
HANDOFF = (
    "好的，已为您请社工帮忙，社工上班时间会在这里回复您。"
    "您也可以继续和我说，回复“取消”可以结束当前填写。"
)
OFFER_PERSON = "\n如果不好填，回复“人工”请社工帮您。"

# --- help intake ---------------------------------------------------------------------

CONSENT = (
    "求助需要登记您家的基本情况（姓名、身份证号、电话等）。这些信息会加密保存，"
    "只给负责核实的社工查看，不会公开，也不会告诉捐助人。您可以随时回复“删除我的信息”。\n"
    "同意请回复“同意”，不同意请回复“不同意”。"
)
CONSENT_DECLINED = (
    "明白，没有您的同意我们不会登记个人信息，这次求助就先不办了。\n"
    "如果有疑问，可以回复“人工”找社工聊聊。"
)
CONSENT_REPROMPT = "请回复“同意”或“不同意”。"

NEED_MENU = "\n".join(f"{i} {NEED_LABELS[code]}" for i, code in enumerate(NEED_ORDER, start=1))
ASK_NEED = "您需要哪方面的帮助？直接说或回复数字：\n" + NEED_MENU
BAD_NEED = "没看出是哪一类，请回复数字 1-8，比如看病就回复“1”。\n" + NEED_MENU
ASK_DESCRIPTION = "请简单说说家里的情况和遇到的困难（一两句话就行）。"
BAD_DESCRIPTION = "再多说几个字吧，比如“孩子考上高中，学费还差三千元”。"
ASK_AMOUNT = "大概需要多少钱？比如“5000”或“两万”。不需要钱的话回复“不需要”。"
BAD_AMOUNT = "没看懂金额，请写数字，比如“3000”或“三千元”。不需要钱就回复“不需要”。"
ASK_REGION = "您家在哪个县（区）？比如“甘肃定西通渭县”。"
BAD_REGION = "没找到这个地方，请写上省、市和县，比如“云南昭通镇雄县”。"
ASK_HOUSEHOLD_SIZE = "家里一共几口人？比如“5”或“五口人”。"
BAD_HOUSEHOLD_SIZE = "请写家里的人数，比如“4”或“四口人”（1 到 30 之间）。"
ASK_NAME = "请问求助人（户主）的真实姓名？"
BAD_NAME = "请写真实姓名，2 到 20 个字，比如“王秀英”。"
ASK_ID_NUMBER = "请输入求助人的 18 位身份证号。"
ASK_PHONE = "请留一个能联系到您的手机号，社工核实时会打给您。"
ID_REPROMPTS = {
    "id_format": "身份证号应该是 18 位，最后一位可能是 X，比如 11010519491231002X。请再输一次。",
    "id_checksum": "这个身份证号好像有一位输错了（校验不对），请对着身份证再输一次。",
    "id_birth_date": "身份证号里的出生日期不对，请核对后再输一次。",
    "id_region": "身份证号前 6 位的地区代码不存在，请核对后再输一次。",
}
PHONE_REPROMPTS = {
    "phone_format": "手机号应该是 11 位、以 1 开头，比如 13812345678。请再输一次。",
    "phone_unassigned": "这个号码好像不是手机号，请留一个手机号，比如 13812345678。",
}
HELP_SUBMITTED = (
    "提交成功！您的求助编号是 {number}。\n"
    "接下来社工会在几天内联系您核实情况，核实后我们会为您寻找合适的帮助，有进展会在这里通知您。"
    "随时回复“进度”可以查看。"
)

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
BAD_ITEM = "请多写几个字说明，比如“棉被 20 床”或“每周两次数学辅导”。"
ASK_REGION_PREF = "想帮助哪里的家庭？写省、市或县，比如“甘肃”或“凉山”；不限就回复“不限”。"
BAD_REGION_PREF = "没找到这个地方，请写省、市或县的名字，比如“甘肃定西”；不限就回复“不限”。"
ASK_DISPLAY_NAME = "反馈时怎么称呼您？写一个称呼，或回复“匿名”。"
BAD_DISPLAY_NAME = "称呼请控制在 20 个字以内，或回复“匿名”。"
PLEDGE_SUBMITTED = (
    "登记好了，谢谢您！您的认捐编号是 {number}。\n"
    "我们会把它匹配给社工核实过的家庭，配对后会告诉您帮助了什么样的家庭、怎么交付。"
    "回复“进度”随时查看。"
)

# --- shared steps --------------------------------------------------------------------

CHOOSE_REGION = "有几个地方叫这个名字，请回复数字选一个：\n{options}"
CHOOSE_COUNTY = "请问是{place}哪个县（区）？比如：{examples}。"
CONFIRM_FOOTER = "\n信息对吗？对就回复“确认”提交；要改回复“修改”。"
EDIT_MENU = "想改哪一项？回复数字：\n{options}"
BAD_EDIT_CHOICE = "请回复要修改的那一项前面的数字。\n{options}"
CONFIRM_REPROMPT = "请回复“确认”提交，或回复“修改”改某一项、“取消”放弃。"

# --- status --------------------------------------------------------------------------

NO_RECORDS = "您还没有求助或认捐记录。\n" + MENU
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
    "allocated": "已全部配对",
    "fulfilled": "已完成交付",
    "cancelled": "已取消",
    "expired": "已过期",
}
STATUS_HEADER = "您的记录："
CONTINUE_PROMPT = "\n\n继续刚才的填写：\n"

# --- understanding -------------------------------------------------------------------

CLARIFY = "我不太确定您的意思，您是想：\n{options}\n回复数字就行；都不是的话，请说得具体一点。"
TOP_MENU_LABELS = {
    "seek_help": "1 我要求助（家里有困难）",
    "offer_donation": "2 我要捐助（捐钱、物资或服务）",
    "check_status": "3 查进度",
    "request_human": "4 找社工（人工）",
}

# --- questions about the platform (ask_about) ------------------------------------------

FAQ = {
    "privacy": (
        "您的姓名、身份证号、电话都加密保存，只有负责核实的社工能看到，捐助人看不到您是谁。"
        "您随时可以回复“删除我的信息”。"
    ),
    "fees": "申请和捐助都不收任何费用，也没有管理费。凡是让您先交钱的，都不是我们。",
    "materials": (
        "在这里说清楚情况、留下身份证号和手机号就可以。社工核实时可能上门看看，"
        "请准备好身份证，有病历、录取通知书等材料更好。"
    ),
    "timing": (
        "一般几天内社工会联系您核实，核实后开始为您寻找帮助。"
        "有进展会在这里通知，回复“进度”随时可查。"
    ),
    "money_use": (
        "每一笔捐助都配对到社工核实过的家庭，交付后会告诉捐助人用在了哪里。"
        "回复“进度”可以查看您的认捐去向。"
    ),
    "about": (
        "助联由社工机构运营，帮困难家庭申请帮扶，也帮爱心人士把捐助送到最需要的人手里。"
        "每份求助都由社工核实。"
    ),
}

# --- social workers --------------------------------------------------------------------

BOUND = (
    "绑定成功！您现在是{org}的社工，负责：{regions}。\n"
    "可用命令：待核实｜查看 编号｜核实 编号 备注｜驳回 编号 原因｜补充 编号 问题｜代办｜统计｜解绑"
)
BIND_ERRORS = {
    "invalid": "这个邀请码不对，请核对后再发一次，格式是“绑定 邀请码”。",
    "used": "这个邀请码已经用过了，每个邀请码只能用一次，请向机构要一个新的。",
    "expired": "这个邀请码已经过期了，请向机构要一个新的。",
}
UNBOUND = "已解绑，您不再接收求助通知。需要时请向机构要新的邀请码。"
WORKER_HELP = (
    "社工命令：\n待核实 — 我负责地区等待核实的求助\n"
    "查看 Q000001 — 详情（身份证打码；加“全部”看完整信息，会留痕）\n"
    "核实 Q000001 备注\n驳回 Q000001 原因\n补充 Q000001 想问家庭的问题\n"
    "致贫 Q000001 因残 — 改致贫原因\n"
    "代办 — 替家庭登记求助\n统计\n解绑"
)
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
CASE_QUESTION = "社工想了解一下您的求助 {number}：\n{question}\n请直接回复您的回答。"
ANSWER_FORWARDED = "收到，已转给社工。谢谢您！"
ANSWER_FOR_WORKER = "{number} 的家庭回复了您的问题“{question}”：\n{answer}"
ON_BEHALF_CONSENT = (
    "代办求助：请先当面向户主说明信息会加密保存、只给社工查看，并征得同意。\n"
    "户主已同意请回复“同意”。"
)
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
DELETED = "已删除您的个人信息，进行中的求助已撤回。以后需要帮助，随时可以重新申请。"
DELETE_NOT_CONFIRMED = "还没有删除。确定删除请回复“确认删除”，不删请回复“取消”。"

# --- matches ---------------------------------------------------------------------------

MATCH_FOR_WORKER = (
    "配对建议 {match}：认捐 {pledge} 的 {what} → 求助 {case}（{reason}）。\n"
    "回复“确认 {match}”或“拒绝 {match} 原因”。"
)
MATCH_CONFIRMED_OK = "已确认 {match}，已通知捐助人和家庭。送达后请回复“送达 {match} 备注”。"
MATCH_DECLINED_OK = "已拒绝 {match}，{what}退回认捐，这一对不会再被推荐。"
MATCH_DELIVERED_OK = "已记录送达 {match}，已把反馈发给捐助人，几天后会请家庭评价。"
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
    "这户人家已经社工上门核实。社工会联系您安排交付（转账到社工机构监管账户或直接采购物品）。"
)
HOUSEHOLD_MATCHED = "好消息：已经为您的求助 {case} 找到帮助（{what}），社工会联系您安排。"
DONOR_DELIVERED = (
    "您的认捐 {pledge} 已送到受助家庭（{need}，{region}）。社工反馈：{note}\n谢谢您的爱心！"
)
FOLLOWUP_QUESTION = (
    "您好，您的求助 {case} 收到的帮助怎么样？请回复 1 到 5 分（5 分最满意），"
    "也可以在分数后面说说您的想法。"
)
FOLLOWUP_THANKS = "谢谢您的评价，我们会转告社工和捐助人。祝您家里一切都好！"
PLEDGE_EXPIRING = (
    "您的认捐 {pledge} 还有 {days} 天到期，还有 {left} 元没有配对。到期后未配对的部分会自动取消。"
)
PLEDGE_EXPIRED = "您的认捐 {pledge} 已到期，未配对的 {left} 元已取消。谢谢您的爱心，欢迎随时再来。"
PLEDGE_CANCELLED = "已取消认捐 {pledge} 未配对的 {left} 元。已经配对的部分会照常交付。"
NO_SUCH_PLEDGE = "没有找到您的认捐 {pledge}。"
NOTHING_TO_RELEASE = "认捐 {pledge} 已经全部配对，没有可以取消的金额。"
