"""The last word on a reading: the model's best guess is kept only when the text could
mean it. DIET is often certain and wrong on sentences unlike its training data (an illness
read as a status question, a bare hardship read as a donation), so a few intents must be
backed by the words that make them:

- `check_status` needs a word about progress or a record (进度, 批了没, 收到了吗, Q000012),
  and a doubtful one does not stand for a need told as one's own (低保钱还没发下来, 米面快没了);
  a request or an offer that asks whether it got anywhere and tells no need (申请有回音没,
  有好心人帮我家了吗), one's own gift asked after (我捐的衣服发下去没有, 我都捐过哪些) and a
  request filed before asked after (登记过，想问下进度) are status questions;
- a doubtful `delete_my_data` names the deletion (删, 注销, 撤回), and a doubtful `cancel`
  the stopping (申请 alone, read as 不申请了, is a request); calling a request or a gift off
  in so many words (我不想求助了) is a cancel whatever the model says, unless a hardship
  follows;
- `inform` (a bare answer) is no longer a sentence that describes a need or a hardship, nor
  a short one that tells one's own hardship (我差三千块学费), unless it only says who lives in
  the household (五口人老两口加儿子儿媳和孙子);
- `request_human` needs a person, or a way to reach one (人工, 社工, 打电话, 上门, 叫个人),
  and asking only how to reach one (怎么联系社工) is asking for one;
- a doubtful yes or no that asks about progress (配对成功没有啊) is no answer, and a
  question about the platform that asks nothing and tells one's own need
  (女儿听力不好要配个助听器) is a request unless the model is very sure;
- a doubtful `out_of_scope` does not stand for a text that names a need, asks or offers,
  and one that asks for a way to reach a person (打字太慢了能打电话吗) asks for one; a chain
  message or a prize (转发, 红包, 中奖, 链接) that asks and offers nothing is out of scope
  whatever the model says;
- a doubtful help or donation reading of a text with nothing of either side in it (no cue,
  no need) gives way to the next plausible reading (那个编号是多少来着我想查一下);
- a short text with nothing of either side that only answers is that answer: who someone
  is (她是我奶奶) and a sum read as a side (估摸着得一万一) are answers, a correction
  (你们弄岔了) is a no, and whether anyone reads (能看到我发的消息吗) is a greeting;
- asking whether one may ask at all (我不是贫困户可以求助吗), which way something works
  (是快递过去还是有人上门收), wanting to know the platform with nothing asked, offered or
  needed (我是县民政局的，想了解一下你们平台), paperwork for a gift (发票, 收据), whether the
  platform works where one lives (我们县有没有你们的人), or whether a gift may go to someone
  one knows (想捐给认识的那户人家行不行), is a
  question about the platform whatever the model says; asking only how to give or to ask
  (请问怎么捐款, 怎么申请) is that side, since its flow is the answer;
- help and donation are never guessed: a cue for the other side, or low confidence, makes
  the reading `unsure_side`, and the bot asks; so does a doubtful other reading of a text
  with words of both sides (能捐几袋面粉吗). Two cues are stronger than the model's
  doubt: asking for oneself (能给我家…吗) settles the side, and an explicit request or
  offer, or a hardship that names a need, decides when the model itself is unsure (below
  `SURE_OF_SIDE`).

A reading that fails its check is replaced by what the text's own cues say (a side, or a
described need, which is a request for help), or else by the next plausible intent."""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlu.amounts import parse_amount
from nlu.entities import find_id_number, find_phone
from nlu.lexicon import FAMILY, INTENT_KEYWORDS, bare, need_types
from nlu.sides import (
    FOR_ME,
    GIVE,
    HARDSHIP,
    HELP,
    OTHERS,
    OWN,
    REQUEST,
    Strength,
    says_both,
    side_cue,
)
from nlu.validators import find_household_size

Ranking = list[tuple[str, float]]

# Help or donation: a reading below this confidence (and no cue in the text) is asked about.
SURE_OF_SIDE = 0.6
UNSURE_SIDE = "unsure_side"
# Below this the model is guessing: a help or donation reading of a text with nothing of
# either side gives way to the next plausible reading of at least SIDELESS_NEXT, and a
# platform question gives way to the side the text says.
DOUBTFUL = 0.5
SIDELESS_NEXT = 0.25
# How sure a reading the text's own cues gave is taken to be.
CUE_CONFIDENCE = 0.8
# A bare answer is short; a longer text that names a need is a request, and so is a short
# one that tells one's own hardship (我差三千块学费).
ANSWER_LENGTH = 10
FIRST_PERSON = re.compile(r"我|俺|咱")

