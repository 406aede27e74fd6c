package textdate

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"time"
)

func gregorian(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatalf("time.Parse(%q) = %v", s, err)
	}
	return d
}

// knownDays are Solar Hijri days and their Gregorian dates, from calendars of the
// years and the dates of well-known events.
var knownDays = []struct {
	name    string
	y, m, d int
	want    string
}{
	{name: "nowruz 1401", y: 1401, m: 1, d: 1, want: "2022-03-21"},
	{name: "14 mehr 1401", y: 1401, m: 7, d: 14, want: "2022-10-06"},
	{name: "nowruz 1403", y: 1403, m: 1, d: 1, want: "2024-03-20"},
	{name: "30 esfand 1399 (leap)", y: 1399, m: 12, d: 30, want: "2021-03-20"},
	{name: "29 esfand 1400", y: 1400, m: 12, d: 29, want: "2022-03-20"},
	{name: "30 esfand 1403 (leap)", y: 1403, m: 12, d: 30, want: "2025-03-20"},
	{name: "nowruz 1404", y: 1404, m: 1, d: 1, want: "2025-03-21"},
	{name: "11 bahman 1357", y: 1357, m: 11, d: 11, want: "1979-01-31"},
	{name: "22 bahman 1357 (revolution day)", y: 1357, m: 11, d: 22, want: "1979-02-11"},
	{name: "nowruz 1358", y: 1358, m: 1, d: 1, want: "1979-03-21"},
	{name: "nowruz 1300", y: 1300, m: 1, d: 1, want: "1921-03-21"},
	{name: "nowruz 1375", y: 1375, m: 1, d: 1, want: "1996-03-20"},
	{name: "nowruz 1395", y: 1395, m: 1, d: 1, want: "2016-03-20"},
	{name: "31 shahrivar 1401", y: 1401, m: 6, d: 31, want: "2022-09-22"},
	{name: "1 mehr 1401", y: 1401, m: 7, d: 1, want: "2022-09-23"},
	{name: "30 bahman 1401", y: 1401, m: 11, d: 30, want: "2023-02-19"},
	{name: "1 dey 1402 (yalda night's morning)", y: 1402, m: 10, d: 1, want: "2023-12-22"},
}

func TestSolarHijriToGregorian(t *testing.T) {
	for _, tt := range knownDays {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := SolarHijriToGregorian(tt.y, tt.m, tt.d)
			if !ok {
				t.Fatalf("SolarHijriToGregorian(%d, %d, %d) = not ok, want %s", tt.y, tt.m, tt.d, tt.want)
			}
			if g := got.Format(time.DateOnly); g != tt.want {
				t.Errorf("SolarHijriToGregorian(%d, %d, %d) = %s, want %s", tt.y, tt.m, tt.d, g, tt.want)
			}
			if got.Location() != time.UTC || got.Hour() != 0 {
				t.Errorf("SolarHijriToGregorian(%d, %d, %d) = %v, want midnight UTC", tt.y, tt.m, tt.d, got)
			}
		})
	}
}

func TestGregorianToSolarHijri(t *testing.T) {
	for _, tt := range knownDays {
		t.Run(tt.name, func(t *testing.T) {
			// The time of day and the zone do not move the day.
			in := gregorian(t, tt.want).Add(23*time.Hour + 59*time.Minute).In(time.FixedZone("x", 0))
			y, m, d, ok := GregorianToSolarHijri(in)
			if !ok || y != tt.y || m != tt.m || d != tt.d {
				t.Errorf("GregorianToSolarHijri(%s) = %d-%d-%d %v, want %d-%d-%d true", tt.want, y, m, d, ok, tt.y, tt.m, tt.d)
			}
		})
	}
}

func TestSolarHijriToGregorianInvalid(t *testing.T) {
	tests := []struct {
		name    string
		y, m, d int
	}{
		{name: "30 esfand of a common year", y: 1400, m: 12, d: 30},
		{name: "31 mehr", y: 1401, m: 7, d: 31},
		{name: "32 farvardin", y: 1401, m: 1, d: 32},
		{name: "31 esfand of a leap year", y: 1403, m: 12, d: 31},
		{name: "month 0", y: 1401, m: 0, d: 1},
		{name: "month 13", y: 1401, m: 13, d: 1},
		{name: "day 0", y: 1401, m: 1, d: 0},
		{name: "negative day", y: 1401, m: 1, d: -1},
		{name: "year 0", y: 0, m: 1, d: 1},
		{name: "year 3001", y: 3001, m: 1, d: 1},
		{name: "huge year", y: 1 << 40, m: 1, d: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, ok := SolarHijriToGregorian(tt.y, tt.m, tt.d); ok {
				t.Errorf("SolarHijriToGregorian(%d, %d, %d) = %s, want not ok", tt.y, tt.m, tt.d, got.Format(time.DateOnly))
			}
		})
	}
}

