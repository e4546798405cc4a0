"""Hand-written place tables for scripts/build-places.

Written from general knowledge (not from any evaluation data). Each table is
a block of lines `Canonical<TAB>alias|alias|...[<TAB>Q-id]`; the canonical is
the English Wikipedia article title without its disambiguation suffix. The
build script adds spelling variants (ヴ/ブ, without ・, without diacritics) and
checks that no alias is claimed by two places.
"""

# Wikidata ids of countries, by ISO 3166-1 alpha-2, where well known.
COUNTRY_QIDS = {
    "JP": "Q17", "US": "Q30", "GB": "Q145", "CN": "Q148", "FR": "Q142",
    "DE": "Q183", "RU": "Q159", "IN": "Q668", "KR": "Q884", "KP": "Q423",
    "TW": "Q865", "CA": "Q16", "AU": "Q408", "IT": "Q38", "ES": "Q29",
    "BR": "Q155", "MX": "Q96", "ID": "Q252", "VN": "Q881", "TH": "Q869",
    "PH": "Q928", "SG": "Q334", "MY": "Q833", "IL": "Q801", "IR": "Q794",
    "SA": "Q851", "UA": "Q212", "TR": "Q43", "NL": "Q55", "CH": "Q39",
    "SE": "Q34", "NO": "Q20", "FI": "Q33", "DK": "Q35", "PL": "Q36",
    "EG": "Q79", "ZA": "Q258", "NG": "Q1033", "AR": "Q414", "NZ": "Q664",
    "IE": "Q27", "BE": "Q31", "AT": "Q40", "GR": "Q41", "PT": "Q45",
    "PK": "Q843", "BD": "Q902", "IQ": "Q796", "SY": "Q858", "AF": "Q889",
    "QA": "Q846", "AE": "Q878", "KE": "Q114", "CL": "Q298", "CO": "Q739",
    "PE": "Q419", "VE": "Q717", "CU": "Q241", "CZ": "Q213", "HU": "Q28",
    "RO": "Q218", "MN": "Q711", "MM": "Q836", "KH": "Q424", "LA": "Q819",
    "LK": "Q854", "NP": "Q837", "KZ": "Q232", "BY": "Q184", "KW": "Q817",
    "JO": "Q810", "LB": "Q822", "ET": "Q115", "MA": "Q1028", "DZ": "Q262",
    "LU": "Q32", "IS": "Q189", "EE": "Q191", "LV": "Q211", "LT": "Q37",
    "GE": "Q230", "AM": "Q399", "AZ": "Q227", "RS": "Q403", "HR": "Q224",
    "BG": "Q219", "SK": "Q214", "SI": "Q215", "OM": "Q842", "BH": "Q398",
    "YE": "Q805", "LY": "Q1016", "TN": "Q948", "GH": "Q117", "TZ": "Q924",
    "UG": "Q1036", "RW": "Q1037", "BN": "Q921", "VA": "Q237", "MC": "Q235",
}

# English Wikipedia titles where pycountry's name differs.
COUNTRY_CANONICAL = {
    "AX": "Åland", "BQ": "Caribbean Netherlands", "BO": "Bolivia", "BN": "Brunei", "BS": "The Bahamas",
    "CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo",
    "CI": "Ivory Coast", "CV": "Cape Verde", "CZ": "Czech Republic",
    "FK": "Falkland Islands", "FM": "Federated States of Micronesia",
    "GM": "The Gambia", "IR": "Iran", "KP": "North Korea", "KR": "South Korea",
    "LA": "Laos", "MD": "Moldova", "MF": "Collectivity of Saint Martin",
    "MO": "Macau", "PN": "Pitcairn Islands", "PS": "State of Palestine",
    "RU": "Russia", "ST": "São Tomé and Príncipe", "SX": "Sint Maarten",
    "SY": "Syria", "TL": "East Timor", "TR": "Turkey", "TW": "Taiwan",
    "TZ": "Tanzania", "VA": "Vatican City", "VE": "Venezuela",
    "VG": "British Virgin Islands", "VI": "United States Virgin Islands",
    "VN": "Vietnam", "SH": "Saint Helena, Ascension and Tristan da Cunha",
}