STATUS = re.compile(  # 到哪 as in 到哪一步, not 到哪都不要我 (anywhere)
    r"进度|进展|到哪(?![里儿]?[都也])|哪一步|批|审核|审过|审批|核实|结果|怎么样|咋样|如何了|消息|动静|多久|要等"
    r"|收到|到账|到位|用在|用到|给了谁|给谁|去向|送到|送过去|送出去|配对|匹配|通过|被拒|拒了"
    r"|有人管|有人帮|联系|记录|状态|查|落实|办好|办得|(?:批|拨|款|钱|申请|补助)[^，。]{0,3}下来|来过"
    r"|什么时候|[QJMqjm]\s*\d{3}|用出去|花出去|花在|花到|用了没|用掉|打过去|转过去|汇过去|拨过去"
    r"|着落|认领|有人看|看[过了]?没|看看我的|我的(?:申请|求助|认捐|捐款|捐赠)|拿到|领到|发下来"
    r"|啥子?时候|几时|哪天|多会儿|咋还没|怎么还没|还没(?:有)?(?:动静|消息|回音|人)|回音|驳回|是不是被"
    r"|回个?话|回信|答复|[啥什][么子]?情况|过了[^，。]{0,4}(?:天|周|星期|礼拜|月)"
    r"|没(?:人(?:理|管|问|回)|下文|动静)"
    # no word since (后来就没信了)
    r"|没(?:信|音信|信儿)了?"
    # after a visit, what comes next (社工上周来看过了 后面咋弄)
    r"|来看过|(?:后面|接下来|然后|下一步)(?:该|要)?(?:咋|怎么|如何)(?:弄|办|搞|走)"
    r"|了没(?:有)?[啊呀吧呢？?]|分给|给了哪|给哪|没来|没到"
    # money paid in, asked after (钱打到卡上了吗)
    r"|(?:打|转|汇|存|进|到)(?:到|进)?(?:我的?|俺的?)?(?:卡|折子|存折|账户)"
    # "has it happened yet?": a perfective question at the end
    r"|(?:了吗|了没|了没有)[？?吗啊呀]*$"
)


# Nobody looking after one, told with a hardship (儿子走了 现在没人管我们, 医药费没人管): no
# request asked after, unless the text says more of one.
UNCARED = re.compile(r"没人(?:管|理|问)|没有人管")


# Thanks for help received (谢谢你们上次帮我家 孩子已经上学了): thanks, not a new request,
# unless it asks or tells a hardship again (谢谢上次帮忙，这次娃又病了还想申请).
THANKS_FOR_HELP = re.compile(r"(?:谢谢|感谢|多谢)[^，。？?]{0,8}(?:帮|资助|捐|送|救)")
HELPED_BEFORE = re.compile(r"上次|上回|之前|以前|去年|那次|当时|帮过|帮了|已经|收到")


# ...or for good news it brought (太感谢了 孩子终于能上学了).
THANKS = re.compile(r"谢谢|感谢|多谢")
GOOD_NEWS = re.compile(
    r"终于|总算|好多了|好起来了|出院了|康复了|治好了|能上学了|上上学了|有着落了|渡过难关|挺过来了"
    r"|已经(?:上学|开学|上班|上岗)了|找到(?:工作|活)了|病好了|(?:房子|新房)(?:修|盖)好了"
)


def _thanks_for_help(text: str) -> bool:
    thanked = THANKS_FOR_HELP.search(text)
    helped = thanked is not None and HELPED_BEFORE.search(text) is not None
    if not helped:
        thanked = THANKS.search(text) if GOOD_NEWS.search(text) else None
    if thanked is None:
        return False
    rest = text[: thanked.start()] + "，" + text[thanked.end() :]
    return not (REQUEST.search(rest) or HARDSHIP.search(rest))


# One's own family member told of (我家有个八个月的宝宝), not things at home (家里有一箱…).
OWN_CHILD = re.compile(
    rf"(?:我|俺|咱)家(?:里)?有[一两三四五六七八九十几]?个(?:[^，。 ]{{0,6}}的)?(?:{FAMILY})"
)