func TestGregorianToSolarHijriOutOfRange(t *testing.T) {
	tests := []struct {
		name string
		in   time.Time
	}{
		{name: "before the hijra", in: time.Date(600, 1, 1, 0, 0, 0, 0, time.UTC)},
		{name: "last day of year 0", in: time.Date(622, 3, 20, 0, 0, 0, 0, time.UTC)},
		{name: "after year 3000", in: time.Date(3700, 1, 1, 0, 0, 0, 0, time.UTC)},
		{name: "zero time", in: time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if y, m, d, ok := GregorianToSolarHijri(tt.in); ok {
				t.Errorf("GregorianToSolarHijri(%v) = %d-%d-%d, want not ok", tt.in, y, m, d)
			}
		})
	}
}

func TestSolarHijriLeap(t *testing.T) {
	tests := []struct {
		name string
		y    int
		want bool
	}{
		{name: "1370", y: 1370, want: true},
		{name: "1374", y: 1374, want: false},
		{name: "1375", y: 1375, want: true},
		{name: "1391", y: 1391, want: true},
		{name: "1395", y: 1395, want: true},
		{name: "1399", y: 1399, want: true},
		{name: "1400", y: 1400, want: false},
		{name: "1401", y: 1401, want: false},
		{name: "1402", y: 1402, want: false},
		{name: "1403", y: 1403, want: true},
		{name: "1404", y: 1404, want: false},
		{name: "1407 (a five-year gap follows 1403)", y: 1407, want: false},
		{name: "1408", y: 1408, want: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := solarHijriLeap(tt.y); got != tt.want {
				t.Errorf("solarHijriLeap(%d) = %v, want %v", tt.y, got, tt.want)
			}
		})
	}
}

func TestSolarHijriMonthDays(t *testing.T) {
	want := []int{31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 30}
	for _, y := range []int{1399, 1400, 1401, 1403} {
		for m, days := range want {
			if got := solarHijriMonthDays(y, m+1); got != days {
				t.Errorf("solarHijriMonthDays(%d, %d) = %d, want %d", y, m+1, got, days)
			}
		}
	}
	for _, tt := range []struct{ y, want int }{{1399, 30}, {1400, 29}, {1401, 29}, {1403, 30}} {
		if got := solarHijriMonthDays(tt.y, 12); got != tt.want {
			t.Errorf("solarHijriMonthDays(%d, 12) = %d, want %d", tt.y, got, tt.want)
		}
	}
}

// TestNowruzAgainst33YearRule checks the break-table algorithm against an independent
// one: the 33-year arithmetic rule (a year y is leap when (25y + 11) mod 33 < 8),
// which the official calendar follows in these centuries, counted from Nowruz 1400.
func TestNowruzAgainst33YearRule(t *testing.T) {
	leap := func(y int) bool { return (25*y+11)%33 < 8 }
	anchor := gregorian(t, "2021-03-21") // 1 Farvardin 1400
	want := anchor
	for y := 1400; y <= 1499; y++ {
		if got := nowruz(y); !got.Equal(want) {
			t.Errorf("nowruz(%d) = %s, want %s", y, got.Format(time.DateOnly), want.Format(time.DateOnly))
		}
		want = want.AddDate(0, 0, 365)
		if leap(y) {
			want = want.AddDate(0, 0, 1)
		}
	}
	want = anchor
	for y := 1399; y >= 1301; y-- {
		want = want.AddDate(0, 0, -365)
		if leap(y) {
			want = want.AddDate(0, 0, -1)
		}
		if got := nowruz(y); !got.Equal(want) {
			t.Errorf("nowruz(%d) = %s, want %s", y, got.Format(time.DateOnly), want.Format(time.DateOnly))
		}
	}
}

