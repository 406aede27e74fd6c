package text

import (
	"testing"
	"time"

	"github.com/lettergraph/lettergraph/internal/domain"
)

func TestDateLine(t *testing.T) {
	tests := []struct {
		name, in                  string
		ok                        bool
		date, notBefore, notAfter string // "" for none
		precision                 domain.DatePrecision
		text, place               string
	}{
		{"day", "12 March 2019", true, "2019-03-12", "2019-03-12", "2019-03-12", domain.PrecisionDay, "12 March 2019", ""},
		{"place and day", "London, 12 March 2019", true, "2019-03-12", "2019-03-12", "2019-03-12", domain.PrecisionDay, "12 March 2019", "London"},
		{"label and ISO", "Date: 2019-03-12", true, "2019-03-12", "2019-03-12", "2019-03-12", domain.PrecisionDay, "2019-03-12", ""},
		{"month", "May 2021", true, "2021-05-01", "2021-05-01", "2021-05-31", domain.PrecisionMonth, "May 2021", ""},
		{"weekday", "Monday, 12 March 2019", true, "2019-03-12", "2019-03-12", "2019-03-12", domain.PrecisionDay, "Monday, 12 March 2019", ""},
		{"place after", "12 March 2019, Geneva", true, "2019-03-12", "2019-03-12", "2019-03-12", domain.PrecisionDay, "12 March 2019", "Geneva"},
		{"Solar Hijri with place", "تهران، ۱۴ مهر ۱۴۰۱", true, "2022-10-06", "2022-10-06", "2022-10-06", domain.PrecisionDay, "۱۴ مهر ۱۴۰۱", "تهران"},
		{"Solar Hijri month", "مهر ۱۴۰۱", true, "", "2022-09-23", "2022-10-22", domain.PrecisionUnknown, "مهر ۱۴۰۱", ""},
		{"lunar Hijri with place", "الرياض في ١٥ رمضان ١٤٤٤هـ", true, "2023-04-06", "2023-04-06", "2023-04-06", domain.PrecisionDay, "١٥ رمضان ١٤٤٤هـ", "الرياض"},
		{"a postal code before the place", "6 Frankfurt am Main, den 14. Oktober 1968", true, "1968-10-14", "1968-10-14", "1968-10-14", domain.PrecisionDay, "den 14. Oktober 1968", "Frankfurt am Main"},
		{"a preposition before the place", "En Alcalá de Henares, a 18 de mayo de 2021.", true, "2021-05-18", "2021-05-18", "2021-05-18", domain.PrecisionDay, "18 de mayo de 2021", "Alcalá de Henares"},
		{"lunar Hijri month", "رمضان ١٤٤٤هـ", true, "", "2023-03-23", "2023-04-20", domain.PrecisionUnknown, "رمضان ١٤٤٤هـ", ""},
		{"ambiguous numeric", "03/04/2019", true, "", "2019-03-04", "2019-04-03", domain.PrecisionUnknown, "03/04/2019", ""},
		{"same day either way", "04/04/2019", true, "2019-04-04", "2019-04-04", "2019-04-04", domain.PrecisionDay, "04/04/2019", ""},
		{"lunar Hijri with its Gregorian day in brackets", "٩ ذو القعدة ١٤٤٣هـ (٨ يونيو ٢٠٢٢م)", true, "2022-06-08", "2022-06-08", "2022-06-08", domain.PrecisionDay, "٩ ذو القعدة ١٤٤٣هـ", ""},
		{"a date and its equivalent after a word", "15 March 2019 corresponding to 8 Rajab 1440", true, "2019-03-15", "2019-03-15", "2019-03-15", domain.PrecisionDay, "15 March 2019", ""},
		{"something else in brackets is no date line", "12 March 2019 (see attached minutes)", false, "", "", "", "", "", ""},
		{"a day in quotes and a town after г.", "г. Самара        «12» апреля 2022 г.", true, "2022-04-12", "2022-04-12", "2022-04-12", domain.PrecisionDay, "12 апреля 2022", "Самара"},
		{"written at a town with bi- glued, and the lunar date after it", "حرر بالدار البيضاء في 12 نونبر 2022، الموافق 18 ربيع الآخر 1444", true, "2022-11-12", "2022-11-12", "2022-11-12", domain.PrecisionDay, "12 نونبر 2022", "الدار البيضاء"},
		{"fait à", "Fait à Ouessant, le 3 mars 2021", true, "2021-03-03", "2021-03-03", "2021-03-03", domain.PrecisionDay, "le 3 mars 2021", "Ouessant"},
		{"a day 'of' its month, as Gulf letters write it", "التاريخ: ٢٥ من ربيع الأول ١٤٤٥هـ", true, "2023-10-10", "2023-10-10", "2023-10-10", domain.PrecisionDay, "٢٥ ربيع الأول ١٤٤٥هـ", ""},
		{"prose", "On 12 March 2019 we met the minister.", false, "", "", "", "", "", ""},
		{"sentence before", "The letter of 12 March 2019", false, "", "", "", "", "", ""},
		{"no date", "Tehran Iran", false, "", "", "", "", "", ""},
		{"impossible", "31/02/2019", false, "", "", "", "", "", ""},
	}
	day := func(t *time.Time) string {
		if t == nil {
			return ""
		}
		return t.Format(time.DateOnly)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := dateLineIn(tt.in, false)
			if ok != tt.ok {
				t.Fatalf("dateLine(%q) ok = %v, want %v", tt.in, ok, tt.ok)
			}
			if !ok {
				return
			}
			got := []string{day(d.date), day(d.notBefore), day(d.notAfter), string(d.precision), d.text, d.place}
			want := []string{tt.date, tt.notBefore, tt.notAfter, string(tt.precision), tt.text, tt.place}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("dateLine(%q) = %q, want %q", tt.in, got, want)
					break
				}
			}
		})
	}
}