# Asking for a person names one, or a way to reach one (not 人工耳蜗).
HUMAN = re.compile(
    r"人工(?!耳蜗|授精)|真人|活人|社工|工作人员|客服|负责人|负责的|管事|电话|打给|回电|回个电|当面"
    r"|面谈|上门|来我家|找个人(?!资助|帮我出|捐)|找人(?!资助|帮我出|捐)|叫人|跟人|人来|说话|聊聊"
    r"|谈谈|见面|领导|你们的人|专人|转人|机器"
    r"|有人[^，。]{0,4}(?:跟|和|给|来)|[叫派来换]个人|个人跟|跟[我俺]说|不会打字"
)
# Sent here by someone (社工说我家符合条件 让我在这里登记): a request, not asking for a person.
REFERRED = re.compile(r"(?:社工|村里|村委会?|村干部|老师|镇上|民政)[^，。]{0,6}(?:说|让|叫)")
# Asking whether something happened to one's request or gift (申请有回音没, 有好心人帮我家了吗):
# a status question, not a new request, unless it tells a need.
OUTCOME = re.compile(
    r"(?:了吗|了没有?|了不)[啊呀吧呢？?]*$|回音|是不是被|被驳回|驳回了|被拒|咋还没|怎么还没"
    r"|还没(?:有)?人|[到批]了没|(?:怎么|咋)(?:还是|还在|一直)[^，。]{0,6}(?:审核|核实|处理|等|没)"
    # nobody on it, asked after applying (申请了半个月了 有没有人管啊)
    r"|(?:申请|登记|提交|报|求助)了[^，。]{0,8}(?:有没有人|没人|有人)(?:管|理|问|联系|看)"
    # looking up a request already made, one's own or a relative's (查一下我爸的申请)
    r"|查(?:一下|一查|查|询)?[^，。\s]{0,6}的(?:申请|求助|认捐|捐款)"
    # a review or an answer that takes long (审核怎么这么慢啊 都一个月了)
    r"|(?:审核|核实|审批|处理|回复|答复)[^，。]{0,4}(?:怎么|咋|为什么|为啥)(?:这么|那么|还)?(?:慢|久)"
    # no word since (社工说帮我报上去了 后来就没信了)
    r"|后来(?:就)?没(?:信|音信|消息|动静|下文)"
    # no word back (申请都快一个月了 一点消息都没有)
    r"|(?:消息|动静|回音)都没有?|没有?(?:消息|回音)"
    # when one will hear back (啥子时候能给我回个话嘛)
    r"|(?:什么|啥子?|几)时候[^，。]{0,8}(?:回个?话|回复|回信|答复|通知我|给我回)"
    # a promise not kept yet (说来我家看看到现在也没来)
    r"|(?:到现在|至今|一直|现在)(?:也|都|还)?没(?:来|到|人来|人联系|联系|人理|人管|人问|下文|动静)"
    # a visit or a call promised, and the time gone by (社工说下周来 都过了两周了)
    r"|(?:说|说好|答应)[^，。]{0,8}(?:来|联系|打电话|回复|回电)[^。]{0,8}(?:都|已经)过了"
    r"[^，。]{0,6}(?:天|周|星期|礼拜|月)"
    # something done before, asked after (上礼拜认捐的三千有没有分给哪家)
    r"|(?:上礼拜|上星期|上周|上个月|上月|前几天|前些天|昨天|前天|去年|上次|之前)[^，。]{0,6}"
    r"(?:认捐|捐|送|寄|申请|报|交|登记|提交|填|报名)的[^，。]{0,12}"
    r"(?:吗|没有?|哪|谁|[啥什][么子]?情况|怎么样|咋样|如何)"
)
# When the money comes, asked (钱啥时候能打给我们啊 等着交学费呢): a status question, whatever
# it is needed for.
MONEY_WHEN = re.compile(
    r"(?:钱|款|补助|资助)[^，。]{0,4}(?:什么|啥子?|几)时候[^，。]{0,6}(?:打|转|到|发|给|拨|拿)"
    r"|(?:什么|啥子?|几)时候[^，。]{0,4}(?:打钱|给钱|到账|发钱|拨款|钱到)"
)
# One's own gift, asked after (我捐的三千块钱给到谁家了, 我送的轮椅到人家手里没有, 我都捐过哪些):
# a status question, whatever need the gift names; asking what may be done with it (我捐的钱能
# 指定给哪个孩子吗) is not.
OWN_GIFT = re.compile(
    r"(?:我|俺)(?:们)?(?:都|一共|总共|之前|上次|那次)?(?:认捐|捐赠|捐|送|寄|资助|赞助)(?:的|过)"
)
# A gift told as done, the sentence ending on it (我用这个微信捐的, 是俺上个月送的): asked after.
GIFT_TOLD_DONE = re.compile(
    r"(?:我|俺)(?:(?!想|要|打算|准备|愿意)[^，。？?]){0,8}(?:认捐|捐|送|寄)的[了啊呀吧呢哦]*$"
)
GIFT_ASKED_AFTER = re.compile(r"谁|哪些|哪儿|哪里|哪家|哪户|去向|列|记录|没有?[啊呀吧呢？?]*$")
GIFT_ASKED_HOW = re.compile(r"能|可以|会不会|怎么(?!还没)")
# A request made before, asked after (我家孩子在你们这登记过，想问下进度), naming no need.
FILED_BEFORE = re.compile(r"(?:登记|申请|报|提交|填|求助|报名)过")
# Whether one may ask at all, in one's circumstances (我不是贫困户可以求助吗): a question
# about the platform.
ELIGIBILITY = re.compile(
    r"(?:不是|没有|没)[^。]{1,8}(?:也)?(?:可以|能|能不能|可不可以)(?:求助|申请|登记|报名|报)(?:吗|么|不)?"
)
# Who someone is, not what they need, in such a question (没有低保, 不是建档立卡户).
STANDING = re.compile(r"低保证?户?|建档立卡户?|贫困户|五保户?|边缘户")
# An either-or question about giving or asking (捐的旧衣服是快递过去还是有人上门收): how
# something works here (not 你是男生还是女生).
EITHER_OR = re.compile(r"是[^，。？?]{1,12}还是[^，。？?]{1,12}[吗呢？?]?$")
HOW_WORDS = re.compile(r"捐|寄|送|快递|邮|上门|来拉|来取|来收|交|申请|求助|领|办|给")
# How something given gets there (衣服怎么寄过去, 东西咋送给你们): a question about us, not a
# need for clothes.
HOW_TO_SEND = re.compile(
    r"(?:怎么|咋|如何|怎样)样?(?:寄|邮|快递|运|送)(?:过去|过来|给|到|去)"
    # fetched or sent (你们来拿还是我寄)
    r"|(?:你们|您们)?(?:来|上门)(?:拿|取|收|拉)还是(?:我|我们)(?:自己)?(?:寄|送|快递)"
)
# Wanting to know what the platform is (我是县民政局的，想了解一下你们平台): a question about
# it, when nothing is asked for, offered or needed.
LEARN_ABOUT = re.compile(
    r"(?:了解|咨询|认识)一?下?(?:你们|贵|这个|咱们?)(?:的|这个)?(?:平台|机构|公众号|组织|项目)?"
)
# Asking only how to give or to ask for help (请问怎么捐款, 怎么申请): the flow is the answer.
HOW_TO_START = re.compile(
    r"^(?:请问|你好|您好|想问问?|问一下)?[，,]?(?:我)?(?:要|想)?(?:怎么|怎样|如何|咋)(?:样)?(?:才能)?"
    r"(?P<verb>捐款|捐钱|捐赠|捐东西|捐物|捐|认捐|资助|申请帮扶|申请救助|申请|求助)(?:呢|啊|呀)?[？?]*$"
)
ASKING_VERBS = ("申请", "求助")
# Asking how to help others (留守儿童怎么帮, 怎么帮助困难户): giving; the pledge is the answer.
HOW_TO_HELP_OTHERS = re.compile(
    r"(?:怎么|怎样|如何|咋)(?:样)?(?:才能)?(?:帮|帮助|帮扶|资助)(?:一下)?"
    rf"(?:{OTHERS.pattern}|留守儿童|孤儿|他们|山区的?孩子)"
    rf"|(?:{OTHERS.pattern}|留守儿童|孤儿)[^，。]{{0,4}}(?:怎么|怎样|如何|咋)(?:样)?(?:帮|帮助|资助)"
    # a family to help, asked to be put in touch with (能不能帮我联系一个需要帮助的家庭)
    r"|(?:帮|给)(?:我|俺)(?:联系|介绍|推荐|对接)(?:个|一个|几个|一户|一家)?(?:需要帮助|困难|贫困)"
)
# Asking how to reach a person (怎么联系社工): the way is to ask for one.
HOW_TO_REACH = re.compile(
    r"^(?:请问|你好|您好|想问问?|问一下)?[，,]?(?:我)?(?:要|想)?(?:怎么|怎样|如何|咋|去哪|哪里|在哪)(?:样)?"
    r"(?:才能|可以|能)?(?:联系|联络|找到?|打给|见到)(?:上|到)?(?:你们的?)?"
    r"(?:社工|工作人员|客服|人工|真人|负责人)(?:呢|啊|呀)?[？?]*$"
)
# A person wanted in so many words (跟你这个自动回复说不明白 要找个活人).
WANTS_PERSON = re.compile(r"(?:找|要|换|转|叫)(?:个|一个)?(?:活人|真人|人工|客服)")


