package textdate

import (
	_ "embed"
	"strconv"
	"strings"
	"time"
)

// The lunar Hijri calendar, in which Arabic letters (and Persian ones on religious
// matters) are dated: twelve months of 29 or 30 days from the Hijra. Where it is
// observed, a month begins when the new crescent is seen, so no rule gives every
// date; Saudi Arabia's Umm al-Qura calendar is the published one, and this reads
// dates by its table (ummalqura.txt) for 1343–1500 AH (1924–2077 AD). Outside it the
// tabular (arithmetic) calendar is used, which is within a day or two of what was
// observed, and the date says so with its bounds (lunarHijriDay).

//go:embed ummalqura.txt
var ummAlQuraText string

// ummAlQura holds the table: the Gregorian day of 1 Muharram of its first year and
// each month's days.
var ummAlQura = parseUmmAlQura(ummAlQuraText)

type ummAlQuraTable struct {
	firstYear int
	start     time.Time // 1 Muharram of firstYear
	days      [][12]int // by year from firstYear
}

// parseUmmAlQura reads ummalqura.txt; a malformed table is a build mistake, caught by
// the tests, and panics at start.
func parseUmmAlQura(s string) ummAlQuraTable {
	var t ummAlQuraTable
	for _, line := range strings.Split(s, "\n") {
		if rest, ok := strings.CutPrefix(line, "# 1 Muharram "); ok {
			y, day, _ := strings.Cut(strings.TrimSuffix(rest, "."), " is ")
			t.firstYear, _ = strconv.Atoi(y)
			t.start, _ = time.Parse(time.DateOnly, day)
			continue
		}
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		if len(f) != 13 {
			panic("textdate: ummalqura.txt: a year has not 12 months: " + line)
		}
		var months [12]int
		for i := range months {
			n, err := strconv.Atoi(f[i+1])
			if err != nil || n < 28 || n > 31 {
				panic("textdate: ummalqura.txt: bad month length in " + line)
			}
			months[i] = n
		}
		t.days = append(t.days, months)
	}
	if t.firstYear == 0 || t.start.IsZero() || len(t.days) == 0 {
		panic("textdate: ummalqura.txt: no table")
	}
	return t
}

// The lunar Hijri years read: 1 AH (622 AD) to 1600 AH (2174 AD).
const minLunarYear, maxLunarYear = 1, 1600

// LunarHijriToGregorian returns the Gregorian day (midnight UTC) of day d of month m
// (1 = Muharram … 12 = Dhu al-Hijja) of lunar Hijri year y, and whether it is the Umm
// al-Qura calendar's (exact) or the tabular calendar's (within two days). ok is false
// when there is no such day or the year is outside 1–1600 AH.
func LunarHijriToGregorian(y, m, d int) (t time.Time, exact, ok bool) {
	if y < minLunarYear || y > maxLunarYear || m < 1 || m > 12 || d < 1 {
		return time.Time{}, false, false
	}
	if i := y - ummAlQura.firstYear; i >= 0 && i < len(ummAlQura.days) {
		if d > ummAlQura.days[i][m-1] {
			return time.Time{}, false, false
		}
		days := 0
		for _, year := range ummAlQura.days[:i] {
			for _, n := range year {
				days += n
			}
		}
		for _, n := range ummAlQura.days[i][:m-1] {
			days += n
		}
		return ummAlQura.start.AddDate(0, 0, days+d-1), true, true
	}
	if d > tabularMonthDays(y, m) {
		return time.Time{}, false, false
	}
	return tabularDay(y, m, d), false, true
}

// lunarHijriMonthDays returns the days of month m of year y, by the table where it
// has the year.
func lunarHijriMonthDays(y, m int) int {
	if i := y - ummAlQura.firstYear; i >= 0 && i < len(ummAlQura.days) {
		return ummAlQura.days[i][m-1]
	}
	return tabularMonthDays(y, m)
}

// tabularLeap reports whether year y of the tabular calendar has 355 days (the
// common cycle: years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26 and 29 of 30).
func tabularLeap(y int) bool { return (14+11*y)%30 < 11 }

// tabularMonthDays: odd months have 30 days, even ones 29, and Dhu al-Hijja 30 in a
// leap year.
func tabularMonthDays(y, m int) int {
	if m%2 == 1 || m == 12 && tabularLeap(y) {
		return 30
	}
	return 29
}

// tabularEpoch is 1 Muharram 1 AH of the tabular calendar (civil epoch): 16 July 622
// in the proleptic Gregorian calendar that time.Date uses (19 July Julian).
var tabularEpoch = time.Date(622, time.July, 19, 0, 0, 0, 0, time.UTC)

// tabularDay is day d of month m of year y in the tabular calendar.
func tabularDay(y, m, d int) time.Time {
	days := (y-1)*354 + (3+11*y)/30 + (59*(m-1)+1)/2 + d - 1
	return tabularEpoch.AddDate(0, 0, days)
}
