package domain

import (
	"slices"
	"strings"
)

// countryTable lists the sovereign states (every UN member, plus Kosovo, Palestine,
// Taiwan, Vatican City and a few others), one a line: the canonical name; other names
// (official long forms, UN and ISO forms, former and native names, abbreviations); and
// demonyms and adjectives. Fields part with ";" and names within a field with ",", so a
// name written with a comma ("Korea, Republic of") is listed in its parenthesised form
// ("Korea (Republic of)"), which folds to the same key. Plurals ending in "s"
// ("Albanians") are derived, as is every spelling that differs only by case,
// diacritics, punctuation, a leading "the", "St" for "Saint" or "&" for "and".
//
// The canonical name is the short name in common English use, as in the titles of
// Wikipedia's articles, without a leading "The": "Iran", "Turkey", "Czech Republic",
// "Ivory Coast", "Vietnam". Names that stand for two states ("Congo", "Korea") and
// demonyms shared by two ("Congolese", "Korean") are left out: they resolve to none.
var countryTable = []string{
	"Afghanistan; Islamic Republic of Afghanistan, Islamic Emirate of Afghanistan; Afghan",
	"Albania; Republic of Albania, Shqipëria, Shqipëri, Shqipni; Albanian",
	"Algeria; People's Democratic Republic of Algeria; Algerian",
	"Andorra; Principality of Andorra; Andorran",
	"Angola; Republic of Angola; Angolan",
	"Antigua and Barbuda; ; Antiguan, Barbudan, Antiguan and Barbudan",
	"Argentina; Argentine Republic; Argentine, Argentinian",
	"Armenia; Republic of Armenia, Hayastan; Armenian",
	"Australia; Commonwealth of Australia; Australian",
	"Austria; Republic of Austria, Österreich; Austrian",
	"Azerbaijan; Republic of Azerbaijan; Azerbaijani",
	"Bahamas; Commonwealth of the Bahamas; Bahamian",
	"Bahrain; Kingdom of Bahrain; Bahraini",
	"Bangladesh; People's Republic of Bangladesh; Bangladeshi",
	"Barbados; ; Barbadian, Bajan",
	"Belarus; Republic of Belarus, Byelorussia, Belorussia, Беларусь; Belarusian, Byelorussian",
	"Belgium; Kingdom of Belgium, Belgique, België; Belgian",
	"Belize; ; Belizean",
	"Benin; Republic of Benin, Dahomey; Beninese",
	"Bhutan; Kingdom of Bhutan; Bhutanese",
	"Bolivia; Plurinational State of Bolivia, Bolivia (Plurinational State of), Republic of Bolivia; Bolivian",
	"Bosnia and Herzegovina; Bosnia-Herzegovina, Bosnia, BiH, Bosna i Hercegovina; Bosnian, Herzegovinian",
	"Botswana; Republic of Botswana; Motswana, Batswana, Botswanan",
	"Brazil; Federative Republic of Brazil, Brasil; Brazilian",
	"Brunei; Brunei Darussalam, Nation of Brunei; Bruneian",
	"Bulgaria; Republic of Bulgaria, България; Bulgarian",
	"Burkina Faso; Burkina, Upper Volta; Burkinabe, Burkinabè",
	"Burundi; Republic of Burundi; Burundian",
	"Cambodia; Kingdom of Cambodia, Kampuchea; Cambodian",
	"Cameroon; Republic of Cameroon, Cameroun; Cameroonian",
	"Canada; ; Canadian",
	"Cape Verde; Cabo Verde, Republic of Cabo Verde, Republic of Cape Verde; Cape Verdean, Cabo Verdean",
	"Central African Republic; Centrafrique; Central African",
	"Chad; Republic of Chad, Tchad; Chadian",
	"Chile; Republic of Chile; Chilean",
	"China; People's Republic of China, PRC, Mainland China, Zhongguo; Chinese",
	"Colombia; Republic of Colombia; Colombian",
	"Comoros; Union of the Comoros, Comores; Comorian, Comoran",
	"Costa Rica; Republic of Costa Rica; Costa Rican",
	"Croatia; Republic of Croatia, Hrvatska; Croatian, Croat",
	"Cuba; Republic of Cuba; Cuban",
	"Cyprus; Republic of Cyprus; Cypriot",
	"Czech Republic; Czechia, Česko, Česká republika; Czech",
	"Democratic Republic of the Congo; DR Congo, DRC, DR of the Congo, Democratic Republic of Congo, Congo (Democratic Republic of the), Congo (the Democratic Republic of the), Congo-Kinshasa, Zaire; ",
	"Denmark; Kingdom of Denmark, Danmark; Danish, Dane",
	"Djibouti; Republic of Djibouti; Djiboutian",
	"Dominica; Commonwealth of Dominica; ",
	"Dominican Republic; ; Dominican",
	"East Timor; Timor-Leste, Democratic Republic of Timor-Leste; Timorese, East Timorese",
	"Ecuador; Republic of Ecuador; Ecuadorian, Ecuadorean",
	"Egypt; Arab Republic of Egypt, Misr; Egyptian",
	"El Salvador; Republic of El Salvador; Salvadoran, Salvadorean",
	"Equatorial Guinea; Republic of Equatorial Guinea; Equatorial Guinean, Equatoguinean",
	"Eritrea; State of Eritrea; Eritrean",
	"Estonia; Republic of Estonia, Eesti; Estonian",
	"Eswatini; Kingdom of Eswatini, Swaziland, Kingdom of Swaziland; Swazi, Emaswati",
	"Ethiopia; Federal Democratic Republic of Ethiopia, Abyssinia; Ethiopian",
	"Fiji; Republic of Fiji; Fijian",
	"Finland; Republic of Finland, Suomi; Finnish, Finn",
	"France; French Republic, République française; French, Frenchman, Frenchmen, Frenchwoman, Frenchwomen",
	"Gabon; Gabonese Republic; Gabonese",
	"Gambia; Republic of the Gambia; Gambian",
	"Georgia; Sakartvelo; Georgian",
	"Germany; Federal Republic of Germany, Deutschland, Bundesrepublik Deutschland; German",
	"Ghana; Republic of Ghana; Ghanaian",
	"Greece; Hellenic Republic, Hellas, Ellada, Ελλάδα; Greek",
	"Grenada; ; Grenadian",
	"Guatemala; Republic of Guatemala; Guatemalan",
	"Guinea; Republic of Guinea, Guinea-Conakry; Guinean",
	"Guinea-Bissau; Republic of Guinea-Bissau; Bissau-Guinean",
	"Guyana; Co-operative Republic of Guyana, Cooperative Republic of Guyana; Guyanese",
	"Haiti; Republic of Haiti; Haitian",
	"Honduras; Republic of Honduras; Honduran",
	"Hungary; Magyarország, Republic of Hungary; Hungarian",
	"Iceland; Ísland, Republic of Iceland; Icelandic, Icelander",
	"India; Republic of India, Bharat; Indian",
	"Indonesia; Republic of Indonesia; Indonesian",
	"Iran; Islamic Republic of Iran, Iran (Islamic Republic of), IR Iran, Persia, ایران; Iranian",
	"Iraq; Republic of Iraq; Iraqi",
	"Ireland; Republic of Ireland, Éire; Irish, Irishman, Irishmen, Irishwoman, Irishwomen",
	"Israel; State of Israel; Israeli",
	"Ivory Coast; Côte d'Ivoire, Republic of Côte d'Ivoire; Ivorian",
	"Italy; Italian Republic, Italia, Repubblica Italiana; Italian",
	"Jamaica; ; Jamaican",
	"Japan; Nippon, Nihon; Japanese",
	"Jordan; Hashemite Kingdom of Jordan; Jordanian",
	"Kazakhstan; Republic of Kazakhstan, Kazakstan; Kazakh, Kazakhstani",
	"Kenya; Republic of Kenya; Kenyan",
	"Kiribati; Republic of Kiribati; I-Kiribati",
	"Kuwait; State of Kuwait; Kuwaiti",
	"Kyrgyzstan; Kyrgyz Republic, Kirghizia, Kirgizia; Kyrgyz, Kyrgyzstani, Kirghiz",
	"Laos; Lao People's Democratic Republic, Lao PDR; Lao, Laotian",
	"Latvia; Republic of Latvia, Latvija; Latvian",
	"Lebanon; Lebanese Republic, Liban; Lebanese",
	"Lesotho; Kingdom of Lesotho; Basotho, Mosotho",
	"Liberia; Republic of Liberia; Liberian",
	"Libya; State of Libya, Libyan Arab Jamahiriya; Libyan",
	"Liechtenstein; Principality of Liechtenstein; Liechtensteiner",
	"Lithuania; Republic of Lithuania, Lietuva; Lithuanian",
	"Luxembourg; Grand Duchy of Luxembourg, Luxemburg, Lëtzebuerg; Luxembourgish, Luxembourger",
	"Madagascar; Republic of Madagascar; Malagasy, Madagascan",
	"Malawi; Republic of Malawi; Malawian",
	"Malaysia; ; Malaysian",
	"Maldives; Republic of Maldives, Republic of the Maldives; Maldivian",
	"Mali; Republic of Mali; Malian",
	"Malta; Republic of Malta; Maltese",
	"Marshall Islands; Republic of the Marshall Islands; Marshallese",
	"Mauritania; Islamic Republic of Mauritania; Mauritanian",
	"Mauritius; Republic of Mauritius; Mauritian",
	"Mexico; United Mexican States, México, Estados Unidos Mexicanos; Mexican",
	"Micronesia; Federated States of Micronesia, Micronesia (Federated States of); Micronesian",
	"Moldova; Republic of Moldova, Moldova (Republic of), Moldavia; Moldovan",
	"Monaco; Principality of Monaco; Monegasque, Monacan",
	"Mongolia; ; Mongolian",
	"Montenegro; Crna Gora; Montenegrin",
	"Morocco; Kingdom of Morocco; Moroccan",
	"Mozambique; Republic of Mozambique; Mozambican",
	"Myanmar; Republic of the Union of Myanmar, Union of Myanmar, Burma; Burmese",
	"Namibia; Republic of Namibia; Namibian",
	"Nauru; Republic of Nauru; Nauruan",
	"Nepal; Federal Democratic Republic of Nepal; Nepali, Nepalese",
	"Netherlands; Kingdom of the Netherlands, Netherlands (Kingdom of the), Holland, Nederland; Dutch, Netherlander, Dutchman, Dutchmen, Dutchwoman, Dutchwomen",
	"New Zealand; Aotearoa; New Zealander",
	"Nicaragua; Republic of Nicaragua; Nicaraguan",
	"Niger; Republic of the Niger, Republic of Niger; Nigerien",
	"Nigeria; Federal Republic of Nigeria; Nigerian",
	"North Korea; Democratic People's Republic of Korea, Korea (Democratic People's Republic of), DPRK, DPR Korea; North Korean",
	"North Macedonia; Republic of North Macedonia, Macedonia, Republic of Macedonia, Former Yugoslav Republic of Macedonia, FYROM; Macedonian, North Macedonian",
	"Norway; Kingdom of Norway, Norge, Noreg; Norwegian",
	"Oman; Sultanate of Oman; Omani",
	"Pakistan; Islamic Republic of Pakistan; Pakistani",
	"Palau; Republic of Palau; Palauan",
	"Panama; Republic of Panama, Panamá; Panamanian",
	"Papua New Guinea; Independent State of Papua New Guinea; Papua New Guinean",
	"Paraguay; Republic of Paraguay; Paraguayan",
	"Peru; Republic of Peru, Perú; Peruvian",
	"Philippines; Republic of the Philippines, Pilipinas; Filipino, Filipina, Philippine",
	"Poland; Republic of Poland, Polska; Polish",
	"Portugal; Portuguese Republic; Portuguese",
	"Qatar; State of Qatar; Qatari",
	"Republic of the Congo; Republic of Congo, Congo Republic, Congo-Brazzaville; ",
	"Romania; Rumania, Roumania, România; Romanian, Rumanian",
	"Russia; Russian Federation, Rossiya, Россия; Russian",
	"Rwanda; Republic of Rwanda; Rwandan, Rwandese",
	"Saint Kitts and Nevis; Federation of Saint Kitts and Nevis, Saint Christopher and Nevis, Saint Kitts; Kittitian, Nevisian",
	"Saint Lucia; ; Saint Lucian",
	"Saint Vincent and the Grenadines; Saint Vincent; Vincentian",
	"Samoa; Independent State of Samoa, Western Samoa; Samoan",
	"San Marino; Republic of San Marino; Sammarinese",
	"São Tomé and Príncipe; Democratic Republic of São Tomé and Príncipe; São Toméan, Santomean",
	"Saudi Arabia; Kingdom of Saudi Arabia, KSA; Saudi, Saudi Arabian",
	"Senegal; Republic of Senegal; Senegalese",
	"Serbia; Republic of Serbia, Srbija, Србија; Serbian, Serb",
	"Seychelles; Republic of Seychelles; Seychellois",
	"Sierra Leone; Republic of Sierra Leone; Sierra Leonean",
	"Singapore; Republic of Singapore; Singaporean",
	"Slovakia; Slovak Republic, Slovensko; Slovak, Slovakian",
	"Slovenia; Republic of Slovenia, Slovenija; Slovenian, Slovene",
	"Solomon Islands; ; Solomon Islander",
	"Somalia; Federal Republic of Somalia; Somali, Somalian",
	"South Africa; Republic of South Africa; South African",
	"South Korea; Republic of Korea, Korea (Republic of), ROK; South Korean",
	"South Sudan; Republic of South Sudan; South Sudanese",
	"Spain; Kingdom of Spain, España; Spanish, Spaniard",
	"Sri Lanka; Democratic Socialist Republic of Sri Lanka, Ceylon; Sri Lankan",
	"Sudan; Republic of the Sudan, Republic of Sudan; Sudanese",
	"Suriname; Republic of Suriname, Surinam; Surinamese, Surinamer",
	"Sweden; Kingdom of Sweden, Sverige; Swedish, Swede",
	"Switzerland; Swiss Confederation, Schweiz, Suisse, Svizzera, Helvetia; Swiss",
	"Syria; Syrian Arab Republic; Syrian",
	"Tajikistan; Republic of Tajikistan; Tajik, Tajikistani",
	"Tanzania; United Republic of Tanzania, Tanzania (United Republic of); Tanzanian",
	"Thailand; Kingdom of Thailand, Siam; Thai",
	"Togo; Togolese Republic; Togolese",
	"Tonga; Kingdom of Tonga; Tongan",
	"Trinidad and Tobago; Republic of Trinidad and Tobago; Trinidadian, Tobagonian",
	"Tunisia; Republic of Tunisia; Tunisian",
	"Turkey; Türkiye, Republic of Türkiye, Republic of Turkey; Turkish, Turk",
	"Turkmenistan; ; Turkmen, Turkmenistani",
	"Tuvalu; ; Tuvaluan",
	"Uganda; Republic of Uganda; Ugandan",
	"Ukraine; Україна, Ukraina; Ukrainian",
	"United Arab Emirates; UAE, Emirates; Emirati",
	"United Kingdom; United Kingdom of Great Britain and Northern Ireland, UK, Great Britain, Britain; British, Briton",
	"United States; United States of America, USA, US, America; American",
	"Uruguay; Oriental Republic of Uruguay; Uruguayan",
	"Uzbekistan; Republic of Uzbekistan; Uzbek, Uzbekistani",
	"Vanuatu; Republic of Vanuatu; Ni-Vanuatu",
	"Venezuela; Bolivarian Republic of Venezuela, Venezuela (Bolivarian Republic of); Venezuelan",
	"Vietnam; Viet Nam, Socialist Republic of Viet Nam, Socialist Republic of Vietnam; Vietnamese",
	"Yemen; Republic of Yemen; Yemeni, Yemenite",
	"Zambia; Republic of Zambia; Zambian",
	"Zimbabwe; Republic of Zimbabwe; Zimbabwean",

	// Not UN members.
	"Cook Islands; ; Cook Islander",
	"Kosovo; Republic of Kosovo, Kosova; Kosovar, Kosovan",
	"Niue; ; Niuean",
	"Palestine; State of Palestine, Occupied Palestinian Territory; Palestinian",
	"Taiwan; Republic of China, Chinese Taipei, Formosa; Taiwanese",
	"Vatican City; Holy See, Vatican, Vatican City State, State of the Vatican City, Holy See (Vatican City State); ",
	"Western Sahara; Sahrawi Arab Democratic Republic, Sahrawi Republic, SADR; Sahrawi",
}

