package gen

// topic is what a letter is about, in each language a letter is written in. It
// recurs in titles and bodies, so that full-text search finds whole threads.
type topic struct{ en, de, fr, fa string }

var topics = []topic{
	{"budget", "Haushalt", "budget", "بودجه"},
	{"housing", "Wohnungsbau", "logement", "مسکن"},
	{"refugees", "Flüchtlinge", "réfugiés", "پناهندگان"},
	{"water rights", "Wasserrechte", "droits sur l'eau", "حقابه"},
	{"the railway project", "das Bahnprojekt", "le projet ferroviaire", "پروژه راه‌آهن"},
	{"school reform", "Schulreform", "réforme scolaire", "اصلاحات آموزشی"},
	{"press freedom", "Pressefreiheit", "liberté de la presse", "آزادی مطبوعات"},
	{"the harbour extension", "der Hafenausbau", "l'extension du port", "توسعه بندر"},
	{"human rights", "Menschenrechte", "droits de l'homme", "حقوق بشر"},
	{"family reunification", "Familienzusammenführung", "regroupement familial", "پیوستن خانواده‌ها"},
	{"oil prices", "Ölpreise", "prix du pétrole", "قیمت نفت"},
	{"the museum collection", "die Museumssammlung", "la collection du musée", "مجموعه موزه"},
	{"visa applications", "Visumanträge", "demandes de visa", "درخواست ویزا"},
	{"public health", "öffentliche Gesundheit", "santé publique", "بهداشت عمومی"},
	{"the election", "die Wahl", "l'élection", "انتخابات"},
	{"the peace talks", "die Friedensgespräche", "les pourparlers de paix", "مذاکرات صلح"},
	{"the trade agreement", "das Handelsabkommen", "l'accord commercial", "قرارداد تجاری"},
	{"university admissions", "Hochschulzulassung", "admissions universitaires", "پذیرش دانشگاه"},
	{"cultural exchange", "Kulturaustausch", "échange culturel", "تبادل فرهنگی"},
	{"the archive", "das Archiv", "les archives", "بایگانی"},
	{"the annual report", "der Jahresbericht", "le rapport annuel", "گزارش سالانه"},
	{"taxation", "Besteuerung", "fiscalité", "مالیات"},
	{"the hospital", "das Krankenhaus", "l'hôpital", "بیمارستان"},
	{"agricultural subsidies", "Agrarsubventionen", "subventions agricoles", "یارانه کشاورزی"},
	{"the bridge", "die Brücke", "le pont", "پل"},
	{"road safety", "Verkehrssicherheit", "sécurité routière", "ایمنی جاده"},
	{"the festival", "das Festival", "le festival", "جشنواره"},
	{"climate policy", "Klimapolitik", "politique climatique", "سیاست اقلیمی"},
	{"energy supply", "Energieversorgung", "approvisionnement énergétique", "تامین انرژی"},
	{"the pension fund", "die Pensionskasse", "la caisse de retraite", "صندوق بازنشستگی"},
	{"detained relatives", "inhaftierte Angehörige", "proches détenus", "بستگان زندانی"},
	{"the conference", "die Konferenz", "la conférence", "کنفرانس"},
	{"minority languages", "Minderheitensprachen", "langues minoritaires", "زبان‌های اقلیت"},
	{"the scholarship programme", "das Stipendienprogramm", "le programme de bourses", "برنامه بورسیه"},
	{"the translation", "die Übersetzung", "la traduction", "ترجمه"},
	{"the exhibition", "die Ausstellung", "l'exposition", "نمایشگاه"},
	{"fisheries", "Fischerei", "pêche", "شیلات"},
	{"the new constitution", "die neue Verfassung", "la nouvelle constitution", "قانون اساسی جدید"},
	{"the library", "die Bibliothek", "la bibliothèque", "کتابخانه"},
	{"emigration", "Auswanderung", "émigration", "مهاجرت"},
	{"the camp residents", "die Lagerbewohner", "les résidents du camp", "ساکنان اردوگاه"},
	{"the earthquake relief", "die Erdbebenhilfe", "l'aide aux sinistrés du séisme", "کمک به زلزله‌زدگان"},
}

