//! Japanese name recogniser (`ja-morph`) over real tokenizer output.

mod common;

/// The entities found in `text` as `TYPE:text`, in text order.
fn names(text: &str) -> Vec<String> {
    common::extract(common::tokenizer(), &common::names_only(), text)
        .into_iter()
        .map(|e| format!("{}:{}", e.ty, e.text))
        .collect()
}

/// (text, expected entities as TYPE:text in order).
const CASES: &[(&str, &[&str])] = &[
    // Katakana names joined by ・, with honorifics and titles left out.
    (
        "イーロン・マスク氏が発表した。",
        &["PERSON:イーロン・マスク"],
    ),
    (
        "グナエウス・ポンペイウスは執政官となった。",
        &["PERSON:グナエウス・ポンペイウス"],
    ),
    ("マスク氏は否定した。", &["PERSON:マスク"]),
    // The noun before a name in 「」 gives its type.
    (
        "BYDは軽自動車「ラッコ」を発売する。",
        &["ORG:BYD", "PRODUCT:ラッコ"],
    ),
    (
        "2002年に結成されたバンド「ヌントゥゴコベイン」で活動した。",
        &["ORG:ヌントゥゴコベイン"],
    ),
    (
        "演劇ユニット「“劇団”スポーツ」を率いる。",
        &["ORG:劇団”スポーツ"],
    ),
    ("その「もっと良い暮らし」プロジェクトが始まった。", &[]),
    (
        "台風10号が九州南部に接近した。",
        &["EVENT:台風10号", "LOCATION:九州南部"],
    ),
    (
        "九州新幹線とニューヨーク・五番街。",
        &[
            "LOCATION:九州新幹線",
            "LOCATION:ニューヨーク",
            "LOCATION:五番街",
        ],
    ),
    (
        "アップルの日本法人、Apple Japanは発表した。",
        &["LOCATION:日本", "ORG:Apple Japan"],
    ),
    ("評論家の山田 太郎さんは指摘した。", &["PERSON:山田 太郎"]),
    ("山田　花子氏が登壇した。", &["PERSON:山田　花子"]),
    ("量子コンピューター「叡」を公開した。", &["PRODUCT:叡"]),
    ("護衛艦「いずも」が警戒にあたった。", &["PRODUCT:いずも"]),
    ("大阪府警は男を逮捕した。", &["ORG:大阪府警"]),
    ("横浜地裁は判決を言い渡した。", &["ORG:横浜地裁"]),
    (
        "韓国ヒュンダイ自動車は発表した。",
        &["LOCATION:韓国", "ORG:ヒュンダイ自動車"],
    ),
    ("日本サッカー協会は発表した。", &["ORG:日本サッカー協会"]),
    ("チベット語とイギリス人の話。", &[]),
    ("CEOは「Stay tuned」とXに投稿した。", &[]),
    (
        "同社は「The Future of AI」と題したレポートを公開した。",
        &["PRODUCT:The Future of AI"],
    ),
    (
        "彼は「Verant Interactive, Inc.」の共同創設者となった。",
        &["ORG:Verant Interactive, Inc."],
    ),
    (
        "Burgerwind Ulrichstein Betriebs GmbH & Co. KGによって建設された。",
        &["ORG:Burgerwind Ulrichstein Betriebs GmbH & Co. KG"],
    ),
    ("観光船「KAZU I」が沈没した。", &["PRODUCT:KAZU I"]),
    (
        "W杯アジア最終予選のメンバーを発表した。",
        &["EVENT:W杯アジア最終予選"],
    ),
    (
        "大相撲名古屋場所が始まった。工場の建設場所は未定だ。",
        &["EVENT:大相撲名古屋場所"],
    ),
    (
        "JAXAは種子島宇宙センターから打ち上げた。",
        &["ORG:JAXA", "LOCATION:種子島宇宙センター"],
    ),
    ("お問い合わせ：TEL 03-1234-5678まで。", &[]),
    (
        "友納知事は成田市長の藤倉武男へ伝えた。",
        &["LOCATION:成田", "PERSON:藤倉武男"],
    ),
    (
        "AIスタートアップのミライテックは発表した。半導体大手のサムテックが参入した。",
        &["ORG:ミライテック", "ORG:サムテック"],
    ),
    (
        "同社の設計支援AI「DesignMind」を導入した。",
        &["PRODUCT:DesignMind"],
    ),
    (
        "AIスタートアップのミライテックは発表した。ミライテックは2021年に設立された。",
        &["ORG:ミライテック", "ORG:ミライテック"],
    ),
    ("大手の会社が参入した。", &[]),
    // A gathering is no body.
    ("社長は決算説明会で語った。", &[]),
    // An ordinal alone does not name a meeting.
    ("第10回大会では4勝止まりだった。", &[]),
    ("第12回帝展に出品した。", &["EVENT:第12回帝展"]),
    // A given name in hiragana after a kanji surname.
    ("同年7月には藤田あかりが卒業した。", &["PERSON:藤田あかり"]),
    ("初出時では西尾えつ子の曲が流れた。", &["PERSON:西尾えつ子"]),
    ("田中さんと山田らが来た。", &["PERSON:田中"]),
    // One kanji tagged as a place is a country's abbreviation only where
    // it stands alone or after 在, 駐…; elsewhere it ends a personal name
    // or sits inside a word.
    ("駐日大使に任命した。", &["LOCATION:日"]),
    ("日米の首脳が会談した。", &["LOCATION:日", "LOCATION:米"]),
    ("法勝寺の御仏が破損した。", &["LOCATION:法勝寺"]),
    ("求核攻撃によって反応が進む。", &[]),
    ("アルトマンCEOが語った。", &["PERSON:アルトマン"]),
    // A common word before a field's title is the field.
    ("彼はラグビー選手。", &[]),
    ("トランプ大統領が語った。", &["PERSON:トランプ"]),
    // A country before a title is the office's, not a name.
    ("ロシア大統領が来日した。", &["LOCATION:ロシア"]),
    // Kanji names from IPADIC's surname and given-name tags.
    ("田中太郎さんに聞いた。", &["PERSON:田中太郎"]),
    ("兵庫慎司は語った。", &["PERSON:兵庫慎司"]),
    // A surname tag, then a given name the dictionary reads as loose
    // characters, ending the compound.
    (
        "共同通信社の永井晴二は語った。",
        &["ORG:共同通信社", "PERSON:永井晴二"],
    ),
    ("2017年に、内藤時浩が発表した。", &["PERSON:内藤時浩"]),
    // Family, place and company characters are not given names.
    ("徳川家によって庇護された。", &[]),
    ("山田町に住む。", &["LOCATION:山田町"]),
    ("徳間音工より発売された。", &[]),
    // Events: an ordinal names one; a year written onto it is part of it.
    (
        "第6回全世界空手道選手権に出場。",
        &["EVENT:第6回全世界空手道選手権"],
    ),
    (
        "2016年アメリカ大統領選に出馬した。",
        &["EVENT:2016年アメリカ大統領選"],
    ),
    ("2016年の大会に出た。", &[]),
    ("ミュンヘン会談で合意した。", &["EVENT:ミュンヘン会談"]),
    ("アマ名人戦で優勝した。", &["EVENT:アマ名人戦"]),
    (
        "東京で起きたホテルニュージャパン火災。",
        &["LOCATION:東京", "EVENT:ホテルニュージャパン火災"],
    ),
    // A suffix word alone, or after common words, names nothing.
    ("数えきれないほどのAIプロジェクトを見てきた。", &[]),
    ("船橋で行われた草レースに出た。", &["LOCATION:船橋"]),
    (
        "1995年度ドラフト会議で指名された。",
        &["EVENT:1995年度ドラフト会議"],
    ),
    ("2008年の第18代総選挙で当選した。", &["EVENT:第18代総選挙"]),
    // 社 and legal forms belong to the company's name; what precedes a
    // legal form is its name however common the words, a date is not.
    (
        "ホワイトチャペル社が設立された。",
        &["ORG:ホワイトチャペル社"],
    ),
    (
        "レインボー薬品株式会社は農薬を売る。",
        &["ORG:レインボー薬品株式会社"],
    ),
    (
        "首都高速道路株式会社の委託。",
        &["ORG:首都高速道路株式会社"],
    ),
    ("東京創元社は独立した。", &["ORG:東京創元社"]),
    ("開業後の名古屋瓦斯は拡大した。", &["ORG:名古屋瓦斯"]),
    ("自社で発行している。", &[]),
    (
        "1963年11月イラククーデターが起きた。",
        &["EVENT:1963年11月イラククーデター"],
    ),
    // Ordinals and years written onto names.
    ("ヨハネ・パウロ2世が訪れた。", &["PERSON:ヨハネ・パウロ2世"]),
    (
        "ニコニコ闘会議2016で発表した。",
        &["EVENT:ニコニコ闘会議2016"],
    ),
    // Katakana organisation heads, not inside a one-letter word.
    (
        "アメリカン・フィルム・インスティチュートが選んだ。",
        &["ORG:アメリカン・フィルム・インスティチュート"],
    ),
    (
        "フリードリヒ・フレーベルが創設した。",
        &["PERSON:フリードリヒ・フレーベル"],
    ),
    // A short given name first makes a person even with a plural-like
    // surname (-ズ is also a team's ending).
    (
        "千葉ロッテのマイク・ディアズが活躍した。",
        &["ORG:千葉ロッテ", "PERSON:マイク・ディアズ"],
    ),
    // A body's word inside a compound the dictionary keeps whole.
    (
        "第一審・徳島地方裁判所は判決した。",
        &["ORG:徳島地方裁判所"],
    ),
    // A numbered army or fleet keeps its ordinal; a numbered session of a
    // body is an event.
    ("1939年、第五艦隊の参謀となった。", &["ORG:第五艦隊"]),
    (
        "第38回世界遺産委員会で登録された。",
        &["EVENT:第38回世界遺産委員会"],
    ),
    // A band.
    (
        "クレイジーケンバンドが演奏した。",
        &["ORG:クレイジーケンバンド"],
    ),
    // English function words make a phrase, not a person.
    ("革新的なテキスト・ツー・ビデオ生成AIが登場した。", &[]),
    ("大使にミン・トゥを指名した。", &["PERSON:ミン・トゥ"]),
    // A country's team.
    ("決勝戦で米国代表は勝った。", &["ORG:米国代表"]),
    (
        "大会でアマチュア日本代表を選出した。",
        &["ORG:アマチュア日本代表"],
    ),
    // Kanji common nouns before 会 name a body, as before 党 or 協会.
    ("立憲政友会の犬養毅が首相になった。", &["ORG:立憲政友会"]),
    // A government or faction named after its leader.
    ("ユドヨノ政権下の2004年に起きた。", &["ORG:ユドヨノ政権"]),
    // A lone katakana word is a company when the words after it say so.
    ("鉄道路線はレンフェが運営している。", &["ORG:レンフェ"]),
    ("スリーコムはパームの株式を保有する。", &["ORG:パーム"]),
    ("コープラドより発売された。", &["ORG:コープラド"]),
    ("新しいプラットフォームが発売された。", &[]),
    // ... a product when they say it is released, fitted or built on ...
    (
        "Nullsoftは最初のWinampをリリース。",
        &["ORG:Nullsoft", "PRODUCT:Winamp"],
    ),
    ("初代ヴィッツをベースとした車両。", &["PRODUCT:ヴィッツ"]),
    // ... and a place when they say that.
    (
        "彼は1835年、リヴァプールで生まれた。",
        &["LOCATION:リヴァプール"],
    ),
    ("軍はナミュールを包囲した。", &["LOCATION:ナミュール"]),
    (
        "記録中にデリヒゼンの南の畑が記された。",
        &["LOCATION:デリヒゼン"],
    ),
    ("彼はマールボロの町長に選ばれた。", &["LOCATION:マールボロ"]),
    // Titles of works: 『』 always, 「」 after the kind of work or before a
    // verb of publishing; other quotations are speech or terms.
    (
        "映画「華麗なる一族」では主演した。",
        &["PRODUCT:華麗なる一族"],
    ),
    ("大著「1968」を書いた。", &["PRODUCT:1968"]),
    ("同社は「ポン」を発表した。", &["PRODUCT:ポン"]),
    ("彼は『坊っちゃん』を読んだ。", &["PRODUCT:坊っちゃん"]),
    ("彼は「結構です」と話した。", &[]),
    // A publisher's title; titles listed together share a cue.
    (
        "講談社「なかよし」と小学館「ちゃお」で連載される。",
        &["ORG:講談社", "PRODUCT:なかよし", "PRODUCT:ちゃお"],
    ),
    (
        "上田広の「鮑慶郷」「黄塵」を出版した。",
        &["PERSON:上田広", "PRODUCT:鮑慶郷", "PRODUCT:黄塵"],
    ),
    ("神社の総本社「みやしろ」は鈴鹿にある。", &["LOCATION:鈴鹿"]),
    ("「高い」という声があった。", &[]),
    // Periods named after a capital or an era are no places.
    ("江戸時代から明治時代に栄えた。", &[]),
    // Organisation suffixes cover the whole compound.
    ("日本漫画家協会が声明を出した。", &["ORG:日本漫画家協会"]),
    (
        "ソフトバンクグループが出資した。",
        &["ORG:ソフトバンクグループ"],
    ),
    ("航空自衛隊の基地", &["ORG:航空自衛隊"]),
    // A facility after a company is two names.
    (
        "王子製紙釧路工場は閉鎖された。",
        &["ORG:王子製紙", "LOCATION:釧路工場"],
    ),
    // Places with their suffixes.
    ("神奈川県横浜市に住む。", &["LOCATION:神奈川県横浜市"]),
    (
        "カリフォルニア州で開かれた。",
        &["LOCATION:カリフォルニア州"],
    ),
    // Events.
    ("東京オリンピックが開幕した。", &["EVENT:東京オリンピック"]),
    // Latin runs kept whole; 社 and one-character country prefixes left out.
    ("Stability AIが発表した。", &["ORG:Stability AI"]),
    (
        "米OpenAIのSora 2は話題だ。",
        &["ORG:OpenAI", "PRODUCT:Sora 2"],
    ),
    ("BMW JAPANの販売店", &["ORG:BMW JAPAN"]),
    ("DeepSeek R1を公開した。", &["PRODUCT:DeepSeek R1"]),
    // Brackets stay outside.
    ("「ジョン・スミス」と名乗った。", &["PERSON:ジョン・スミス"]),
    // Teams and companies named after their home; plural team names.
    (
        "高松ファイブアローズが勝った。",
        &["ORG:高松ファイブアローズ"],
    ),
    (
        "アトランタ・ファルコンズと対戦した。",
        &["ORG:アトランタ・ファルコンズ"],
    ),
    // A known given name first makes a person even without a title.
    (
        "ジェンスン・フアンが語った。",
        &["PERSON:ジェンスン・フアン"],
    ),
    // Katakana vocabulary the dictionary lacks is not a name.
    ("クリエイターエコシステムが広がる。", &[]),
    ("オプトインシステムに切り替えた。", &[]),
    // Product suffixes.
    (
        "ナイアンティック号が沈んだ。",
        &["PRODUCT:ナイアンティック号"],
    ),
    // Facility suffixes make a LOCATION, event suffixes an EVENT.
    ("日比谷公会堂で演奏した。", &["LOCATION:日比谷公会堂"]),
    ("イラククーデターが起きた。", &["EVENT:イラククーデター"]),
    (
        "北京臨時政府内務省が置かれた。",
        &["ORG:北京臨時政府内務省"],
    ),
    (
        "ファルサルスの戦いで勝った。",
        &["EVENT:ファルサルスの戦い"],
    ),
    ("小林茉里奈が出演した。", &["PERSON:小林茉里奈"]),
    // An unknown katakana word without a cue is not guessed a person.
    ("イグアナが逃げた。", &[]),
    (
        "ヴァレンベリ・アンデションが来日した。アンデションは語った。",
        &["PERSON:ヴァレンベリ・アンデション", "PERSON:アンデション"],
    ),
    // 全日本 and 第N回 open an event's name.
    (
        "全日本大学バスケットボール選手権大会に出場した。",
        &["EVENT:全日本大学バスケットボール選手権大会"],
    ),
    (
        "第51回スーパーボウルで勝った。",
        &["EVENT:第51回スーパーボウル"],
    ),
    ("全国の大学が集まった。", &[]),
    // A proper noun kept whole is typed by its last characters.
    ("ジャワ島に上陸した。", &["LOCATION:ジャワ島"]),
    // One-character kanji words before a place name belong to it.
    ("庫岩駅を通る。", &["LOCATION:庫岩駅"]),
    ("台湾総督府が置かれた。", &["ORG:台湾総督府"]),
    // A class of ships or vehicles is a product; a type of a common word is not.
    ("鞍山級駆逐艦が就役した。", &["PRODUCT:鞍山級駆逐艦"]),
    ("コンパクト型の車が売れた。", &[]),
    // Kanji surname with a katakana given name, either order; 子 endings.
    ("土屋アンナが出演した。", &["PERSON:土屋アンナ"]),
    ("テリー伊藤が司会した。", &["PERSON:テリー伊藤"]),
    ("岩井志麻子が書いた。", &["PERSON:岩井志麻子"]),
    // A direction after a place belongs to it; alone it is no name.
    ("韓国東海岸に上陸した。", &["LOCATION:韓国東海岸"]),
    ("東部の町に住む。", &[]),
    // Kanji common nouns before a public body's suffix name it.
    ("科学諮問委員会が答申した。", &["ORG:科学諮問委員会"]),
    ("事務局が発表した。", &[]),
    // 第N回 before kanji nouns is an event; 第N回目 is not; その後 is no part.
    ("第12回帝展に入選した。", &["EVENT:第12回帝展"]),
    ("第2回目の会合を開いた。", &[]),
    ("その後ベトナム戦争が始まった。", &["EVENT:ベトナム戦争"]),
    // Campaigns, incidents, fires and air raids named after a place.
    ("四国征伐で功を挙げた。", &["EVENT:四国征伐"]),
    ("酒田大火で焼けた。", &["EVENT:酒田大火"]),
    // Home town, sponsor and plural nickname make a team.
    (
        "東北楽天イーグルスに入団した。",
        &["ORG:東北楽天イーグルス"],
    ),
    ("日本企業サービスが伸びた。", &["LOCATION:日本"]),
    // Generic references and demonyms are not names.
    ("同社は日本人の社員を雇った。", &[]),
    ("各社が値上げした。", &[]),
    ("CEOがAIについて語った。", &[]),
    // A lone unknown katakana word is a person only with a cue: a word only
    // people take, a kinship word after の, or a person-only predicate.
    ("ハーグリーヴス自身は否定した。", &["PERSON:ハーグリーヴス"]),
    (
        "ヴォルコンスキーらが署名した。",
        &["PERSON:ヴォルコンスキー"],
    ),
    ("エヴァンソンの妻が語った。", &["PERSON:エヴァンソン"]),
    (
        "ハーグリーヴスは1952年に結婚した。",
        &["PERSON:ハーグリーヴス"],
    ),
    (
        "ハーグリーヴスは寡作な詩人だった。",
        &["PERSON:ハーグリーヴス"],
    ),
    ("ハーグリーヴスは新製品を発表した。", &[]),
    ("トランザクションの処理が遅れた。", &[]),
    // Acronyms: alone before a particle an organisation, inside a compound
    // a term; two letters in mixed case are fragments.
    ("XKZは声明を出した。", &["ORG:XKZ"]),
    ("BGM担当として参加した。", &[]),
    ("BGMは好評だった。", &[]),
    // Religions are beliefs, not organisations.
    ("カトリックとプロテスタントが対立した。", &[]),
    ("CMソングを歌った。", &[]),
    ("ロボットPi:Coを開発した。", &[]),
    // A ・-joined name ending in a common loanword is a company, and the
    // loanword alone elsewhere stays vocabulary.
    ("ノヴァ・スペースが出資した。", &["ORG:ノヴァ・スペース"]),
    (
        "ノヴァ・スペースが出資した。スペースは広い。",
        &["ORG:ノヴァ・スペース"],
    ),
    // A file name in a photo credit names what precedes its extension.
    (
        "マスク氏の投稿。写真:ZenithNews.gif",
        &["PERSON:マスク", "ORG:ZenithNews"],
    ),
    // Common nouns joined by ・ are a phrase.
    ("コンテンツ・オーナーの協力が要る。", &[]),
    // Common loanwords before an organisation suffix are vocabulary.
    ("世界中がデータセンターで覆われる。", &[]),
    ("ベンチャーキャピタルが出資した。", &[]),
    // A given name IPADIC splits into two kanji stays whole.
    ("佐藤有造と会った。", &["PERSON:佐藤有造"]),
    ("前田尚政が継いだ。", &["PERSON:前田尚政"]),
    // A place before a branch or studio word names a facility.
    (
        "三井住友銀行梅田支店に口座を開いた。",
        &["ORG:三井住友銀行", "LOCATION:梅田支店"],
    ),
    ("大泉撮影所で撮った。", &["LOCATION:大泉撮影所"]),
    // Kanji split into common nouns before a shrine, temple or fort word
    // name a site; a prefix or demonstrative does not.
    ("石縄砦を攻めた。", &["LOCATION:石縄砦"]),
    ("その神社に参った。", &[]),
    (
        "北野建設が湯島天満宮に奉納した。",
        &["ORG:北野建設", "LOCATION:湯島天満宮"],
    ),
    ("名神高速道路から分岐する。", &["LOCATION:名神高速道路"]),
    // Temples the dictionary tags as organisations are places.
    ("東大寺の巨鐘が落下した。", &["LOCATION:東大寺"]),
    ("飛雄馬が青雲高校を放校された。", &["LOCATION:青雲高校"]),
    // A centre is a facility, but not one named by a common word.
    (
        "この考えはポンピドゥーセンターで示された。",
        &["LOCATION:ポンピドゥーセンター"],
    ),
    ("世界中がデータセンターで覆われる。", &[]),
    ("新工場を建設した。", &[]),
    // A katakana name and a home town make a club; the town is no place here.
    ("ヴォラーレ岡山に移籍した。", &["ORG:ヴォラーレ岡山"]),
    ("東京オフィスの代表に就任する。", &["LOCATION:東京"]),
    (
        "創業者の楊植麟氏は清華大学の出身だ。",
        &["PERSON:楊植麟", "ORG:清華大学"],
    ),
    // A town one transfers to is its team; one moves to is a place.
    ("岡山に移籍した。", &["ORG:岡山"]),
    ("岡山に移住した。", &["LOCATION:岡山"]),
];