# pycountry Japanese names that are wrong, outdated as the main form, or
# ambiguous as a bare word; removed before the extras below are added.
COUNTRY_JA_DROP = {
    "TW": {"中国領・台湾"},
    "TZ": {"タニザニア連合共和国"},
    "DM": {"ドミニカ"},  # also the Dominican Republic in speech
    "CG": {"コンゴ"},  # two Congos
    "ML": {"マリ"},  # a given name
    "JE": {"ジャージー"},  # the garment
    "VA": {"聖庁", "聖庁 (バチカン市国)"},
    "SX": {"サンマルタン"},  # the French side's name
}

# Extra aliases (Japanese short forms used in news, English short forms).
COUNTRY_EXTRA = {
    "US": "アメリカ|米国|アメリカ合衆国|合衆国|America|USA|U.S.A.|U.S.|US|United States of America",
    "GB": "イギリス|英国|連合王国|UK|U.K.|Britain|United Kingdom of Great Britain and Northern Ireland",
    "CN": "中国|中華人民共和国|中国本土|PRC|Mainland China|People's Republic of China",
    "TW": "台湾|中華民国|Republic of China",
    "KR": "韓国|大韓民国|Republic of Korea",
    "KP": "北朝鮮|朝鮮民主主義人民共和国|DPRK",
    "RU": "ロシア|ロシア連邦|Russian Federation",
    "AU": "オーストラリア|豪州|オーストラリア連邦",
    "JP": "日本国",
    "DE": "ドイツ",
    "FR": "フランス",
    "GE": "ジョージア|グルジア",
    "TZ": "タンザニア|タンザニア連合共和国",
    "VA": "バチカン|バチカン市国|ローマ法王庁|Vatican|Holy See",
    "IR": "イラン|Islamic Republic of Iran",
    "SY": "シリア",
    "VE": "ベネズエラ",
    "BO": "ボリビア",
    "LA": "ラオス",
    "MD": "モルドバ",
    "VN": "ベトナム|ヴェトナム|Viet Nam",
    "BN": "ブルネイ",
    "MN": "モンゴル",
    "AE": "UAE|U.A.E.|アラブ首長国連邦",
    "SA": "サウジアラビア|サウジ",
    "ZA": "南アフリカ|南ア|南アフリカ共和国",
    "CZ": "チェコ|Czechia|チェコ共和国",
    "KG": "キルギス",
    "TR": "トルコ|Türkiye|テュルキエ",
    "NL": "オランダ",
    "GR": "ギリシャ|ギリシア",
    "AF": "アフガニスタン|アフガン",
    "MM": "ミャンマー|ビルマ|Burma",
    "HK": "香港|ホンコン",
    "MO": "マカオ|澳門|Macao",
    "PS": "パレスチナ|Palestine",
    "TL": "東ティモール|Timor-Leste",
    "CI": "コートジボワール|Côte d'Ivoire",
    "CV": "カーボベルデ|Cabo Verde",
    "SZ": "エスワティニ|スワジランド|Swaziland",
    "MK": "北マケドニア",
    "IN": "インド",
    "KH": "カンボジア",
    "NZ": "ニュージーランド",
    "PH": "フィリピン",
    "SG": "シンガポール",
    "CH": "スイス",
    "UA": "ウクライナ",
    "IL": "イスラエル",
    "EG": "エジプト",
    "BA": "ボスニア・ヘルツェゴビナ",
    "KZ": "カザフスタン",
    "BS": "バハマ|Bahamas",
    "GM": "ガンビア|Gambia",
    "ER": "エリトリア",
    "ML": "マリ共和国",
    "CG": "コンゴ共和国",
    "DM": "ドミニカ国",
    "CD": "コンゴ民主共和国|DRC",
    "QA": "カタール",
    "SX": "シント・マールテン",
}

