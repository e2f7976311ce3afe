//! Traditional → Simplified folding, one character for one, so offsets never move.
//! Covers the vocabulary of government reports (units, roles, categories, common words);
//! characters not listed pass through unchanged.

/// Pairs, position for position: `TRADITIONAL[i]` folds to `SIMPLIFIED[i]`.
const TRADITIONAL: &str = "並佈佔併來倆個們倫側偵傑備傳傷僅僱價儀億儘償優儲兇兒內兩冊剋剛創劃劇劑動務勞勢勵勸匯匱區協卻厭厰厲參員問啟喪單嗎嘆噴噸嚇嚮嚴囑國圍園圓圖團執堅報場塊墾壇壓壞壩壯壺夠奧奪奮妝婁婦媽嬰孫學宮實寧審寫寬寶將專尋對導尷屆層屬嶺巒巖帶幣幫幹庫廁廈廟廠廢廣廬廳弒張彈彌彙後徑從徠復徵態慣慮慶憂憐憑憲懇應懲懶懷戀戰戲戶拋掛採揀揚換揮損搖搶撐撥撫撲撿擁擇擊擋擔據擠擬擴擾攔攜攝攤攬敗敘敵數斂斃斷於時暈暫曆曉曠曬書會朧東柵條棄棟棧椏業極榮構槍槓樁樂樓標樞樣橋機橫檔檢櫃櫥欄權歐歡歲歷歸殘殯殺毀氈氣氫決沒沖況淚淨淪淺渦測渾湯準溝溫滅滬滿漁漢漲漿潔潛潤澀澤濃濕濟濫濱瀆瀏瀝灑灘灣災為無煉煙熱燈燒營燦燭爐爛爭牆犧狀猶獄獎獨獲獸獻現琺瑣瑪環瓊甕產畢畫異當疇疊瘡療癢癥發皺盜盞盡監盤眾矯硯碩確碼礎礙礦禍禦禪禮禱稅稱穀穌積穢穩穫窩窪窮竄竊競筆筍箏節範築篩簡簽籃籌籤糞糧糾紀約紅納紐純紙級紛紡紮細紹終組絆結絕絞絡給統絲綁經綜綠綢綫維綱網綿緊緒線緝編緩練緻縛縣縫縮縱總績織繞繩繪繫繳繼續纖纜罈罰罵罷羅羈羨義習翹聖聞聯聰聲聳職聽肅脅脫脹腦腫膚膠膽臉臨臺與興舉舊舖艙艦艱芻茲莊華萊萬葉蒼蓋蓮蔔蔣蕭薑薦藍藝藥蘆蘇蘊蘋蘭處虛虜號虧蛻蝕蝦螞蟲蠟蠻衆衊術衛衝裏補裝裡製複褲褻襯襲覈見規覓視親覺覽觀訂計訊討訓託記訛訝訟訣訪設許訴診註証詐評詛詞詢試詩詭話該詳誅誇誌認誕誘語誠誡誤說課調談請諒論諧諮諸諾謀謂謊謎謗講謝謠謹譁證識譯議譴護譽讀變讒讓讚豐豬貓負財貢貧貨販貪貫責貴買貸費貼貿賄資賊賓賜賞賠賢賣賤賦質賬賭賴賺購賽贈贊贏贓贖贛趕趙趨跡踐蹟蹤躉躍軀車軌軍軟較載輔輕輛輩輪輯輸輻轄轉轍轎轟辦辭辮辯農迴逕這連週進運過達違遙遜遞遠適遲遷選遺遼邁還邊邏郵鄉鄧鄭鄰醜醞醫醬釀釋釘針釣鈍鈔鈴鉅鉛鉤銀銅銜銷鋁鋒鋪鋼錄錢錦錨錯錶鍋鍍鍛鍵鎊鎖鎮鏈鏡鐘鐮鐲鐵鑄鑑鑒鑰長門閃閉開閒間閘閣閥閩閱闆闈闊闖關闡陝陣陰陳陸陽隊階隕際隨險隱隴隸隻雋雖雙雛雜雞離難雲電霧霽靂靈靜鞏韋韌韓韻響頁頂項順須頌預頒頓頗領頭頸頹頻顆題額顏願顛類顧顫顯風颱飄飛飢飯飲飼飾餅養餘館餵饅饑饒馬駁駐駕駛駱騎騙騰騷驅驕驗髒體髮鬆鬍鬢鬥鬧鬱魚魯鮮鯨鳥鳳鴻鵝鶴鷹鹹鹽麗麥麪麵麼黃點黨黴鼕鼴齊齋齒齡龍龐龜";
const SIMPLIFIED: &str = "并布占并来俩个们伦侧侦杰备传伤仅雇价仪亿尽偿优储凶儿内两册克刚创划剧剂动务劳势励劝汇匮区协却厌厂厉参员问启丧单吗叹喷吨吓向严嘱国围园圆图团执坚报场块垦坛压坏坝壮壶够奥夺奋妆娄妇妈婴孙学宫实宁审写宽宝将专寻对导尴届层属岭峦岩带币帮干库厕厦庙厂废广庐厅弑张弹弥汇后径从徕复征态惯虑庆忧怜凭宪恳应惩懒怀恋战戏户抛挂采拣扬换挥损摇抢撑拨抚扑捡拥择击挡担据挤拟扩扰拦携摄摊揽败叙敌数敛毙断于时晕暂历晓旷晒书会胧东栅条弃栋栈桠业极荣构枪杠桩乐楼标枢样桥机横档检柜橱栏权欧欢岁历归残殡杀毁毡气氢决没冲况泪净沦浅涡测浑汤准沟温灭沪满渔汉涨浆洁潜润涩泽浓湿济滥滨渎浏沥洒滩湾灾为无炼烟热灯烧营灿烛炉烂争墙牺状犹狱奖独获兽献现珐琐玛环琼瓮产毕画异当畴叠疮疗痒症发皱盗盏尽监盘众矫砚硕确码础碍矿祸御禅礼祷税称谷稣积秽稳获窝洼穷窜窃竞笔笋筝节范筑筛简签篮筹签粪粮纠纪约红纳纽纯纸级纷纺扎细绍终组绊结绝绞络给统丝绑经综绿绸线维纲网绵紧绪线缉编缓练致缚县缝缩纵总绩织绕绳绘系缴继续纤缆坛罚骂罢罗羁羡义习翘圣闻联聪声耸职听肃胁脱胀脑肿肤胶胆脸临台与兴举旧铺舱舰艰刍兹庄华莱万叶苍盖莲卜蒋萧姜荐蓝艺药芦苏蕴苹兰处虚虏号亏蜕蚀虾蚂虫蜡蛮众蔑术卫冲里补装里制复裤亵衬袭核见规觅视亲觉览观订计讯讨训托记讹讶讼诀访设许诉诊注证诈评诅词询试诗诡话该详诛夸志认诞诱语诚诫误说课调谈请谅论谐咨诸诺谋谓谎谜谤讲谢谣谨哗证识译议谴护誉读变谗让赞丰猪猫负财贡贫货贩贪贯责贵买贷费贴贸贿资贼宾赐赏赔贤卖贱赋质账赌赖赚购赛赠赞赢赃赎赣赶赵趋迹践迹踪趸跃躯车轨军软较载辅轻辆辈轮辑输辐辖转辙轿轰办辞辫辩农回径这连周进运过达违遥逊递远适迟迁选遗辽迈还边逻邮乡邓郑邻丑酝医酱酿释钉针钓钝钞铃巨铅钩银铜衔销铝锋铺钢录钱锦锚错表锅镀锻键镑锁镇链镜钟镰镯铁铸鉴鉴钥长门闪闭开闲间闸阁阀闽阅板闱阔闯关阐陕阵阴陈陆阳队阶陨际随险隐陇隶只隽虽双雏杂鸡离难云电雾霁雳灵静巩韦韧韩韵响页顶项顺须颂预颁顿颇领头颈颓频颗题额颜愿颠类顾颤显风台飘飞饥饭饮饲饰饼养余馆喂馒饥饶马驳驻驾驶骆骑骗腾骚驱骄验脏体发松胡鬓斗闹郁鱼鲁鲜鲸鸟凤鸿鹅鹤鹰咸盐丽麦面面么黄点党霉冬鼹齐斋齿龄龙庞龟";

