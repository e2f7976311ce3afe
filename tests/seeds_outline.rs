//! Each seed's full outline, hand-checked against the text (level|marker|title|sections),
//! its numbering findings, and the same headings with all line breaks removed.

use fazhi_analyzer::analyze;

mod common;
use common::seed;

fn outline_lines(text: &str) -> Vec<String> {
    analyze(text)
        .outline
        .iter()
        .map(|h| {
            let sections: Vec<String> = h.sections.iter().map(|r| serde_json::to_value(r).unwrap().as_str().unwrap().to_owned()).collect();
            format!("{}|{}|{}|{}", h.level, h.marker, h.title, sections.join(","))
        })
        .collect()
}

fn check_outline(prefix: &str, expected: &str) {
    let got = outline_lines(&seed(prefix));
    let want: Vec<String> = expected.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect();
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(g, w, "seed {prefix}, heading {i}");
    }
    assert_eq!(got.len(), want.len(), "seed {prefix}: {} headings, expected {}", got.len(), want.len());
}

/// Seed 000 (县应急局 2022): four parts, (一)… under the first two, 一是… lists under the last two.
const SEED_000: &str = "
    1|一、|推进法治政府建设的主要举措和成效|measures
    2|(一)|坚持民主决策|
    2|(二)|主动公开信息|
    2|(三)|优化营商环境|
    2|(四)|营造法治氛围|
    2|(五)|严格规范行政执法|
    2|(六)|开展法治创建|
    1|二、|主要负责人履行推进法治政府建设第一责任人职责情况|duty
    2|(一)|坚持问题导向,狠抓工作落实|
    2|(二)|成立法治政府建设机构,强化工作组织保障|
    2|(三)|深入学习习近平法治思想,提高干部职工的法治思维能力|
    1|三、|推进法治政府建设存在的不足和原因|problems
    2|一是|部分行政执法人员对相关法律法规的适用上把握不够准确,在个别案件引用法条上有错漏、引用不规范现象|
    2|二是|在行政处罚自由裁量应用上有偏差,主要表现在相类似案件处罚幅度不一致|
    2|三是|执法案卷整理归档质量有待提高|
    1|四、|2023年推进法治政府建设的工作思路和目标举措|plans
    2|一是|深入学习贯彻党的二十大法治建设精神和习近平法治思想,坚持以习近平新时代中国特色社会主义思想为指导,坚持党对法治政府建设的领导|
    2|二是|坚持党政主要负责人履行推进法治建设第一责任人职责|
    2|三是|深化行政审批制度改革,大力推进“放管服”改革|
    2|四是|全面推进科学民主依法决策,履行重大决策公众参与、专家论证、风险评估、合法性审查、集体讨论法定程序,建立健全政府法律顾问制度|
    2|五是|依法有效化解社会矛盾纠纷,引导和支持公民、法人和其他组织依法表达诉求、维护权益、解决纠纷|
    2|六是|全面提高政府工作人员依法行政能力,建立领导集体学法和干部法律培训长效机制,为全县应急管理改革发展提供有力的法治保障|
";

#[test]
fn seed_000_outline() {
    check_outline("000", SEED_000);
}

