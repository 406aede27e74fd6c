package server

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// persisted serves operations by the SHA-256 of their text, as Apollo's persisted
// queries and automatic persisted queries (APQ) send them: a request may carry
// extensions.persistedQuery {version: 1, sha256Hash} with or without the text.
//
//   - The operations of a registry file (PERSISTED_QUERIES) are known by their hash.
//   - Without allow-list mode, a client registers others by sending text and hash
//     together (APQ; kept in an LRU cache), and any text runs as usual.
//   - In allow-list mode (ALLOWLIST_ONLY) only the registry's operations run, by hash
//     or by their exact text; nothing can be registered, so a client cannot run an
//     operation the server's owner did not publish.
//
// It replaces gqlgen's extension.AutomaticPersistedQuery, which has no registry and
// no allow-list.
type persisted struct {
	registry map[string]string     // hash → text, from the file; never written
	cache    graphql.Cache[string] // APQ registrations; nil in allow-list mode
	only     bool
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = persisted{}

// newPersisted builds the extension from the registry file (none when path is "").
func newPersisted(path string, only bool) (persisted, error) {
	p := persisted{registry: map[string]string{}, only: only}
	if !only {
		p.cache = lru.New[string](1000)
	}
	if path == "" {
		return p, nil
	}
	ops, err := readRegistry(path)
	if err != nil {
		return persisted{}, err
	}
	for _, text := range ops {
		p.registry[queryHash(text)] = text
	}
	return p, nil
}

// readRegistry reads the operations of a registry file: a JSON object of hash to text,
// or an Apollo persisted-query manifest ({"operations": [{"id", "body"}]}). Each
// hash must be the SHA-256 of its text.
func readRegistry(path string) ([]string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("persisted queries: %w", err)
	}
	var manifest struct {
		Operations []struct {
			ID   string `json:"id"`
			Body string `json:"body"`
		} `json:"operations"`
	}
	pairs := map[string]string{}
	if json.Unmarshal(raw, &manifest) == nil && manifest.Operations != nil {
		for _, op := range manifest.Operations {
			pairs[op.ID] = op.Body
		}
	} else if err := json.Unmarshal(raw, &pairs); err != nil {
		return nil, fmt.Errorf("persisted queries %s: neither a hash-to-text object nor an operation manifest: %w", path, err)
	}
	ops := make([]string, 0, len(pairs))
	for hash, text := range pairs {
		if queryHash(text) != hash {
			return nil, fmt.Errorf("persisted queries %s: %.12s… is not the SHA-256 of its operation", path, hash)
		}
		ops = append(ops, text)
	}
	return ops, nil
}

func queryHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

func (persisted) ExtensionName() string                          { return "PersistedQueries" }
func (persisted) Validate(schema graphql.ExecutableSchema) error { return nil }

// MutateOperationParameters fills in the text of an operation sent by hash, and in
// allow-list mode refuses one not registered (FORBIDDEN).
func (p persisted) MutateOperationParameters(ctx context.Context, raw *graphql.RawParams) *gqlerror.Error {
	hash, err := persistedHash(raw)
	if err != nil {
		return err
	}
	if raw.Query == "" {
		if hash == "" {
			return nil // gqlgen answers that no operation was given
		}
		text, ok := p.registry[hash]
		if !ok && p.cache != nil {
			text, ok = p.cache.Get(ctx, apqKey(ctx, hash))
		}
		if !ok {
			// The APQ protocol: the client sends the text with the hash next.
			e := gqlerror.Errorf("PersistedQueryNotFound")
			errcode.Set(e, "PERSISTED_QUERY_NOT_FOUND")
			return e
		}
		raw.Query = text
		return nil
	}
	sum := queryHash(raw.Query)
	if hash != "" && hash != sum {
		e := gqlerror.Errorf("provided persisted query hash does not match the query")
		errcode.Set(e, "BAD_REQUEST")
		return e
	}
	if p.only {
		if _, ok := p.registry[sum]; !ok {
			e := gqlerror.Errorf("this server runs registered operations only")
			errcode.Set(e, "FORBIDDEN")
			return e
		}
		return nil
	}
	if hash != "" {
		p.cache.Add(ctx, apqKey(ctx, hash), raw.Query)
	}
	return nil
}

// apqKey is the cache key of an operation registered by APQ: callers who see
// restricted letters have a cache of their own, so that a reader cannot learn, by
// sending a hash alone, which operations they sent (docs/security.md, Channels).
func apqKey(ctx context.Context, hash string) string {
	if domain.SeesRestricted(ctx) {
		return "restricted:" + hash
	}
	return hash
}

// persistedHash is the hash of extensions.persistedQuery ("" for none).
func persistedHash(raw *graphql.RawParams) (string, *gqlerror.Error) {
	ext, ok := raw.Extensions["persistedQuery"].(map[string]any)
	if !ok {
		if raw.Extensions["persistedQuery"] != nil {
			return "", badPersisted("extensions.persistedQuery is not an object")
		}
		return "", nil
	}
	if fmt.Sprint(ext["version"]) != "1" { // a float64 or a json.Number, as decoded
		return "", badPersisted("extensions.persistedQuery.version must be 1")
	}
	hash, _ := ext["sha256Hash"].(string)
	if len(hash) != 64 {
		return "", badPersisted("extensions.persistedQuery.sha256Hash must be 64 hexadecimal digits")
	}
	return hash, nil
}

func badPersisted(msg string) *gqlerror.Error {
	e := gqlerror.Errorf("%s", msg)
	errcode.Set(e, "BAD_REQUEST")
	return e
}
