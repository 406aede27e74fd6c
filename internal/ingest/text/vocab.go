package text

import "github.com/lettergraph/lettergraph/internal/domain"

// The word lists the recognisers share. Keys are folded (domain.Fold) when the maps
// are built, so they compare with folded text whatever the case, accents or Arabic
// letter variants.

// titleKind describes an office title.
type titleKind uint8

const (
	// public titles are offices of a state or a public body: the person holds the
	// office (HOLDS) unless it is of an NGO or a company, where it is a role.
	public titleKind = 1 << iota
	// portfolio titles take a field after "of"/"for" before the organisation:
	// "Minister of Interior of Albania", "Head of Communications, Amnesty".
	portfolio
	// diplomat titles keep "to X" in the title: "Ambassador to Iran".
	diplomat
)

var titles = func() map[string]titleKind {
	m := map[string]titleKind{}
	add := func(kind titleKind, phrases ...string) {
		for _, p := range phrases {
			m[domain.Fold(p)] = kind
		}
	}
	add(public|portfolio, "minister", "commissioner", "rapporteur", "state secretary",
		"under-secretary", "undersecretary", "وزیر", "گزارشگر",
		// The same in the other languages read: "Bundesminister des Innern" names a
		// portfolio, not an organisation called "Innern".
		"ministerin", "bundesminister", "bundesministerin", "landesminister", "landesministerin",
		"staatsminister", "staatsministerin", "staatssekretär", "staatssekretärin", "ministre",
		"ministro", "ministra", "consejero", "consejera", "conseller", "consellera", "assessore",
		"wethouder", "gedeputeerde", "министр", "министра", "министру", "وزير")
	add(portfolio, "secretary", "head", "رئیس کل")
	add(public, "prime minister", "foreign minister", "interior minister", "defence minister",
		"defense minister", "finance minister", "justice minister", "health minister",
		"education minister", "culture minister", "economy minister", "trade minister",
		"home secretary", "foreign secretary", "secretary of state", "president",
		"secretary-general", "secretary general", "mayor", "governor", "chancellor", "king",
		"queen", "emperor", "sultan", "emir", "crown prince", "speaker", "chief justice",
		"attorney general", "attorney-general", "prosecutor general", "ombudsman", "senator",
		"member of parliament", "head of state", "head of government", "supreme leader",
		"foreign affairs minister", "vice-chancellor",
		"نخست وزیر", "رئیس جمهور", "رئیس جمهوری", "ریاست جمهوری", "شهردار", "استاندار",
		"فرماندار", "دبیرکل", "دبیر کل", "دادستان", "دادستان کل", "رهبر", "پادشاه",
		"کمیسر عالی", "نماینده ویژه")
	add(public|diplomat, "ambassador", "envoy", "consul", "consul general", "chargé d'affaires",
		"permanent representative", "سفیر", "کاردار", "سرکنسول", "کنسول")
	add(diplomat, "representative", "delegate", "نماینده")
	add(0, "ceo", "chief executive", "chief executive officer", "director", "director-general",
		"director general", "managing director", "chairman", "chairwoman", "chairperson", "chair",
		"founder", "co-founder", "coordinator", "manager", "general manager", "editor",
		"editor-in-chief", "treasurer", "general secretary", "spokesperson", "spokesman",
		"spokeswoman", "adviser", "advisor", "leader", "board member", "rector", "dean",
		"principal", "coordinator general", "executive secretary",
		"مدیرعامل", "مدیر عامل", "مدیر", "رئیس", "ریاست", "سخنگو", "سخنگوی", "دبیر",
		"موسس", "بنیانگذار", "سردبیر", "مشاور", "رئیس هیئت مدیره", "رئیس هیات مدیره")
	return m
}()

// titleModifiers may stand before a title and belong to it ("Deputy Foreign Minister").
var titleModifiers = foldSet("deputy", "vice", "acting", "interim", "assistant", "associate",
	"former", "senior", "executive", "honorary", "co", "first", "second", "permanent",
	"special", "high", "chief", "general", "regional", "national", "international", "founding",
	"معاون", "قائم مقام", "سرپرست")