# Continents, world regions, seas and straits, areas often in the news.
REGIONS = """
Europe	ヨーロッパ|欧州|Europe	Q46
Asia	アジア	Q48
Africa	アフリカ|アフリカ大陸	Q15
North America	北米|北アメリカ	Q49
South America	南米|南アメリカ	Q18
Latin America	中南米|ラテンアメリカ|ラテン・アメリカ	Q12585
Oceania	オセアニア	Q55643
Antarctica	南極|南極大陸	Q51
Arctic	北極|北極圏
Eurasia	ユーラシア|ユーラシア大陸
Central America	中米|中央アメリカ
Middle East	中東|Mideast
Southeast Asia	東南アジア
East Asia	東アジア
South Asia	南アジア
Central Asia	中央アジア
Western Europe	西欧|西ヨーロッパ
Eastern Europe	東欧|東ヨーロッパ
Northern Europe	北ヨーロッパ
Nordic countries	北欧|Nordics
Southern Europe	南欧|南ヨーロッパ
Central Europe	中欧|中央ヨーロッパ
Scandinavia	スカンジナビア|スカンディナヴィア
Balkans	バルカン半島|バルカン|Balkan Peninsula
Caucasus	コーカサス|カフカス
Asia-Pacific	アジア太平洋|Asia Pacific|APAC
Indo-Pacific	インド太平洋
Caribbean	カリブ|カリブ地域
Sub-Saharan Africa	サブサハラ
Sahara	サハラ砂漠|サハラ|Sahara Desert
Siberia	シベリア
Persian Gulf	ペルシャ湾|ペルシア湾
Arab states of the Persian Gulf	湾岸諸国|Gulf states
Crimea	クリミア|クリミア半島
Donbas	ドンバス|ドンバス地方|Donbass
Gaza Strip	ガザ地区|ガザ|Gaza
West Bank	ヨルダン川西岸|ヨルダン川西岸地区
Kashmir	カシミール|カシミール地方
Tibet	チベット|チベット自治区
Xinjiang	新疆|新疆ウイグル自治区|ウイグル自治区
Inner Mongolia	内モンゴル|内モンゴル自治区
Korean Peninsula	朝鮮半島
Silicon Valley	シリコンバレー|シリコン・バレー
Hollywood	ハリウッド
San Francisco Bay Area	ベイエリア|Bay Area|サンフランシスコ・ベイエリア
Manhattan	マンハッタン
Brooklyn	ブルックリン
England	イングランド
Scotland	スコットランド
Wales	ウェールズ
Northern Ireland	北アイルランド
Great Britain	グレートブリテン島
Pacific Ocean	太平洋
Atlantic Ocean	大西洋
Indian Ocean	インド洋
Arctic Ocean	北極海
Mediterranean Sea	地中海
South China Sea	南シナ海
East China Sea	東シナ海
Sea of Japan	日本海
Taiwan Strait	台湾海峡
Strait of Hormuz	ホルムズ海峡
Red Sea	紅海
Black Sea	黒海
Baltic Sea	バルト海
Caspian Sea	カスピ海
Suez Canal	スエズ運河
Panama Canal	パナマ運河
Strait of Malacca	マラッカ海峡
Senkaku Islands	尖閣諸島|尖閣
Kuril Islands	千島列島|クリル諸島
Sakhalin	サハリン|樺太
Mount Fuji	富士山|Mt. Fuji|Mt Fuji|Fujisan
Mount Everest	エベレスト|チョモランマ
Alps	アルプス山脈|Alps
Himalayas	ヒマラヤ|ヒマラヤ山脈|Himalaya
Amazon rainforest	アマゾン熱帯雨林
Mars	火星
Earth	地球
Soviet Union	ソ連|ソビエト連邦|ソヴィエト連邦|USSR|U.S.S.R.
East Germany	東ドイツ|東独
West Germany	西ドイツ|西独
Czechoslovakia	チェコスロバキア|チェコスロヴァキア
Yugoslavia	ユーゴスラビア|ユーゴスラヴィア|ユーゴ
Manchukuo	満州国|満洲国
Empire of Japan	大日本帝国
Ottoman Empire	オスマン帝国|オスマン・トルコ
Roman Empire	ローマ帝国
British Empire	大英帝国
Manchuria	満州|満洲
Kantō region	関東|関東地方|Kanto|Kantō|Kanto region
Kansai region	関西|関西地方|近畿|近畿地方|Kansai|Kinki region
Tōhoku region	東北地方|Tohoku|Tōhoku|Tohoku region
Hokuriku region	北陸|北陸地方|Hokuriku
Chūbu region	中部地方|Chubu region|Chūbu
Tōkai region	東海地方|Tokai region
Chūgoku region	中国地方|Chugoku region
Shikoku	四国|四国地方
Kyushu	九州|九州地方|Kyūshū
Honshu	本州|Honshū
Greater Tokyo Area	首都圏|東京圏|Greater Tokyo
San'in region	山陰|山陰地方
"""

