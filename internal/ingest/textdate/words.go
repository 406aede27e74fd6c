package textdate

import "time"

// gregorianMonthNames are the names and abbreviations of each Gregorian month in
// English, French, German, Spanish, Italian, Dutch, Russian (and its genitive,
// "12 марта"), Persian and Arabic (the Egyptian, Maghreb and Levantine names; a
// two-word Levantine name is written here with a zero-width non-joiner, "كانون‌الثاني",
// and the scanner joins the two words it is written as, see joinMonthWords). Abbreviations that are
// everyday words in one of these languages (Italian "set", "ago", "mag") are left out:
// "ago 2019" is no month. Case, diacritics and a full stop after them do not matter.
var gregorianMonthNames = [12]string{
	"january jan janvier janv januar jänner gennaio genn enero januari январь января янв ژانویه يناير كانون‌الثاني",
	"february feb febr février févr fév februar febbraio febbr febrero februari февраль февраля фев февр فوریه فبراير شباط",
	"march mar mars märz mrz maerz marzo maart mrt март марта مارس آذار",
	"april apr avril avr aprile abril апрель апреля апр آوریل أبريل ابريل نيسان",
	"may mai maggio mayo mei май мая مه می مایو ماي أيار",
	"june jun juin juni giugno junio июнь июня июн ژوئن جون يونيو يونيه حزيران",
	"july jul juillet juil juli luglio julio июль июля июл ژوئیه جولای يوليو يوليه يوليوز تموز",
	"august aug août agosto augustus август августа авг اوت آگوست أغسطس اغسطس غشت آب",
	"september sep sept septembre settembre septiembre setiembre сентябрь сентября сен сент سپتامبر سبتمبر شتنبر أيلول",
	"october oct octobre oktober okt ottobre octubre октябрь октября окт اکتبر أكتوبر اكتوبر تشرين‌الأول",
	"november nov novembre noviembre ноябрь ноября ноя нояб نوامبر نوفمبر نونبر تشرين‌الثاني",
	"december dec décembre déc dezember dez dicembre diciembre декабрь декабря дек دسامبر ديسمبر دجنبر كانون‌الأول",
}

// solarHijriMonthNames are the Persian names of the Solar Hijri months, Farvardin to
// Esfand. Each is also read with "ماه" (month) joined to it: "مهرماه".
var solarHijriMonthNames = [12]string{
	"فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد امرداد", "شهریور",
	"مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
}

// lunarHijriMonthNames are the names of the lunar Hijri months, Muharram to Dhu
// al-Hijja, in Arabic, Persian and Latin letters. A name of two words is written with
// a zero-width non-joiner, as the Levantine Gregorian ones (joinMonthWords).
var lunarHijriMonthNames = [12]string{
	"muharram moharram muharrem محرم المحرم",
	"safar صفر",
	"ربيع‌الأول ربيع‌الاول ربیع‌الاول ربیع‌الأول",
	"ربيع‌الآخر ربيع‌الاخر ربيع‌الثاني ربیع‌الثانی ربیع‌الآخر",
	"جمادى‌الأولى جمادى‌الاولى جمادی‌الاولی جمادی‌الاول جمادی‌الأولى",
	"جمادى‌الآخرة جمادى‌الاخرة جمادى‌الثانية جمادی‌الثانیه جمادی‌الثانی جمادی‌الآخر",
	"rajab رجب",
	"shaban shaaban شعبان",
	"ramadan ramazan رمضان",
	"shawwal shawal شوال",
	"ذو‌القعدة ذي‌القعدة ذوالقعدة ذی‌القعده ذیقعده",
	"ذو‌الحجة ذي‌الحجة ذوالحجة ذی‌الحجه ذیحجه",
}

// weekdayNames are the day names, Sunday first as in time.Weekday.
var weekdayNames = [7]string{
	"sunday sun dimanche sonntag domingo domenica یکشنبه الأحد",
	"monday mon lundi montag lunes lunedì دوشنبه الاثنين",
	"tuesday tue tues mardi dienstag martes martedì سه‌شنبه الثلاثاء",
	"wednesday wed mercredi mittwoch miércoles mercoledì چهارشنبه الأربعاء",
	"thursday thu thur thurs jeudi donnerstag jueves giovedì پنجشنبه الخميس",
	"friday fri vendredi freitag viernes venerdì جمعه الجمعة",
	"saturday sat samedi samstag sonnabend sábado sabato شنبه السبت",
}

// monthName is a month as named: its calendar and number (1–12).
type monthName struct {
	cal   string
	month int
}

var (
	months   = monthKeys()
	weekdays = weekdayKeys()

	ordinals       = keySet("st nd rd th er º") // "12th", "1er", "1º"
	articles       = keySet("the le den el il") // "the 12th", "le 12 mars", "den 12. März"
	dayWords       = keySet("day")              // "the 12th day of March"
	dayLinks       = keySet("of de")            // "12th of March", "12 de marzo"
	yearLinks      = keySet("of de del")        // "marzo de 2019"
	monthWords     = keySet("ماه")              // "مهر ماه ۱۴۰۱"
	yearWords      = keySet("سال")              // "مهر سال ۱۴۰۱"
	labels         = keySet("date dated datum fecha تاریخ مورخ مورخه")
	labelLeads     = keySet("به")             // "به تاریخ"
	isoTimes       = keySet("t")              // "2019-03-12T10:00"
	hijriWords     = keySet("هجری")           // "هجری شمسی"
	heWords        = keySet("ه هـ")           // "ه.ش", "هـ.ش"
	solarWords     = keySet("ش شمسی خورشیدی") // Solar Hijri
	lunarWords     = keySet("ق قمری ah")      // lunar Hijri; "ه" or "هـ" alone too (era)
	gregorianWords = keySet("میلادی م")       // Gregorian: "میلادی", Arabic "٢٠٢٣م"
)

func monthKeys() map[string]monthName {
	keys := map[string]monthName{}
	for i, names := range gregorianMonthNames {
		for w := range keySet(names) {
			keys[w] = monthName{CalendarGregorian, i + 1}
		}
	}
	for i, names := range lunarHijriMonthNames {
		for w := range keySet(names) {
			keys[w] = monthName{CalendarLunarHijri, i + 1}
		}
	}
	for i, names := range solarHijriMonthNames {
		for w := range keySet(names) {
			keys[w] = monthName{CalendarSolarHijri, i + 1}
			keys[w+wordKey("ماه")] = monthName{CalendarSolarHijri, i + 1}
		}
	}
	return keys
}

func weekdayKeys() map[string]time.Weekday {
	keys := map[string]time.Weekday{}
	for i, names := range weekdayNames {
		for w := range keySet(names) {
			keys[w] = time.Weekday(i)
		}
	}
	return keys
}