def _wants_a_person(text: str) -> bool:
    cue = side_cue(text)
    return WANTS_PERSON.search(text) is not None and (cue is None or cue[1] < Strength.SAID)


# Only asking to register (我要登记): a household's, or a donor's? The side is asked.
REGISTER_ONLY = re.compile(r"^(?:我|俺)?(?:要|想)?(?:登记|填表|填个表)(?:一下)?[吧啊呀]?$")
# Whether the platform works where one lives (我们县有没有你们的人): a question about it.
COVERAGE = re.compile(
    r"(?:我们|俺们|咱们?|我这|俺这|这边|这里|那边)[^，。]{0,4}有没有你们(?:的)?(?:人|社工|机构|站|点|服务|项目)"
    r"|你们(?:管|覆盖|服务)(?:不管|不覆盖|得到|得了)?[^，。]{0,6}(?:县|市|镇|乡|村|地方)"
)
# Asking whether a gift may go to someone chosen (我想捐给认识的那户人家行不行): how giving
# works here, not yet a pledge.
DESIGNATES = re.compile(
    r"(?:捐给|送给|资助)(?:我)?(?:认识|熟悉|知道|指定|自己选|选)的[^，。]{0,8}"
    r"(?:行不行|行吗|可以吗|可不可以|能不能|能吗|成吗)[？?]*$"
)
# Asking about a matter with nothing of one's own in it (我想问下孩子读书的事情, 想了解下助学的
# 事): it may come from a household or from a donor.
ENQUIRY = re.compile(
    r"(?:了解|问问?|咨询|打听)(?:一)?下?[^，。？?]{0,10}"
    r"(?:的事情?|方面|这块|这一块|的情况|的政策|项目)[吗呢？?]*$"
)
# Asking whether one may give something to those in need (单位食堂剩的饭菜能不能送给困难户): the
# pledge is the answer, as it is to how to give.
MAY_GIVE = re.compile(r"(?:能不能|可不可以|能否|可以|能)(?:送|捐|给)(?:给|到)?(?!我|俺|咱)")
# ...unless it asks what the platform gives (你们能给困难户送米吗).
ASKS_US = re.compile(r"你们|您们|平台|政府")
# Asking for paperwork for a gift (我想知道我捐的钱有没有开发票): a question about the platform.
PAPERWORK = re.compile(
    r"发票|收据|票据|捐赠证明|抵税|免税|抵扣|捐赠证书|荣誉证书|爱心证书|感谢信"
    r"|捐[^，。？?]{0,6}[，,\s]?[^，。？?]{0,4}证书"  # 我捐了东西 能要个证书吗
)
# What a public account is sent that is nobody's business here: chain messages, prizes, links.
SPAM = re.compile(
    r"转发|红包|中奖|抽奖|有奖|奖励|奖品|领奖|点击|链接|扫码|加我微信|加微信|刷单|日赚|返利|优惠券"
    r"|理财|高息|稳赚|兼职日结"
    r"|集赞|砍一刀"
)
# What delete-my-data is about (身份证号码你们别再保存了).
PERSONAL_DATA = re.compile(r"身份证|电话|手机号|号码|个人信息|我的信息|资料|记录|名字|照片|账号")
# Deleting one's data names the deletion (删, 注销, 撤回, 别存…).
DELETION = re.compile(
    r"删|注销|撤回|撤销|去掉|清除|清空|清掉|清理|抹掉|销毁|移除|作废|保存|存着|留着|别存|不要存"
    r"|不想留|别留|不留"
)
# Leaving no number is no deletion (捐款1000元 匿名 不留电话: a donor reached in the chat).
NO_NUMBER_LEFT = re.compile(
    r"不(?:想|用|必)?留(?:电话|手机号?|号码|联系方式)|(?:电话|手机号?|号码)(?:就)?不(?:想|用)?留"
)


