//! Vocabulary of `review::consistency`: when two statements of one figure are comparable.

/// Words before a figure, in its sentence, that state the whole of the reporting period:
/// a count or sum is compared with another only when both carry one (`共受理…15件`,
/// `全年受理…17件`).
pub const TOTAL_CUES: &[&str] = &["共", "全年", "总计", "合计", "全县", "全市", "全区", "全省", "全州", "全旗"];

/// Words before a figure, in its sentence, that narrow or shift what it counts — another
/// year or period, a part of a whole, a place, a change rather than a level. Either
/// statement carrying one makes the pair incomparable.
pub const SCOPE_WORDS: &[&str] = &[
    "其中", "较上年", "较去年", "比上年", "比去年", "同比", "环比", "上年", "去年", "前年", "同期", "上半年", "下半年",
    "季度", "月份", "分别", "累计", "历年", "截至", "以来", "年来", "近年", "近三年", "近五年", "增长", "增加", "减少",
    "下降", "上升", "提高", "提升", "降低", "新增", "占", "镇", "乡", "街道", "社区", "村", "部门", "单位", "局",
    "中心", "平均", "人均", "每", "预计", "计划", "力争", "目标", "确保",
    "不低于", "不少于", "以上", "以下", "左右",
];

/// Where the sentence before a figure begins: after the last of these.
pub const SENTENCE_ENDS: [char; 5] = ['。', ';', '!', '?', '\n'];