// TestSolarHijriRoundTrip converts every day of 1800–2200 to Solar Hijri and back, and
// checks that consecutive days are consecutive Solar Hijri days.
func TestSolarHijriRoundTrip(t *testing.T) {
	day := time.Date(1800, 1, 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(2200, 12, 31, 0, 0, 0, 0, time.UTC)
	py, pm, pd, _ := GregorianToSolarHijri(day.AddDate(0, 0, -1))
	for ; !day.After(end); day = day.AddDate(0, 0, 1) {
		y, m, d, ok := GregorianToSolarHijri(day)
		if !ok {
			t.Fatalf("GregorianToSolarHijri(%s) = not ok", day.Format(time.DateOnly))
		}
		back, ok := SolarHijriToGregorian(y, m, d)
		if !ok || !back.Equal(day) {
			t.Fatalf("SolarHijriToGregorian(GregorianToSolarHijri(%s) = %d-%d-%d) = %s, want the same day",
				day.Format(time.DateOnly), y, m, d, back.Format(time.DateOnly))
		}
		next := (y == py && m == pm && d == pd+1) ||
			(y == py && m == pm+1 && d == 1 && pd == solarHijriMonthDays(py, pm)) ||
			(y == py+1 && m == 1 && d == 1 && pm == 12 && pd == solarHijriMonthDays(py, 12))
		if !next {
			t.Fatalf("%s is %d-%d-%d, want the day after %d-%d-%d", day.Format(time.DateOnly), y, m, d, py, pm, pd)
		}
		py, pm, pd = y, m, d
	}
}

// TestNowruzAgainstJalaaliJS checks Nowruz of every year the converters accept against
// jalaali-js, the reference implementation of the same algorithm
// (testdata/nowruz.txt says how the table was made): the 33-year rule above holds only
// for these centuries, and each break year shifts the count.
func TestNowruzAgainstJalaaliJS(t *testing.T) {
	f, err := os.Open("testdata/nowruz.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	y := 1
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		for _, c := range sc.Text() {
			want := time.Date(y+621, time.March, 20+int(c-'0'), 0, 0, 0, 0, time.UTC)
			if got := nowruz(y); !got.Equal(want) {
				t.Errorf("nowruz(%d) = %s, want %s", y, got.Format(time.DateOnly), want.Format(time.DateOnly))
			}
			y++
		}
	}
	if y != maxSolarHijriYear+2 {
		t.Errorf("the table ends at year %d, want %d", y-1, maxSolarHijriYear+1)
	}
}

// TestSolarHijriRangeEdges converts the first and last days the converters accept, and
// the Gregorian days either side of a Nowruz at each end of the range (the wanted
// values are jalaali-js's toJalaali and toGregorian).
func TestSolarHijriRangeEdges(t *testing.T) {
	toGregorian := []struct {
		y, m, d int
		want    string
	}{
		{1, 1, 1, "0622-03-22"},
		{3000, 12, 29, "3622-03-19"},
		{3000, 12, 30, "3622-03-20"}, // 3000 is a leap year
	}
	for _, tt := range toGregorian {
		if got, ok := SolarHijriToGregorian(tt.y, tt.m, tt.d); !ok || got.Format(time.DateOnly) != tt.want {
			t.Errorf("SolarHijriToGregorian(%d, %d, %d) = %s, %v; want %s", tt.y, tt.m, tt.d, got.Format(time.DateOnly), ok, tt.want)
		}
	}
	toSolarHijri := []struct {
		day     string
		y, m, d int // 0 for not ok
	}{
		{"0622-03-21", 0, 0, 0},
		{"0622-03-22", 1, 1, 1},
		{"0622-06-01", 1, 3, 10},
		{"0623-01-01", 1, 10, 10},
		{"3621-06-01", 3000, 3, 12},
		{"3622-03-01", 3000, 12, 11},
		{"3622-03-20", 3000, 12, 30},
		{"3622-03-21", 0, 0, 0},
	}
	for _, tt := range toSolarHijri {
		y, m, d, ok := GregorianToSolarHijri(gregorian(t, tt.day))
		if ok != (tt.y != 0) || y != tt.y || m != tt.m || d != tt.d {
			t.Errorf("GregorianToSolarHijri(%s) = %d-%d-%d, %v; want %d-%d-%d", tt.day, y, m, d, ok, tt.y, tt.m, tt.d)
		}
	}
	for _, tt := range []struct {
		y           int
		ok          bool
		first, last string
	}{
		{0, false, "", ""},
		{1, true, "0622-03-22", "0623-03-21"},
		{3000, true, "3621-03-20", "3622-03-20"},
		{3001, false, "", ""},
	} {
		first, last, ok := solarHijriYearBounds(tt.y)
		if ok != tt.ok || (ok && (first.Format(time.DateOnly) != tt.first || last.Format(time.DateOnly) != tt.last)) {
			t.Errorf("solarHijriYearBounds(%d) = %s..%s, %v; want %s..%s, %v", tt.y,
				first.Format(time.DateOnly), last.Format(time.DateOnly), ok, tt.first, tt.last, tt.ok)
		}
	}
}