/// Seed 001 (罗江区 2022 上半年): topical 一、…十、 (the measures part), 十一、 problems and plans; run-in titles without 。 ((一)优化公平竞争环境严格按照…, 二是…管理严格按照…, 三是…有待加强执法部门…); the line 行政执法“三项制度”落实不到位。 lost its 二是 and is not a heading.
const SEED_001: &str = "
    1|一、|实法治政府建设主体责任|measures
    2|(一)|系统学习习近平法治思想|
    2|(二)|统筹推动法治政府建设|
    1|二、|持续优化法治化营商环境|measures
    2|(一)|优化公平竞争环境|
    2|(二)|继续深化“放管服”改革|
    1|三、|健全完善依法行政体制机制|measures
    2|一是|加强行政立法工作|
    2|二是|加强行政规范性文件管理|
    2|三是|加强法律顾问和公职律师管理工作|
    1|四、|提升重大行政决策法治化水平|measures
    1|五、|推进严格规范公正文明执法|measures
    2|(一)|持续深化综合执法改革|
    2|(二)|深入推行行政执法三项制度”|
    1|六、|强化突发事件预防处置能力建设|measures
    2|(一)|加强突发事件应对能力|
    2|(二)|强化疫情应急处置|
    2|(三)|深入开展安全生产专项整治行动|
    1|七、|健全纠纷争议法治化解决机制|measures
    2|(一)|深化行政复议改革|
    2|(二)|加强矛盾纠纷化解|
    1|八、|加强行政权力运行监督|measures
    2|(一)|强化行政权力监督制约|
    2|(二)|推进政府信息公开制度建设|
    1|九、|推进数字法治政府建设|measures
    2|(一)|以智慧城市为依托,推动数字法治政府建设|
    3|一是|建成罗江区新型城市信息化基础设施建设项目一期工程(德阳市罗江区应急指挥调度中心),初步实现应急指挥、新冠疫情防控、项目调度等基础性功能|
    3|二是|根据市政务和大数据局《关于加强政务数据资源共享开放质量提升的通知》,持续推进政务数据资源共享工作,在德阳市共享交换平台挂载数据1579条,数据更新持续有力|
    3|三是|推动政务云上部署,完成区政府办、区纪委、区委组织部、区卫健局、区民政局和区行政审批局6个单位上云工作|
    3|四是|积极推广全国企业信用信息公示系统,推行企业信息查询自主化|
    2|(二)|提升跨区域协同能力,推进政府职能转变|
    1|十、|加强公共法律服务体系建设|measures
    1|十一、|存在的问题及下一步打算|problems,plans
    2|一是|工作特色亮点不鲜明|
    2|三是|执法队伍建设有待加强|
";

#[test]
fn seed_001_outline() {
    check_outline("001", SEED_001);
}

/// Seed 002 (临沧市应急管理局 2024): 一是… lists inside (一)…(五); problems 一是…三是 in one paragraph; no duty part.
const SEED_002: &str = "
    1|一、|2024年度推进法治政府建设的主要举措和成效|measures
    2|(一)|强化领导干部法治意识|
    3|一是|领导带头学|
    3|二是|集体集中学|
    3|三是|干部自主学|
    3|四是|专家辅导学|
    2|(二)|严格规范公正文明执法|
    3|一是|严格落实年度执法检查计划|
    3|二是|严格落实行政执法“三项制度”|
    3|三是|严格落实自由裁量基准|
    3|四是|开展行政执法案卷评查|
    3|五是|厘清行政执法事项|
    3|六是|开展行政执法突出问题专项整治|
    3|七是|调整充实行政执法力量|
    3|八是|落实法律顾问制度和公职律师制度|
    2|(三)|持续优化法治营商环境|
    3|一是|持续优化政务服务|
    3|二是|实施分级分类监管|
    3|三是|规范涉企行政检查|
    3|四是|积极推进“双随机、一公开”监管工作|
    2|(四)|着力提升应急处置能力|
    3|一是|加强应急力量建设|
    3|二是|扎实开展救灾救助|
    3|三是|强化应急值班值守|
    3|四是|提升基层防灾能力|
    2|(五)|深入开展普法宣传教育|
    3|一是|注重“以案释法”实践宣传成效|
    3|二是|结合重点工作强化普法宣传|
    3|三是|开展特定活动日主题法治宣传|
    3|四是|“以考促学”提升重点人群法治素养|
    1|二、|2024年推进法治政府建设存在的不足和原因|problems
    2|一是|执法人员专业能力不足,缺乏相应专业的学历背景,业务知识体系单一,对企业现场存在的隐性问题隐患难以发现,导致对企业违法问题不敢动真碰硬|
    2|二是|对《应急管理行政处罚裁量权基准》学习、理解不够透彻,未能全面掌握《基准》内容,在学用结合上有差距|
    2|三是|普法宣传的广度和深度不够,普法的方式方法上缺乏灵活性|
    1|三、|2025年推进法治政府建设工作的主要安排|plans
    2|(一)|持续加强学习培训|
    2|(二)|创新优化普法宣传|
    2|(三)|严格规范执法行为|
    2|(四)|强化执法监督|
";

#[test]
fn seed_002_outline() {
    check_outline("002", SEED_002);
}