def _asks_deletion(text: str) -> bool:
    """Whether the text asks for one's data to be deleted: the deletion and the data named."""
    rest = NO_NUMBER_LEFT.sub("，", text)
    return DELETION.search(rest) is not None and PERSONAL_DATA.search(rest) is not None


# Calling something off says so: a word of stopping, or 不…了 (别往下问了).
STOPS = re.compile(
    r"取消|退出|退掉|撤|算了|算咯|结束|不要了|不用了|不需要了|别提交|不提交|停|放弃|先不"
    r"|[不别][^，。]{0,4}了"
)
# Asking us to help someone (想请你们帮帮他, 麻烦你们救救这孩子).
PLEADS_WITH_US = re.compile(r"(?:请|求|麻烦|拜托)你们(?:帮|救|资助|关注)")
# Pleading for help (帮帮忙, 求求你们): with thanks said ahead, still a request.
PLEA = re.compile(r"帮帮忙|帮帮我|帮个忙|求求|救救|求你们|拜托")
# Saying one no longer asks or gives (我不想求助了, 不用帮我了, 我不想捐了, 先不申请了): calling
# it off.
DECLINED = re.compile(
    r"(?:不想|不要|不用|不打算|不必|没必要|不需要|不)再?(?:求助|申请|捐|帮|资助|登记|认捐)[^，。？?]{0,3}了"
)


def _declines(text: str) -> str | None:
    """Calling a request or a gift off (我不想求助了) is a cancel, or a person asked for
    with it (我不想申请了 能找社工吗), or a deletion (…把我的电话都删了); not when a hardship
    follows (…但是孩子病了没钱)."""
    declined = DECLINED.search(text)
    if declined is None:
        return None
    if _asks_deletion(text):  # 我不申请了 把我的身份证号和电话都删了
        return "delete_my_data"
    after = text[declined.end() :]
    if need_types(after) or HARDSHIP.search(after):
        return None
    return "request_human" if HUMAN.search(text) else "cancel"


# A question, and one that ends asking whether something happened.
QUESTION = re.compile(
    r"[吗呢？?]|怎么|咋|如何|什么|啥|多少|哪|谁|能不能|可不可以|是不是|有没有|几"
    r"|([\u4e00-\u9fff])不\1"  # 管不管, 收不收
)
QUESTION_END = re.compile(r"(?:吗|呢|没有|没|了没)[啊呀吧？?]*$")
# An "off topic" reading below this does not stand for a text that asks or offers.
SURE_OFF_TOPIC = 0.9
# A whole answer saying who someone is (她是我奶奶, 我孙子, 是我表哥).
RELATION = re.compile(
    r"(?:他|她|这|那|这个|那个)?(?:是)?(?:我|俺)(?:的|家|家的)?"
    rf"(?:{FAMILY}|邻居|本人|自己)"
    r"(?:呀|啊|吧|哦|嘛|呢)?"
    # whom one asks for (替我侄子问的; 帮我妈… asks for her)
    rf"|(?:是)?(?:替|为)(?:我|俺)(?:的|家)?(?:{FAMILY}|邻居)(?:问|打听|咨询)的?(?:呀|啊|哦)?"
)
# A household's size and who is in it, and nothing else (五口人老两口加儿子儿媳和孙子).
HOUSEHOLD = re.compile(
    rf"(?:{FAMILY}|老两口|两口子|[家屋]里头?|[家屋]头|[我俺]家?|就|有|共|一共|总共|加上?|和|跟|还有|的"
    r"|[0-9一二两三四五六七八九十]\s*(?:口人|口|个人|个)|[，、,\s])+"
)
# What it is mainly about, answered (主要是住的问题, 主要就是娃上学这块): the need, told.
MAINLY = re.compile(r"(?:主要|其实)?就?是")
NO_SIDE_SAID = (None, Strength.HARDSHIP)  # a need told, not a request or an offer said
# Who the applicant or the contact is, answered (申请人是我孙女 她叫阿依, 户主写我老伴).
WHO_IS_NAMED = re.compile(r"(?:申请人|户主|联系人|登记人|受助人)(?:是|写|填|就是|叫)")
# Saying that something was taken wrongly (你们弄岔了我没说过这个): a no.
CORRECTION = re.compile(
    r"搞错|弄错|弄岔|搞岔|说错|记错|填错|听错|看错|没说过|不是我说的|没这么说|没说要|理解[反错]|[搞弄]反"
)
# Something received or someone come, said and not asked (东西收到了, 社工来过了): an
# acknowledgement.
RECEIVED = re.compile(
    r"(?![^，。]*[没不吗么呢？?])[\u4e00-\u9fa5]{0,6}?(?:已经|都)?"
    r"(?:收到了|收到啦|到了|到啦|拿到了|领到了|来过了)[呀啊哦啦了]?"
)
# Whether anyone is there to read (能看到我发的消息吗): a greeting.
PRESENCE = re.compile(r"(?:看到|看得到|看见|收到)[^，。]{0,4}(?:消息|信息|说的话)")
# A short text that only answers is no longer than this.
SHORT_REPLY = 16
# What a short text may be besides an answer, in the order they are looked for (算了谢谢
# cancels).
COURTESIES = ("cancel", "thank", "greet")
GREETING_REST = 4  # characters beside a greeting word (喂…吗)


