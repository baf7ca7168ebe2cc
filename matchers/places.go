package matchers

import "strings"

// Country words in names. A place after a comma is where a branch sits,
// not a subsidiary's name ("ALFA HOLDING LTD., Limassol Cyprus Branch
// Office"), so groupVariants does not split on it. (Session 5 also let a
// country word left over keep an organisation's match complete; the
// false-flag check of eval/README.md, session 6, showed that rule flagging
// 35 more of 38,196 recombined company names, and it was not taken.)

// placeWords are the countries whose name is one word, in English, a few
// of their adjectives, and the romanised Russian forms (Rossii, Belarusi)
// found in the names of listed organisations. Countries of several words
// are left out: their words (United, North, Saudi) are ordinary parts of
// firms' names.
var placeWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
		afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan
		bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia botswana brazil
		brunei bulgaria burundi cambodia cameroon canada chad chile china colombia comoros congo croatia
		cuba cyprus czechia denmark djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia fiji
		finland france gabon gambia georgia germany ghana greece grenada guatemala guinea guyana haiti
		honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica japan jordan
		kazakhstan kenya kiribati korea kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya
		liechtenstein lithuania luxembourg madagascar malawi malaysia maldives mali malta mauritania
		mauritius mexico micronesia moldova monaco mongolia montenegro morocco mozambique myanmar namibia
		nauru nepal netherlands nicaragua niger nigeria norway oman pakistan palau palestine panama paraguay
		peru philippines poland portugal qatar romania russia rwanda samoa senegal serbia seychelles
		singapore slovakia slovenia somalia spain sudan suriname sweden switzerland syria taiwan tajikistan
		tanzania thailand togo tonga tunisia turkey turkiye turkmenistan tuvalu uganda ukraine uruguay
		uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe
		dprk uae crimea europe eurasia asia asian africa african america americas oceania caribbean caucasus
		korean iranian russian syrian chinese cuban iraqi european belarusian
		rossii rossiya rossiyskaya rossiiskoi belarusi`) {
		m[w] = true
	}
	for _, w := range strings.Fields(chinaPlaces) {
		m[w] = true
	}
	return m
}()

// chinaPlaces are China's provinces, autonomous regions and municipalities
// and the cities its firms are most often named after, in pinyin as
// publishers write them. A Chinese firm's name begins with its place
// ("Hebei Construction Group", "Inner Mongolia First Machinery Group",
// "Huawei Technologies Service Co., Ltd., Langfang, Hebei"), and the lists
// hold few Chinese firms, so a province was a rare word there and weighed
// like the firm's own name: two firms of one province matched on it.
// Written for dualscreen from China's administrative divisions.
const chinaPlaces = `
	anhui beijing chongqing fujian gansu guangdong guangxi guizhou hainan hebei heilongjiang henan
	hubei hunan jiangsu jiangxi jilin liaoning ningxia qinghai shaanxi shandong shanghai shanxi
	sichuan tianjin xinjiang xizang tibet yunnan zhejiang macau macao
	shenzhen guangzhou dongguan foshan zhuhai shantou huizhou zhongshan wuhan chengdu nanjing
	hangzhou suzhou wuxi changzhou nantong ningbo wenzhou xiamen fuzhou qingdao jinan yantai weifang
	zibo dalian shenyang harbin changchun changsha zhengzhou luoyang hefei kunming nanchang guiyang
	nanning haikou lanzhou xian xining yinchuan urumqi hohhot baotou taiyuan shijiazhuang tangshan
	baoding langfang handan tianjing xuzhou yangzhou zhuzhou mianyang`

// isPlaceWord reports whether a normalised token is one of placeWords.
func isPlaceWord(t string) bool { return placeWords[t] }

// placePairs are places of two words, as the normaliser leaves them,
// whose words alone are no place or are ordinary parts of firms' names
// (Inner Circle, New Power, United Trading), so placeWords cannot hold
// them: a word is a place only beside its partner ("INNER MONGOLIA YUHE
// CONSTRUCTION" / "Inner Mongolia First Machinery Group", "T.E. NEW
// ZEALAND" / "Huawei Technologies (New Zealand) Company Limited").
// Three-word places are two overlapping pairs (united arab, arab emirates).
var placePairs = func() map[[2]string]bool {
	m := map[[2]string]bool{}
	for _, p := range strings.Split(`inner mongolia,new zealand,hong kong,sri lanka,south africa,saudi arabia,
		costa rica,sierra leone,burkina faso,united kingdom,united states,united arab,arab emirates,
		north korea,south korea,south sudan,new guinea,papua new,ivory coast,dominican republic,czech republic,
		puerto rico,san marino,east timor,timor leste,cape verde,equatorial guinea,north macedonia,
		marshall islands,solomon islands,cayman islands,virgin islands,british virgin,abu dhabi,kuala lumpur,
		buenos aires,sao paulo,rio janeiro,addis ababa,new delhi,new york`, ",") {
		w := strings.Fields(p)
		m[[2]string{w[0], w[1]}] = true
	}
	return m
}()

// inPlacePair reports whether w, between prev and next ("" at an end),
// is a word of one of placePairs.
func inPlacePair(prev, w, next string) bool {
	return placePairs[[2]string{prev, w}] || placePairs[[2]string{w, next}]
}
