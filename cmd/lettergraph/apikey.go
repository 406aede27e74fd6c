package main

import (
	"context"
	"fmt"

	"github.com/lettergraph/lettergraph/internal/auth"
)

// apikeyCmd makes an API key. The key is printed once and never stored: the server
// keeps only its hash, in the API_KEYS entry printed with it.
type apikeyCmd struct {
	Name string `name:"name" required:"" help:"Who or what the key is for (logged as the caller)."`
	Role string `name:"role" default:"reader" enum:"reader,editor,admin" help:"reader, editor (imports and edits) or admin (merges, deletes)."`
}

func (c *apikeyCmd) Run(ctx context.Context, a *app) error {
	role, err := auth.ParseRole(c.Role)
	if err != nil {
		return err
	}
	key, entry, err := auth.NewAPIKey(c.Name, role)
	if err != nil {
		return err
	}
	fmt.Printf("key: %s\nentry: %s\n", key, entry)
	fmt.Println("# Give the key to the client (Authorization: Bearer <key>); add the entry to API_KEYS.")
	return nil
}