@dataclass(frozen=True)
class Cues:
    """What the words themselves say, read once per message."""

    text: str
    side: str | None  # a cue for help or for donation
    strength: Strength | None
    names_need: bool
    short: bool  # as short as a bare answer
    both_sides: bool  # words of both sides
    asks_outcome: bool  # whether a request or a gift got anywhere, telling no need
    spam: bool  # a chain message or a prize, asking and offering nothing
    asks_how: bool  # whether one may ask at all, or which way something works
    enquiry: bool = False  # asking about a matter (想了解下助学的事), telling no side

    @property
    def decisive_when_unsure(self) -> bool:
        """An explicit request or offer, or a hardship with a named need: enough to decide
        when the model is unsure."""
        return self.strength == Strength.SAID or (
            self.strength == Strength.HARDSHIP and self.names_need
        )

    @classmethod
    def of(cls, text: str) -> Cues:
        side, strength = side_cue(text) or (None, None)
        short = len(bare(text)) < ANSWER_LENGTH
        names_need = bool(need_types(text))
        told = OUTCOME.sub("", text)  # what is left once the question is taken out
        outcome = bool(OUTCOME.search(text) and STATUS.search(text)) and not (
            names_need or HARDSHIP.search(told)
        )
        # when the money comes, whatever it is needed for (not 给到我们家: asked for)
        outcome = outcome or bool(MONEY_WHEN.search(text) and not FOR_ME.search(text))
        filed_before = _filed_before(text) and not names_need
        outcome = outcome or filed_before or _asks_after_gift(text)
        spam = bool(SPAM.search(text)) and strength in (None, Strength.HARDSHIP) and not names_need
        eligible = bool(ELIGIBILITY.search(text)) and not need_types(STANDING.sub("", text))
        settled = strength == Strength.SETTLED
        either_or = bool(EITHER_OR.search(text) and HOW_WORDS.search(text)) and not settled
        learns = bool(LEARN_ABOUT.search(text)) and strength is None and not names_need
        both = says_both(text)
        paperwork = bool(PAPERWORK.search(text)) and not (  # 证书 of a gift is no training
            settled or need_types(PAPERWORK.sub("，", text))
        )
        asks_how = eligible or either_or or paperwork or (learns and not STATUS.search(text))
        asks_how = asks_how or bool(COVERAGE.search(text) or DESIGNATES.search(text))
        asks_how = asks_how or (bool(HOW_TO_SEND.search(text)) and not settled)
        enquiry = bool(ENQUIRY.search(text)) and strength in (None, Strength.HARDSHIP)
        enquiry = enquiry and not (HARDSHIP.search(text) or OWN.search(text))
        return cls(text, side, strength, names_need, short, both, outcome, spam, asks_how, enquiry)


def _household_answer(text: str) -> bool:
    """Whether a text is only a household's size and who is in it."""
    return find_household_size(text) is not None and bool(HOUSEHOLD.fullmatch(bare(text)))


def asks_after_earlier(text: str) -> bool:
    """Whether a text asks after a request or a gift made before (之前我提交过一次 有结果了吗,
    我上个月捐的钱给谁了)."""
    if not (QUESTION_END.search(text.strip()) or "?" in text or "？" in text):
        return False
    return _filed_before(text) or _asks_after_gift(text)


def _filed_before(text: str) -> bool:
    return FILED_BEFORE.search(text) is not None and STATUS.search(text) is not None


def _asks_after_gift(text: str) -> bool:
    if GIFT_TOLD_DONE.search(text.strip(" 。！!")):
        return True
    if OWN_GIFT.search(text) is None or GIFT_ASKED_HOW.search(text):
        return False
    return bool(OUTCOME.search(text) or GIFT_ASKED_AFTER.search(text))


