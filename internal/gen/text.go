package gen

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// label names a correspondent as a title would.
func (g *generator) label(c ref) string {
	p := g.pop
	switch i := int(c); {
	case i < len(p.persons):
		return p.persons[i].name
	case i < len(p.persons)+len(p.orgs):
		return p.orgs[i-len(p.persons)].name
	default:
		of := &p.offices[i-len(p.persons)-len(p.orgs)]
		return "the " + of.title + " of " + p.orgs[of.org].name
	}
}

// title makes a fresh title: about the topic, about the parties, or a request, an
// invitation or a thanks, in the letter's language.
func (g *generator) title(r *rng, h *header) string {
	tp := topics[h.topic]
	year := itoa(g.day(h.t).Year())
	place := cities[r.intn(len(cities))].name
	from, to := g.label(h.authors[0]), g.label(h.recipients[0])
	switch h.lang {
	case "de":
		return pick(r, []string{"Betreff: " + tp.de, "Brief von " + from + " an " + to, "Einladung nach " + place,
			"Anfrage zu " + tp.de, upperFirst(tp.de) + " " + year})
	case "fr":
		return pick(r, []string{"Objet : " + tp.fr, "Lettre de " + from + " à " + to, "Invitation à " + place,
			"Demande concernant " + tp.fr, upperFirst(tp.fr) + " en " + year})
	case "fa":
		return pick(r, []string{"نامه " + from + " به " + to, "درباره " + tp.fa, "درخواست درباره " + tp.fa,
			"دعوت به " + place})
	}
	switch r.intn(12) {
	case 0, 1:
		return "Re: " + tp.en + " for " + year
	case 2, 3:
		return "Letter from " + from + " to " + to
	case 4:
		return upperFirst(tp.en)
	case 5:
		return pick(r, []string{"Concerning ", "On the question of ", "Regarding "}) + tp.en
	case 6:
		return "Request for " + pick(r, []string{"a meeting", "information", "support", "an extension", "a visa", "funding", "clarification"}) + " (" + tp.en + ")"
	case 7:
		return "Invitation: conference on " + tp.en + " in " + place + ", " + year
	case 8:
		return "Open letter on " + tp.en
	case 9:
		return "Thank you for your letter about " + tp.en
	case 10:
		return "Urgent: " + tp.en
	}
	return "Report on " + tp.en + ", " + year
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// subject is a reference line, as letters in an administration carry.
func (g *generator) subject(r *rng, h *header) string {
	year := itoa(g.day(h.t).Year())
	switch r.intn(3) {
	case 0:
		return "Ref. " + itoa(r.between(1, 999)) + "/" + year
	case 1:
		return upperFirst(topics[h.topic].in(h.lang))
	}
	en := topics[h.topic].en
	code := ascii(en[strings.LastIndexByte(en, ' ')+1:], "") // "the archive" gives ARC
	return "Our ref. " + strings.ToUpper(code[:min(3, len(code))]) + "-" + itoa(r.between(100, 9999))
}

// Sentences that open a paragraph. {t} is the topic, {c} a city, {y} a year, {m} a
// month, {o} an organisation and {p} a person.
var openers = map[string][]string{
	"en": {
		"I am writing to you about {t}.",
		"As you know, the question of {t} has been before {o} since {y}.",
		"We met in {c} in {m} {y} to discuss {t}.",
		"Please find enclosed a copy of our report on {t}.",
		"I would be grateful for an answer before the end of {m}.",
		"{p} asked me to write to you concerning {t}.",
		"The situation in {c} remains difficult.",
		"On behalf of the families, I thank you for your attention to {t}.",
	},
	"de": {
		"Ich schreibe Ihnen wegen {t}.",
		"Wir haben uns im {m} {y} in {c} getroffen.",
		"Anbei erhalten Sie unseren Bericht über {t}.",
		"{p} hat mich gebeten, Ihnen zu schreiben.",
	},
	"fr": {
		"Je vous écris au sujet de la question suivante : {t}.",
		"Nous nous sommes rencontrés à {c} en {m} {y}.",
		"Veuillez trouver ci-joint notre rapport ({t}).",
		"{p} m'a prié de vous écrire.",
	},
	"fa": {
		"در مورد {t} به شما می‌نویسم.",
		"در {c} جلسه‌ای برگزار شد.",
		"گزارش ما درباره {t} پیوست است.",
		"{p} از من خواست به شما بنویسم.",
	},
}

// body writes two to eight paragraphs between a salutation and a signature: an opening
// sentence naming the topic, places and people, then sentences drawn from the
// vocabulary of the letter's language.
func (g *generator) body(r *rng, h *header) string {
	b := &strings.Builder{}
	b.Grow(1600)
	g.salutation(r, h, b)
	lang := h.lang
	for n, paras := 0, r.between(2, 8); n < paras; n++ {
		b.WriteString("\n\n")
		if r.chance(0.6) {
			g.opener(r, h, b)
			b.WriteByte(' ')
		}
		for s, k := 0, r.between(1, 3); s < k; s++ {
			if s > 0 {
				b.WriteByte(' ')
			}
			sentence(r, lang, b)
		}
		if lang == "en" && r.chance(0.01) {
			b.WriteString(" " + pick(r, persianSentences))
		}
	}
	b.WriteString("\n\n")
	b.WriteString(pick(r, closings[lang]))
	b.WriteString("\n")
	b.WriteString(g.label(h.authors[0]))
	return b.String()
}

// anyone is the salutation of a letter to an organisation or an office.
var anyone = map[string]string{"en": "Dear Sir or Madam,", "de": "Sehr geehrte Damen und Herren,",
	"fr": "Madame, Monsieur,", "fa": "با سلام و احترام،"}

func (g *generator) salutation(r *rng, h *header, b *strings.Builder) {
	c := h.recipients[0]
	var ps *person
	if int(c) < len(g.pop.persons) {
		ps = &g.pop.persons[c]
	}
	if ps == nil {
		if i := int(c) - len(g.pop.persons) - len(g.pop.orgs); i >= 0 && h.lang == "en" {
			b.WriteString("Dear " + g.pop.offices[i].title + ",")
			return
		}
		b.WriteString(anyone[h.lang])
		return
	}
	last := ps.name[strings.LastIndexByte(ps.name, ' ')+1:]
	switch h.lang {
	case "de":
		if ps.female {
			b.WriteString("Sehr geehrte Frau " + last + ",")
		} else {
			b.WriteString("Sehr geehrter Herr " + last + ",")
		}
	case "fr":
		if ps.female {
			b.WriteString("Madame,")
		} else {
			b.WriteString("Monsieur,")
		}
	case "fa":
		if ps.female {
			b.WriteString("سرکار خانم " + ps.name + "،")
		} else {
			b.WriteString("جناب آقای " + ps.name + "،")
		}
	default:
		if ps.honorific != "" && r.chance(0.7) {
			b.WriteString("Dear " + ps.honorific + " " + last + ",")
		} else {
			b.WriteString("Dear " + ps.name + ",")
		}
	}
}

// opener writes a sentence of openers with its slots filled.
func (g *generator) opener(r *rng, h *header, b *strings.Builder) {
	tmpl := pick(r, openers[h.lang])
	d := g.day(h.t)
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			b.WriteString(tmpl)
			return
		}
		b.WriteString(tmpl[:i])
		switch tmpl[i+1] {
		case 't':
			b.WriteString(topics[h.topic].in(h.lang))
		case 'c':
			b.WriteString(cities[r.intn(len(cities))].name)
		case 'y':
			b.WriteString(itoa(d.Year() - r.intn(3)))
		case 'm':
			b.WriteString(monthName(h.lang, d.Month()))
		case 'o':
			b.WriteString(g.pop.orgs[g.pop.orgRank[g.pop.orgZ.sample(r)]].name)
		case 'p':
			b.WriteString(g.pop.persons[g.pop.personZ.sample(r)].name)
		}
		tmpl = tmpl[i+3:]
	}
}

// sentence writes 6 to 16 words of the vocabulary as a sentence.
func sentence(r *rng, lang string, b *strings.Builder) {
	list, w := vocab[lang], vocabW[lang]
	comma, question := ",", "?"
	if lang == "fa" {
		comma, question = "،", "؟"
	}
	n := r.between(6, 16)
	for k := range n {
		word := list[w.sample(r)]
		if k == 0 {
			// Capitalise without allocating: upper-case the first rune, copy the rest.
			c, size := utf8.DecodeRuneInString(word)
			b.WriteRune(unicode.ToUpper(c))
			b.WriteString(word[size:])
			continue
		}
		if k > 2 && k < n-2 && r.chance(0.08) {
			b.WriteString(comma)
		}
		b.WriteByte(' ')
		b.WriteString(word)
	}
	if r.chance(0.05) {
		b.WriteString(question)
	} else {
		b.WriteByte('.')
	}
}
