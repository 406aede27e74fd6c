package gen

import (
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// TestIdentityKeys checks that no two correspondents of a population share a key the
// importer resolves identity by (name, acronym, alias, email, authority id), so that a
// corpus has exactly the correspondents its population has.
func TestIdentityKeys(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
	}{
		{name: "smallest", cfg: Config{Seed: 1, Correspondents: MinCorrespondents}},
		{name: "default for 100k letters", cfg: Config{Seed: 1, Correspondents: 3000}},
		{name: "large", cfg: Config{Seed: 2, Correspondents: 30000}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := tt.cfg.normalize()
			if err != nil {
				t.Fatal(err)
			}
			p := newPopulation(cfg)
			if got, want := p.size(), cfg.Correspondents; got < want-3 || got > want+3 {
				t.Errorf("got %d correspondents, want about %d", got, want)
			}
			owner := map[string]string{}
			claim := func(owner1, k string) {
				t.Helper()
				if k == "" {
					return
				}
				if prev, ok := owner[k]; ok && prev != owner1 {
					t.Errorf("%s and %s share the key %q", prev, owner1, k)
				}
				owner[k] = owner1
			}
			for _, ps := range p.persons {
				who := "person " + ps.name
				claim(who, "name:"+domain.NormalizeName(ps.name))
				if ps.alias != "" {
					claim(who, "name:"+domain.NormalizeName(ps.alias))
				}
				for _, e := range ps.emails {
					claim(who, "email:"+e)
				}
				claim(who, ps.authority)
			}
			for _, o := range p.orgs {
				who := "organisation " + o.name
				claim(who, "name:"+domain.NormalizeName(o.name))
				if o.acronym != "" {
					claim(who, "name:"+domain.NormalizeName(o.acronym))
				}
				claim(who, o.authority)
			}
			for _, of := range p.offices {
				claim("office "+of.title, "office:"+of.title+"|"+p.orgs[of.org].name)
			}
		})
	}
}

// TestHonorifics checks that every honorific the generator writes before a name is one
// Normalize splits off again, and that no plain name loses a word to it.
func TestHonorifics(t *testing.T) {
	for _, c := range cultures {
		for _, h := range append(append([]string{}, c.honM...), c.honF...) {
			t.Run(c.key+" "+h, func(t *testing.T) {
				name := c.male[0] + " " + c.last[0]
				if lat := strings.Split(name, "|"); len(lat) > 1 {
					name, _ = script(c.male[0])
				}
				got, rest := domain.SplitHonorific(h + " " + name)
				if got != h || rest != name {
					t.Errorf("SplitHonorific(%q) = %q, %q; want %q, %q", h+" "+name, got, rest, h, name)
				}
			})
		}
	}
	for _, c := range cultures {
		for _, first := range append(append([]string{}, c.male...), c.female...) {
			first, _ = script(first)
			if h, _ := domain.SplitHonorific(first + " X"); h != "" {
				t.Errorf("the first name %q reads as an honorific", first)
			}
		}
	}
}

// TestPlaces checks the place list: about 200 cities, each in a country that exists.
func TestPlaces(t *testing.T) {
	if got := len(cities); got < 180 || got > 250 {
		t.Errorf("got %d cities, want about 200", got)
	}
	for _, c := range cultures {
		for _, iso := range c.homes {
			if _, ok := byISO[iso]; !ok {
				t.Errorf("culture %s lives in %s, which is not a country of the list", c.key, iso)
			}
		}
	}
}