def _plausible(intent: str, confidence: float, cues: Cues) -> bool:
    if intent == "out_of_scope":  # doubtful for a text that names a need, more so one that asks,
        # or one that asks for a deletion
        asks = cues.strength in (Strength.SAID, Strength.SETTLED) and confidence < SURE_OFF_TOPIC
        deletes = DELETION.search(cues.text) is not None
        reach = HUMAN.search(cues.text) is not None and confidence < SURE_OF_SIDE  # 能打电话吗
        # a hardship told, not asked about, with a named need (今年天旱 玉米基本绝收了) is no
        # chatter; 残疾补贴怎么领 asks where a subsidy is granted
        told = cues.side == HELP and cues.names_need and HARDSHIP.search(cues.text) is not None
        told = told and confidence < SURE_OFF_TOPIC and QUESTION.search(cues.text) is None
        doubted = (cues.names_need or deletes) and confidence < SURE_OF_SIDE
        return not (asks or reach or told or doubted)
    if intent == "request_human":  # not a promised visit that has not come (社工说来…也没来),
        # nor someone sent here to register (社工让我在这里登记)
        sent = REFERRED.search(cues.text) is not None and cues.strength == Strength.SETTLED
        return HUMAN.search(cues.text) is not None and not (cues.asks_outcome or sent)
    if intent == "check_status":  # a doubtful one does not stand for a need told as one's own
        troubled = cues.side == HELP and cues.names_need and confidence < SURE_OF_SIDE
        uncared = cues.strength == Strength.HARDSHIP and UNCARED.search(cues.text) is not None
        asked = UNCARED.sub("，", cues.text) if uncared else cues.text  # 没人管 is no progress word
        return (STATUS.search(asked) is not None or cues.asks_outcome) and not troubled
    if intent in ("affirm", "deny"):  # a doubtful yes or no that asks about progress, or
        # that tells a hardship (医药费不够)
        asks_progress = STATUS.search(cues.text) and QUESTION_END.search(cues.text)
        tells = asks_progress or HARDSHIP.search(cues.text)
        settles = cues.strength == Strength.SETTLED  # 好的 那捐吧: a yes that gives
        return not ((tells and confidence < SURE_OF_SIDE) or settles)
    if intent == "ask_about":  # a doubtful question about us that tells one's own need, or
        # that asks nothing and says which side (申请成为志愿者)
        asks = QUESTION.search(cues.text) is not None
        # a statement of one's own need is no question unless the model is very sure
        told = cues.side == HELP and cues.names_need and not asks
        # asking for oneself (我能参加吗) is a request even as a question
        says = bool(FOR_ME.search(cues.text)) or (cues.strength == Strength.SAID and not asks)
        doubtful = (told and confidence < SURE_OFF_TOPIC) or (says and confidence < DOUBTFUL)
        gives = cues.side == GIVE and bool(MAY_GIVE.search(cues.text))  # 能不能送给困难户
        gives = gives and ASKS_US.search(cues.text) is None
        return not (doubtful or gives or cues.asks_outcome)  # 怎么还是审核中: a status question
    if intent == "delete_my_data":  # a doubtful one names the deletion; one character over
        # and over (我我我我我) names nothing
        if len(set(bare(cues.text))) < 2:
            return False
        return confidence >= SURE_OF_SIDE or DELETION.search(cues.text) is not None
    if intent == "thank":  # thanking ahead for help pleaded for (帮帮忙 谢谢) asks for it
        return PLEA.search(cues.text) is None
    if intent == "cancel":  # a doubtful one says to stop (申请 alone is no 不申请了)
        return confidence >= SURE_OF_SIDE or STOPS.search(cues.text) is not None
    if intent == "inform":  # a short text can be an answer, unless it tells one's own hardship;
        # so can who lives in the household (五口人老两口加儿子儿媳和孙子)
        # (one's own: 我, or one's family, 娃要交学费还差两千)
        own = FIRST_PERSON.search(cues.text) or OWN.search(cues.text)
        own_hardship = HARDSHIP.search(cues.text) and own
        answers = (cues.short and not own_hardship) or _household_answer(cues.text)
        return answers or not (cues.names_need or cues.side == HELP)
    return True


def _by_cues(cues: Cues, ranking: Ranking) -> tuple[str | None, float]:
    """What the text's own words say when the model's guess does not fit them."""
    if _asks_deletion(cues.text):
        return "delete_my_data", CUE_CONFIDENCE
    if cues.asks_outcome:
        return "check_status", CUE_CONFIDENCE
    if cues.side is not None:
        return cues.side, CUE_CONFIDENCE
    if cues.names_need:
        return HELP, CUE_CONFIDENCE
    if ranking[0][0] == "out_of_scope" and HUMAN.search(cues.text):  # 打字太慢了能打电话吗
        return "request_human", CUE_CONFIDENCE
    return next(((i, c) for i, c in ranking[1:] if _plausible(i, c, cues)), (None, 0.0))


def _side_checked(cues: Cues, intent: str | None, confidence: float) -> tuple[str | None, float]:
    """Help or donation stands when the text's cue agrees (two signals: as sure as a cue),
    or, with no cue, when the model is sure; otherwise the bot asks."""
    if intent not in (HELP, GIVE):  # a doubtful other reading of words of both sides: ask
        doubtful_side = cues.both_sides and confidence < SURE_OF_SIDE
        return (UNSURE_SIDE, 1.0) if doubtful_side else (intent, confidence)
    if cues.asks_outcome:
        return "check_status", CUE_CONFIDENCE
    if cues.enquiry:  # 想了解下助学的事: a household's, or a donor's?
        return UNSURE_SIDE, 1.0
    cue, sure = cues.side, confidence >= SURE_OF_SIDE
    if cue == intent:
        return intent, max(confidence, CUE_CONFIDENCE)
    if cue is None:  # words of both sides beside one's own child (能捐点奶粉吗 我家有个宝宝),
        # or asking us to help someone (我们学校有个学生…想请你们帮帮他)
        pleads = PLEADS_WITH_US.search(cues.text)
        # ...or a hardship told beside them, read as an offer (孩子缺营养 能不能捐点奶粉)
        hardship = intent == GIVE and HARDSHIP.search(cues.text) is not None
        mine = cues.both_sides and bool(OWN_CHILD.search(cues.text) or pleads or hardship)
        return (intent, confidence) if sure and not mine else (UNSURE_SIDE, 1.0)
    if cues.strength == Strength.SETTLED or (not sure and cues.decisive_when_unsure):
        return cue, CUE_CONFIDENCE
    return UNSURE_SIDE, 1.0  # certain that the side must be asked


