# lettergraph. The two commands a new user needs: `make run` and `make test`.
.PHONY: run test build generate neo4j-build neo4j-start neo4j-stop neo4j-status fmt vet

## run: build everything, start the local Neo4j and the API with the sample letter
run:
	scripts/run.sh

## test: the whole test suite against a throwaway Neo4j it starts and stops itself
test:
	scripts/test.sh

## build: the lettergraph binary in bin/
build:
	go build -o bin/lettergraph ./cmd/lettergraph

## generate: regenerate gqlgen's code after changing schema/*.graphqls (then
## graph/cmd/postgen rewrites what costs most in it)
generate:
	go generate ./graph

neo4j-build:
	scripts/neo4j-local.sh build

## neo4j-start, neo4j-stop, neo4j-status: the local development Neo4j (.neo4j/data)
neo4j-start:
	scripts/neo4j-local.sh start

neo4j-stop:
	scripts/neo4j-local.sh stop

neo4j-status:
	scripts/neo4j-local.sh status

fmt:
	gofmt -l -w cmd graph internal

vet:
	go vet ./...