// Vocabularies for bodies, most frequent first: words are drawn with Zipf weights, so
// the common ones are common and the rare ones (diacritics among them) rare enough to
// make selective searches.
var vocab = map[string][]string{
	"en": words(`the of and to in a that is for it as with was on be by this we are have
		not from at which his but they all been were has their would will there our can
		more its also other any may these into letter should about your committee question
		government meeting request matter time first report support new such must public
		further information council proposal decision members minister office people work
		position regard point concern reply view interest years since present however
		policy situation possible already hope family families many families children
		community country city state law rights issue issues within between agreement
		without following regarding attention urgent draft copy enclosed attached earlier
		previous recent address visit delegation consideration assistance cooperation
		responsibility understanding discussion negotiation procedure application approval
		documents records evidence testimony witness concerns circumstances authorities
		officials representatives colleagues friends citizens residents refugees workers
		students teachers doctors journalists lawyers farmers merchants engineers writers
		grateful sincerely respectfully confidential formal informal personal official
		immediate careful detailed complete brief honest difficult important necessary
		unfortunately indeed therefore nevertheless meanwhile accordingly moreover perhaps
		financial legal medical cultural political economic social historical practical
		memorandum communiqué aide-mémoire détente rôle façade café naïve résumé élite
		protégé fiancée exposé entrepôt coöperation régime début cliché soirée tête-à-tête
		harbour railway bridge hospital school university museum library archive theatre
		parliament embassy consulate ministry tribunal court prison camp border frontier
		spring summer autumn winter morning evening yesterday tomorrow fortnight
		telegram postcard parcel envelope manuscript photograph catalogue inventory
		budget accounts invoice receipt donation grant salary pension subsidy levy tariff
		wheat cotton silk copper timber coal petroleum saffron pistachio carpet`),
	"de": words(`der die das und in zu den von mit sich des auf für ist im dem nicht ein eine
		als auch es an werden aus er hat dass sie nach wird bei einer um noch wie einem
		über einen so zum war haben nur oder aber vor zur bis mehr durch man sein wurde
		sehr geehrte Damen Herren Brief Schreiben Anfrage Antwort Ausschuss Regierung
		Sitzung Bericht Unterstützung Vorschlag Entscheidung Mitglieder Minister Behörde
		Menschen Familie Familien Kinder Gemeinde Stadt Land Staat Gesetz Rechte Frage
		Vereinbarung Verhandlung Verfahren Antrag Genehmigung Unterlagen Akten Zeugen
		Umstände Behörden Vertreter Kollegen Freunde Bürger Einwohner Arbeiter Studenten
		dankbar freundlich vertraulich förmlich persönlich dringend sorgfältig ausführlich
		wichtig notwendig leider deshalb dennoch inzwischen außerdem vielleicht jedoch
		Grüße Gespräch Übersicht Öffentlichkeit Straße Brücke Krankenhaus Schule
		Universität Museum Bibliothek Archiv Theater Botschaft Konsulat Ministerium Gericht
		Frühling Sommer Herbst Winter morgen gestern Woche Monat Jahr Jahrzehnt Abschrift
		Anlage Beilage Telegramm Paket Umschlag Handschrift Fotografie Verzeichnis Spende
		Zuschuss Gehalt Rente Zoll Weizen Baumwolle Kupfer Holz Kohle Erdöl Teppich Fähre`),
	"fr": words(`le la les de des du et à un une en que qui dans pour pas sur au par est
		avec ne se il elle nous vous ils ce cette sont été être avoir plus comme mais ou
		lettre courrier demande réponse comité gouvernement réunion rapport soutien
		proposition décision membres ministre bureau personnes famille familles enfants
		communauté pays ville État loi droits question accord négociation procédure
		dossier autorisation documents archives témoin circonstances autorités
		représentants collègues amis citoyens habitants ouvriers étudiants enseignants
		médecins journalistes avocats agriculteurs reconnaissant sincèrement respectueusement
		confidentiel personnel urgent détaillé important nécessaire malheureusement
		cependant néanmoins également peut-être déjà très après être été où là voilà
		hôpital école université musée bibliothèque théâtre ambassade consulat ministère
		tribunal frontière printemps été automne hiver matin soir hier demain semaine
		mois année télégramme colis enveloppe manuscrit photographie catalogue inventaire
		budget comptes facture reçu don subvention salaire pension impôt blé coton soie
		cuivre bois charbon pétrole tapis façade rôle élite régime début soirée`),
	"fa": words(`و در به از که این را با است برای آن یک خود تا بر هم نیز شد می‌شود بود
		کرد شده باید ما شما ایشان نامه پاسخ درخواست کمیته دولت جلسه گزارش حمایت پیشنهاد
		تصمیم اعضا وزیر دفتر مردم خانواده خانواده‌ها کودکان جامعه کشور شهر قانون حقوق
		موضوع توافق مذاکره پرونده مدارک شاهد شرایط مقامات نمایندگان همکاران دوستان
		شهروندان ساکنان کارگران دانشجویان معلمان پزشکان روزنامه‌نگاران وکلا کشاورزان
		سپاسگزار محترمانه محرمانه فوری مهم لازم متأسفانه بنابراین با_این_حال همچنین
		شاید بیمارستان مدرسه دانشگاه موزه کتابخانه سفارت کنسولگری وزارتخانه دادگاه
		مرز بهار تابستان پاییز زمستان صبح عصر دیروز فردا هفته ماه سال تلگرام بسته
		پاکت دستنوشته عکس فهرست بودجه حساب رسید کمک حقوق مالیات گندم پنبه ابریشم
		مس چوب زغال نفت زعفران پسته فرش امید آزادی صلح عدالت همبستگی`),
}

// Phrases that frame a letter, by language.
var (
	closings = map[string][]string{
		"en": {"Yours sincerely,", "With kind regards,", "Respectfully yours,", "Yours faithfully,", "With best wishes,"},
		"de": {"Mit freundlichen Grüßen", "Hochachtungsvoll", "Mit besten Grüßen"},
		"fr": {"Veuillez agréer l'expression de mes salutations distinguées.", "Bien cordialement,", "Avec mes sentiments respectueux,"},
		"fa": {"با احترام،", "با سپاس،", "با تقدیم احترام،"},
	}
	persianSentences = []string{
		"با سلام و احترام، خواهشمند است به این موضوع رسیدگی فرمایید.",
		"خانواده‌ها منتظر پاسخ شما هستند.",
		"امیدواریم این نامه به دست شما برسد.",
		"این درخواست از طرف خانواده‌های ساکنان اردوگاه است.",
	}
	months = map[string][]string{
		"en": words("January February March April May June July August September October November December"),
		"de": words("Januar Februar März April Mai Juni Juli August September Oktober November Dezember"),
		"fr": words("janvier février mars avril mai juin juillet août septembre octobre novembre décembre"),
	}
)

// vocabW holds the Zipf weights of each vocabulary.
var vocabW = map[string]weighted{}

func init() {
	for lang, list := range vocab {
		vocabW[lang] = zipf(len(list), 0.6, 0)
	}
}

func (t topic) in(lang string) string {
	switch lang {
	case "de":
		return t.de
	case "fr":
		return t.fr
	case "fa":
		return t.fa
	}
	return t.en
}