// countryNames and countryDemonyms map the keys of names and of demonyms to canonical
// names.
var countryNames, countryDemonyms, _ = buildCountries(slices.Concat(countryTable, persianCountryTable, arabicCountryTable))

// arabicCountryTable adds the Arabic names of the states Arabic letters name most,
// their formal names first, in the same form as countryTable ("عمان" alone is left
// out: it is Oman and Amman).
var arabicCountryTable = []string{
	"Saudi Arabia; المملكة العربية السعودية, السعودية", "Kuwait; دولة الكويت, الكويت",
	"Jordan; المملكة الأردنية الهاشمية, الأردن", "Egypt; جمهورية مصر العربية, مصر",
	"United Arab Emirates; الإمارات العربية المتحدة, دولة الإمارات العربية المتحدة, الإمارات",
	"Morocco; المملكة المغربية, المغرب", "Tunisia; الجمهورية التونسية",
	"Algeria; الجمهورية الجزائرية الديمقراطية الشعبية, الجزائر", "Oman; سلطنة عمان",
	"Qatar; دولة قطر", "Bahrain; مملكة البحرين, البحرين", "Iraq; جمهورية العراق, العراق",
	"Lebanon; الجمهورية اللبنانية", "Syria; الجمهورية العربية السورية, سوريا",
	"Libya; دولة ليبيا, ليبيا", "Sudan; جمهورية السودان, السودان", "Yemen; الجمهورية اليمنية, اليمن",
	"Palestine; دولة فلسطين, فلسطين", "Iran; الجمهورية الإسلامية الإيرانية, إيران", "Turkey; تركيا",
	"France; فرنسا", "Germany; ألمانيا", "United Kingdom; المملكة المتحدة, بريطانيا",
	"United States; الولايات المتحدة الأمريكية, الولايات المتحدة", "Russia; روسيا", "China; الصين",
}

