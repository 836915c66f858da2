#!/usr/bin/env bash
# Rebuilds resources/dictionaries/*.bdic, the spelling dictionaries Afterview
# ships so that Chromium never downloads one (electron/main/spelling.ts).
#
# Sources: the npm packages dictionary-en, -en-gb, -en-ca and -en-au (Hunspell
# dictionaries from SCOWL, wordlist.aspell.net; each one's licence beside it
# as <language>.LICENSE.txt). Converted to Chromium's binary
# format by convert-bdic from Debian's qt6-webengine-dev-tools (Qt WebEngine's
# copy of Chromium's convert_dict, which also verifies the result).
#
# The file names are the ones Chromium asks for (spellcheck_common.cc):
# <language>-10-1.bdic. When an Electron upgrade moves that version, rename
# here and in electron/main/spelling.ts together.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v convert-bdic >/dev/null || { echo "convert-bdic is missing: apt-get install qt6-webengine-dev-tools" >&2; exit 1; }

out="$PWD/resources/dictionaries"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
for pair in en:en-US en-gb:en-GB en-ca:en-CA en-au:en-AU; do
  package="dictionary-${pair%%:*}"
  language="${pair##*:}"
  (cd "$work" && npm pack --silent "$package" >/dev/null && mkdir "$package" && tar -xzf "$package"-*.tgz -C "$package" --strip-components=1)
  cp "$work/$package/index.dic" "$work/$language.dic"
  cp "$work/$package/index.aff" "$work/$language.aff"
  (cd "$work" && convert-bdic "$language.dic" "$out/$language-10-1.bdic" >/dev/null)
  cp "$work/$package/license" "$out/$language.LICENSE.txt"
  echo "$language-10-1.bdic from $package@$(node -p "require('$work/$package/package.json').version")"
done
