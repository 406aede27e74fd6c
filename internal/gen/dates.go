package gen

import (
	"math"
	"strings"
	"time"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// Date shape: the shares of letters dated to the day, month and year, dated only
// within a range, and not dated at all.
const (
	undatedShare   = 0.02
	uncertainShare = 0.05
	yearShare      = 0.04
	monthShare     = 0.08
)

// growth is how much busier the end of the span is than its start: archives fill up
// towards the present.
const growth = 2.0

// timeAt maps a position in the corpus (0..1) to a position in time (0..1) through the
// inverse of the cumulative density 1 + growth·x. It is monotonic, so letters come in
// date order and a reply, always later in the corpus, is never dated before its letter.
func timeAt(x float64) float64 {
	// Solve x = (s + growth·s²/2) / (1 + growth/2) for s.
	c := x * (1 + growth/2)
	return (-1 + math.Sqrt(1+2*growth*c)) / growth
}

// day returns the date at time position t.
func (g *generator) day(t float64) time.Time {
	d := min(int(t*float64(g.days)), g.days-1)
	return g.start.Add(time.Duration(d) * 24 * time.Hour)
}

// date fills in the date fields of a letter written at t.
func (g *generator) date(r *rng, in *domain.LetterInput, t float64, lang string) {
	d := g.day(t)
	switch x := r.float(); {
	case x < undatedShare:
		in.DatePrecision = domain.PrecisionUnknown
		if r.chance(0.5) {
			in.DateText = pick(r, undated[lang])
		}
	case x < undatedShare+uncertainShare:
		in.DatePrecision = domain.PrecisionUnknown
		// From a few days to five years, evenly on a log scale.
		width := math.Exp(math.Log(2) + r.float()*(math.Log(5*365)-math.Log(2)))
		lo := d.Add(-time.Duration(r.float()*width) * 24 * time.Hour)
		hi := lo.Add(time.Duration(width) * 24 * time.Hour)
		lo, hi = g.clamp(lo), g.clamp(hi)
		in.DateNotBefore, in.DateNotAfter = &lo, &hi
		if lo.Year() == hi.Year() {
			in.DateText = "c. " + itoa(lo.Year())
		} else {
			in.DateText = itoa(lo.Year()) + "–" + itoa(hi.Year())
		}
	case x < undatedShare+uncertainShare+yearShare:
		d = time.Date(d.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
		in.Date, in.DatePrecision, in.DateText = &d, domain.PrecisionYear, itoa(d.Year())
	case x < undatedShare+uncertainShare+yearShare+monthShare:
		d = time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC)
		in.Date, in.DatePrecision = &d, domain.PrecisionMonth
		in.DateText = monthName(lang, d.Month()) + " " + itoa(d.Year())
	default:
		in.Date, in.DatePrecision = &d, domain.PrecisionDay
		if r.chance(0.9) {
			in.DateText = dayText(r, lang, d)
		}
	}
}

func (g *generator) clamp(t time.Time) time.Time {
	if t.Before(g.start) {
		return g.start
	}
	if last := g.start.Add(time.Duration(g.days-1) * 24 * time.Hour); t.After(last) {
		return last
	}
	return t
}

var undated = map[string][]string{
	"en": {"n.d.", "undated"}, "de": {"o. D.", "undatiert"}, "fr": {"s.d.", "sans date"}, "fa": {"بدون تاریخ"},
}

func monthName(lang string, m time.Month) string {
	if list, ok := months[lang]; ok {
		return list[m-1]
	}
	return months["en"][m-1]
}

// dayText writes a date as a letter of the language would.
func dayText(r *rng, lang string, d time.Time) string {
	day, mon, year := itoa(d.Day()), d.Month(), itoa(d.Year())
	switch lang {
	case "de":
		return day + ". " + monthName(lang, mon) + " " + year
	case "fr":
		if d.Day() == 1 {
			day = "1er"
		}
		return day + " " + monthName(lang, mon) + " " + year
	case "fa":
		return persianDigits(d.Format("2006/01/02"))
	}
	switch r.intn(4) {
	case 0:
		return monthName(lang, mon) + " " + day + ", " + year
	case 1:
		return d.Format("02/01/2006")
	case 2:
		return d.Format(time.DateOnly)
	}
	return day + " " + monthName(lang, mon) + " " + year
}

var toPersian = strings.NewReplacer("0", "۰", "1", "۱", "2", "۲", "3", "۳", "4", "۴", "5", "۵", "6", "۶", "7", "۷", "8", "۸", "9", "۹")

func persianDigits(s string) string { return toPersian.Replace(s) }
