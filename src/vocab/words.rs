//! Words that frame a figure without naming what it measures. The indicator of a metric
//! is the noun phrase next to it with these stripped.

/// Time frames, scope words, adverbs and particles stripped from the start of the
/// phrase before a figure (`共`, `累计`, `全年`, `今年以来` …). Longest first is not
/// needed: stripping repeats until nothing matches.
pub const LEADING: &[&str] = &[
    "其中包括", "主要包括", "包括", "具体为", "分别为", "含", "截至目前", "截止目前", "截止到目前", "截至年底", "截至年末", "截至", "截止", "目前", "今年以来",
    "年内", "今年", "全年", "上半年", "下半年", "本年度", "年度", "同期", "当年", "其中", "其中:",
    "现已有", "已有", "现有", "共计", "合计", "总计", "累计", "共", "总共", "一共", "先后", "已经", "已", "均", "并", "还",
    "全市", "全县", "全区", "全省", "全局", "全镇", "市本级", "县本级", "区本级", "本级", "我局",
    "我县", "我市", "我区", "各级各部门", "各级", "各类", "各", "此外", "另外", "同时", "以及",
    "初步", "有效", "积极", "主动", "依法", "统一", "分别", "及时", "专门", "严格", "规定",
    "又", "亦", "也", "和", "及", "与", "对", "向", "在", "将", "把", "为", "被", "由",
    "是", "有", "达到", "达", "的", "了", "等", ":", " ",
];

/// Words stripped from the end of the phrase before a figure (`…率达到`, `…共`, `…为`).
pub const TRAILING: &[&str] = &[
    // 下降至 before 降至: stripping tries the words in order, and 降至 first would leave 下.
    "压缩至", "缩短至", "压缩到", "缩短到", "下降到", "下降至", "减至", "降至", "提高到", "提高至", "提升至", "增加到",
    "上升至", "增长到", "控制在", "保持在", "实现",
    "分别达到", "分别为", "分别是", "分别", "均达到", "均为", "均达", "达到了", "达到", "达", "为",
    "是", "现已有", "已有", "现有", "共计", "合计", "总计", "累计", "共", "约", "近", "超过", "多达", "高达", "逾", "有", "计",
    "了", "的", "等", "在", "至", "到", "突破", "已", "均", "占", "仅", "只", "就", "为期", "用时", "历时", ":", " ",
    // A frequency says how often, not what is counted: 学法每月不少于1次 counts 学法
    // (the same words as FREQUENCY_WORDS, which a quoted name keeps).
    "每年", "每季度", "每月", "每周", "每天", "每日",
];

/// Frequencies among [`TRAILING`]: framing before a figure, except at the end of a quoted name
/// (推送“学法每日”186期 counts 学法每日).
pub const FREQUENCY_WORDS: &[&str] = &["每年", "每季度", "每月", "每周", "每天", "每日"];

/// Verbs after which the counted thing follows even in the middle of a phrase
/// (`生产经营单位进行执法检查` → `执法检查`); other [`VERBS`] only split a phrase they open.
pub const LIGHT_VERBS: &[&str] = &[
    "进行", "开展", "办理", "受理", "办结", "发生", "发放", "领取", "挽回", "避免", "排查", "下拨",
    "审查", "清理", "制定", "召开", "举办", "完成", "共有", "拥有", "持有", "列入", "接受",
    "挂载", "发布", "减少", "作出", "做出", "已有", "现有",
];

/// Words that end the noun after a measure word (`17个行政许可项目共减少` → `行政许可项目`).
pub const RIGHT_STOPS: &[&str] = &[
    "参加", "参与", "进行", "完成", "实现", "纳入", "签订", "开展", "共", "均", "已", "全部", "对", "从",
    "向", "被", "在", "于", "赴", "报名", "分别", "接受", "具体", "通过", "实行", "达到",
    "占", "未", "不", "正在", "等", "提供", "办理", "发放", "开通", "领取", "覆盖", "予以", "挂载",
    "上云", "申请", "逐步", "作出", "担任", "取得", "完结", "进驻", "组织", "配合", "都", "也", "还",
    "将", "把", "由", "并", "及时", "持续", "的", "分类", "推进", "实施", "着手", "抽调", "查找", "作为",
];

