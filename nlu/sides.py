"""Which side of help a message is on, from what it says, as a second opinion next to
Rasa's. Asking for oneself (资助我, 能给我家…吗, 帮他申请, 我想出去学, 我想报名, or a request
told as one's own: 可以领捐赠的衣服吗，我家孩子没冬衣穿) settles it, even against the model,
and so does giving in the first person (我想捐, 我们也要认捐).
Otherwise an explicit request (申请, 想学, 想找工作) beats an explicit offer to others
(捐给, 想帮帮他, 可以免费教, 提供岗位, 用不完, 我们诊所可以…, …谁要), which beats a described
hardship (交不起, 差三千, 医药费要…) or a named need told as one's own, or told of no one
while naming no goods or service on offer. A message with both a request and
an offer has no side of its own."""

from __future__ import annotations

import re
from enum import IntEnum

from nlu.lexicon import CRISIS, FAMILY, detect_kind, need_types
from vocabulary import NEIGHBOURS

HELP = "seek_help"
GIVE = "offer_donation"

_NUM = r"[\d一二两三四五六七八九十几百千万]"
_ME = r"(?:我|俺|咱|阿拉|额)"
_OTHER_PEOPLE = (
    r"患儿|患者|病人|病患|家庭|困难户|贫困户|五保户|低保户|贫困生|学生|孩子们|老人们|山区|他们|她们|别人"
    r"|乡亲|群众|村民|留守|孤寡|灾区|受灾的"
)
# 帮我 / 帮我们: for oneself, unless "我们" goes on to name other people (帮我们老家的留守儿童;
# 帮我们这种家庭 is oneself; 帮我隔壁的孩子 is a neighbour's), or it asks for a chore
# (帮我把视频转发一下, 帮我登记一下我要捐, 作文帮我改改, 帮我算一下, 帮我写一篇作文), or gives
# for one (可以帮别人捐吗 帮我妈捐)
_NEIGHBOUR = f"(?:{'|'.join(NEIGHBOURS)})"
_NOT_ME = (
    rf"把|登记|查|改|翻译|打印|算|写(?!申请)|报上|(?:送|转|交|捐)给(?!{_ME})|[妈爸]?来?(?:登记)?(?:一下)?(?:捐|认捐)|(?:找|联系|介绍|推荐|对接)(?:个|一个|几个|一户|一家)?(?:需要|困难|贫困)|{_NEIGHBOUR}"
    rf"|们(?!这种|这样)[^，。]{{0,12}}(?:{_OTHER_PEOPLE})"
)
_HELP_ME = rf"帮{_ME}(?!{_NOT_ME})"
# 资助我 / 资助俺: for oneself, not 资助我认识的那个孩子
_FUND_ME = rf"资助{_ME}(?!认识|知道|熟悉|选的)"
# Signing up to volunteer, wherever it is said (想利用暑假去山区支教，可以报名吗): giving time.
VOLUNTEERING = re.compile(
    r"(?:去|想|要|报名|参加|申请|可以|能|愿意)[^，。]{0,8}(?:支教|当志愿|做志愿|当义工|做义工|做公益)"
    r"|志愿者"
)
# ...unless said of the past (我以前是志愿者 现在家里出事了 能求助吗).
WAS_VOLUNTEER = re.compile(
    r"(?:以前|之前|曾经|过去|原来|当年)[^，。]{0,4}(?:是|当过?|做过?)[^，。]{0,3}(?:志愿者|义工)"
    r"|(?:当|做)过(?:志愿者|义工|志愿)"
)
# Joining as a volunteer is giving time, not asking (申请成为志愿者, 报名当志愿者).
_NOT_VOLUNTEERING = r"(?![^，。]{0,4}志愿|[^，。]{0,6}(?:公益|捐|义工|义诊|献))"

