package export_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/export"
)

// xmlElement is any element, with its attributes and children, to check structure.
type xmlElement struct {
	XMLName  xml.Name
	Attrs    []xml.Attr   `xml:",any,attr"`
	Children []xmlElement `xml:",any"`
	Text     string       `xml:",chardata"`
}

func (e xmlElement) attr(name string) string {
	for _, a := range e.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func (e xmlElement) all(name string) []xmlElement {
	var out []xmlElement
	for _, c := range e.Children {
		if c.XMLName.Local == name {
			out = append(out, c)
		}
	}
	return out
}

func (e xmlElement) one(tb testing.TB, name string) xmlElement {
	tb.Helper()
	list := e.all(name)
	if len(list) != 1 {
		tb.Fatalf("<%s> has %d <%s>, want 1", e.XMLName.Local, len(list), name)
	}
	return list[0]
}

func parseXML(tb testing.TB, data []byte) xmlElement {
	tb.Helper()
	var root xmlElement
	if err := xml.Unmarshal(data, &root); err != nil {
		tb.Fatalf("not well-formed XML: %v\n%s", err, data)
	}
	return root
}

// names lists the local names of e's children, in order.
func names(e xmlElement) string {
	var out []string
	for _, c := range e.Children {
		out = append(out, c.XMLName.Local)
	}
	return strings.Join(out, " ")
}

// TestExportGraphML checks the GraphML of a small network against the schema's
// structure (keys, then one graph of nodes and edges; every data names a key
// declared for its domain) and its values, with parallel edges kept apart.
func TestExportGraphML(t *testing.T) {
	var buf bytes.Buffer
	if err := export.WriteGraphML(&buf, networkOf(fixtureNetwork())); err != nil {
		t.Fatal(err)
	}
	root := parseXML(t, buf.Bytes())
	if root.XMLName.Space != "http://graphml.graphdrawing.org/xmlns" || root.XMLName.Local != "graphml" {
		t.Fatalf("root %v", root.XMLName)
	}
	keys := map[string]string{} // id → for
	for _, k := range root.all("key") {
		keys[k.attr("id")] = k.attr("for")
	}
	graph := root.one(t, "graph")
	if got, want := names(root), "key key key key key key key graph"; got != want {
		t.Errorf("graphml children: %s, want %s", got, want)
	}
	if got := graph.attr("edgedefault"); got != "directed" {
		t.Errorf("edgedefault %q", got)
	}
	var got []string
	for _, el := range graph.Children {
		line := el.XMLName.Local + " " + el.attr("id") + " " + el.attr("source") + ">" + el.attr("target")
		for _, d := range el.all("data") {
			if keys[d.attr("key")] != el.XMLName.Local {
				t.Errorf("%s has data for key %q, declared for %q", el.XMLName.Local, d.attr("key"), keys[d.attr("key")])
			}
			line += fmt.Sprintf(" %s=%q", d.attr("key"), d.Text)
		}
		got = append(got, line)
	}
	want := []string{
		`node A > label="Ann  & <Bob>\n" kind="PERSON"`,
		`node B > label="Prime Minister" kind="OFFICE" organisation="Albania"`,
		`node C > label="The Media" kind="ORGANISATION"`,
		`edge e1 A>B edgelabel="WROTE_TO" weight="3" first="1990-01-01" last="1999-12-31"`,
		`edge e2 A>B edgelabel="COPIED" weight="1" first="1995-05-01" last="1995-05-31"`,
		`edge e3 B>C edgelabel="COPIED" weight="2"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("graph:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestExportGEXF checks the GEXF 1.3 of a small network: meta, then a graph of
// declared attributes, nodes and edges; labels are tokens; every attvalue names a
// declared attribute of its class; parallel edges have their kind.
func TestExportGEXF(t *testing.T) {
	var buf bytes.Buffer
	if err := export.WriteGEXF(&buf, networkOf(fixtureNetwork()), now); err != nil {
		t.Fatal(err)
	}
	root := parseXML(t, buf.Bytes())
	if root.XMLName.Space != "http://gexf.net/1.3" || root.attr("version") != "1.3" {
		t.Fatalf("root %v version %q", root.XMLName, root.attr("version"))
	}
	if got := names(root); got != "meta graph" {
		t.Errorf("gexf children: %s", got)
	}
	if got := root.one(t, "meta").attr("lastmodifieddate"); got != "2025-03-04" {
		t.Errorf("lastmodifieddate %q", got)
	}
	graph := root.one(t, "graph")
	if got := names(graph); got != "attributes attributes nodes edges" {
		t.Errorf("graph children: %s", got)
	}
	declared := map[string]bool{}
	for _, a := range graph.all("attributes") {
		for _, at := range a.all("attribute") {
			declared[a.attr("class")+"/"+at.attr("id")] = true
		}
	}
	var got []string
	for _, class := range []string{"node", "edge"} {
		for _, el := range graph.one(t, class+"s").all(class) {
			line := fmt.Sprintf("%s %s %s>%s kind=%s label=%q weight=%s", class, el.attr("id"), el.attr("source"), el.attr("target"),
				el.attr("kind"), el.attr("label"), el.attr("weight"))
			for _, av := range el.all("attvalues") {
				for _, v := range av.all("attvalue") {
					if !declared[class+"/"+v.attr("for")] {
						t.Errorf("%s has a value for undeclared %q", class, v.attr("for"))
					}
					line += fmt.Sprintf(" %s=%q", v.attr("for"), v.attr("value"))
				}
			}
			got = append(got, line)
		}
	}
	want := []string{
		`node A > kind= label="Ann & <Bob>" weight= kind="PERSON"`,
		`node B > kind= label="Prime Minister" weight= kind="OFFICE" organisation="Albania"`,
		`node C > kind= label="The Media" weight= kind="ORGANISATION"`,
		`edge 0 A>B kind=WROTE_TO label="WROTE_TO" weight=3 first="1990-01-01" last="1999-12-31"`,
		`edge 1 A>B kind=COPIED label="COPIED" weight=1 first="1995-05-01" last="1995-05-31"`,
		`edge 2 B>C kind=COPIED label="COPIED" weight=2`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("graph:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