/// Words in which a one-character stop of [`RIGHT_STOPS`] is no stop (`公共`, `对象`).
pub const STOP_EXCEPTIONS: &[&str] = &[
    "公共", "共享", "共同", "共建", "共治", "对象", "不动产", "在线", "在建", "在校", "在岗", "在职", "在编", "在押", "已建",
    "等级", "等次", "未成年", "被申请人", "被告", "向导", "由来", "并购", "将近",
];

/// Changes named by a verb alone: the indicator takes the figure measured before it
/// (`PM10平均浓度77ug/m3,比2018年同期下降3.8%` → `PM10平均浓度下降`).
pub const CHANGE_VERBS: &[&str] = &["下降", "上升", "增长", "减少", "提高", "提升", "降低", "增加", "缩短", "压缩", "减少了", "增长了"];

/// Verbs that introduce what is counted: the indicator is what follows the last of them
/// (`共发生行政诉讼案件` → `行政诉讼案件`, `对…进行执法检查` → `执法检查`).
pub const VERBS: &[&str] = &[
    "发生", "办理", "办结", "审结", "受理", "审查", "开展", "组织", "完成", "发现", "实施", "发放",
    "接受", "接待", "发布", "制定", "制作", "召开", "举办", "参加", "参与", "录入", "减少", "取消",
    "设置", "列入", "移出", "抽查", "印发", "出台", "建立", "建成", "配备", "聘请", "签订", "走访",
    "审议", "承办", "接办", "调解", "开通", "领取", "换发", "转隶", "下发", "下拨", "排查", "查处",
    "立案", "报送", "上报", "接报", "清理", "保留", "废止", "修订", "取缔",
    "排查出", "评出", "接报处理", "展出", "悬挂", "观看", "挂载", "已有", "现有", "梳理", "选调", "编制", "新收", "收到", "作出", "做出", "办件",
    "提供", "解答", "答复", "调处", "慰问", "投入", "安排", "采购", "核查", "督办",
    "推送", "归集", "公布", "赠送", "减免", "征收", "挽回", "避免", "撤销", "纠正",
    "新增", "新建", "增加", "培养", "确定", "部署", "进行", "实现", "拥有", "涉及", "组建", "成立",
    "共有", "持有", "发送", "跟进学习", "学习", "开设", "报告", "收缴", "争取", "削减", "拆除", "清运",
    "复垦", "治理", "节约", "处理", "查获", "收集", "核发", "颁发", "办好", "推广", "举行", "查办",
];

/// Marks that end the clause an indicator is read from.
pub const CLAUSE_BOUNDARIES: &[char] = &['。', ',', ';', ':', '!', '?', '\n', '\r', '(', ')', '、', '【', '】', '|'];

/// The mark that joins the items of a list (`报备率、报备合格率…`).
pub const LIST_MARK: char = '、';

/// Marks that end a sentence for the purpose of sharing a subject (`…3件、占4%`).
pub const SENTENCE_MARKS: &[char] = &['。', '\n', ';'];

/// Marks that end the noun after a figure besides the clause boundaries.
pub const RIGHT_PHRASE_ENDS: &[char] = &['“', '”', '《'];

/// Quotation marks dropped from an indicator.
pub const QUOTE_MARKS: &[char] = &['“', '”', '‘', '’', '"', '\''];

/// Date and year suffixes of a digit run inside a phrase (`2022年`, `3月份`): the phrase
/// before a figure starts after the last such run (a regular expression alternation).
pub const DATE_SUFFIXES: &str = "年度|年|月份|月|日|号";

/// The attributive particle: `75152人的基层应急救援队伍` names what follows it.
pub const ATTRIBUTIVE: char = '的';

/// Share of a whole: `…3件、占4%` → `…占比`.
pub const SHARE_VERB: char = '占';
pub const SHARE_VERB_WORD: &str = "占";
pub const SHARE_SUFFIX: &str = "占比";

/// Joining words and marks trimmed from both ends of a phrase before a figure.
pub const EDGE_JOINERS: &[char] = &['、', '和', '及', '与', '—'];

/// Words that announce a total: the counted thing follows the last of them (`共发生…`).
pub const TOTAL_WORDS: &[&str] = &["共计", "累计", "合计", "总计", "共"];

/// The one-character total word, and the words in which it is no total (`共享`, `公共`).
pub const TOTAL_CHAR: &str = "共";
pub const WORDS_WITH_TOTAL_CHAR: &[&str] = &["共享", "共同", "共建", "共治", "公共", "共性", "共产", "共青"];