# Asking for oneself or one's family: never an offer, whatever else the text says.
FOR_ME = re.compile(
    # one's own family, said alone (我家, 给俺家, 我自己家): asked for them; its hardship, said
    # first (家里有困难)
    rf"^(?:给|为|帮)?{_ME}(?:自己)?(?:家|家里|家人|屋头|屋里)(?:的事)?[吧啊呀的]?$|"
    r"^(?:家里|屋里|屋头)(?:有|很|太|特别|比较|挺|实在)?(?:困难|难处)"
    r"(?![^。]*(?:但|可是|不过|还是)[^。]*(?:捐|资助|帮))|"
    rf"{_FUND_ME}|{_HELP_ME}|给{_ME}家|能给{_ME}|给{_ME}一|帮[^，。]{{0,4}}(?:求助|申请)"
    rf"|{_ME}[^，。教给帮送捐]{{0,5}}(?:想|要)(?:出去|去)?学(?!生|校|费)"
    rf"|{_ME}(?:想|要)找[^，。]{{0,6}}(?:工作|活|事)"
    rf"|{_ME}(?:也)?(?:想|要|能|可以)(?:报名|参加){_NOT_VOLUNTEERING}|{_ME}(?:想|要)要?(?!认捐|捐|资助|赞助|提供)[^，。]{{0,8}}名额"
    rf"|{_ME}(?:也|们)?(?:想|要)(?:申请{_NOT_VOLUNTEERING}|求助)"
    rf"|能发(?:给)?{_ME}|(?:收购|买|销)[^，。]{{0,2}}{_ME}(?:们)?(?:村|家|这|屋)"
    rf"|{_ME}家[^，。]{{0,4}}想要|{_ME}(?:也)?想要(?:一|两)(?:辆|台|个|张|套|件|床|副)(?![^。]*(?:捐|送给|资助))|{_ME}(?:也)?(?:想|要|能|可以)领(?!奖|红包|养)"
    rf"|{_ME}(?:也)?(?:去|来)领(?!奖|红包|养|着|导|队)"  # 哪里有人捐东西 我去领
    # collecting what is given (衣服可以领 我怎么领)
    rf"|{_ME}(?:怎么|咋|去哪|到哪|在哪)(?:才能)?(?:去)?领(?!奖|红包|养|导|队)"
    # donated things asked after (有捐赠的米面吗), not the way to give (有捐赠的渠道吗)
    r"|有(?:没有)?(?:人)?(?:捐赠|捐)的(?!渠道|途径|方式|地方|平台|流程|要求|规定)"
    r"[^，。？?]{1,6}(?:吗|么|没有)"
    rf"|{_ME}(?:想|要)(?:出去|外出)?打工(?![^。]*(?:捐|资助))"
    # one who gave before, in need now (我给别人捐过血 现在自己要输血没钱)
    r"|(?:现在|如今|这回|这次)(?:轮到)?(?:我|俺)?自己(?:家)?(?:也)?(?:要|需要|得|出事|病|遇|碰|没钱|缺)"
    # support wanted in so many words (我需要捐助, 老师说可以来这里找资助), what we are said
    # to hand out (听说你们提供免费的轮椅), told to register (社工让我在这里登记)
    rf"|{_ME}(?:们|家)?(?:很|急|真的|实在)?需要(?:捐助|资助|救助|帮助|帮扶|援助)"
    r"|找(?:资助|救助|帮扶|援助)(?!对象|的对象|的人)|你们(?:提供|发放?|送)免费"
    rf"|让{_ME}(?:们)?(?:在|来|到)(?:这里|这儿|这)?(?:登记|申请|报名|填)"
    # sent here by the community (社区让我来找你们 说可以帮忙交学费)
    rf"|(?:社工|社区|居委会?|村委会?|村里|村干部|老师|学校|民政|街道|镇上|乡里)[^，。]{{0,4}}"
    rf"(?:让|叫)(?:{_ME}|俺们|我们)(?:来|到)?(?:找|问)(?:你们|这里)(?![^。]*(?:捐|送给|资助别))"
    # one's own turn (以前我也捐过款 现在轮到我家有难了)
    rf"|轮到{_ME}(?:们)?(?:自己)?(?:家)?(?:了)?(?:有难|遭难|难|困难|需要|要人帮|求助)"
    # help as much as can be given (能帮多少帮多少), one's own family in hardship (我家里有困难),
    # unless giving all the same (我家里也困难 但还是想捐点)
    r"|能(?:帮|给)多少(?:是|算|就)?(?:帮)?多少|(?:帮|给)多少算多少"
    rf"|{_ME}家(?:里)?(?:有|很|太|特别|比较|挺)?困难(?![^。]*(?:但|可是|不过|还是)[^。]*(?:捐|资助|帮))"
    # a gift claimed (我想认领一个捐助), not a family taken on (我想认领一个贫困家庭)
    r"|认领(?:一个|一份|一笔|点|些)?(?:捐助|捐赠|捐款|物资|善款|爱心款)"
    # help pleaded for with no one named (我家也困难 能不能也帮帮)
    r"|(?:能不能|可不可以|能否|能)(?:也)?帮帮(?:忙|我|俺|咱|我们|我家)?[吗吧啊呀]?$"
    r"|(?:申请|报名|参加|领|要)[^，。]{0,6}(?:你们(?:提供|给|发)|免费的)"
    # what you hand out (领你们发的米), not what you posted (看到你们发的那个小女孩)
    r"|(?<!看到)(?<!看了)(?<!看见)你们(?:捐|发|送|提供)的|有没有免费"
    # one of those we help (我看到你们在资助贫困大学生 我就是), asking kind people to give
    # (在这里登记 让好心人捐助)
    r"|你们(?:在|正在)?(?:资助|帮助?|救助|帮扶)[^，。]{0,10}[，,\s]+[我俺](?:也|就)是"
    # asking whether we help one's kind, and being one (你们可以资助大学生吗 我是大一新生)
    r"|你们[^，。]{0,4}(?:资助|帮助?|救助|帮扶)[^，。]{0,10}[，,\s]+[我俺]是[^，。]{0,6}"
    r"(?:学生|新生|贫困|困难|低保|残疾|孤儿|单亲)"
    r"|让(?:好心人|爱心人士|别人|大家)来?(?:捐|资助|帮)"
    # begging for a thing (求一台捐赠的轮椅), wanting to be helped (我家也想得到你们的资助)
    r"|^(?:跪)?求(?:一|两|几|个|点|些)"
    r"|(?:想|能不能|能否|可以|可不可以)(?:也)?得到[^，。]{0,6}(?:资助|帮助|捐助|救助|帮扶|捐款)"
    # to be one of those helped (我们家想成为被帮扶的对象; 我也是其中一户)
    r"|(?:成为|当)(?:被)?(?:帮扶|资助|救助|受助)(?:的)?(?:对象|户|人)"
    rf"|{_ME}(?:家)?(?:也|就)是(?:其中(?:之一|一户|一个)?|[^，。]{{0,4}}(?:困难户|贫困户|低保户|五保户))"
    # one's household needing something (我家需要一台轮椅), someone sought to pay
    # (想找人帮忙出点医药费)
    rf"|{_ME}(?:们)?家(?:里)?也?(?:很|急|特别|现在)?需要(?![^。]*(?:捐|送人|送给|送出|帮助别))"
    r"|找(?:人|好心人|爱心人士)(?:帮忙|帮我|帮我们)?(?:出|资助|捐)"
    rf"|给到{_ME}们?(?:家|手上|手里|这)"  # 捐款什么时候能给到我们家
    # asked of someone (能送我一台吗, 需要有人捐一台轮椅, 谁能帮忙出一下学费, 有人捐吗,
    # 求捐一台电脑, 我们这需要捐一些棉被)
    r"|有(?:没有)?(?:人|好心人|爱心人士)(?:能|愿意|可以|肯)?(?:捐|资助|帮)[^，。]{0,8}(?:吗|么)|求捐"
    r"|(?:我们|俺们|咱们|我家|俺家)(?:这|这里|这边|家)?需要(?:有人|人)?来?捐(?!什么|啥|哪|多少)"
    rf"|(?:能|可以|可不可以|能不能)(?:送|捐|借)(?:给)?{_ME}"
    r"(?!们?(?:村|学校|班)|认识|熟悉|知道的|的?(?:朋友|邻居|亲戚|同学|老乡|同事))"
    r"|(?:需要|希望)有?(?:人|好心人|爱心人士)来?(?:捐|资助|帮)"
    r"|谁(?:能|可以|愿意)(?:帮|资助|捐|出|教[我俺]|提供|送|借)"
    # given to me (能不能捐给我, 谁能捐点钱给我, 送给我家吧, 给我捐点钱吧), money wanted (我要钱)
    rf"|给{_ME}们?家?也?(?:捐|资助|送|发)|{_ME}(?:想|要|需要)要?(?:点|些|一些|一点)?钱(?:[吧啊呀]|$|[，。])"
    rf"|(?:捐|送|资助|寄|发)(?:[^，。给\s]{{0,4}})给{_ME}们?(?:家|吧|呀|啊|吗|么|嘛|呢|$|[，。？?!！\s])"
    # asking us to help one's own child (可以帮忙给孩子找个寄宿学校吗), not children (孩子们)
    rf"|^(?:请问)?(?:你们)?(?:可以|能|能不能|可不可以)帮(?:忙|一下)?给(?:{_ME}家?|孩子|娃|儿子|女儿|闺女)(?!们)"
    # selling what one's farm made (我要把我家的羊卖出去 有没有人要), not selling to give
    rf"|{_ME}(?:想|要)把[^，。]{{0,8}}卖(?:出去|掉)(?![^。]*(?:捐|资助))"
    # giving to one's own family is asking for it (给我孩子捐点钱吧), not to their school
    rf"|给{_ME}(?:家)?(?:{FAMILY})(?!的?(?:学校|班|村|单位|公司|老家|同学|朋友))"
)
REQUEST = re.compile(
    rf"申请(?!人|表|书|材料){_NOT_VOLUNTEERING}|报名{_NOT_VOLUNTEERING}|参加(?:你们|免费|培训)|求助|求援|求求|救救|求好心人|求捐|求救"
    r"|求[个点]?助|求[个点]?帮|求帮忙|求[个点]?(?:资助|救助|援助)"
    r"|救命(?!钱|恩|药|之|的|稻草)"
    rf"|{_FUND_ME}|{_HELP_ME}|给{_ME}家|能给{_ME}|给{_ME}一"
    r"|希望有(?:人|企业|好心人|爱心人士|单位)来?(?:帮|资助|捐)"
    # whether anyone would give (有爱心人士愿意捐给我们吗), or applying for aid (申请捐助)
    r"|有(?:没有)?(?:人|好心人|爱心人士|企业|单位)(?:愿意|能|可以|肯)(?:捐|资助|帮)"
    r"|申请(?:捐助|资助|救助|帮扶|补助|援助)"
    r"|(?:能|能不能|可不可以|可以)(?:资助|帮忙|捐)[^，。？]{0,6}吗"
    # asking whether something could be given (能不能捐点奶粉): asking, or offering?
    r"|(?:能不能|可不可以)(?:捐|送)(?:点|些|一些|一点)"
    # asking us to give (你们能捐给我们学校一些书吗)
    r"|你们(?:能|可以|能不能|可不可以)(?:捐|送|资助)"
    rf"|(?:能不能|可不可以|能否)帮(?!{_ME}(?:找|联系|介绍|推荐|对接)(?:个|一个|几个|一户|一家)?(?:需要|困难|贫困))"
    r"|帮帮忙|帮一下|帮个忙"
    # asking us to help someone (想请你们帮帮他, 麻烦你们救救这孩子)
    r"|(?:请|求|麻烦|拜托)你们(?:帮|救|资助|关注)"
    # (not someone in need looked for: 找个需要帮助的老人)
    r"|求捐助|求资助|求帮助|急需|(?<!找个)(?<!找一个)(?<!找几个)需要(?:资助|帮助|救助|帮扶)"
    r"|有没有(?:人|好心人|爱心人士|企业|爱心企业|老板|单位|公司|谁)[^，。]{0,2}(?:愿意|肯|能|可以)"
    r"|能领(?!奖|红包|养)|可以领(?!奖|红包|养)|我想领(?!养)|(?<!认)领[一个些]|有(?:没有)?免费的[^，。]{0,8}吗"
    r"|想考(?:个|一个)?[^，。]{0,4}证"
    rf"|我想(?:参加|报名){_NOT_VOLUNTEERING}"
    r"|(?<!给)想(?:出去|去)?学(?!生|校|费)|学个|学门|学点|学一门|受助|(?<!认)领(?:捐赠|取|救济|补助|一份|一个|一点|点)"
    rf"|{_ME}(?:们)?(?:家)?(?:是|都是)?(?:低保户|贫困户|建档立卡户|五保户|边缘户)"
    r"|想找[^，。]{0,8}(?:工作|活干|事做)|找不到(?:工作|活)|没文化|没手艺"
    r"|缺(?:本钱|技术|资金|化肥|饲料|种苗|树苗|蜂箱|农机)|需要[^，。]{0,6}来(?:看看|帮)|想要(?:个|一个|一台|一些|点|些|几)"
    r"|(?:想要|想申请|需要)(?:点|些)?(?:补助|补贴|救济)|^给(?:点|些|一点)钱"
    # wanting treatment (我娃儿先天性唇腭裂想做手术, 想配个助听器)
    r"|想(?:做|动|开)[个了]?手术|想(?:装|配|换)[个副一台只]*(?:假肢|助听器|眼镜|轮椅|人工耳蜗|耳蜗)"
    # sending one's child to school or for treatment (娃想送特教学校, 想送他去康复中心)
    r"|想送(?:他|她|娃|孩子|儿子|女儿|闺女)?去?[^，。]{0,4}(?:学校|上学|读书|特教|医院|看病|康复|治疗)"
)
# People told of by what they lack or want (没钱上学的小朋友, 想学裁缝的人), not one's own, nor
# money handed to someone (给到一个具体的孩子: asked or offered?).
_DESCRIBED = (
    rf"(?!{_ME}|{FAMILY}|自己|家|到)[^，。？?给]{{1,10}}的"
    r"(?:人|孩子|小朋友|娃娃?|家庭|学生|老人|人家|户)"
)
# Giving in the first person: never a request, whatever hardship the text tells (看新闻说有个
# 小姑娘得了白血病…我想捐点; 我也想资助一个孩子).
# How often one means to give (我想每年资助两个高中生).
_WHEN = r"(?:每年|每个?月|每学期|长期|定期|一直)?"
BY_ME = re.compile(
    # deciding to give, after a question answered (好的 那捐吧)
    r"(?:那|那就|那我就?)(?:捐|认捐)(?:吧|啦|呗)|"
    # one's own shop or firm giving for nothing (我开了个小面馆 困难学生来吃饭不收钱)
    rf"{_ME}开了?(?:个|一个|家|一家)[^，。]{{0,6}}(?:店|馆|超市|诊所|厂|公司|餐厅|饭店|作坊|药房|部)"
    r"[^。]{0,16}(?:不收钱|不收费|免费|不要钱)|"
    rf"{_ME}(?:们)?(?:也)?(?:想|要|愿意|准备|打算|来)(?:捐|认捐)(?!给{_ME})"
    rf"|{_ME}(?:们)?(?:是|就是)(?:想)?来(?:捐|认捐|资助)(?!给{_ME})"
    rf"|{_ME}(?:们)?(?:也)?(?:想|要|愿意|准备|打算){_WHEN}资助[一两几三五十]?[个名户位]"
    # to someone told of (看到你们发的那个小女孩 我想给她捐五百)
    rf"|{_ME}(?:们)?(?:也)?(?:想|要|愿意|准备|打算)给(?:他|她|他们|她们|这个|那个|这家|那家)"
    r"[^，。]{0,6}(?:捐|资助)"
    # what we collect, and one has (听说你们在收旧衣服 我家有一袋)
    r"|你们[^，。]{0,3}收(?:旧衣服|衣服|旧书|书|物资|捐赠|东西|旧物)[^，。]{0,4}[，,\s]+"
    r"(?:我|我家|我们|俺家)[^，。]{0,2}有"  # (有没有人收旧书 may be selling: asked)
    # a child or a family looked for, to sponsor (我想找个孩子资助他上学)
    rf"|(?:{_ME})?(?:想|要)?找(?:个|一个|几个)(?:孩子|学生|贫困生|家庭|困难户|人家|老人)[^，。]{{0,4}}"
    r"(?:资助|帮扶|结对|一对一)"
    # someone in need looked for (帮我找个需要帮助的老人 我定期去看他)
    rf"|帮{_ME}找(?:个|一个|几个)?(?:需要|困难|贫困)"
    # those who need help sent to one (需要帮助的孩子可以找我 我是数学老师)
    rf"|需要帮助的[^，。]{{0,6}}(?:可以|都可以|尽管)?找{_ME}"
    # calling on families in hardship (年底了 公司想慰问一下困难家庭)
    r"|慰问(?:一下)?[^，。]{0,4}(?:困难|贫困|孤寡|留守|低保|五保|老人|家庭|环卫)"
    r"|(?:发|送|给)(?:点|些|一些|一点)?慰问(?:金|品)"
    # to those in need, named as such (想分给困难户, 愿意送给有需要的人)
    r"|(?:想|要|愿意|准备|打算)(?:分给|送给|捐给|借给)(?:困难|贫困|有需要|需要的|孤寡|留守|穷)"
    # someone to help, looked for (哪里有需要帮助的老人 我周末有空)
    r"|(?:哪里|哪儿|哪个地方|有没有|谁家?)(?:还)?(?:有)?需要(?:帮助|帮忙|帮扶|资助|捐助)的"
    # lending a hand (现在日子好了 想拉一把还在困难中的人), not asking for one (拉我一把)
    rf"|(?:想|要|愿意|能|可以)(?:去)?拉(?!{_ME})[^，。]{{0,6}}一把"
    # giving back (我是你们帮过的 现在日子好了 想回报一下)
    r"|(?:想|要|愿意|准备|打算)(?:回报|回馈|报答|反哺)"
    # what one can do for them, or a token of goodwill (家里不富裕 但想尽点心意)
    rf"|{_ME}(?:们)?(?:能|可以)(?:为|给|帮)(?:他|她|他们|她们|孩子们|大家|这些孩子|这个孩子|那个孩子)"
    r"(?:做|出)(?:点|些)?(?:什么|啥)"
    r"|(?:想|要|愿意)?尽(?:点|一点|一份)?(?:心意|绵薄之力)|表(?:示)?(?:点|一点)?心意"
    r"|(?:募捐|捐款|善款|凑了|筹了|集了)[^，。]{0,12}(?:交给|转给|捐给|给)你们"
    # who one is, and whether one may give all the same (我是残疾人，能捐款吗; 我是学生没多少钱
    # 可以捐五十吗)
    rf"|^{_ME}是[^，。]{{1,10}}[，,]?(?:也)?(?:能|可以|能不能|可不可以)(?:捐|认捐|献爱心)(?!给{_ME})"
    # a charity sale or show (小区搞了个爱心义卖), always for others
    r"|义卖|义演|义拍|爱心拍卖"
    # things outgrown or spare, given away (孩子长大了婴儿床和推车都还好好的送人)
    r"|(?:还好好的|[七八九]成新|全新的?|没怎么用过?|没用过|长大了|用不上了?|用不着了?"
    r"|穿不下了?|穿不了了?)[^，。]{0,10}(?:送人|送出去|捐出去|捐了|捐给(?!我|俺)|谁要|谁需要|给需要)"
    # one's money given away (家里决定不办酒了 把钱捐了, 不收礼金了 把钱捐给老家孤寡老人), not
    # asked after (你们把钱捐给谁了)
    r"|(?<!你们)(?<!他们)把(?:这笔|这些)?(?:钱|款|礼金|份子钱|红包钱?)[^，。]{0,4}(?:都|全)?"
    r"捐(?:了|掉|出去|给(?!我|俺|咱))"
    r"(?![^。]*(?:吗|么|谁|哪|？|\?))"
    # money to be spent on people in hardship (留了三万块要用在村里困难的人身上)
    r"|用在[^，。]{0,10}(?:困难|贫困|有需要|需要帮助|穷|孤寡|留守)[^，。]{0,6}(?:身上|上面)"
    # given to people told of by what they lack or want, not asked for them (说要给没钱上学的
    # 小朋友, 修好了给上学远的孩子骑, 缝纫机…给想学裁缝的人; not 想给村里的老人申请, 能给困难的
    # 人发点米吗)
    rf"|(?:(?<!你们)(?<!他们)(?:要|想|愿意|准备|打算|拿去|修好了?)给{_DESCRIBED}"
    rf"|给{_DESCRIBED}(?:们)?(?:骑|用|穿|吃|读|看|玩|练|盖)"
    rf"|(?<!能)(?<!以)(?<!们)给{_DESCRIBED}[吧啊呀]?$)(?![^。]*(?:申请|求助|登记|吗|么|？|\?))"
)
# An organisation saying what it does for others (我们医院下个月组织专家下乡义诊): giving,
# unless it also asks.
ORGANISATION_GIVES = re.compile(
    r"我们(?:医院|诊所|卫生院|公司|企业|单位|工厂|厂|协会|基金会|团队|商会|车队|合作社|律所|事务所"
    r"|养殖场|养鸡场|养猪场|农场|牧场|果园|基地|超市|药店)"
    r"[^，。]{0,8}(?:组织[^，。]{0,8}(?:下乡|义诊|捐|送|帮扶|慰问)|下乡|义诊|免费(?:给|为|帮|送|提供|教|培训)"
    # what it can provide to those in need (我们养鸡场能给贫困户提供鸡苗)
    r"|(?:能|可以|愿意)(?:给|为|向)[^，。我俺]{0,6}提供"
    r"|义务(?:给|为|帮)|捐(?!给我|给俺))"
)
OFFER = re.compile(
    rf"认捐|我来出|我出(?![不去门来院事了国差])|只(?:想|能)?捐给|"
    # so much taken out of one's own (每个月可以拿三百出来, 拿出两千), not 拿不出
    rf"拿出?\s*{_NUM}+\s*(?:块|元|万|千|百)?钱?出来|拿出\s*{_NUM}+\s*(?:块|元|万|千|百)|"
    # a parent's wish carried out (想完成他的心愿)
    r"完成(?:他|她|老人家|父亲|母亲|爸爸|妈妈|爷爷|奶奶)(?:的|生前的)?(?:心愿|遗愿)|"
    rf"{_ME}{_WHEN}出\s*{_NUM}|我来捐|捐给(?!我|俺)|(?<!你们)(?:想|要|可以|愿意|能)捐"
    r"|(?<!求)(?<!需要)捐赠?(?:一|两|三|五|点|些|款|物|建)(?!给我|给俺)"  # not 求捐, 需要捐
    rf"|^{_ME}?(?:们)?捐\s*(?:{_NUM}|钱|现金|东西|物品|衣服|书)"
    r"|(?<!你们)(?<!你们在)资助(?:一个|一户|贫困|穷|困难|几个|学生|孩子|大学生|一名)"
    # so many pupils sponsored (想用自己的养老金资助两个大学生), so much handed out to help
    # (想每年拿一万块帮老家的孩子上学)
    rf"|(?<!你们)(?<!你们在)资助{_NUM}{{1,3}}[个名位户]"
    rf"|(?:拿|掏)出?\s*{_NUM}+\s*(?:块|元|千|万|百)钱?[^，。]{{0,2}}(?:帮|给|资助|捐)(?!{_ME})"
    rf"|(?:想|要|愿意|可以|准备|决定|打算|计划){_WHEN}资助"
    r"|(?:拿|掏)[^，。]{0,6}出来[^，。]{0,2}(?:帮|给|资助|捐)|组织[^，。]{0,10}(?:下乡|义诊|送|捐)"
    # teaching others' children (退休了没事干 想去给孩子们上课)
    r"|(?:想|要|愿意|可以|能)(?:去)?给(?:孩子们|学生们|留守儿童|山区的?孩子|小朋友们?)(?:上课|讲课|辅导|补课)"
    # money pooled for others (同学们凑点钱帮帮困难学生)
    rf"|(?:凑|筹|集)(?:点|些|了|一些|一点)?(?:钱|款)[^，。]{{0,4}}(?:帮|给|资助|捐)(?!{_ME})"
    rf"|(?:愿意|想|可以|能|准备)出(?:钱|资|点钱|{_NUM}"
    r"|(?:点|些|一部分)?(?:医药费|学费|生活费|路费|手术费))|出\s*{_NUM}+\s*(?:块|元|千|万)给"
    r"|(?:钱|费用|学费|医药费)(?:都)?(?:由)?我(?:来)?(?:出|承担|包)|(?:我来|愿意|可以|想|能)(?:承担|负担|包)"
    r"|(?:可以|能|愿意)出(?:工人|人手|人力|车|力|工)|回报"
    # an organisation saying what it can do, or who it is (我们是一家爱心企业)
    r"|(?:我|我们)是[^，。]{0,4}爱心(?:企业|单位|人士|团队|组织|商家|公司)"
    r"|我们(?:公司|厂|企业|单位|诊所|医院|卫生院|卫生室|门诊|基金会|驾校|车队|药店|药房|超市|商店|店|合作社|协会|团队|学校|事务所|律所"
    r"|酒店|饭店|餐馆|工会|志愿)[^，。]{0,10}(?:可以|能|愿意|想|会|免费|义务|下乡)"
    r"|谁(?:要|需要|用得上|用得着)[吗呀啊？?]*$"
    # handing one's money or things to someone directly (把钱直接给到一个具体的孩子)
    r"|把(?:钱|款|捐款|善款|东西|物资)[^，。]{0,6}(?:给到|送到|交到|捐给|给)(?!我|俺)"
    # buying from farmers to help them (我们合作社收购农户的土豆), not one's own produce sold
    r"|(?:收购|包销|代销|帮忙卖|帮着卖)(?:农户|贫困户|困难户|乡亲|老乡|村民|农民)"
    r"|送(?:给|一些|点|些|人|出去)(?!我|俺)|捐出去|(?:想|要|可以|能|愿意)给(?!我|俺)[^，。]{0,12}(?:送|捐|提供)"
    # so many things given (送几床电热毯), shared out or lent (想分给困难户, 借给贫困户)
    r"|送(?:[几两三四五六七八九十百千]|一(?=[床件箱袋台套本斤桶包双批车]))"
    r"|(?:分给|借给)(?!我|俺)|吃不完"
    # what one can do for others; not what one has heard others can do (听说你们能帮忙)
    r"|(?<!不)(?<!你们)(?<!您)(?<!谁)(?:可以|能|愿意)(?:给|为|帮|替|带|招|收(?!到)|教|组织|派)"
    r"(?!帮?(?:我|俺|咱)|[^，。]{0,3}吗)"
    r"|(?:想|(?<!需)要|愿意|我们)帮(?:一帮|帮|扶|助|一把)?(?!我|俺|咱|忙|自己|家里|家人|屋里)"
    r"|(?:可以|能|会|我们)[^，。]{0,6}(?:免费|义务)[^，。]{0,3}(?:教|培训|提供|送|辅导|看|帮|诊|修|指导)"
    r"|提供[^，。]{0,8}(?:岗位|名额|工作|实习|培训|服务)"
    r"|有能力|用不完|闲置|不穿了|不用了想|拿出|出资|赞助|献爱心|做公益|做慈善|行善|积德|做好事|结对"
    r"|需要[^，。]{0,8}吗[^，。]{0,3}(?:我|我们)(?:这|这儿|这里)?有"
    r"|我来(?:帮|资助)|善款|(?:我|我们)(?:这|这儿|这里)有|可以提供|能提供|愿意提供|当志愿者|做志愿"
    # goods looking for a home, workers looking for work, professionals offering time
    r"|不用的|用不上的|闲着的|多余的|还能用|谁家[^，。]{0,8}(?:需要|要)|有(?:没有)?(?:人|谁)(?:需要|要)"
    r"|^有没有需要[^，。\s]{1,8}的"  # 有没有需要轮椅的 (my late father's is spare)
    r"|需要[^，。]{0,8}吗[^，。]{0,3}(?:我|我们)[^，。]{0,3}有|缺啥|需要啥"
    r"|(?:我|我们)[^，。]{0,4}送(?:过去|去)|包吃住|优先(?:录用|招|考虑)?$|[困难贫]困?户优先"
    r"|(?:想|要|愿意|准备|打算)招(?!生)|招(?:聘|工|人|[^，。]{0,6}(?:工|员|师傅|学徒)|[^，。]{0,8}(?:上班|干活|做工|做事))|收[个几名]?(?:学徒|徒弟)|带[个几两]?(?:个)?徒弟"
    r"|缺[^，。]{0,4}个[^，。]{0,6}(?:工|员)|(?:可以|能|愿意)(?:去|来|到)[^，。]{0,6}(?:给|帮|教|为|陪)"
    r"|我是[^，。]{0,6}(?:师|医生|大夫|护士|老师)[^，。]{0,3}(?:可以|能|愿意)"
    r"|下乡(?:给|为|帮|义诊|看病|支教|指导)"
    # (可以免费去村里给牛羊打疫苗)
    r"|(?:免费|义务)(?:去|到|来|上门|下乡)?[^，。给为帮]{0,6}(?:给|为|帮)(?!我|俺|咱)"
    rf"|(?:想|要|愿意)帮{_ME}们[^，。]{{0,12}}(?:{_OTHER_PEOPLE}|娃娃|孩子|老人)"
    # sending something to one's village or school (想给我们村里的五保老人每人送一桶油)
    rf"|(?:想|要|愿意|准备|打算)给{_ME}们[^，。]{{0,12}}(?:送|捐)"
    # handing out to one's village or school (想给我们村考上大学的孩子每人发一千块奖学金)
    rf"|(?:想|要|愿意|准备|打算)给{_ME}们(?:村|屯|寨|组|乡|镇|社区|学校|班)[^，。]{{0,12}}(?:发|奖)"
    # what is kept unused, collected for others, or given back
    r"|[放闲]着也是[放闲]着|放着没用|用不[着上到]了|穿不[上了]了|收集了|募集|募捐|筹集了|征集了"
    r"|(?:凑|攒|收拾|整理)[了出]\s*(?:一批|几批|一车|几箱|一箱|[两几]?大箱|[几两三]袋|一大堆)"
    r"|(?:当|做|成为)志愿者|(?:想|要|可以|能|愿意)送[^，。]{0,8}给(?!我|俺)"
    r"|还这份情|还[个份]?人情|回馈|报答|反哺"
    # sponsoring a pupil, in a donor's words (我想领养一个贫困学生, 认养一个孩子)
    r"|领养[一个名位两几]*(?:贫困|困难|留守|山区|农村)[^，。]{0,4}(?:学生|孩子|儿童|娃)|认养"
    r"|对口帮扶|结对帮扶|定点帮扶|出一份力|尽一份力|出点力|做点事|包销|认领(?!我)|捐出来|捐出|献[点些份]?爱心"
    # what one can do, asked by someone moved by what they saw (看到新闻…我能做点什么)
    r"|(?:看到|看了)[^，。]{0,6}(?:新闻|报道|视频|朋友圈)[^。]*(?:我|我们)(?:能|可以)(?:做|出|帮)"
    # passing something on to whoever needs it (把八百块转给一个需要的孩子)
    r"|给[^，。]{0,4}(?:有需要|需要|困难|贫困)的(?:人|孩子|家庭|学生|老人|娃)"
    # buying or paying for someone outside the family (想给村里孤寡老人买点米面油, 想给那个换肾的
    # 大哥出点药费); not 想给孩子买书包
    rf"|(?:想|要|愿意|准备|打算)给(?!{_ME}|{FAMILY}|他|她|老(?!人们|乡们)|自己|家)"
    r"[^，。]{0,12}(?:买|出(?:点|些|一部分)?[^，。]{0,3}(?:钱|费))"
    r"|(?:都|全)捐了|捐了出去"
    # agreed on among givers (班费…大家说捐了), not what others said (你们说捐了)
    r"|(?<!你们)(?<!他们)(?:说|决定|商量好?了?|同意)(?:都|全)?捐(?:了|掉|出去)"
    # working for nothing (我可以去修 不要工钱)
    r"|不(?:要|收|拿)(?:工钱|报酬|手工费|人工费|辛苦费|一分钱)"
    r"|(?<!不)(?<!你们)(?<!您)(?<!谁)(?:可以|能|愿意)(?:免费)?(?:去|来|上门|过去)"
    r"(?:修|装|检查|看看?|义诊|坐诊|打)(?![^，。]{0,6}(?:吗|么))"
    # a gift to a home for the old or for children (过年了想给敬老院的老人包个红包)
    r"|(?:想|要|愿意|准备|打算)给[^，。]{0,4}(?:敬老院|养老院|福利院|孤儿院|幸福院)|包(?:个|些)?红包"
    # things looking for someone to take them (有没有人收旧书), not produce to sell (收购)
    r"|有(?:没有)?(?:人|谁|地方|单位)(?:回)?收(?!购|到)[^，。]{0,4}(?:旧|闲置|二手|不用的|用过的)"
)
HARDSHIP = re.compile(
    r"交不起|付不起|买不起|用不起|穿不起|拿不出|凑不齐|凑不够|上不起|看不起病|治不起|吃不上|吃不起|没饭吃|过不下去"
    rf"|没钱|没得钱|没有钱|无钱|冇钱|冇得钱|莫得钱|么得钱|没啥钱|差\s*{_NUM}+\s*(?:块|元|千|万|百)|欠了|还差"
    rf"|(?:费|费用|钱|药)[^，。]{{0,10}}(?:要|差|得)\s*{_NUM}"
    rf"|需要\s*{_NUM}+\s*(?:块|元|千|万|百)"
    r"|一个人带|日子难过|日子苦|没人照顾|没人管|冻死了|病死了|死了[一两几]?[头只口]"
    r"|生病|病了|住院|瘫痪|残疾|去世|跑了|离婚|单亲|孤儿|五保|低保|欠债|贷款|塌了|漏雨|危房"
    r"|冲走|冲毁|受灾|遭了|颗粒无收|绝收|卖不出去|卖不掉|卖不动|烂在地里|失业|下岗|没活干|找不到活|吃不饱"
    r"|揭不开锅|断粮|穷|困难|太难了|好难"
    r"|交不上|付不上|凑不出|上不起|住不起|看不上病|拿不出来"
    r"|癌|白血病|尿毒症|透析|化疗|放疗|做手术|动手术|截肢|脑瘫|中风|偏瘫|精神病|抑郁症"
    r"|卧病|卧床|瘫在床|ICU|重症|病重|重病|营养不良|缺营养|药费|医疗费"
    rf"|(?:一次|一个月|每月|每个月|每天|一天|一年|每年)[^，。]{{0,4}}{_NUM}+\s*(?:块|元|千|万|百)"
)

