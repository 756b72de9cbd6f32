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
HELP_FOOTER = "\n（随时可回复：返回 上一步｜修改｜取消｜人工）"

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
