//! Set phrases and slogans that contain numerals but state no figure. A quantity inside
//! one of these is not a metric. Extend freely: one phrase per entry, as written after
//! folding (half-width digits and punctuation, Simplified characters).

/// Slogans, programme names and formulas of government reports.
pub const SET_PHRASES: &[&str] = &[
    // decision and openness rules
    "三重一大", "五公开", "四减", "四办", "三集中三到位", "三定", "三项制度", "三张清单",
    "两个100%", "三个100%", "3个100%", "2个100%", "四个100%", "4个100%",
    "双随机、一公开", "双随机一公开", "一网通办", "一窗通办", "一网统管", "一次办", "一次办好",
    "最多跑一次", "一件事", "一件事一次办", "一站式", "一窗受理", "一窗式", "一张网", "一门进出",
    "一套材料", "一次采集", "一日办结", "一次性告知", "一条龙", "一把手", "一张图", "一码通",
    "15分钟便民服务圈", "15分钟便民服务办事圈", "15分钟政务服务圈", "15分钟生活圈",
    "1+4+N", "1+N", "1+X",
    // legal education and party programmes
    "八五普法", "七五普法", "六五普法", "二十大", "十九大", "十八大", "二十届", "十九届",
    "三中全会", "四中全会", "五中全会", "六中全会", "十四五", "十三五", "十五五",
    "八项规定", "两个维护", "四个意识", "四个自信", "两个确立", "四个全面", "五位一体",
    "三个代表", "两学一做", "三会一课", "法律十进", "三同时", "三查三化三优", "三化",
    "一法一条例", "一规划两方案", "一府一委两院", "两代表一委员", "一村一法律顾问",
    "一村(社区)一法律顾问", "一月一主题", "一案一档", "一企一策", "一事一议",
    // working regimes that name a duration
    "24小时专人值班", "24小时值班", "24小时在线", "24小时不间断", "7×24小时", "7*24小时",
    "5+2", "白+黑",
    // idioms
    "最后一公里", "最后一米", "千家万户", "三番五次", "一以贯之", "一视同仁", "一丝不苟", "一线", "第一线",
    "收支两条线", "两条线",
];


/// Words that, right after a duration, make it the name of a plan or campaign
/// (`三年行动`, `五年规划`), not a stated length of time.
pub const PLAN_WORDS: &[&str] = &["行动", "规划", "计划", "攻坚", "专项", "发展规划", "纲要"];

// What marks a quantity as something other than a figure (`metrics::filter`), by rule.

/// Characters right before a number that make it part of a code or formula (`PM2.5`,
/// `7×24小时`, `*次`); ASCII letters and digits count too.
pub const CODE_MARKS_BEFORE: &[char] = &['.', '/', '_', '#', '×', '*', '-', '+', '='];

/// Characters right after a figure that continue a code or date (`2024-12`, `1/2`, `5.12`).
pub const CODE_MARKS_AFTER: &[char] = &['-', '/', '.'];

/// Brackets of a document number right before a number (`〔2019〕`, `[2019]`).
pub const DOCUMENT_NUMBER_BRACKETS: &[char] = &['〔', '〕', '[', ']', '【', '】'];

/// Words before a duration that make it a time frame, not a length (`近3年`, `过去五年`).
pub const TIME_FRAME_BEFORE: &[&str] = &["最近", "过去", "未来", "今后", "近", "这"];

/// The approximation word that, alone before a duration, makes it a time frame (`近3年`).
pub const TIME_FRAME_APPROX: &str = "近";

/// Characters after a time frame that make it a length again (`近3年内`, `近3年以来`).
pub const TIME_FRAME_STAYS_LENGTH_AFTER: &[char] = &['内', '以'];

/// The word before a day number that makes it a date (`9月14日`).
pub const MONTH: char = '月';

/// Words after `N日` that make it a length of time (`3日内`, `15日办结`).
pub const DAY_LENGTH_AFTER: &[&str] = &["内", "以内", "之内", "办结", "完成", "内办结"];

/// Words before `N日` that make it a length of time (`为期5日`, `压缩至15日`).
pub const DAY_LENGTH_BEFORE: &[&str] = &[
    "为期", "用时", "历时", "时限", "期限", "缩短至", "压缩至", "缩减至", "减至", "缩短为", "压缩为", "提前", "连续", "平均",
    "需",
];

/// Characters before a number that make it an ordinal (`第八次`, `十七届三次`).
pub const ORDINAL_BEFORE: &[char] = &['第', '届'];

/// Units of a rank, and the words before it that make it one (`前10名`, `后三位`).
pub const RANK_UNITS: &[&str] = &["名", "位"];
pub const RANK_BEFORE: &[char] = &['前', '后'];

/// Characters that, glued before a Chinese numeral, make it part of a word: 统一, 唯一,
/// 之一, 每一, 逐一, 这一, 又一 …
pub const NUMERAL_IN_WORD_BEFORE: &str = "第每之其统唯同单专逐初这那哪某另又周万任届划均";

/// The numeral that before a measure word is mostly the article "a" (`一批`, `一个平台`).
pub const INDEFINITE_ONE: &str = "一";

/// What may follow a lone `一` + measure word when it closes its phrase and so does count
/// (`救援队伍一支;`, `宣传片一期。`).
pub const CLOSES_PHRASE: &[char] = &['。', ',', ';', '、', ')', '\n', '!', ':', '”'];

/// Marks that end the clause after a duration, for [`PLAN_WORDS`].
pub const CLAUSE_MARKS: &[char] = &['。', ',', ';', ':', '、', '(', ')', '“', '”'];

/// A count of this unit glued to a full percentage is a slogan (`3个100%`, `两个100%`).
pub const SLOGAN_COUNT_UNIT: &str = "个";

/// Marks of names (《》) and short quotations (“”) that protect what they hold.
pub const NAME_OPEN: char = '《';
pub const NAME_CLOSE: char = '》';
pub const QUOTE_OPEN: char = '“';
pub const QUOTE_CLOSE: char = '”';

/// A redaction mark (`(略)`, folded from `（略）`): digits right after it are what is left of
/// a figure someone blanked out (`罚款(略)5万元`), not a figure.
pub const REDACTION: &str = "(略)";