# A hardship, or a need named with no offer, counts as the writer's own only when it is told
# as theirs (我家, 俺, 娃, 老公…), or not told of others (患儿, 困难家庭, 山区的孩子): donors
# describe hardship too.
OWN = re.compile(
    r"我家|我的|我们家|我们村|我[得患腿手眼病]|俺|咱|额|阿拉|本人|自己|家里|屋里|屋头"
    r"|老公|老婆|丈夫|媳妇|儿子|女儿|闺女|娃|孙子|孙女|爸|妈|爹|娘|父亲|母亲|爷爷|奶奶"
    r"|公公|婆婆|弟弟|妹妹|哥哥|姐姐|老伴|老汉"
)
OTHERS = re.compile(_OTHER_PEOPLE)
# Another household, told of by a neighbour or a villager (有个邻居老太太一个人住没人管, 我替
# 隔壁问一下…); not 去邻居家蹭网 in a family's own story.
# Registering others for help (驻村书记想帮村里几户困难户登记一下): asking, unless something
# is given too.
GIVING = re.compile(r"捐|资助|赞助|出钱|送给")
REGISTERS_OTHERS = re.compile(
    # not for oneself (帮我申请), but for one's village or school (帮我们村的五保户申请)
    r"帮(?!忙|自|[我俺咱](?!们?(?:村|屯|寨|组|乡|镇|社区|小区|学校|班)))"
    r"[^，。\s]{0,12}(?:登记|报名|申请(?!成为|当|做)|求助)(?!志愿|义工)"
)
# Someone whose work is a village's or a neighbourhood's people (我是驻村第一书记, 我是网格员):
# a hardship they tell is of the people they serve, not of a donor's story.
SERVES_PEOPLE = re.compile(
    r"(?:我是|我们是|俺是)[^，。\s]{0,6}(?:第一书记|驻村干部|驻村工作队|扶贫干部|村支书|村书记|村主任"
    r"|村干部|村长|组长|网格员|妇女主任|妇联主席|村医|乡村医生|包村干部)"
)
ANOTHER_FAMILY = re.compile(
    # (not who sent one here: 朋友介绍的 我家孩子生病了)
    rf"(?:替|帮|给)[我俺]?的?{_NEIGHBOUR}"
    rf"|^(?:你好)?[，,]?(?:有个|有一个|我们?的?)?{_NEIGHBOUR}(?!介绍|推荐|让我|叫我)"
    r"|(?:村里|村上|(?:我们|俺们|咱们?)村)有[一两几三四五六七八九十]*[个户位名家]"
    rf"|有[个户一]人家|{REGISTERS_OTHERS.pattern}"
    # someone from a public body, for the people it serves (我是县残联的，我们这有一批残疾人…)
    rf"|{SERVES_PEOPLE.pattern}"
    r"|(?:我是|我们是)(?:县|市|区|乡|镇|村|街道)?(?:残联|民政局?|妇联|社区|居委会|村委会?|扶贫办"
    r"|乡村振兴局|团委|工会)(?:的|工作人员|干部)(?!低保|贫困|困难|建档|五保)"
    # for one's school or village as a whole (你们能捐给我们学校一些书吗)
    r"|(?:捐|送|资助)给(?:我们|俺们|咱们)(?:学校|村|班|社区|小区|敬老院|福利院)"
    # asking on behalf of the whole village (想给村里申请点救灾物资)
    r"|给(?:村里|村上|我们村|俺们村|全村|乡亲们|村民们?)(?:申请|求助|争取|要)"
    # …or for some of the village (我想为我们村的孤寡老人申请一些米面油)
    r"|(?:为|给|替)(?:我们|俺们|咱们?)?村(?:里|上)?的[^，。]{0,8}(?:申请|求助|争取)"
    # a villager, a teacher's pupil, a nurse's patient, a workmate (我们班有个娃父母都走了, 我们
    # 科室有个病人家里很困难)
    r"|(?:村|班|班上|班里|学校|学校里|科室|科里|病房|病区|医院|院里|单位|厂里|工地|小区|社区|楼里)"
    r"有[个一几位名户](?:个|名|位|户)?"
    r"(?:人家|家|学生|孩子|娃|同学|小孩|小朋友|老人|病人|患者|病号|工人|工友|同事|五保户|低保户"
    r"|贫困户|困难户|孤儿|残疾)"
)