// persianCountryTable adds the Persian names of countries Persian letters often
// name, in the same form as countryTable.
var persianCountryTable = []string{
	"Albania; آلبانی", "Iran; ایران", "Iraq; عراق", "Germany; آلمان", "France; فرانسه",
	"United Kingdom; انگلستان, انگلیس, بریتانیا, بریتانیای کبیر",
	"United States; آمریکا, امریکا, ایالات متحده, ایالات متحده آمریکا",
	"Switzerland; سوئیس", "Croatia; کرواسی", "Turkey; ترکیه", "Afghanistan; افغانستان",
	"Russia; روسیه", "China; چین", "Italy; ایتالیا", "Austria; اتریش", "Belgium; بلژیک",
	"Netherlands; هلند", "Sweden; سوئد", "Canada; کانادا", "Japan; ژاپن", "India; هند",
	"Pakistan; پاکستان", "Syria; سوریه", "Lebanon; لبنان", "Saudi Arabia; عربستان سعودی, عربستان",
	"United Arab Emirates; امارات, امارات متحده عربی", "Qatar; قطر", "Kuwait; کویت",
	"Azerbaijan; آذربایجان", "Armenia; ارمنستان",
}

// buildCountries reads a country table. conflicts lists the keys given to two
// countries; the first country keeps them.
func buildCountries(table []string) (names, demonyms map[string]string, conflicts []string) {
	names, demonyms = map[string]string{}, map[string]string{}
	add := func(m map[string]string, name, canonical string) {
		k := countryKey(name)
		if k == "" {
			return
		}
		if prev, ok := names[k]; ok && prev != canonical {
			conflicts = append(conflicts, k)
			return
		}
		if prev, ok := demonyms[k]; ok && prev != canonical {
			conflicts = append(conflicts, k)
			return
		}
		m[k] = canonical
	}
	for _, line := range table {
		fields := strings.Split(line, ";")
		canonical := strings.TrimSpace(fields[0])
		add(names, canonical, canonical)
		if len(fields) > 1 {
			for _, alias := range strings.Split(fields[1], ",") {
				add(names, alias, canonical)
			}
		}
		if len(fields) > 2 {
			for _, demonym := range strings.Split(fields[2], ",") {
				add(demonyms, demonym, canonical)
			}
		}
	}
	return names, demonyms, conflicts
}