/// Seed 003 (公安县 2019): 二、 goes (一) → 1. → 一是 (level 4); 2.…攻坚战第一打赢… runs a 第一…第四 list into its title; 八、 problems, 九、 建议 as the plans part.
const SEED_003: &str = "
    1|一、|全面落实法治政府建设的组织领导,巩固法治建设成果|measures
    2|(一)|认真研究,科学部署|
    2|(二)|积极组织,加强领导|
    2|(三)|突出重点,协同推进|
    3|一是|强化党的领导|
    3|二是|强化主体责任|
    2|(四)|夯实制度,督促落实|
    1|二、|进一步推进政府职能转变,全面履行政府职能,着力加强和创新社会治理|measures
    2|(一)|稳妥推进各项行政审批制度改革,完善政府职能|
    3|1.|“一窗式改革进一步深化|
    4|一是|将原有40个部门60个窗口、165名窗口工作人员,压减为28个常设窗口、120名工作人员|
    4|二是|受理与审批分离,将受理从部门剥离出来,改由综合窗口人员负责,即有效解决窗口忙闲不均、群众办事排队时间长和重复提交资料现象,同时对部门随意收件退件和事项受理、操作标准、审批时限进行了规范|
    3|2.|“一张网建设进一步完善|
    4|一是|完成全县电子政务外网向村级延伸,实现了省、市、县、乡、村五级连通|
    4|二是|在湖北政务服务网上共发布政务服务事项6297项,完成了事项的服务指南审查细则编制等工作|
    4|三是|在荆州市统筹建设的一次办好审批平台中,对6297个事项的流程,以及每个事项对应的岗位和人员进行了科学合理配置|
    3|3.|推进无谓证明事项清理,提高政务服务效率|
    2|(二)|稳步推进党政机构改革,统筹事业单位改革,加大行政改革力度|
    3|1.|科学组织我县党政机构改革|
    4|一是|科学拟定改革方案|
    4|二是|积极推动人员转隶|
    4|三是|审核发布三定规定|
    4|四是|积极构建简约高效的基层管理体制|
    3|2.|统筹推进事业单位改革|
    2|(三)|坚决持续推进商事制度改革,优化营商环境|
    3|1.|继续推进证照分离|
    3|2.|进一步提升登记注册便利化|
    2|(四)|深化事中事后监管,全面推进信用监管和双随机、一公开|
    3|1.|细化规范信息监管联办,加强信用监管|
    3|2.|引导推进年报公示|
    3|3.|完善落实双随机、一公开|
    2|(五)|统筹构建公共法律服务体系,优化服务供给|
    3|1.|加强公共法律服务平台建设|
    3|2.|做实法律援助民生工程|
    3|3.|强化法律服务行业监管|
    2|(六)|坚持不懈推进节能减排工作,切实加强生态环境保护|
    3|1.|环境问题销号管理,稳步落实整改|
    3|2.|全力打好污染防治攻坚战|
    4|第一|打赢蓝天保卫战|
    4|第二,|打好碧水保卫战|
    4|第三,|打好净土保卫战|
    4|第四|扎实开展总量减排和企业突发环境事件应急预案备案工作|
    1|三、|加强行政规范性文件制定和监督管理,确保政府抽象行政行为合法|measures
    2|(一)|严格依法开展行政规范性文件的审查、备案工作|
    2|(二)|认真开展规范性文件专项清理,加强规范性文件的配套管理|
    2|(三)|积极推进规范性文件制定主体资格清理并公示|
    1|四、|坚决推进依法科学民主决策,提升行政决策水平|measures
    2|(一)|严格执行集体讨论,完善行政决策机制|
    2|(二)|注重听取公众意见,组织专家论证评估|
    2|(三)|加强重大决策合法性审查|
    1|五、|严格规范行政执法,执法行为公正文明|measures
    2|(一)|大力开展综合行政执法改革|
    2|(二)|全面落实行政执法三项制度|
    2|(三)|强化行政执法人员管理|
    2|(四)|大力开展行政执法专项整治|
    1|六、|公开透明行使行政权力,强化对权力的制约和监督|measures
    2|(一)|畅通沟通渠道,高度重视人大代表建议和政协委员提案办理工作|
    3|1.|积极办理人大代表建议|
    3|2.|主动接办政协委员提案|
    2|(二)|依法参与行政复议和行政诉讼活动,主动接受上级和司法监督|
    3|一是|严格遵照法律法规及省、市政府要求,全力做好案件的应诉工作和与法院的联系工作,做好行政机关负责人出庭应诉工作,充分发挥行政复议在依法化解行政纠纷中的主渠道作用,努力将行政争议化解在初发阶段和行政程序中|
    3|二是|充分发挥行政复议在在依法化解行政纠纷中定纷止争的主渠道作用,切实维护申请人和被申请人的合法权益|
    2|(三)|全面推进政务公开,完善群众监督渠道|
    1|七、|有效化解社会矛盾纠纷,维护社会稳定大局|measures
    2|(一)|扎实推进人民调解工作|
    3|一是|全县开展了大排查、大调处、护军运、迎国庆专项活动,持续推进坚持发展枫桥经验,实现矛盾不上交|
    3|二是|开展全县各级调解组织建设|
    3|三是|积极指导开展矛盾纠纷排查化解工作,坚持集中排查与特殊节假日排查相结合|
    2|(二)|抓实法治宣传教育|
    1|八、|存在的困难和问题|problems
    2|(一)|法治政府建设效能和水平有待进一步提升|
    2|(二)|执法不严、办事不公的现象依然存在|
    2|(三)|部分干部依法行政的能力水平亟待加强|
    2|(四)|法制机构力量薄弱|problems
    1|九、|加强法治政府建设的建议|plans
    2|(一)|进一步强化政府工作人员法治意识|
    2|(二)|进一步推进政府决策的科学化、民主化,提高行政决策水平|
    2|(三)|进一步规范行政执法行为|