// orgKeywords mark a name as an organisation's.
var orgKeywords = foldSet(
	"society", "association", "associations", "ministry", "government", "council",
	"committee", "university", "foundation", "institute", "institution", "bank", "company",
	"ltd", "limited", "inc", "llc", "plc", "gmbh", "corp", "corporation", "news", "times",
	"agency", "party", "union", "organisation", "organization", "organisations",
	"organizations", "embassy", "consulate", "department", "commission", "parliament",
	"assembly", "senate", "congress", "federation", "league", "network", "coalition",
	"alliance", "campaign", "centre", "center", "watch", "international", "group", "trust",
	"fund", "church", "school", "college", "academy", "court", "tribunal", "police",
	"municipality", "radio", "television", "tv", "broadcasting", "herald", "gazette",
	"journal", "tribune", "magazine", "newspaper", "media", "nations", "movement", "mission",
	"delegation", "secretariat", "board", "directorate", "authority", "service", "services",
	"programme", "program", "office", "cabinet", "presidency", "ngo", "charity", "initiative",
	"forum", "project", "unhcr", "unicef", "commissariat",
	"انجمن", "سازمان", "وزارت", "وزارتخانه", "دولت", "شورای", "شورا", "کمیته", "دانشگاه", "بنیاد",
	"موسسه", "مؤسسه", "بانک", "شرکت", "حزب", "اتحادیه", "خبرگزاری", "روزنامه", "دفتر", "سفارت",
	"کمیساریای", "کمیساریا", "مجلس", "نهاد", "جمعیت", "کانون", "ستاد", "اداره", "مرکز",
	"رسانه", "هیئت", "هیات", "شهرداری", "ریاست جمهوری", "جامعه", "مجمع", "گروه", "نشریه")

// kindWords give an organisation's kind from a word of its name; checked in the order
// of orgKinds, so "Ministry of Information and Broadcasting" is a government body.
var kindWords = map[domain.OrganisationKind]map[string]bool{
	domain.OrgGovernment: foldSet("ministry", "government", "embassy", "consulate", "parliament",
		"senate", "congress", "municipality", "cabinet", "presidency", "وزارت", "دولت", "سفارت",
		"مجلس", "شهرداری", "سرکنسولگری", "ministerium", "ministère", "ministerio", "ministero",
		"ministerie", "министерство", "وزارة", "سفارة", "بلدية"),
	domain.OrgMedia: foldSet("news", "times", "herald", "gazette", "journal", "tribune", "radio",
		"television", "tv", "broadcasting", "magazine", "newspaper", "media", "press", "post",
		"خبرگزاری", "روزنامه", "رسانه", "نشریه"),
	domain.OrgCompany: foldSet("company", "ltd", "limited", "inc", "llc", "plc", "gmbh", "corp",
		"corporation", "bank", "شرکت", "بانک"),
	domain.OrgNGO: foldSet("society", "association", "foundation", "ngo", "watch", "amnesty",
		"charity", "انجمن", "بنیاد", "جمعیت", "کانون"),
}

var orgKinds = []domain.OrganisationKind{domain.OrgGovernment, domain.OrgMedia, domain.OrgCompany, domain.OrgNGO}

// groups are loose collectives addressed as one: all become "The Media" (kind GROUP),
// keeping the Persian wording as an alias.
var mediaGroup = foldSet("the media", "media", "the press", "press", "all media",
	"media outlets", "the news media", "mass media", "رسانه ها", "رسانه های گروهی",
	"رسانه‌های گروهی", "رسانه‌ها", "مطبوعات", "اصحاب رسانه",
	"وسائل الإعلام", "وسائل الاعلام", "الصحافة", "die Presse", "Presse", "die Medien", "Medien",
	"la presse", "les médias", "médias", "la prensa", "prensa", "los medios de comunicación",
	"medios de comunicación", "la stampa", "stampa", "i media", "organi di stampa", "de pers",
	"pers", "de media", "СМИ", "средства массовой информации", "пресса")