def tells_own_story(text: str) -> bool:
    """Whether a text tells of one's own circumstances: a hardship, or a need told as one's
    own (家里就我一个人种地 他爸前年走了)."""
    return bool(HARDSHIP.search(text)) or (OWN.search(text) is not None and bool(need_types(text)))


NAMES_OTHERS = re.compile(rf"{_NEIGHBOUR}|村|户|家庭|乡亲|群众|学生|患者|病人|别人")
# One's own family named (我弟弟, 俺娘, 我爸妈): asking for them is asking for one's family.
MY_FAMILY = re.compile(rf"(?:我|俺)(?:的|家)?(?:{FAMILY})")


def of_another_family(text: str) -> bool:
    """Whether a text asks for a neighbour's or a villager's household, not the writer's:
    registering someone (帮他申请) is for one's own family when it names them (我弟弟是残疾人
    想帮他申请)."""
    if MY_FAMILY.search(text):  # (not 帮隔壁王奶奶申请, 帮村里的五保户申请: others still)
        text = REGISTERS_OTHERS.sub(lambda m: m[0] if NAMES_OTHERS.search(m[0]) else "，", text)
    return ANOTHER_FAMILY.search(text) is not None


class Strength(IntEnum):
    """How much a cue says: a described hardship, an explicit request or offer, or asking
    for oneself or giving in the first person (which settles the side whatever the model
    thinks)."""

    HARDSHIP = 1
    SAID = 2
    SETTLED = 3