# Japanese prefectures: kanji base, suffix, romaji (English Wikipedia form),
# capital (kanji without 市, romaji), and whether the bare kanji base (no
# 県/府) is loaded. Bare names are left out where they are common surnames
# or words (千葉, 石川, 三重 …); where the capital has the prefecture's name
# the bare form means the city.
PREFECTURES = [
    ("北海道", "", "Hokkaido", "札幌", "Sapporo", True),
    ("青森", "県", "Aomori", "青森", "Aomori", False),
    ("岩手", "県", "Iwate", "盛岡", "Morioka", False),
    ("宮城", "県", "Miyagi", "仙台", "Sendai", False),
    ("秋田", "県", "Akita", "秋田", "Akita", False),
    ("山形", "県", "Yamagata", "山形", "Yamagata", False),
    ("福島", "県", "Fukushima", "福島", "Fukushima", False),
    ("茨城", "県", "Ibaraki", "水戸", "Mito", True),
    ("栃木", "県", "Tochigi", "宇都宮", "Utsunomiya", False),
    ("群馬", "県", "Gunma", "前橋", "Maebashi", False),
    ("埼玉", "県", "Saitama", "さいたま", "Saitama", True),
    ("千葉", "県", "Chiba", "千葉", "Chiba", False),
    ("東京", "都", "Tokyo", "", "", True),
    ("神奈川", "県", "Kanagawa", "横浜", "Yokohama", True),
    ("新潟", "県", "Niigata", "新潟", "Niigata", True),
    ("富山", "県", "Toyama", "富山", "Toyama", False),
    ("石川", "県", "Ishikawa", "金沢", "Kanazawa", False),
    ("福井", "県", "Fukui", "福井", "Fukui", False),
    ("山梨", "県", "Yamanashi", "甲府", "Kōfu", False),
    ("長野", "県", "Nagano", "長野", "Nagano", False),
    ("岐阜", "県", "Gifu", "岐阜", "Gifu", True),
    ("静岡", "県", "Shizuoka", "静岡", "Shizuoka", True),
    ("愛知", "県", "Aichi", "名古屋", "Nagoya", False),
    ("三重", "県", "Mie", "津", "Tsu", False),
    ("滋賀", "県", "Shiga", "大津", "Ōtsu", False),
    ("京都", "府", "Kyoto", "京都", "Kyoto", True),
    ("大阪", "府", "Osaka", "大阪", "Osaka", True),
    ("兵庫", "県", "Hyōgo", "神戸", "Kobe", True),
    ("奈良", "県", "Nara", "奈良", "Nara", True),
    ("和歌山", "県", "Wakayama", "和歌山", "Wakayama", True),
    ("鳥取", "県", "Tottori", "鳥取", "Tottori", False),
    ("島根", "県", "Shimane", "松江", "Matsue", False),
    ("岡山", "県", "Okayama", "岡山", "Okayama", True),
    ("広島", "県", "Hiroshima", "広島", "Hiroshima", True),
    ("山口", "県", "Yamaguchi", "山口", "Yamaguchi", False),
    ("徳島", "県", "Tokushima", "徳島", "Tokushima", False),
    ("香川", "県", "Kagawa", "高松", "Takamatsu", False),
    ("愛媛", "県", "Ehime", "松山", "Matsuyama", True),
    ("高知", "県", "Kōchi", "高知", "Kōchi", False),
    ("福岡", "県", "Fukuoka", "福岡", "Fukuoka", True),
    ("佐賀", "県", "Saga", "佐賀", "Saga", False),
    ("長崎", "県", "Nagasaki", "長崎", "Nagasaki", True),
    ("熊本", "県", "Kumamoto", "熊本", "Kumamoto", True),
    ("大分", "県", "Ōita", "大分", "Ōita", False),
    ("宮崎", "県", "Miyazaki", "宮崎", "Miyazaki", False),
    ("鹿児島", "県", "Kagoshima", "鹿児島", "Kagoshima", True),
    ("沖縄", "県", "Okinawa", "那覇", "Naha", True),
]

