package text

import (
	"strings"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/ingest/textdate"
)

// headingKind says what a heading of a web page's trailing matter introduces.
type headingKind int

const (
	relatedHeading headingKind = iota + 1 // titles of related posts: kept as Related
	dropHeading                           // share buttons, tags, comments: dropped
)

// trailerHeadings end the letter on a web page. Everything from the first of them on
// is website matter, not the letter.
var trailerHeadings = func() map[string]headingKind {
	m := map[string]headingKind{}
	for _, h := range []string{"related posts", "related articles", "related", "related stories",
		"related news", "related content", "related letters", "related reading", "read more",
		"read also", "also read", "see also", "you may also like", "you might also like",
		"more on this", "more from this author", "recommended", "recommended articles",
		"further reading", "more stories", "more news", "mehr zum thema", "à lire aussi",
		"lire aussi", "voir aussi", "مطالب مرتبط", "اخبار مرتبط", "نوشته های مرتبط",
		"مقالات مرتبط", "بیشتر بخوانید", "همچنین بخوانید", "مطالب پیشنهادی"} {
		m[domain.Fold(h)] = relatedHeading
	}
	for _, h := range []string{"share this", "share", "share this article", "share this post",
		"share this page", "share this story", "share on", "like this", "tags", "tagged",
		"filed under", "categories", "category", "leave a reply", "leave a comment", "comments",
		"post navigation", "previous post", "next post", "about the author", "print",
		"print this page", "teilen", "partager", "اشتراک گذاری", "اشتراک‌گذاری", "برچسب ها",
		"برچسب‌ها", "دیدگاه ها", "دیدگاه‌ها", "نظرات", "کلمات کلیدی"} {
		m[domain.Fold(h)] = dropHeading
	}
	return m
}()

// trailerHeading recognises a heading of trailing web matter: a line that is only the
// heading ("Related posts", "Share this:"), or a heading with a title after a colon
// ("Read more: …", "Tags: …"). inline is what follows the colon.
func trailerHeading(s string) (kind headingKind, inline string, ok bool) {
	s = strings.TrimSpace(s)
	if runes(s) > 300 {
		return 0, "", false
	}
	if k, ok := trailerHeadings[fold(strings.TrimRight(s, ":：.…»>›→ "))]; ok {
		return k, "", true
	}
	if label, after, ok := cutColon(s); ok && runes(label) <= 30 {
		if k, ok := trailerHeadings[fold(label)]; ok {
			return k, strings.TrimSpace(after), true
		}
	}
	f := fold(s)
	for _, p := range []string{"share this", "share on", "click to share", "click to print", "click to email"} {
		if strings.HasPrefix(f, p+" ") && words(s) <= 8 {
			return dropHeading, "", true
		}
	}
	return 0, "", false
}

// trailerStart returns the index of the line that opens trailing web matter, or -1.
// The first line of the document (the title) never does.
func trailerStart(lines []line, first int) int {
	for i := first + 1; i < len(lines); i++ {
		if lines[i].blank() {
			continue
		}
		if _, _, ok := trailerHeading(lines[i].text); ok {
			return i
		}
	}
	return -1
}

// buttonWords are the labels of share buttons and other page furniture inside the
// trailing matter.
var buttonWords = foldSet("facebook", "twitter", "x", "linkedin", "whatsapp", "telegram",
	"email", "e-mail", "print", "reddit", "pinterest", "tumblr", "pocket", "skype", "more",
	"like", "loading", "loading...", "related", "no comments", "leave a comment",
	"comments off", "continue reading", "read more", "share", "tweet", "like this",
	"like loading", "be the first to like this", "copy link", "instagram", "youtube",
	"previous", "next", "top", "back to top")

// parseTrailer reads the titles under "related" headings of the trailing matter
// [start, end) as related letters. Dates, category lines ("In \"News\""), share buttons
// and the like are skipped, and a title listed twice is kept once.
func parseTrailer(lines []line, start, end int) []domain.LetterRef {
	var out []domain.LetterRef
	seen := map[string]bool{}
	add := func(s string) {
		s, _ = stripBullet(s)
		s = strings.TrimSpace(strings.TrimRight(s, "»›→ "))
		f := fold(s)
		if f == "" || seen[f] || buttonWords[f] || runes(s) > 300 || len(out) >= domain.MaxParties {
			return
		}
		if strings.HasPrefix(s, "In \"") || strings.HasPrefix(s, "In “") || strings.HasPrefix(f, "click to ") ||
			strings.HasPrefix(s, "©") || strings.HasPrefix(f, "copyright ") || strings.HasPrefix(f, "posted ") {
			return
		}
		if _, ok := textdate.Parse(s); ok {
			return
		}
		seen[f] = true
		out = append(out, domain.LetterRef{Title: s})
	}
	kind := headingKind(0)
	for i := start; i < end; i++ {
		t := lines[i].text
		if t == "" {
			continue
		}
		if k, inline, ok := trailerHeading(t); ok {
			kind = k
			if inline != "" && k == relatedHeading {
				add(inline)
			}
			continue
		}
		if kind == relatedHeading {
			add(t)
		}
	}
	return out
}