";

#[test]
fn seed_003_outline() {
    check_outline("003", SEED_003);
}

/// Seed 004 (秦州区 中期评估): (一) with a space after the marker; (六) has no list; 4.三是 is a stray 4. before 三是; 二、 has 一是 三是 三是 四是.
const SEED_004: &str = "
    1|一、|主要工作|measures
    2|(一)|行政执法人员法治思维和依法行政能力全面提升|
    3|一是|提高领导干部法治意识|
    3|二是|加强干部职工法律培训|
    3|三是|提高执法人员行政能力|
    2|(二)|政府职能依法全面履行|
    3|一是|推进行政审批制度改革|
    3|二是|积极推行证明事项告知承诺制|
    3|三是|全面推行”双随机、一公开”监管|
    2|(三)|依法行政制度体系健全完善|
    3|一是|制定了《秦州区住房和城乡建设局重大决策合法性审查制度》|
    3|二是|制定了《秦州区住房和城乡建设局规范性文件合法性审查制度》|
    2|(四)|重大行政决策科学民主合法|
    3|一是|建立完善依法行政决策制度|
    3|二是|严格执行依法行政决策程序|
    3|三是|充分发挥法律顾问在重大行政决策中的作用|
    2|(五)|行政执法严格规范公正文明|
    3|一是|全面开展行政执法能力三年提升行动|
    3|二是|行政执法“三项制度”全面推行|
    2|(六)|重大突发事件依法预防处置|
    2|(七)|社会矛盾纠纷依法有效化解|
    3|一是|加强信访业务能力培训|
    3|二是|靠实责任,狠抓落实|
    3|三是|及时有效接待来访|
    2|(八)|行政权利制约监督科学有效|
    3|一是|自觉接受各类监督|
    3|二是|部门督查工作进一步规范|
    3|三是|行政执法制约监督进一步加强|
    3|四是|全面推行政务公开|
    2|(九)|法治政府建设组织领导落实到位|
    3|一是|加强党对法治政府建设的领导|
    3|二是|完善法治政府建设推进机制|
    3|三是|强化法治政府建设考核评价|
    1|二、|存在的问题及整改情况|problems
    2|一是|部分执法人员执法过程不严谨|
    2|三是|部分执法人员对执法全过程留痕不重视|
    2|三是|合法性审查人员配备不足|
    2|四是|缺少专业性强的高级技术人才|
    1|三、|下一步工作计划|plans
    2|(一)|提高思想认识|
    2|(二)|加强组织领导|
    2|(三)|强化督查检查|
";

#[test]
fn seed_004_outline() {
    check_outline("004", SEED_004);
}

fn numbering_findings(text: &str) -> Vec<(String, String)> {
    let a = analyze(text);
    a.findings
        .iter()
        .filter(|f| matches!(serde_json::to_value(f.code).unwrap().as_str(), Some("numbering-gap" | "numbering-duplicate")))
        .map(|f| {
            let at = common::utf16_slice(text, f.start.unwrap(), f.end.unwrap());
            (serde_json::to_value(f.code).unwrap().as_str().unwrap().to_owned(), at)
        })
        .collect()
}

