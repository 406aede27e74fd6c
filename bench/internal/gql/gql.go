// Package gql is the benchmarks' GraphQL client: one operation over HTTP POST, and
// the correspondents the benchmarks ask about.
package gql

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

// Post sends one operation to url and returns its data. An HTTP status other than 200
// or a GraphQL error is an error.
func Post(ctx context.Context, client *http.Client, url, query string, vars map[string]any) (json.RawMessage, error) {
	return PostWith(ctx, client, url, query, vars, nil)
}

// PostWith is Post with extra request headers (a traceparent, for one).
func PostWith(ctx context.Context, client *http.Client, url, query string, vars map[string]any, header http.Header) (json.RawMessage, error) {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	for k, v := range header {
		req.Header[k] = v
	}
	req.Header.Set("Content-Type", "application/json")
	res, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		return nil, err
	}
	var r struct {
		Data   json.RawMessage
		Errors []struct{ Message string }
	}
	if err := json.Unmarshal(raw, &r); err != nil {
		return nil, fmt.Errorf("status %d: %.200s", res.StatusCode, raw)
	}
	if len(r.Errors) > 0 {
		return nil, fmt.Errorf("status %d: %s", res.StatusCode, r.Errors[0].Message)
	}
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %d", res.StatusCode)
	}
	return r.Data, nil
}

// Correspondents are those the benchmarks ask about.
type Correspondents struct {
	A, B   string   // the busiest person among authors, and the correspondent it wrote to most
	Others []string // five more of the busiest authors
}

// Busiest finds the Correspondents on the lettergraph server at url (its /graphql).
func Busiest(ctx context.Context, client *http.Client, url string) (Correspondents, error) {
	var top struct {
		Statistics struct {
			TopCorrespondents []struct {
				Correspondent struct {
					Typename string `json:"__typename"`
					ID       string
				}
			}
		}
	}
	data, err := Post(ctx, client, url, `{ statistics { topCorrespondents(role: AUTHOR, first: 20) { correspondent { __typename id } } } }`, nil)
	if err == nil {
		err = json.Unmarshal(data, &top)
	}
	if err != nil {
		return Correspondents{}, err
	}
	var c Correspondents
	for _, t := range top.Statistics.TopCorrespondents {
		switch {
		case t.Correspondent.Typename == "Person" && c.A == "":
			c.A = t.Correspondent.ID
		case len(c.Others) < 5:
			c.Others = append(c.Others, t.Correspondent.ID)
		}
	}
	if c.A == "" || len(c.Others) < 5 {
		return Correspondents{}, fmt.Errorf("the corpus is too small: no busy person among its authors")
	}
	var pairs struct {
		Correspondent struct {
			Correspondents struct {
				Nodes []struct{ Correspondent struct{ ID string } }
			}
		}
	}
	data, err = Post(ctx, client, url, `query ($a: ID!) { correspondent(id: $a) { ... on Person { correspondents(orderBy: WROTE_TO, first: 1) { nodes { correspondent { id } } } } } }`,
		map[string]any{"a": c.A})
	if err == nil {
		err = json.Unmarshal(data, &pairs)
	}
	if err != nil {
		return Correspondents{}, err
	}
	if len(pairs.Correspondent.Correspondents.Nodes) == 0 {
		return Correspondents{}, fmt.Errorf("the busiest author wrote to nobody")
	}
	c.B = pairs.Correspondent.Correspondents.Nodes[0].Correspondent.ID
	return c, nil
}
