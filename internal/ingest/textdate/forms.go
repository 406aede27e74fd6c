package textdate

import (
	"time"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// found is a form that looks like a date, at some place in the input.
type found struct {
	start, text, end int  // token indices: the form with any label, where its Text begins, and one past its end
	date             Date // without Text
	ok               bool // false when the form is no date (an impossible day, an ambiguous order)
}

// matchAt reads the date-like form starting at token i, if any: an optional label, day
// name and article, then a date proper.
func (s *scanner) matchAt(i int) (found, bool) {
	j := s.label(i)
	text := j
	weekday := -1
	if wd, n := s.weekday(j); n > 0 {
		weekday = int(wd)
		j += n
		if s.glued(j) && s.isPunct(j, ".") {
			j++
		}
		if s.isPunct(j, ",", "،") {
			j++
		}
	}
	if s.isWord(j, articles) && s.kind(j+1) == number {
		j++
	}
	end, readings, ok := s.core(j)
	if !ok {
		return found{}, false
	}
	d, valid := resolve(readings, weekday)
	return found{start: i, text: text, end: end, date: d, ok: valid}, true
}

// label returns where the date begins after a label at token i ("Date:", "به تاریخ"),
// or i when there is none.
func (s *scanner) label(i int) int {
	j := i
	if s.isWord(j, labelLeads) && s.isWord(j+1, labels) {
		j++
	}
	if !s.isWord(j, labels) {
		return i
	}
	j++
	if s.isPunct(j, ":") {
		j++
	}
	return j
}

// weekday reads a day name at token i and returns it and the number of tokens it takes
// (two for a Persian name written with a space: "سه شنبه"), or 0 tokens.
func (s *scanner) weekday(i int) (time.Weekday, int) {
	if s.kind(i) != word {
		return 0, 0
	}
	if s.kind(i+1) == word {
		if wd, ok := weekdays[s.toks[i].key+s.toks[i+1].key]; ok {
			return wd, 2
		}
	}
	if wd, ok := weekdays[s.toks[i].key]; ok {
		return wd, 1
	}
	return 0, 0
}

// core reads a date proper at token j and returns the end of it and its readings:
// none when the form is no date, two when day and month may be either way round.
func (s *scanner) core(j int) (end int, readings []reading, ok bool) {
	switch s.kind(j) {
	case number:
		return s.numberFirst(j)
	case word:
		if m, isMonth := months[s.toks[j].key]; isMonth {
			return s.monthFirst(j, m)
		}
	}
	return 0, nil, false
}

// numberFirst reads a numeric date ("12/03/2019", "2019-03-12") or a day-first date
// ("12 March 2019", "12th of March, 2019", "۱۴ مهر ۱۴۰۱").
func (s *scanner) numberFirst(j int) (int, []reading, bool) {
	if s.glued(j) && (s.kind(j-1) == word || s.inChain(j)) {
		return 0, nil, false // "A12", or the middle of "1.12.03.2019"
	}
	nums, seps, end := s.chain(j)
	if len(nums) > 1 {
		return s.numeric(nums, seps, end)
	}
	k := j + 1
	if s.glued(k) {
		switch {
		case s.isWord(k, ordinals), s.isPunct(k, ".", "-"): // "12th", "12. März", "12-Mar-2019"
			k++
		default:
			return 0, nil, false // "12am"
		}
	}
	if s.isWord(k, dayWords) && s.isWord(k+1, dayLinks) {
		k += 2
	} else if s.isWord(k, dayLinks) {
		k++
	}
	m, isMonth := s.month(k)
	if !isMonth {
		return 0, nil, false
	}
	y, end, e, ok := s.yearAfterMonth(s.afterMonth(k + 1))
	if !ok {
		return 0, nil, false
	}
	return end, named(m, domain.PrecisionDay, y, s.day(j), e), true
}

// monthFirst reads "March 12, 2019", "Mar. 12th 2019" and "March 2019".
func (s *scanner) monthFirst(j int, m monthName) (int, []reading, bool) {
	k := s.afterMonth(j + 1)
	if end, readings, ok := s.monthDayYear(k, m); ok {
		return end, readings, true
	}
	y, end, e, ok := s.yearAfterMonth(k)
	if !ok {
		return 0, nil, false
	}
	return end, named(m, domain.PrecisionMonth, y, 0, e), true
}

// monthDayYear reads the "12, 2019" of "March 12, 2019" from token k.
func (s *scanner) monthDayYear(k int, m monthName) (int, []reading, bool) {
	if s.isWord(k, articles) && s.kind(k+1) == number {
		k++
	}
	d := k
	if s.kind(d) != number || s.toks[d].digits > 2 {
		return 0, nil, false
	}
	if _, _, chainEnd := s.chain(d); chainEnd != d+1 {
		return 0, nil, false // "March 12/3"
	}
	k++
	if s.glued(k) && s.kind(k) == word {
		if !s.isWord(k, ordinals) {
			return 0, nil, false // "March 12am"
		}
		k++
	}
	if s.isPunct(k, ",", "،") {
		k++
	}
	y, end, e, ok := s.yearAt(k)
	if !ok {
		return 0, nil, false
	}
	return end, named(m, domain.PrecisionDay, y, s.day(d), e), true
}

// numeric reads a chain of numbers ("12/03/2019", "2019-03-12", "2.0") as a date. Any
// chain is a form that looks like a date, so that no part of it is read again.
func (s *scanner) numeric(nums []int, seps []string, end int) (int, []reading, bool) {
	e, next := s.era(end)
	if e == eraNone && s.glued(next) && s.kind(next) == word &&
		!(s.isWord(next, isoTimes) && s.kind(next+1) == number && s.glued(next+1)) {
		return next, nil, true // a code such as "12/03/2019b"; an ISO time may follow
	}
	if len(nums) != 3 || seps[0] != seps[1] {
		return next, nil, true
	}
	a, b, c := s.toks[nums[0]], s.toks[nums[1]], s.toks[nums[2]]
	switch {
	case a.digits == 4 && b.digits <= 2 && c.digits <= 2:
		return next, []reading{{numericCalendar(a.val, e), domain.PrecisionDay, a.val, b.val, c.val}}, true
	case c.digits == 4 && a.digits <= 2 && b.digits <= 2:
		cal := numericCalendar(c.val, e)
		readings := []reading{{cal, domain.PrecisionDay, c.val, b.val, a.val}}
		if cal == CalendarGregorian { // Iran writes day first; the United States month first
			readings = append(readings, reading{cal, domain.PrecisionDay, c.val, a.val, b.val})
		}
		return next, readings, true
	}
	return next, nil, true // two-digit years, versions, room numbers
}

// bareAt reads a year ("2019", "۱۴۰۱") or a year and month ("2019-03", "۱۴۰۱/۰۷") that
// runs from token w to the end.
func (s *scanner) bareAt(w int) (Date, bool) {
	if s.kind(w) != number || s.toks[w].digits != 4 || (s.glued(w) && (s.kind(w-1) == word || s.inChain(w))) {
		return Date{}, false
	}
	nums, seps, end := s.chain(w)
	e, end := s.era(end)
	if end != len(s.toks) {
		return Date{}, false
	}
	y := s.toks[w].val
	cal := numericCalendar(y, e)
	if cal == CalendarGregorian && (y < minBareYear || y > maxBareYear) {
		return Date{}, false
	}
	r := reading{cal: cal, prec: domain.PrecisionYear, y: y, m: 1}
	switch {
	case len(nums) == 1:
	case len(nums) == 2 && seps[0] != "." && s.toks[nums[1]].digits == 2:
		r.prec, r.m = domain.PrecisionMonth, s.toks[nums[1]].val
	default:
		return Date{}, false
	}
	return r.date()
}

// yearAfterMonth reads the year after a month name, with what may stand between them:
// a comma, "de"/"of", and in Persian "ماه" (month) and "سال" (year).
func (s *scanner) yearAfterMonth(k int) (y, end int, e era, ok bool) {
	if s.isWord(k, monthWords) {
		k++
	}
	if s.isPunct(k, ",", "،") {
		k++
	}
	if s.isWord(k, yearLinks) {
		k++
	}
	if s.isWord(k, yearWords) {
		k++
	}
	return s.yearAt(k)
}

// yearAt reads a four-digit year at token k that does not run on into a number
// ("2019/20") or a word ("2019th"), and the era after it.
func (s *scanner) yearAt(k int) (y, end int, e era, ok bool) {
	if s.kind(k) != number || s.toks[k].digits != 4 || (s.glued(k) && s.kind(k-1) == word) {
		return 0, 0, eraNone, false
	}
	if _, _, chainEnd := s.chain(k); chainEnd != k+1 {
		return 0, 0, eraNone, false
	}
	e, end = s.era(k + 1)
	if e == eraNone && s.glued(end) && s.kind(end) == word {
		return 0, 0, eraNone, false
	}
	return s.toks[k].val, end, e, true
}

// era reads an era after a year: "ه.ش", "هجری شمسی", "شمسی" (Solar Hijri); "ه.ق",
// "قمری", "AH", and "هـ" alone as Arabic writes it (lunar Hijri); or "میلادی", "م"
// (Gregorian).
func (s *scanner) era(k int) (era, int) {
	j := k
	switch {
	case s.isWord(j, hijriWords):
		j++
	case s.isWord(j, heWords):
		j++
		if s.isPunct(j, ".") {
			j++
		}
	}
	var e era
	switch {
	case s.isWord(j, solarWords):
		e = eraSolar
	case s.isWord(j, lunarWords):
		e = eraLunar
	case j == k && s.isWord(j, gregorianWords):
		e = eraGregorian
	case j > k && s.isWord(k, heWords):
		return eraLunar, j // "١٤٤٤هـ"
	default:
		return eraNone, k
	}
	j++
	if s.glued(j) && s.isPunct(j, ".") {
		j++
	}
	return e, j
}

// month returns the month named by the word at token k.
func (s *scanner) month(k int) (monthName, bool) {
	if s.kind(k) != word {
		return monthName{}, false
	}
	m, ok := months[s.toks[k].key]
	return m, ok
}

// afterMonth skips the full stop of an abbreviation ("Mar.") and the dash of
// "12-Mar-2019" after the month name that ends at token k.
func (s *scanner) afterMonth(k int) int {
	if s.glued(k) && s.isPunct(k, ".") {
		k++
	}
	if s.glued(k) && s.isPunct(k, "-") {
		k++
	}
	return k
}

// day returns the day number at token k, or 0 (no day) for more than two digits.
func (s *scanner) day(k int) int {
	if s.toks[k].digits > 2 {
		return 0
	}
	return s.toks[k].val
}