// countryKey returns the key a country name is looked up by: Fold, with "&" read as
// "and", "St" as "Saint", a leading "the" dropped, and initials joined ("U.S.A.",
// "U S A" and "USA" meet).
func countryKey(s string) string {
	words := strings.Fields(Fold(strings.ReplaceAll(s, "&", " and ")))
	if len(words) > 1 && words[0] == "the" {
		words = words[1:]
	}
	var out []string
	for i := 0; i < len(words); i++ {
		w := words[i]
		if w == "st" {
			w = "saint"
		}
		// A run of single letters is initials: "u s a" is "usa", "d r congo" "dr congo".
		if isInitial(w) && i+1 < len(words) && isInitial(words[i+1]) {
			for i+1 < len(words) && isInitial(words[i+1]) {
				i++
				w += words[i]
			}
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

func isInitial(w string) bool {
	n := 0
	for range w {
		n++
	}
	return n == 1
}

// CanonicalCountry returns the canonical English short name of the country that name
// names: its short name ("Albania"), an official or UN long form ("Republic of
// Albania", "the Republic of Albania", "Iran (Islamic Republic of)"), an abbreviation
// ("UK", "U.S.A."), a former or native name ("Burma", "Shqipëria"), or a demonym or
// adjective ("Albanian", "Albanians"). Case, diacritics, punctuation and spacing do not
// matter. ok is false for anything else, including names that stand for two
// countries ("Congo", "Korea").
func CanonicalCountry(name string) (canonical string, ok bool) {
	k := countryKey(name)
	if c, ok := countryNames[k]; ok {
		return c, true
	}
	return demonymKey(k)
}

// Demonym returns the canonical name of the country whose demonym or adjective word
// is: "Albanian" and "Albanians" give "Albania", "British" gives "United Kingdom",
// "Nigerien" gives "Niger" and "Nigerian" "Nigeria". ok is false for anything else,
// including a country's name ("Albania") and words that belong to two countries
// ("Korean", "Congolese") or name a language or people rather than a state
// ("Persian", "Kurdish", "English").
func Demonym(word string) (canonical string, ok bool) {
	return demonymKey(countryKey(word))
}

// demonymKey looks up a demonym key, and a plural such as "albanians" by its singular
// unless the key is a country's name ("laos" is no plural of "lao").
func demonymKey(k string) (string, bool) {
	if c, ok := countryDemonyms[k]; ok {
		return c, true
	}
	if _, isName := countryNames[k]; isName {
		return "", false
	}
	if singular, ok := strings.CutSuffix(k, "s"); ok {
		if c, ok := countryDemonyms[singular]; ok {
			return c, true
		}
	}
	return "", false
}
