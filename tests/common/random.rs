//! Random text for the robustness tests: a small deterministic generator (xorshift, so a failing
//! round reproduces from its number) and the alphabets of pieces the rules look at. The proptest
//! generator (tests/props.rs) draws from the same alphabets.

/// xorshift64: deterministic, no dependency, good enough to mix pieces.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Up to `max_pieces` pieces of `alphabet` (chosen uniformly), joined.
    pub fn text(&mut self, alphabet: &[&str], max_pieces: usize) -> String {
        let n = self.below(max_pieces);
        (0..n).map(|_| alphabet[self.below(alphabet.len())]).collect()
    }
}

/// Pieces of report sentences: subjects, verbs, relation triggers, section names.
pub const REPORT_WORDS: &[&str] = &[
    "共", "受理", "案件", "办结", "行政复议", "行政诉讼", "其中", "包括", "分别", "为", "占", "率", "应报", "已报", "年报率",
    "办结率", "同比增长", "万", "亿", "余", "多", "约", "近", "以上", "左右", "不足", "超过", "进行", "按照", "我局", "工作",
    "情况", "原因", "严格", "规范性文件", "公政办发", "号", "第一责任人", "主要举措和成效", "存在的问题", "下一步打算",
    "特此报告", "登录", "索引号", "发布时间", "打印", "关闭", "ICP备", "问题", "下一步", "首先", "其次", "最后", "年", "月", "日",
];

/// Numbers as reports write them: ASCII, grouped, decimal, Chinese numerals, full-width, dates.
pub const NUMBERS: &[&str] = &[
    "1", "12", "2019", "2020", "12345", "1,234", "2,345", "3.5", "0.5", "100", "98.5", "百分之", "九十五", "点", "五", "一", "两",
    "十", "百", "千", "〇", "二〇二四", "１２", "３．５", "20198月", "2020414", "2020-04-20", "十二", "12.", "1.2.3",
];

/// Units and unit-like words.
pub const UNITS: &[&str] = &[
    "件", "人次", "%", "％", "万元", "户", "台(套)", "ug/m3", "PM2.5", "支", "个", "个工作日", "项", "名", "次", "家", "届", "亿元", "倍",
];

/// Heading and list markers.
pub const MARKERS: &[&str] = &[
    "一、", "二、", "十一、", "(一)", "（一）", "(二)", "1.", "2.", "1、", "一是", "二是", "三是", "第一", "第二", "①", "②", "((((((一)",
];

/// Punctuation, brackets and line breaks.
pub const PUNCTUATION: &[&str] = &[
    ",", "。", "、", ";", ":", "(", ")", "(", ")", "“", "”", "’’", "\"", "《", "》", "〔", "〕", "【", "】", "\n", "\n\n", "\r\n",
    " ", "　", "—", "-", "~", "·", "．", "!", "?",
];

/// What an attacker or a careless paste brings: bidi controls, zero-width and other invisible
/// characters, astral and combining characters, Traditional and full-width forms, other
/// scripts' digits, template placeholders, a lone opening quote.
pub const HOSTILE: &[&str] = &[
    "\u{202E}", "\u{202D}", "\u{2066}", "\u{2069}", "\u{200B}", "\u{200D}", "\u{FEFF}", "\u{00AD}", "\u{2028}", "\u{0301}",
    "𠀀", "𝟡", "😀", "é", "१२३", "١٢", "\u{FFFD}", "辦理", "複議", "舉措", "ＡＢＣ", "１２３件", "XX", "××", "*次", "x名", "○○",
    "XX××*次x名【】", "“", "“未闭合", "\t", "\u{7F}", "\u{3000}", "\u{0}",
];

/// All the alphabets above in one.
pub fn everything() -> Vec<&'static str> {
    [REPORT_WORDS, NUMBERS, UNITS, MARKERS, PUNCTUATION, HOSTILE].concat()
}
