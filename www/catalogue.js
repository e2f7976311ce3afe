// Generated from the core's message catalogue (src/vocab/messages.rs) by
// `UPDATE_GOLDEN=1 cargo test --test catalogue`; do not edit.
export const CATALOGUE = {
  "categories": {
    "其他": "Other",
    "学法培训": "Legal training",
    "应急管理": "Emergency management",
    "政务公开": "Government transparency",
    "政务服务": "Government services",
    "普法宣传": "Legal publicity and education",
    "法律顾问": "Legal advisers",
    "矛盾纠纷化解": "Dispute resolution",
    "行政复议": "Administrative reconsideration",
    "行政应诉": "Administrative litigation",
    "行政执法": "Administrative law enforcement",
    "规范性文件": "Normative documents",
    "重大行政决策": "Major administrative decisions"
  },
  "parts": {
    "duty": {
      "zh": "党政主要负责人履行推进法治建设第一责任人职责情况",
      "en": "the principal Party and government leaders’ duty as first persons responsible for the rule of law"
    },
    "measures": {
      "zh": "推进法治政府建设的主要举措和成效",
      "en": "main measures and results in building law-based government"
    },
    "plans": {
      "zh": "下一年度推进法治政府建设的主要安排",
      "en": "main plans for building law-based government in the next year"
    },
    "problems": {
      "zh": "存在的不足和原因",
      "en": "shortcomings and their causes"
    }
  },
  "codes": {
    "causes-missing": {
      "zh": "未分析原因",
      "en": "Causes not stated"
    },
    "figures-omitted": {
      "zh": "数字未全部列出",
      "en": "Figures not all listed"
    },
    "headings-omitted": {
      "zh": "标题未全部列出",
      "en": "Headings not all listed"
    },
    "inconsistent-figure": {
      "zh": "数字前后不一",
      "en": "Inconsistent figure"
    },
    "injected-text": {
      "zh": "网页水印或链接",
      "en": "Watermark or link"
    },
    "invisible-characters": {
      "zh": "不可见字符",
      "en": "Invisible characters"
    },
    "late-publication": {
      "zh": "逾期公开",
      "en": "Late publication"
    },
    "numbering-duplicate": {
      "zh": "序号重复",
      "en": "Duplicate number"
    },
    "numbering-gap": {
      "zh": "序号跳号",
      "en": "Numbering gap"
    },
    "pinyin-annotation": {
      "zh": "拼音注音",
      "en": "Pinyin annotation"
    },
    "placeholder": {
      "zh": "占位内容",
      "en": "Placeholder"
    },
    "rate-mismatch": {
      "zh": "比率不符",
      "en": "Rate mismatch"
    },
    "recycled-text": {
      "zh": "疑似沿用旧文",
      "en": "Recycled text"
    },
    "respectively-mismatch": {
      "zh": "“分别”不对应",
      "en": "“分别” (respectively) mismatch"
    },
    "section-missing": {
      "zh": "缺少必备部分",
      "en": "Missing part"
    },
    "sum-mismatch": {
      "zh": "合计不符",
      "en": "Sum mismatch"
    },
    "suspected-missing-char": {
      "zh": "疑似缺字",
      "en": "Missing character?"
    },
    "truncated-sentence": {
      "zh": "句子不完整",
      "en": "Truncated sentence"
    },
    "unquantified-section": {
      "zh": "缺少数字",
      "en": "No figures"
    }
  },
  "documentKinds": {
    "government-work-report": {
      "zh": "政府工作报告",
      "en": "Government work report"
    },
    "news": {
      "zh": "新闻",
      "en": "News"
    },
    "other": {
      "zh": "其他",
      "en": "Other"
    },
    "reconsideration-statistics": {
      "zh": "行政复议统计",
      "en": "Reconsideration statistics"
    },
    "rule-of-law-report": {
      "zh": "法治建设报告",
      "en": "Rule-of-law report"
    },
    "speech": {
      "zh": "讲话",
      "en": "Speech"
    }
  }
};
