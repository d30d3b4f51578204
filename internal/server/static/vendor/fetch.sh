#!/bin/sh
# fetch.sh reproduces the vendored dashboard assets from the pinned npm
# packages: ECharts' dist/echarts.min.js with its licences, and the world
# map (world-atlas TopoJSON converted to GeoJSON by ../../worldgen).
# Run it from anywhere; it needs npm, sha512sum and go. The files it writes
# are committed, so a plain `go build` needs none of this.
set -eu

ECHARTS=echarts@6.1.0
ECHARTS_INTEGRITY=sha512-q0yaFPggC9FUdsWH4blavRWFmxdrIodbkoKNAjJudAI6CA9gNPxHtV2RcZNEepZVlk4yvBYkOkbk6HIVpIyHZA==
ECHARTS_MIN_SHA512=532abf020b6a14ce2f4feba72064c3af8c0c2434d42bd3b9c363d731078109247c928a87a55cfea8199c43ef4e7a8e47f849af4f8a69ff942bb2a8486f28c74d
ATLAS=world-atlas@2.0.2
ATLAS_INTEGRITY=sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ==
# Only its table of ISO numeric to alpha-3 codes is used.
COUNTRIES=world-countries@5.1.0
COUNTRIES_INTEGRITY=sha512-CXR6EBvTbArDlDDIWU3gfKb7Qk0ck2WNZ234b/A0vuecPzIfzzxH+O6Ejnvg1sT8XuiZjVlzOH0h08ZtaO7g0w==

vendor=$(cd "$(dirname "$0")" && pwd)
server=$(cd "$vendor/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# integrity FILE WANT checks a tarball against npm's sha512 integrity.
integrity() {
	got="sha512-$(sha512sum "$1" | cut -d' ' -f1 | xxd -r -p | base64 -w0)"
	if [ "$got" != "$2" ]; then
		echo "fetch.sh: $1: integrity $got, want $2" >&2
		exit 1
	fi
}

cd "$tmp"
npm pack --silent "$ECHARTS" "$ATLAS" "$COUNTRIES" >/dev/null
integrity echarts-6.1.0.tgz "$ECHARTS_INTEGRITY"
integrity world-atlas-2.0.2.tgz "$ATLAS_INTEGRITY"
integrity world-countries-5.1.0.tgz "$COUNTRIES_INTEGRITY"
mkdir echarts world-atlas world-countries
tar -xzf echarts-6.1.0.tgz -C echarts --strip-components=1
tar -xzf world-atlas-2.0.2.tgz -C world-atlas --strip-components=1
tar -xzf world-countries-5.1.0.tgz -C world-countries --strip-components=1

cp echarts/dist/echarts.min.js "$vendor/echarts.min.js"
cp echarts/LICENSE "$vendor/LICENSE-echarts"
cp echarts/NOTICE "$vendor/NOTICE-echarts"
cp echarts/licenses/LICENSE-d3 "$vendor/LICENSE-echarts-d3"
cp world-atlas/LICENSE "$vendor/LICENSE-world-atlas"
echo "$ECHARTS_MIN_SHA512  $vendor/echarts.min.js" | sha512sum -c --quiet

(cd "$server" && go run ./worldgen -in "$tmp/world-atlas/countries-50m.json" \
	-countries "$tmp/world-countries/countries.json" -out "$server/static/world.json" -decimals 2)
echo "fetch.sh: vendored $ECHARTS, $ATLAS and the codes of $COUNTRIES"