# Capitals whose bare name (without 市) is a common surname or word.
CAPITAL_BARE_SKIP = {
    "青森", "秋田", "山形", "福島", "宇都宮", "前橋", "千葉", "富山", "金沢",
    "福井", "長野", "大津", "鳥取", "松江", "山口", "徳島", "高松", "松山",
    "高知", "佐賀", "宮崎", "大分", "盛岡", "水戸",
}

# Other Japanese cities, wards and districts: kanji forms, then romaji.
JP_PLACES = """
Kawasaki	川崎市|Kawasaki City
Sagamihara	相模原|相模原市
Hamamatsu	浜松|浜松市
Sakai	堺市|Sakai City
Kitakyushu	北九州|北九州市|Kitakyūshū
Himeji	姫路|姫路市
Hachiōji	八王子|八王子市|Hachioji
Machida	町田市
Funabashi	船橋市
Kawaguchi	川口市
Okazaki	岡崎市
Tsukuba	つくば|つくば市|筑波研究学園都市
Karuizawa	軽井沢|軽井沢町
Kamakura	鎌倉|鎌倉市
Hakone	箱根|箱根町
Nikkō	日光市
Hakodate	函館|函館市
Asahikawa	旭川|旭川市
Otaru	小樽|小樽市
Kushiro	釧路|釧路市
Iwaki	いわき市
Kōriyama	郡山市|Koriyama
Yokkaichi	四日市|四日市市
Suzuka	鈴鹿市
Toyohashi	豊橋|豊橋市
Kurashiki	倉敷|倉敷市
Fukuyama	福山市
Shimonoseki	下関|下関市
Sasebo	佐世保|佐世保市
Beppu	別府|別府市
Kurume	久留米|久留米市
Nishinomiya	西宮市
Amagasaki	尼崎|尼崎市
Higashiōsaka	東大阪|東大阪市|Higashiosaka
Urayasu	浦安|浦安市
Makuhari	幕張|幕張新都心
Maihama	舞浜
Chiyoda	千代田区
Chūō	中央区
Minato	港区
Shinjuku	新宿|新宿区
Shibuya	渋谷|渋谷区
Shinagawa	品川|品川区
Meguro	目黒区
Setagaya	世田谷|世田谷区
Ōta	大田区
Kōtō	江東区
Taitō	台東区
Sumida	墨田区
Bunkyō	文京区|Bunkyo
Toshima	豊島区
Nakano	中野区
Suginami	杉並|杉並区
Nerima	練馬|練馬区
Itabashi	板橋区
Kita	北区
Arakawa	荒川区
Adachi	足立区
Katsushika	葛飾|葛飾区
Edogawa	江戸川区
Marunouchi	丸の内|丸ノ内
Akihabara	秋葉原|アキバ
Ginza	銀座
Roppongi	六本木
Omotesandō	表参道|Omotesando
Harajuku	原宿
Ikebukuro	池袋
Asakusa	浅草
Odaiba	お台場|台場
Shiodome	汐留
Nihonbashi	日本橋
Ōtemachi	大手町|Otemachi
Kasumigaseki	霞が関|霞ヶ関|霞ケ関
Nagatachō	永田町|Nagatacho
Toranomon	虎ノ門|虎の門
Akasaka	赤坂
Gotanda	五反田
Umeda	梅田
Namba	難波|なんば
Shinsaibashi	心斎橋
Dōtonbori	道頓堀|Dotonbori
Nakanoshima	中之島
Yumeshima	夢洲
Gion	祇園
Arashiyama	嵐山
Susukino	すすきの
Minato Mirai 21	みなとみらい|みなとみらい21|Minato Mirai
Haneda Airport	羽田空港|東京国際空港|Haneda|Haneda Airport
Narita International Airport	成田空港|成田国際空港|Narita Airport
Kansai International Airport	関西国際空港|関空|Kansai Airport
Chubu Centrair International Airport	中部国際空港|セントレア|Centrair
Fukushima Daiichi Nuclear Power Plant	福島第一原発|福島第一原子力発電所|Fukushima Daiichi
Okinawa Island	沖縄本島
Tokyo Bay	東京湾
Lake Biwa	琵琶湖
Japan National Stadium	国立競技場|新国立競技場
Tokyo Dome	東京ドーム
Hanshin Koshien Stadium	阪神甲子園球場|甲子園球場
Nippon Budokan	日本武道館
Tokyo Big Sight	東京ビッグサイト|東京国際展示場
Makuhari Messe	幕張メッセ
Tokyo Skytree	東京スカイツリー|スカイツリー
Tokyo Tower	東京タワー
Yokohama Arena	横浜アリーナ
Saitama Super Arena	さいたまスーパーアリーナ
"""