/// Every `(Traditional, Simplified)` pair; `text`'s fold table is built from them.
pub fn traditional_to_simplified() -> impl Iterator<Item = (char, char)> {
    TRADITIONAL.chars().zip(SIMPLIFIED.chars())
}

/// A CJK ideograph (the basic block and extension A): a character of Chinese words.
pub fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

/// Opening brackets and quotes (text is folded: `（` reads `(`).
pub const OPENING: &[char] = &['(', '《', '“', '[', '【', '〔', '‘', '{', '「', '『'];
/// Closing brackets and quotes.
pub const CLOSING: &[char] = &[')', '》', '”', ']', '】', '〕', '’', '}', '」', '』'];
/// What ends a sentence or a line: a heading title or a bracket never runs past it.
pub const TERMINATORS: &[char] = &['。', ';', '!', '?', '\n'];

pub fn opens(c: char) -> bool {
    u32::from(c) <= const { highest(OPENING) } && OPENING.contains(&c)
}

pub fn closes(c: char) -> bool {
    u32::from(c) <= const { highest(CLOSING) } && CLOSING.contains(&c)
}

pub fn is_terminator(c: char) -> bool {
    u32::from(c) <= const { highest(TERMINATORS) } && TERMINATORS.contains(&c)
}

/// The highest code point of `chars`: a character above it (every Chinese character, for the
/// lists above) is none of them, told by one comparison instead of a search of the list.
const fn highest(chars: &[char]) -> u32 {
    let mut top = 0;
    let mut i = 0;
    while i < chars.len() {
        if chars[i] as u32 > top {
            top = chars[i] as u32;
        }
        i += 1;
    }
    top
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The comparison before each search changes no answer.
    #[test]
    fn the_bracket_and_stop_tests_are_the_lists() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(opens(c), OPENING.contains(&c));
            assert_eq!(closes(c), CLOSING.contains(&c));
            assert_eq!(is_terminator(c), TERMINATORS.contains(&c));
        }
    }

    #[test]
    fn table_is_one_for_one_in_the_bmp() {
        assert_eq!(TRADITIONAL.chars().count(), SIMPLIFIED.chars().count());
        assert!(TRADITIONAL.chars().chain(SIMPLIFIED.chars()).all(|c| c.len_utf16() == 1));
    }

    #[test]
    fn folds_report_vocabulary() {
        let folded: String = "行政複議案件15件,報告如下".chars().map(crate::text::fold_char).collect();
        assert_eq!(folded, "行政复议案件15件,报告如下");
    }
}