def _unsided(cues: Cues, ranking: Ranking) -> tuple[str, float] | None:
    """A doubtful help or donation reading of a text with nothing of either side in it (no
    cue, no need): the next plausible reading that is neither, when the model gives it some
    weight (那个编号是多少来着我想查一下 asks about a record)."""
    intent, confidence = ranking[0]
    if intent not in (HELP, GIVE) or confidence >= DOUBTFUL:
        return None
    if cues.side is not None or cues.names_need or cues.both_sides:
        return None
    return next(
        (
            (other, weight)
            for other, weight in ranking[1:]
            if other not in (HELP, GIVE)
            and weight >= SIDELESS_NEXT
            and _plausible(other, weight, cues)
        ),
        None,
    )


# A reply that begins by taking something in (好的, 行, 知道了, 明白), and says a little more.
ACK_REST = 3
ACK_FIRST = re.compile(
    r"(?:好的|好滴|好嘞|行|嗯+|知道了|明白了?|晓得了|收到|ok)[啊呀吧哦]*", re.IGNORECASE
)


def _bare_answer(cues: Cues, intent: str, confidence: float) -> str | None:
    """Something received, said (东西收到了); or a short text with nothing of either side
    that only answers: who someone is (她是我
    奶奶), a sum read as a side (估摸着得一万一), a correction (你们弄岔了我没说过这个), or
    whether anyone reads (能看到我发的消息吗); or, read as a side, off topic, doubtfully or
    as what it cannot mean, a cancel, a thanks or a greeting in their own words (算咯, 这份
    恩情记一辈子, 有人在线不, 有没有人啊)."""
    plain = bare(cues.text)
    if RECEIVED.fullmatch(plain):  # 东西收到了, 社工来过了: said, not asked (maybe thanked)
        return "thank" if THANKS.search(cues.text) else "affirm"
    if GOOD_NEWS.search(plain) and len(plain) < SHORT_REPLY and _tells_only_good(cues):
        return "affirm"  # 孩子已经上学了: news of help that worked, no new request
    if MAINLY.match(plain) and cues.short and cues.names_need and cues.strength in NO_SIDE_SAID:
        return "inform"
    if cues.side is not None or cues.names_need or cues.both_sides:
        return None
    if find_phone(cues.text) or find_id_number(cues.text):  # 我手机号…有事打这个
        return "inform"
    if WHO_IS_NAMED.match(plain) or _household_answer(cues.text):  # 屋里头四个人 我 老婆 两个娃
        return "inform"
    if len(plain) >= SHORT_REPLY:
        return None
    if RELATION.fullmatch(plain):
        return "inform"
    if intent in (HELP, GIVE) and cues.short and parse_amount(cues.text):
        return "inform"
    if CORRECTION.search(plain) and not STATUS.search(plain):
        return "deny"
    if PRESENCE.search(plain) and intent in ("ask_about", "check_status", "out_of_scope"):
        return "greet"
    # 算咯, thx, 有人在线不; 有没有人啊, read as asking for a person without naming one
    doubtful = intent in (HELP, GIVE, "out_of_scope") or confidence < DOUBTFUL
    if doubtful or not _plausible(intent, confidence, cues):
        if (courtesy := next((i for i in COURTESIES if _says(i, plain)), None)) is not None:
            return courtesy
        taken_in = ACK_FIRST.match(plain)  # 好的 那我让他自己来: after a reply (not 嗯哼)
        if taken_in and len(plain) - taken_in.end() >= ACK_REST and not QUESTION.search(plain):
            return "affirm"
    return None


def _tells_only_good(cues: Cues) -> bool:
    return cues.strength in NO_SIDE_SAID and HARDSHIP.search(cues.text) is None


def _says(courtesy: str, plain: str) -> bool:
    """Whether a short text is that courtesy; a greeting must be nearly all of it (你好我想
    登记一下 says more than hello)."""
    found = [w for w in INTENT_KEYWORDS[courtesy] if w in plain]
    if courtesy == "greet":
        return any(len(plain) - len(word) <= GREETING_REST for word in found)
    return bool(found)


def arbitrate(text: str, ranking: Ranking) -> tuple[str | None, float]:
    """The intent acted on, and how sure it is, from Rasa's ranking and the text."""
    if not ranking:
        return None, 0.0
    cues = Cues.of(text)
    if cues.spam:
        return "out_of_scope", CUE_CONFIDENCE
    if _thanks_for_help(text):
        return "thank", max(CUE_CONFIDENCE, dict(ranking).get("thank", 0.0))
    if cues.asks_how:  # as sure as the model, when it says so too
        return "ask_about", max(CUE_CONFIDENCE, dict(ranking).get("ask_about", 0.0))
    if (how := HOW_TO_START.match(bare(text))) is not None:  # the flow is the answer
        return (HELP if how.group("verb").startswith(ASKING_VERBS) else GIVE), CUE_CONFIDENCE
    if HOW_TO_HELP_OTHERS.search(text) and not FOR_ME.search(text):
        return GIVE, CUE_CONFIDENCE
    if (declined := _declines(text)) is not None:
        return declined, CUE_CONFIDENCE
    if HOW_TO_REACH.match(bare(text)) or _wants_a_person(text):
        return "request_human", CUE_CONFIDENCE
    if REGISTER_ONLY.match(bare(text)):
        return UNSURE_SIDE, 1.0
    intent, confidence = ranking[0]
    answer = _bare_answer(cues, intent, confidence)
    if answer is not None:
        return answer, CUE_CONFIDENCE
    if _plausible(intent, confidence, cues):
        return _unsided(cues, ranking) or _side_checked(cues, intent, confidence)
    return _side_checked(cues, *_by_cues(cues, ranking))