# World cities, states and provinces: Japanese and English aliases.
WORLD = """
New York City	ニューヨーク|ニューヨーク市|New York|NYC|N.Y.C.	Q60
New York (state)	ニューヨーク州|New York State|New York state
Washington, D.C.	ワシントン|ワシントンD.C.|ワシントンDC|ワシントンD.C|Washington|Washington D.C.|Washington DC|Washington, DC|コロンビア特別区|District of Columbia	Q61
Washington (state)	ワシントン州|Washington State|Washington state
Georgia (U.S. state)	ジョージア州
Los Angeles	ロサンゼルス|ロサンジェルス|L.A.	Q65
San Francisco	サンフランシスコ|San Fran	Q62
San Jose	サンノゼ|サンホセ
Seattle	シアトル
Chicago	シカゴ
Boston	ボストン
Houston	ヒューストン
Dallas	ダラス
Austin	オースティン|オースチン
Miami	マイアミ
Atlanta	アトランタ
Las Vegas	ラスベガス|ラスヴェガス
Denver	デンバー
Detroit	デトロイト
Philadelphia	フィラデルフィア
San Diego	サンディエゴ
Palo Alto	パロアルト
Mountain View	マウンテンビュー
Cupertino	クパチーノ|クパティーノ
Menlo Park	メンロパーク
Redmond	レドモンド
Santa Clara	サンタクララ
Sunnyvale	サニーベール|サニーベイル
Honolulu	ホノルル
Pittsburgh	ピッツバーグ
Nashville	ナッシュビル
New Orleans	ニューオーリンズ
Portland	ポートランド
Toronto	トロント
Vancouver	バンクーバー
Montreal	モントリオール|Montréal
Ottawa	オタワ
Mexico City	メキシコシティ|メキシコ市
São Paulo	サンパウロ
Rio de Janeiro	リオデジャネイロ
Buenos Aires	ブエノスアイレス
Bogotá	ボゴタ
Havana	ハバナ
Caracas	カラカス
Brasília	ブラジリア
London	ロンドン	Q84
Paris	パリ	Q90
Berlin	ベルリン	Q64
Munich	ミュンヘン|München
Frankfurt	フランクフルト
Hamburg	ハンブルク
Stuttgart	シュトゥットガルト
Wolfsburg	ヴォルフスブルク
Cologne	ケルン|Köln
Düsseldorf	デュッセルドルフ
Rome	ローマ	Q220
Milan	ミラノ
Venice	ヴェネツィア|ベネチア|ベニス
Florence	フィレンツェ
Naples	ナポリ
Turin	トリノ
Madrid	マドリード|マドリッド
Barcelona	バルセロナ
Lisbon	リスボン
Amsterdam	アムステルダム
Rotterdam	ロッテルダム
The Hague	ハーグ
Eindhoven	アイントホーフェン
Brussels	ブリュッセル
Vienna	ウィーン
Zürich	チューリッヒ|Zurich
Geneva	ジュネーブ|ジュネーヴ
Basel	バーゼル
Davos	ダボス
Stockholm	ストックホルム
Oslo	オスロ
Copenhagen	コペンハーゲン
Helsinki	ヘルシンキ
Reykjavík	レイキャビク
Dublin	ダブリン
Edinburgh	エディンバラ
Manchester	マンチェスター
Cambridge	ケンブリッジ
Oxford	オックスフォード
Warsaw	ワルシャワ
Prague	プラハ
Budapest	ブダペスト
Bucharest	ブカレスト
Belgrade	ベオグラード
Athens	アテネ
Tallinn	タリン
Riga	リガ
Vilnius	ビリニュス
Moscow	モスクワ	Q649
Saint Petersburg	サンクトペテルブルク|St. Petersburg
Kyiv	キーウ|キエフ|Kiev
Kharkiv	ハルキウ|ハリコフ
Odesa	オデーサ|オデッサ|Odessa
Minsk	ミンスク
Lyon	リヨン
Marseille	マルセイユ
Cannes	カンヌ
Strasbourg	ストラスブール
Istanbul	イスタンブール|İstanbul
Ankara	アンカラ
Beijing	北京|ペキン|Peking	Q956
Shanghai	上海|シャンハイ	Q8686
Tianjin	天津
Chongqing	重慶
Shenzhen	深圳|深セン|シンセン
Guangzhou	広州
Hangzhou	杭州
Nanjing	南京
Wuhan	武漢
Chengdu	成都
Xi'an	西安|Xian
Suzhou	蘇州
Dalian	大連
Qingdao	青島|チンタオ
Shenyang	瀋陽
Harbin	ハルビン|哈爾浜
Xiamen	厦門|アモイ
Hefei	合肥
Zhengzhou	鄭州
Changsha	長沙
Kunming	昆明
Dongguan	東莞
Foshan	仏山
Zhuhai	珠海
Ningbo	寧波
Wuxi	無錫
Guangdong	広東省|広東|Canton Province
Guangxi	広西チワン族自治区|広西
Fujian	福建省|福建
Zhejiang	浙江省|浙江
Jiangsu	江蘇省|江蘇
Shandong	山東省|山東
Hebei	河北省
Henan	河南省|河南
Hubei	湖北省|湖北
Hunan	湖南省|湖南
Sichuan	四川省|四川
Yunnan	雲南省|雲南
Guizhou	貴州省|貴州
Shaanxi	陝西省|陝西
Shanxi	山西省
Anhui	安徽省|安徽
Jiangxi	江西省|江西
Liaoning	遼寧省|遼寧
Jilin	吉林省|吉林
Heilongjiang	黒竜江省|黒竜江|黒龍江省
Hainan	海南省|海南島
Gansu	甘粛省|甘粛
Qinghai	青海省
Ningxia	寧夏回族自治区|寧夏
Seoul	ソウル	Q8684
Busan	釜山|プサン|Pusan
Incheon	仁川|インチョン
Daegu	大邱|テグ
Pyongyang	平壌|ピョンヤン
Taipei	台北|タイペイ|Taipei City	Q1867
Kaohsiung	高雄|カオシュン
Taichung	台中|タイチュン
Tainan	台南
Hsinchu	新竹
Taoyuan	桃園市
Bangkok	バンコク
Hanoi	ハノイ
Ho Chi Minh City	ホーチミン|ホーチミン市|Saigon|サイゴン
Manila	マニラ
Jakarta	ジャカルタ
Kuala Lumpur	クアラルンプール
Yangon	ヤンゴン|ラングーン|Rangoon
Phnom Penh	プノンペン
New Delhi	ニューデリー
Delhi	デリー
Mumbai	ムンバイ|Bombay|ボンベイ
Bengaluru	ベンガルール|バンガロール|Bangalore
Chennai	チェンナイ|Madras
Hyderabad	ハイデラバード
Kolkata	コルカタ|Calcutta
Karachi	カラチ
Islamabad	イスラマバード
Dhaka	ダッカ
Colombo	コロンボ
Ulaanbaatar	ウランバートル|Ulan Bator
Dubai	ドバイ
Abu Dhabi	アブダビ
Riyadh	リヤド
Jeddah	ジッダ|ジェッダ
Doha	ドーハ
Tehran	テヘラン
Baghdad	バグダッド|バグダード
Jerusalem	エルサレム
Tel Aviv	テルアビブ|Tel Aviv-Yafo
Beirut	ベイルート
Damascus	ダマスカス
Amman	アンマン
Cairo	カイロ
Kabul	カブール
Sydney	シドニー
Melbourne	メルボルン
Canberra	キャンベラ
Brisbane	ブリスベン
Johannesburg	ヨハネスブルク|ヨハネスブルグ
Cape Town	ケープタウン
Nairobi	ナイロビ
Lagos	ラゴス
Addis Ababa	アディスアベバ
Mariupol	マリウポリ
Bakhmut	バフムト
Zaporizhzhia	ザポリージャ|ザポロジエ
Kherson	ヘルソン
Lviv	リビウ|リヴィウ
Donetsk	ドネツク
Luhansk	ルハンスク|ルガンスク
Kursk	クルスク
Vladivostok	ウラジオストク
Novosibirsk	ノボシビルスク
Rafah	ラファ
Khan Yunis	ハンユニス
Aleppo	アレッポ
Idlib	イドリブ
Mosul	モスル
Sanaa	サヌア
Tripoli	トリポリ
Khartoum	ハルツーム
Tunis	チュニス
Algiers	アルジェ
Casablanca	カサブランカ
Kinshasa	キンシャサ
Accra	アクラ
Dakar	ダカール
Kampala	カンパラ
Kigali	キガリ
Lusaka	ルサカ
Harare	ハラレ
Luanda	ルアンダ
Abuja	アブジャ
Durban	ダーバン
Pretoria	プレトリア
Tashkent	タシケント
Astana	アスタナ
Almaty	アルマトイ|アルマティ
Bishkek	ビシケク
Tbilisi	トビリシ
Yerevan	エレバン
Baku	バクー
Kathmandu	カトマンズ
Thimphu	ティンプー
Vientiane	ビエンチャン
Naypyidaw	ネピドー
Bandung	バンドン
Surabaya	スラバヤ
Bali	バリ島
Cebu	セブ島|セブ
Da Nang	ダナン
Haiphong	ハイフォン
Chiang Mai	チェンマイ
Phuket	プーケット
Penang	ペナン
Johor Bahru	ジョホールバル
Lhasa	ラサ
Urumqi	ウルムチ
Nanning	南寧
Fuzhou	福州
Jinan	済南
Taiyuan	太原
Shijiazhuang	石家荘
Hohhot	フフホト
Lanzhou	蘭州
Changchun	長春
Yokosuka	横須賀|横須賀市
Sacramento	サクラメント
Oakland	Oakland
Berkeley	バークレー
Los Altos	ロスアルトス
San Mateo	サンマテオ
Irvine	アーバイン
Salt Lake City	ソルトレークシティ|ソルトレイクシティ
Minneapolis	ミネアポリス
St. Louis	セントルイス|Saint Louis
Kansas City	カンザスシティ
Cleveland	クリーブランド
Cincinnati	シンシナティ
Baltimore	ボルティモア
Raleigh	ローリー
Orlando	オーランド
Tampa	タンパ
San Antonio	サンアントニオ
Anchorage	アンカレッジ
Calgary	カルガリー
Edmonton	エドモントン
Guadalajara	グアダラハラ
Monterrey	モンテレイ
Tijuana	ティフアナ
Santiago	サンティアゴ
Lima	リマ市
Quito	キト
Montevideo	モンテビデオ
Asunción	アスンシオン
La Paz	ラパス
Panama City	パナマシティ|パナマ市
San Juan	サンフアン
Auckland	Auckland
Wellington	ウェリントン
Perth	Perth
Adelaide	アデレード
Gold Coast	ゴールドコースト
Ontario	オンタリオ州|オンタリオ
Quebec	ケベック州|ケベック|Québec
British Columbia	ブリティッシュコロンビア州|ブリティッシュ・コロンビア州
Alberta	アルバータ州
New South Wales	ニューサウスウェールズ州
Queensland	クイーンズランド州|Queensland
Bavaria	バイエルン州|バイエルン|Bayern
Catalonia	カタルーニャ|カタルーニャ州|カタロニア
"""

# US states whose bare Japanese name means something else in news
# (ワシントン = the capital, ニューヨーク = the city, ジョージア = the
# country, メーン/メイン = "main"): only the 州 form is loaded.
US_BARE_JA_SKIP = {"US-WA", "US-NY", "US-GA", "US-ME"}
# US states whose English name belongs to another entry (the capital, the
# city, the country): written in WORLD instead.
US_IN_WORLD = {"US-WA", "US-NY", "US-GA", "US-DC"}

# Words that must never be aliases of a place: demonyms and adjectives
# (ANNOTATION.md: not entities) and common words; checked by the build.
FORBIDDEN_ALIASES = {
    "Japanese", "American", "Americans", "Chinese", "British", "English",
    "French", "German", "Korean", "Russian", "Indian", "European", "Asian",
    "African", "日本人", "米国人", "アメリカ人", "中国人", "韓国人", "英語",
    "日系", "米", "英", "中", "韓", "独", "仏", "露", "豪", "ロス", "Nice",
    "Phoenix",
}