# A donor telling how they were helped once (村里人帮我读完书的，现在想帮村里的孩子; 是好心人
# 资助我上的大学，现在我也想资助一个孩子).
_PAST = re.compile(r"小时候|以前|当年|那时|那会|曾经|过我|帮过")


def _asks_for_oneself(text: str) -> tuple[bool, str]:
    """Whether the text asks for oneself, and the text to read its other cues in: 帮我… said
    of the past by someone who now offers help to others is no request, and is taken out."""
    asked = FOR_ME.search(text)
    if asked is None:
        return False, text
    helped_once = (
        asked.group(0).startswith(("帮", "资助")) and _PAST.search(text) and OFFER.search(text)
    )
    if not helped_once:
        return True, text
    return False, text[: asked.start()] + "，" + text[asked.end() :]


def side_cue(text: str) -> tuple[str, Strength] | None:
    """The side a text's words are on, and how strongly; None when they do not say (or
    say both). A hardship told by someone who serves the people in it (我是驻村第一书记 村里
    有几户养蜂的 蜂蜜卖不掉) asks for them."""
    cue = _words_side(text)
    if cue == (HELP, Strength.HARDSHIP) and SERVES_PEOPLE.search(text):
        return HELP, Strength.SETTLED
    return cue


def _words_side(text: str) -> tuple[str, Strength] | None:
    for_me, text = _asks_for_oneself(text)
    if for_me or (REGISTERS_OTHERS.search(text) and not GIVING.search(text)):
        return HELP, Strength.SETTLED
    request, offer = bool(REQUEST.search(text)), bool(OFFER.search(text))
    if BY_ME.search(text) or (ORGANISATION_GIVES.search(text) and not request):
        return GIVE, Strength.SETTLED
    if VOLUNTEERING.search(text) and not WAS_VOLUNTEER.search(text):
        request, offer = False, True
    own = OWN.search(text) is not None
    if request != offer:  # a request told as one's own (需要医生来看看我家老人) settles it
        return (
            (HELP, Strength.SETTLED if own else Strength.SAID) if request else (GIVE, Strength.SAID)
        )
    if request:  # both
        return None
    if HARDSHIP.search(text) and (own or not OTHERS.search(text)):
        return HELP, Strength.HARDSHIP
    # A named need: the writer's own when told as theirs, or told of no one while naming no
    # goods or service (a donor names what is on offer: 几箱羽绒服, 辅导作业).
    offered = detect_kind(text) in ("goods", "service")
    if need_types(text) and (own or not (OTHERS.search(text) or offered)):
        return HELP, Strength.HARDSHIP
    return None


def side_said(text: str) -> str | None:
    """The side a text asks or offers for in so many words (申请, 捐1000), not only by a
    hardship it tells."""
    cue = side_cue(text)
    return cue[0] if cue is not None and cue[1] >= Strength.SAID else None


def says_both(text: str) -> bool:
    """Words of both sides (能捐几袋面粉吗: can you give, or may I give?), none for oneself."""
    for_me, text = _asks_for_oneself(text)
    settled = for_me or BY_ME.search(text)
    return not settled and bool(REQUEST.search(text)) and bool(OFFER.search(text))


def tells_only_despair(text: str) -> bool:
    """Words of despair with nothing else to act on: no side, no need (我不想活了), unlike
    有没有好心人帮帮我，我真的活不下去了."""
    rest = CRISIS.sub("，", text)
    return side_cue(rest) is None and not need_types(rest)