func TestDateColumn(t *testing.T) {
	tests := []struct{ in, want string }{
		{"No. 41/1987          Lisbon, 2 March 1987", "Lisbon, 2 March 1987"},
		{"г. Самара          «12» апреля 2022 г.", "г. Самара, «12» апреля 2022 г."},
		{"Ref. 12/A          3 May 2001", "3 May 2001"},
		{"Ref: MH/DHS/142/Vol.III          4th April, 2024", "4th April, 2024"},
	}
	for _, tt := range tests {
		if got, _ := dateColumn(tt.in); got != tt.want {
			t.Errorf("dateColumn(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFirstNumericDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Исх. № 01-14/2387 от 16.08.2023", "16.08.2023"},
		{"Prot. n. 45 del 12/03/2020", "12/03/2020"},
		{"Az. 3/12.05.2019", ""},
		{"12-05/2019", ""},
		{"Lisbon, 2.3.1987", "2.3.1987"},
	}
	for _, tt := range tests {
		if got := firstNumericDate(tt.in); got != tt.want {
			t.Errorf("firstNumericDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParsePlace(t *testing.T) {
	tests := []struct {
		name, in       string
		loose          bool
		ok             bool
		place, country string
	}{
		{"city and country", "Tehran Iran", false, true, "Tehran", "Iran"},
		{"with comma", "London, United Kingdom", false, true, "London", "United Kingdom"},
		{"known city", "Tirana", false, true, "Tirana", "Albania"},
		{"country", "Albania", false, true, "Albania", "Albania"},
		{"Persian", "تهران - ایران", false, true, "تهران", "Iran"},
		{"known town with a diacritic", "Durrës", false, true, "Durrës", "Albania"},
		{"unknown town, loose", "Lepoglava", true, true, "Lepoglava", ""},
		{"unknown town, strict", "Lepoglava", false, false, "", ""},
		{"title", "Nejat Society CEO", false, false, "", ""},
		{"office with country", "Minister of Interior of Albania", false, false, "", ""},
		{"address", "1 Easton Street", true, false, "", ""},
		{"a town's name with joiners", "Rothenburg ob der Tauber", true, true, "Rothenburg ob der Tauber", ""},
		{"a joiner at the end is no town's", "Mitglieder an der", true, false, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ok := parsePlace(tt.in, tt.loose)
			if ok != tt.ok || p.in.Name != tt.place || p.in.Country != tt.country {
				t.Errorf("parsePlace(%q, %v) = %q, %q, %v; want %q, %q, %v", tt.in, tt.loose, p.in.Name, p.in.Country, ok, tt.place, tt.country, tt.ok)
			}
		})
	}
}
