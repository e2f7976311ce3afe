//! Page chrome and self-description: what a government web page wraps around a report
//! (menus, metadata labels, footers) and the words a report uses about itself (title,
//! recipient, closing, issuer, reporting period).

use crate::result::Period;

/// Whole tokens of a site menu line (`登录 注册 无障碍阅读`). A line made only of these
/// (and separators) is a menu.
pub const MENU_WORDS: &[&str] = &[
    "登录", "注册", "无障碍阅读", "无障碍", "首页", "网站首页", "设为首页", "加入收藏", "收藏本站",
    "繁体", "简体", "繁體", "简体版", "繁体版", "长者模式", "关怀版", "适老化", "English", "EN", "搜索",
    "移动版", "手机版", "智能问答", "个人中心", "退出", "上一页", "下一页", "尾页", "末页", "返回顶部",
    "大", "中", "小", "字号", "分享", "微信", "微博", "打印", "关闭", "【打印】", "【关闭】",
    "【大】", "【中】", "【小】", "上一篇", "下一篇", "|", "•", "·", ">", "»",
];

/// A menu line may start with one of these and carry anything after (`今天是:2024年…`,
/// `当前位置:首页 > 政务公开`).
pub const MENU_PREFIXES: &[&str] = &[
    "今天是", "今日是", "当前位置", "您当前的位置", "您当前位置", "您的位置", "您现在的位置", "现在的位置",
    "当前所在位置", "所在位置", "位置:", "首页>", "首页 >", "首页»", "分享到", "上一篇", "下一篇", "上一条", "下一条",
    "【字体", "[字体", "字体:", "字号:", "【打印", "[打印", "【关闭", "[关闭",
];

/// Labels of a page's metadata block (`索引号:` …). Spaces inside a label are allowed
/// in the text (`索  引  号`).
pub const META_LABELS: &[&str] = &[
    "索引号", "发文单位", "发文机关", "发布机构", "发文日期", "成文日期", "发布日期", "发布时间", "生成日期",
    "效力状态", "有效性", "时效性", "主题分类", "体裁分类", "组配分类", "服务对象分类", "发文字号", "文号",
    "信息来源", "文章来源", "来源", "浏览次数", "阅读次数", "点击数", "访问量", "浏览量", "字体大小", "字号",
    "公开形式", "公开方式", "公开范围", "公开时限", "公开日期", "所属机构", "所属主题", "信息分类",
    "主题词", "关键词", "关键字", "标题", "名称", "作者", "撰稿", "分类",
    // Dates under other labels (`更新时间:2022/03/25 09:12:40`, `日期:2021年06月15日`, `时间:2019-04-08`).
    "更新时间", "更新日期", "成文时间", "发文时间", "印发日期", "日期", "时间",
];

/// Metadata fields that give the publication date, best first.
pub const DATE_FIELDS: &[&str] = &[
    "发布时间", "发布日期", "公开日期", "发文日期", "发文时间", "成文日期", "成文时间", "印发日期", "生成日期", "日期", "时间",
    // A site's own timestamp: only when nothing else dates the page.
    "更新时间", "更新日期",
];

/// Words in a heading that looks forward: `2022年工作计划` is written in the report on 2021.
pub const PLAN_HEADING_WORDS: &[&str] = &["计划", "打算", "安排", "思路", "工作要点", "重点工作", "工作重点", "展望"];

/// Words in a heading that looks back on the year it names (`一、2021年主要工作情况`).
pub const REVIEW_HEADING_WORDS: &[&str] = &["情况", "主要工作", "工作开展", "举措", "成效", "做法", "工作回顾", "取得"];

/// Words that make a text evidently about 法治政府建设 (for the year read from its signature date).
pub const ANNUAL_REPORT_WORDS: &[&str] = &["法治政府建设"];

/// Metadata fields that name the issuer, best first.
pub const ISSUER_FIELDS: &[&str] = &["发文单位", "发文机关", "发布机构", "信息来源", "文章来源", "来源", "所属机构"];

/// Metadata fields that give the document's title.
pub const TITLE_FIELDS: &[&str] = &["标题", "名称"];

/// Footer tokens: a short line containing one is page chrome.
pub const FOOTER_TOKENS: &[&str] = &[
    "ICP备", "ICP证", "公网安备", "网站标识码", "网站地图", "版权所有", "Copyright", "copyright", "©",
    "技术支持", "联系我们", "关闭窗口", "打印本页", "打印此页", "【打印】", "【关闭】", "打印|关闭",
    "打印 关闭", "扫一扫", "用手机扫描", "网站纠错", "我要纠错", "政府网站找错", "分辨率",
];

/// Footer labels: a line starting with one of these followed by `:` is page chrome.
pub const FOOTER_LABELS: &[&str] = &[
    "主办单位", "承办单位", "协办单位", "主办", "承办", "协办", "维护", "地址", "通讯地址", "邮箱", "电子邮箱",
    "E-mail", "Email", "电话", "联系电话", "网站编辑部电话", "传真", "邮编", "邮政编码", "相关附件",
    "附件下载", "责任编辑", "编辑", "审核", "校对", "初审", "终审", "网站标识码",
];

/// What a report's title names (`…法治政府建设工作报告`, `…工作开展情况`).
pub const TITLE_WORDS: &[&str] = &["报告", "情况", "总结", "汇报", "自查", "述职"];

/// How an issuing body's name ends (signature lines, recipients).
pub const ORG_SUFFIXES: &[&str] = &[
    "人民政府办公室", "人民政府", "政府办公室", "办公室", "办公厅", "委员会", "管理局", "局", "厅", "委", "政府",
    "办", "院", "中心", "部", "所", "司", "处", "科", "队", "站", "街道", "镇", "乡", "党组", "党委",
];

/// Closing formulas (`特此报告。`).
pub const CLOSINGS: &[&str] = &["特此报告", "特此汇报", "专此报告", "以上报告", "特此说明"];

/// Period words, looked up in the title and the opening sentence; the first hit wins.
pub const PERIOD_WORDS: &[(&str, Period)] = &[
    ("中期评估", Period::MidTerm),
    ("中期报告", Period::MidTerm),
    ("上半年", Period::HalfYear),
    ("下半年", Period::HalfYear),
    ("半年", Period::HalfYear),
    ("第一季度", Period::Quarter),
    ("第二季度", Period::Quarter),
    ("第三季度", Period::Quarter),
    ("第四季度", Period::Quarter),
    ("一季度", Period::Quarter),
    ("二季度", Period::Quarter),
    ("三季度", Period::Quarter),
    ("四季度", Period::Quarter),
];
