package textdate

import (
	"testing"
	"time"
)

// Days of the Umm al-Qura calendar as Saudi Arabia published them (the feasts of
// 1444), and of the tabular calendar as convertdate 2.4 (islamic.to_gregorian) gives them.
func TestLunarHijriToGregorian(t *testing.T) {
	tests := []struct {
		name    string
		y, m, d int
		want    string
		exact   bool
	}{
		{"1 Ramadan 1444", 1444, 9, 1, "2023-03-23", true},
		{"1 Shawwal 1444 (Eid al-Fitr)", 1444, 10, 1, "2023-04-21", true},
		{"10 Dhu al-Hijja 1444 (Eid al-Adha)", 1444, 12, 10, "2023-06-28", true},
		{"1 Muharram 1445", 1445, 1, 1, "2023-07-19", true},
		{"the table's first day", 1343, 1, 1, "1924-08-01", true},
		{"the table's last day", 1500, 12, 30, "2077-11-16", true},
		{"the epoch, tabular", 1, 1, 1, "0622-07-19", false},
		{"1 Muharram 1000, tabular", 1000, 1, 1, "1591-10-19", false},
		{"after the table, tabular", 1501, 1, 1, "2077-11-17", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, exact, ok := LunarHijriToGregorian(tt.y, tt.m, tt.d)
			if !ok || got.Format(time.DateOnly) != tt.want || exact != tt.exact {
				t.Errorf("LunarHijriToGregorian(%d, %d, %d) = %s, exact %v, ok %v; want %s, exact %v",
					tt.y, tt.m, tt.d, got.Format(time.DateOnly), exact, ok, tt.want, tt.exact)
			}
		})
	}
	for _, bad := range [][3]int{{1444, 13, 1}, {1444, 0, 1}, {1444, 1, 0}, {1444, 9, 31}, {0, 1, 1}, {1601, 1, 1}, {1502, 2, 30}} {
		if got, _, ok := LunarHijriToGregorian(bad[0], bad[1], bad[2]); ok {
			t.Errorf("LunarHijriToGregorian(%v) = %s, want no day", bad, got.Format(time.DateOnly))
		}
	}
}

// The tabular calendar stays within two days of the Umm al-Qura table over all of
// it, and the table runs month after month without a gap.
func TestTabularNearUmmAlQura(t *testing.T) {
	prev := time.Time{}
	for i := range ummAlQura.days {
		y := ummAlQura.firstYear + i
		for m := 1; m <= 12; m++ {
			got, exact, ok := LunarHijriToGregorian(y, m, 1)
			if !ok || !exact {
				t.Fatalf("1/%d/%d: not in the table", m, y)
			}
			if gap := got.Sub(prev); !prev.IsZero() && (gap < 28*24*time.Hour || gap > 31*24*time.Hour) {
				t.Errorf("1/%d/%d = %s, %s after the month before", m, y, got.Format(time.DateOnly), got.Sub(prev))
			}
			prev = got
			if diff := tabularDay(y, m, 1).Sub(got).Hours() / 24; diff < -2 || diff > 2 {
				t.Errorf("1/%d/%d: tabular %s, Umm al-Qura %s", m, y, tabularDay(y, m, 1).Format(time.DateOnly), got.Format(time.DateOnly))
			}
		}
	}
}

// Lunar Hijri dates as Arabic and Persian letters write them.
func TestParseLunarHijri(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"arabic, era mark glued", "١٥ رمضان ١٤٤٤هـ", `DAY 2023-04-06 2023-04-06..2023-04-06 lunar-hijri`},
		{"arabic, two-word month", "١٢ ربيع الأول ١٤٤٤ هـ", `DAY 2022-10-08 2022-10-08..2022-10-08 lunar-hijri`},
		{"arabic, dhu al-hijja", "10 ذو الحجة 1444", `DAY 2023-06-28 2023-06-28..2023-06-28 lunar-hijri`},
		{"persian, era", "۱۲ ربیع‌الاول ۱۴۴۴ ه.ق", `DAY 2022-10-08 2022-10-08..2022-10-08 lunar-hijri`},
		{"numeric with era", "۱۴۴۴/۰۳/۱۲ ه.ق", `DAY 2022-10-08 2022-10-08..2022-10-08 lunar-hijri`},
		{"numeric day first with era", "12/03/1444هـ", `DAY 2022-10-08 2022-10-08..2022-10-08 lunar-hijri`},
		{"latin letters", "1 Ramadan 1444 AH", `DAY 2023-03-23 2023-03-23..2023-03-23 lunar-hijri`},
		{"a month", "رمضان ١٤٤٤هـ", `MONTH - 2023-03-23..2023-04-20 lunar-hijri`},
		{"a year", "1444 هـ", `YEAR - 2022-07-30..2023-07-18 lunar-hijri`},
		{"before the table: tabular, two days either side", "١٥ شعبان ١٣٠٠هـ", `DAY 1883-06-21 1883-06-19..1883-06-23 lunar-hijri`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := Parse(tt.in)
			if got := describe(d); !ok || got != tt.want || d.Text != tt.in {
				t.Errorf("Parse(%q) = %s %q, %v; want %s, the whole text", tt.in, got, d.Text, ok, tt.want)
			}
		})
	}
}