/// What may follow an introducing verb without being the counted thing (`办结成功…`).
pub const OUTCOME_WORDS: &[&str] = &["成功", "完毕", "完成", "结案"];

// Relations between figures (`metrics::relations`).

/// Words that open a breakdown of the figure before them, and whether the parts then claim
/// to be all of it (`包括`, `具体为`; not a bare `其中`). Longer spellings first.
pub const BREAKDOWN_TRIGGERS: &[(&str, bool)] =
    &[("其中包括", false), ("其中:", false), ("其中", false), ("具体包括", true), ("包括", true), ("具体为", true)];

/// The words a breakdown trigger is found by (each trigger starts with one of them).
pub const BREAKDOWN_HEADS: &[&str] = &["其中", "包括", "具体为"];

/// Marks that end a sentence for relations.
pub const RELATION_SENTENCE_ENDS: &[char] = &['。', '\n', '!', '?'];

/// Marks between a total and its 其中 that end the total's clause.
pub const TOTAL_CLAUSE_ENDS: &[char] = &[';', '。'];

/// Marks that end a clause, other than the list mark 、.
pub const CLAUSE_ENDS_BUT_LIST: &[char] = &[',', ';', ':', '。', '\n'];

/// Marks that open the clause of one part of a breakdown.
pub const PART_CLAUSE_MARKS: &[char] = &[',', ';', '、', ':'];

/// The word closing a list that is not exhaustive (`…等`), and the marks it is looked for before.
pub const ET_CETERA: char = '等';
pub const ET_CETERA_STOPS: &[char] = &['等', ',', ';', ')'];

/// Framing characters before a part's verb (`…,并列入…`).
pub const PART_VERB_FRAMING: &[char] = &['共', '已', '并', '还', '另'];

/// The word that distributes values over items (`A、B分别为3件、5件`).
pub const RESPECTIVELY: &str = "分别";

/// Separators allowed between the values of one 分别 list (`24.24%、39.29%、90%`).
pub const VALUE_LIST_GAPS: &[&str] = &["、", ",", "和", "及", "与", ";"];

/// Marks that end the lead between 分别 and its first value.
pub const RESPECTIVELY_LEAD_ENDS: &[char] = &['。', ',', ';', '、'];

/// Joiners of a list of names before 分别 (`A、B和C分别…`).
pub const NAME_LIST_JOINERS: &[char] = &['、', '和', '及'];

/// The suffix of a rate (`办结率`).
pub const RATE_SUFFIX: char = '率';

/// An expected/actual pair names a rate's figures (`应报…户,已报…户`).
pub const EXPECTED_MARK: char = '应';
pub const ACTUAL_MARKS: &[&str] = &["已", "实"];

/// Words between a rate's name and its value (`成功率达到85%` → `成功率`).
pub const RATE_NAME_TRAILING: &[&str] = &["达到", "为", "达", "是", "约"];

/// Characters of a rate's name too generic to tie it to its numerator (`率`, `达到`, `其中` …).
pub const RATE_NAME_GENERIC: &str = "率为达到是共总的了其中全年累计比例占";

// What an indicator label must not be (issue 11, "Indicators a reviewer can read").

/// Relations and changes that name no subject on their own (`占比`, `同比增长`): a label that is
/// only one of these takes the subject of the figure before it.
pub const BARE_RELATIONS: &[&str] = &[
    "占比", "占", "比例", "同比", "环比", "同比增长", "同比下降", "同比增加", "同比减少", "较上年增加", "较上年减少",
    "较上年增长", "较上年下降", "较上年提高", "较上年降低", "较上年上升", "比上年增加", "比上年减少", "比上年增长",
    "比上年下降", "比上年提高", "比上年降低", "同比提高", "同比降低", "同比上升", "增幅", "降幅", "增加了", "下降了", "提高了", "降低了", "上升了",
    "每年", "每季度", "每月", "每周", "每天", "每日",
];

/// Particles and function words a label cannot end on (`…事项及`, `…申办率应`, `企业因涉嫌`).
pub const DANGLING_LABEL_ENDS: &[&str] = &["及", "和", "与", "或", "应", "的", "对", "将", "并", "因", "被", "把", "向", "从", "涉嫌", "因涉嫌"];

/// The character that closes an inline list marker after a numeral (`二是`).
pub const LIST_MARKER_END: char = '是';
