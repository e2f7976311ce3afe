//! The register's words (`register`, `xlsx`, the comparison table): column headers, sheet
//! names and cell labels, in Chinese as the register is read (docs/register.md).

use crate::register::CellType;
use crate::result::{MetricKind, Period, Role, Severity, TimelinessStatus};

/// A column: (key, header, type).
pub type Spec = (&'static str, &'static str, CellType);

/// The register's columns; `error` is filled only for a refused file. Columns added later come
/// after it, so that earlier columns keep their positions.
pub const REGISTER_COLUMNS: [Spec; 20] = [
    ("file", "文件", CellType::Text),
    ("title", "标题", CellType::Text),
    ("issuer", "发文单位", CellType::Text),
    ("year", "报告年度", CellType::Number),
    ("period", "报告期", CellType::Text),
    ("published", "发布日期", CellType::Date),
    ("deadline", "公开期限", CellType::Date),
    ("timeliness", "时效", CellType::Text),
    ("measures", "主要举措和成效", CellType::Bool),
    ("duty", "第一责任人职责", CellType::Bool),
    ("problems", "存在的不足", CellType::Bool),
    ("plans", "下一年度安排", CellType::Bool),
    ("figures", "数字个数", CellType::Number),
    ("density", "每千字数字", CellType::Number),
    ("quantified", "举措量化占比", CellType::Number),
    ("errors", "错误", CellType::Number),
    ("warnings", "警告", CellType::Number),
    ("infos", "提示", CellType::Number),
    ("error", "未能分析的原因", CellType::Text),
    ("documentKind", "文件类型", CellType::Text),
];

pub const FINDING_COLUMNS: [Spec; 7] = [
    ("file", "文件", CellType::Text),
    ("severity", "级别", CellType::Text),
    ("code", "代码", CellType::Text),
    ("message", "说明", CellType::Text),
    ("evidence", "原文句子", CellType::Text),
    ("heading", "所在标题", CellType::Text),
    ("error", "未能分析的原因", CellType::Text),
];

pub const FIGURE_COLUMNS: [Spec; 10] = [
    ("file", "文件", CellType::Text),
    ("text", "原文数字", CellType::Text),
    ("value", "数值", CellType::Number),
    ("unit", "单位", CellType::Text),
    ("kind", "类型", CellType::Text),
    ("indicator", "指标", CellType::Text),
    ("category", "类别", CellType::Text),
    ("heading", "所在标题", CellType::Text),
    ("sentence", "所在句子", CellType::Text),
    ("error", "未能分析的原因", CellType::Text),
];


/// The columns of the comparison's matched-figures table (CSV / workbook): `(key, header)`.
pub const COMPARE_FIGURE_COLUMNS: [(&str, &str); 7] = [
    ("indicator", "指标"),
    ("unit", "单位"),
    ("category", "领域"),
    ("old", "原值"),
    ("new", "新值"),
    ("change", "变化"),
    ("relativeChange", "变化率"),
];

/// The workbook's sheets: register, findings, figures (native only, like `xlsx`).
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
pub const SHEET_NAMES: [&str; 3] = ["汇总", "发现", "数字"];

/// Where the sentence quoted as a finding's or a figure's evidence ends.
pub const EVIDENCE_SENTENCE_END: [char; 5] = ['。', '!', '?', '\u{FF01}', '\u{FF1F}'];

/// A required part's cell when its heading was found but the part is not there in full: the
/// problems part stating no causes (`causes-missing`). Other parts are never incomplete today.
pub fn incomplete_part_label(part: Role) -> &'static str {
    match part {
        Role::Problems => "缺原因",
        _ => "不完整",
    }
}

/// A cell that does not apply: the timeliness of a report that is not annual, and the required
/// parts of a document that is not a 法治政府建设 report (news, 复议统计, 政府工作报告, speech …).
pub const NOT_APPLICABLE: &str = "不适用";

/// A boolean cell.
pub const YES: &str = "是";
pub const NO: &str = "否";

/// Why a batch entry without text has no row.
pub const NO_TEXT: &str = "没有文本 (no text given)";

/// 按时 / 逾期 N 天 / 未知 / 不适用.
pub fn timeliness_label(status: TimelinessStatus, days_late: Option<i64>) -> String {
    match status {
        TimelinessStatus::OnTime => "按时".to_owned(),
        TimelinessStatus::Late => match days_late {
            Some(days) => format!("逾期 {days} 天"),
            None => "逾期".to_owned(),
        },
        TimelinessStatus::Unknown => "未知".to_owned(),
        TimelinessStatus::NotApplicable => NOT_APPLICABLE.to_owned(),
    }
}

pub fn period_label(p: Period) -> &'static str {
    match p {
        Period::Year => "年度",
        Period::HalfYear => "半年",
        Period::Quarter => "季度",
        Period::MidTerm => "中期",
        Period::MultiYear => "多年",
    }
}

pub fn severity_label(s: Severity) -> &'static str {
    match s {
        Severity::Error => "错误",
        Severity::Warning => "警告",
        Severity::Info => "提示",
    }
}

pub fn kind_label(k: MetricKind) -> &'static str {
    match k {
        MetricKind::Count => "数量",
        MetricKind::Money => "金额",
        MetricKind::Percent => "比例",
        MetricKind::Duration => "时长",
        MetricKind::Measure => "计量",
    }
}