#[test]
fn japanese_names_table() {
    let mut failures = Vec::new();
    for (text, want) in CASES {
        let got = names(text);
        if got != *want {
            failures.push(format!("{text}\n   got  {got:?}\n   want {want:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The entities the standard extractor (gazetteer, numeric expressions and
/// names) finds in `text`, as `TYPE:text`, in text order.
fn all_entities(text: &str) -> Vec<String> {
    let full = kiji_extract::standard_extractor(&[], true).expect("builtin gazetteer loads");
    common::extract(common::tokenizer(), &full, text)
        .into_iter()
        .map(|e| format!("{}:{}", e.ty, e.text))
        .collect()
}

#[test]
fn numbered_roads_are_places() {
    assert_eq!(
        all_entities("国道2号線の南側と県道１２号に沿って店が並ぶ。"),
        ["LOCATION:国道2号線", "LOCATION:県道１２号"]
    );
}

#[test]
fn a_dated_event_outranks_the_date_inside_it() {
    assert_eq!(
        all_entities("1995年度ドラフト会議で指名され、1995年度に入団した。"),
        ["EVENT:1995年度ドラフト会議", "DATE:1995年度"]
    );
}

#[test]
fn a_known_place_before_a_joined_word_makes_a_team_or_a_company() {
    assert_eq!(
        all_entities("この年、ダラス・テキサンズがカンザスシティ・チーフスに改称した。"),
        ["ORG:ダラス・テキサンズ", "ORG:カンザスシティ・チーフス"]
    );
    assert_eq!(
        all_entities("1920年にオーストリア・ダイムラーが製造した。"),
        ["DATE:1920年", "ORG:オーストリア・ダイムラー"]
    );
    // A given name first still makes a person, even one a company bears.
    assert_eq!(
        all_entities("作家スティーヴ・エリクソンと、ローランド・ラッツェンバーガーが語った。"),
        [
            "PERSON:スティーヴ・エリクソン",
            "PERSON:ローランド・ラッツェンバーガー"
        ]
    );
}

#[test]
fn a_foreign_country_before_a_company_is_where_it_is_from() {
    assert_eq!(
        all_entities("韓国サムスン電子と日本マイクロソフトが提携した。"),
        [
            "LOCATION:韓国",
            "ORG:サムスン電子",
            "ORG:日本マイクロソフト"
        ]
    );
}

#[test]
fn the_kind_before_a_quoted_name_outranks_the_gazetteer() {
    assert_eq!(
        all_entities("中国海軍の空母「遼寧」が遼寧省を出た。"),
        ["ORG:中国海軍", "PRODUCT:遼寧", "LOCATION:遼寧省"]
    );
}

/// Prints the tokens of `KIJI_DUMP` (a debugging aid).
#[test]
#[ignore = "debugging aid: KIJI_DUMP=text cargo test --test names_ja -- --ignored dump --nocapture"]
fn dump() {
    let text = std::env::var("KIJI_DUMP").unwrap_or_default();
    let tokens = common::analyse(common::tokenizer(), &text)
        .expect("tokenises")
        .tokens;
    for t in &tokens {
        println!(
            "{:?} {:?}",
            &text[t.span.byte_start..t.span.byte_end],
            t.pos
        );
    }
    println!("{:?}", names(&text));
}
