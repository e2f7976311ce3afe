//! Set phrases and slogans that contain numerals but state no figure. A quantity inside
//! one of these is not a metric. Extend freely: one phrase per entry, as written after
//! folding (half-width digits and punctuation, Simplified characters).

/// Slogans, programme names and formulas of government reports.
pub const SET_PHRASES: &[&str] = &[
    // decision and openness rules
    "三重一大", "五公开", "四减", "四办", "三集中三到位", "三定", "三项制度", "三张清单",
    "两个100%", "两个100%", "三个100%", "3个100%", "2个100%", "四个100%", "4个100%",
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