// nameStopWords never appear in a person's name; a line with one is no name.
var nameStopWords = foldSet(
	"the", "of", "and", "for", "to", "in", "on", "at", "by", "with", "from", "without", "a",
	"an", "our", "your", "my", "his", "her", "their", "we", "i", "you", "dear", "letter",
	"open", "copy", "copies", "re", "subject", "related", "posts", "post", "share", "this",
	"that", "is", "are", "was", "be", "sincerely", "regards", "cc", "best", "kind", "yours",
	"thank", "thanks", "all", "media", "press", "about", "more", "read", "tags", "date",
	"memo", "memorandum", "dated", "ps", "p", "s", "encl", "enclosure", "distribution",
	"attachment", "signed", "page", "tel", "phone", "fax", "email", "mail", "www", "http",
	"https", "street", "road", "avenue", "square", "box", "floor", "building", "house", "lane",
	"suite", "strasse", "straße", "rue", "not", "no",
	"yes", "please", "note", "urgent", "confidential", "draft", "statement", "appeal",
	"petition", "report", "press", "release", "news", "rights", "human", "affairs",
	"regional", "national", "federal", "republic", "kingdom", "state", "states", "united",
	"و", "از", "به", "در", "با", "که", "این", "آن", "را", "برای", "تا", "بر", "هم", "نامه",
	"محترم", "رونوشت", "سلام", "احترام", "سپاس", "تشکر", "جهت", "اطلاع", "موضوع", "تاریخ",
	"پیوست", "شماره", "است", "بود", "می", "خود", "ما", "شما", "ایشان", "بسمه", "تعالی")

// nameParticles are lower-case words inside a person's name.
var nameParticles = foldSet("de", "da", "di", "do", "dos", "das", "del", "della", "van", "von",
	"der", "den", "ter", "ten", "le", "la", "du", "bin", "ibn", "bint", "al", "el", "y", "e",
	"zu", "af", "ben", "abu", "ould")

// salutations open a letter; what follows "Dear" may name the addressee.
var salutations = foldSet(
	"dear", "my dear", "to whom it may concern", "your excellency", "excellency",
	"your excellencies", "your majesty", "your holiness", "hello", "hi", "greetings",
	"good morning", "sehr geehrte", "sehr geehrter", "sehr geehrte damen und herren", "liebe",
	"lieber", "madame", "monsieur", "mesdames", "messieurs", "cher", "chère", "chers",
	"با سلام", "سلام", "با عرض سلام", "با سلام و احترام", "با سلام و عرض ادب", "با عرض سلام و ادب",
	"با سلام و ادب", "سلام علیکم", "احتراما", "با سلام و درود", "درود", "با درود", "با عرض سلام و احترام")

// namingSalutations are the salutations after which a name or title may follow.
var namingSalutations = foldSet("dear", "my dear", "sehr geehrte", "sehr geehrter", "liebe",
	"lieber", "cher", "chère", "chers", "hello", "hi")

// genericAddressees name no one in particular ("Dear Sir or Madam,").
var genericAddressees = foldSet(
	"sir", "sirs", "madam", "madame", "sir or madam", "madam or sir", "sir madam",
	"sir/madam", "sirs and madams", "friends", "friend", "colleagues", "colleague", "all",
	"everyone", "everybody", "team", "members", "editor", "the editor", "editors", "readers",
	"reader", "supporters", "brothers and sisters", "ladies and gentlemen", "gentlemen",
	"ladies", "compatriots", "fellow citizens", "citizens", "excellency", "your excellency",
	"excellencies", "majesty", "holiness", "concerned", "whom it may concern", "damen und herren",
	"herr", "frau", "monsieur", "madame", "messieurs", "mesdames", "members of the board",
	"friends and colleagues", "all concerned", "family", "families")

// respectWords are honorific words that sit inside Persian titles ("نخست وزیر
// محترم": the respected prime minister) and are no part of the office's name.
var respectWords = foldSet("محترم", "المحترم", "المحترمة", "المحترمين", "الأكرم", "الاكرم", "الأكرمين", "الموقر", "الموقرة", "محترمه", "گرامی", "ارجمند", "عالیقدر", "معظم", "honourable",
	"honorable", "respected", "esteemed")