#[test]
fn seed_numbering_findings() {
    // 000, 002, 003: every list is complete.
    for prefix in ["000", "002", "003"] {
        assert_eq!(numbering_findings(&seed(prefix)), [], "seed {prefix}");
    }
    // 001: 十一、 has 一是 and 三是; the 二是 item lost its marker.
    let t = seed("001");
    let f = numbering_findings(&t);
    assert_eq!(f, [("numbering-gap".to_owned(), "三是".to_owned())]);
    let a = analyze(&t);
    let gap = a.findings.iter().find(|x| serde_json::to_value(x.code).unwrap() == "numbering-gap").unwrap();
    let before = common::utf16_slice(&t, 0, gap.start.unwrap());
    assert!(before.ends_with("行政处罚法制审核制度未落实。\n\n"), "the gap points at the 三是 after the unmarked item");
    assert!(gap.message.contains("二是"), "{}", gap.message);
    // 004: 二、存在的问题 has 一是 三是 三是 四是 — the repeated 三是 is reported once.
    let t = seed("004");
    assert_eq!(numbering_findings(&t), [("numbering-duplicate".to_owned(), "三是".to_owned())]);
    let a = analyze(&t);
    let dup = a.findings.iter().find(|x| serde_json::to_value(x.code).unwrap() == "numbering-duplicate").unwrap();
    let after = common::utf16_slice(&t, dup.start.unwrap(), common::utf16_len(&t));
    assert!(after.starts_with("三是合法性审查人员配备不足"), "the second 三是");
    assert!(dup.message.contains("二是"), "{}", dup.message);
}

#[test]
fn seeds_without_line_breaks_yield_the_same_headings() {
    for prefix in ["000", "001", "002", "003", "004"] {
        let text = seed(prefix);
        let strip = |lines: Vec<String>| -> Vec<String> {
            lines.into_iter().map(|l| l.split('|').skip(1).take(2).collect::<Vec<_>>().join("|")).collect()
        };
        let flat: String = text.chars().filter(|&c| c != '\n' && c != '\r').collect();
        let spaced = text.replace('\n', " ");
        let crlf = text.replace('\n', "\r\n");
        for (how, variant) in [("no line breaks", &flat), ("line breaks as spaces", &spaced), ("CRLF", &crlf)] {
            assert_eq!(strip(outline_lines(variant)), strip(outline_lines(&text)), "seed {prefix}, {how}");
            assert_eq!(numbering_findings(variant).len(), numbering_findings(&text).len(), "seed {prefix}, {how}");
        }
    }
}

#[test]
fn seeds_nesting_is_consistent() {
    for prefix in ["000", "001", "002", "003", "004"] {
        let a = analyze(&seed(prefix));
        for (i, h) in a.outline.iter().enumerate() {
            assert_eq!(h.id, i);
            match h.parent {
                None => assert!(h.level == 1, "seed {prefix} heading {i}"),
                Some(p) => {
                    assert!(p < i, "seed {prefix}: parent after child");
                    assert_eq!(a.outline[p].level + 1, h.level, "seed {prefix} heading {i}");
                }
            }
            assert_eq!(h.role, h.sections.first().copied());
            if h.style == fazhi_analyzer::HeadingStyle::Inline {
                assert!(h.sections.is_empty(), "seed {prefix}: inline heading {i} carries a role");
            }
        }
    }
}

#[test]
fn seeds_metrics_stand_under_the_innermost_heading() {
    for prefix in ["000", "001", "002", "003", "004"] {
        let a = analyze(&seed(prefix));
        for m in &a.metrics {
            // The last heading starting before the figure, or the nearest ancestor whose section is still open.
            let last = a.outline.iter().rposition(|h| h.start <= m.start);
            match (m.heading, last) {
                (None, None) => {}
                (Some(h), Some(l)) => {
                    let mut k = Some(l);
                    let mut chain = Vec::new();
                    while let Some(x) = k {
                        chain.push(x);
                        k = a.outline[x].parent;
                    }
                    assert!(chain.contains(&h), "seed {prefix}: metric {} under heading {h}, not an ancestor of {l}", m.text);
                    // Nothing deeper in that chain closes after the figure: the chosen heading is the innermost.
                    assert_eq!(h, l, "seed {prefix}: metric {} at {} should stand under heading {l}", m.text, m.start);
                }
                (h, l) => panic!("seed {prefix}: metric {} heading {h:?}, last heading before it {l:?}", m.text),
            }
        }
    }
}
