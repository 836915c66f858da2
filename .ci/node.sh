# Sourced by .ci/run (and by its test): makes sure Node 22 runs the install
# and the tests. A machine with an older Node gets Node 22 from the npm
# registry's node-linux-<arch> package, a Node binary shipped inside a
# registry package, cached between runs, put first on PATH. Native addons
# (better-sqlite3 compiles from source here) then build against its headers,
# which the package ships in include/node: npm_config_nodedir points there.

# The Node 22 LTS release CI installs when it has to; move it with engines.node.
AFTERVIEW_NODE_VERSION="${AFTERVIEW_NODE_VERSION:-22.23.5}"
AFTERVIEW_NODE_MAJOR="${AFTERVIEW_NODE_VERSION%%.*}"

ensure_node() {
  local major
  major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  if [ "$major" -ge "$AFTERVIEW_NODE_MAJOR" ]; then
    return 0
  fi
  local arch
  case "$(uname -m)" in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *)
      echo "No Node $AFTERVIEW_NODE_MAJOR package for this processor ($(uname -m)); install Node $AFTERVIEW_NODE_MAJOR and run again." >&2
      return 1
      ;;
  esac
  local package="node-linux-$arch"
  local dir="${AFTERVIEW_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/afterview-ci}/$package-$AFTERVIEW_NODE_VERSION"
  if [ ! -x "$dir/bin/node" ] || [ ! -f "$dir/include/node/node.h" ]; then
    echo "Node $(node --version 2>/dev/null || echo 'is missing'); fetching $package@$AFTERVIEW_NODE_VERSION from the npm registry…"
    local work
    work="$(mktemp -d)"
    (cd "$work" && npm pack --silent "$package@$AFTERVIEW_NODE_VERSION" >/dev/null) || {
      rm -rf "$work"
      echo "Could not fetch $package@$AFTERVIEW_NODE_VERSION." >&2
      return 1
    }
    rm -rf "$dir.partial"
    mkdir -p "$dir.partial"
    tar -xzf "$work"/"$package"-*.tgz -C "$dir.partial" --strip-components=1
    rm -rf "$work" "$dir"
    # Whole or not at all: an interrupted unpack is never taken for a cached Node.
    mv "$dir.partial" "$dir"
  fi
  export PATH="$dir/bin:$PATH"
  export npm_config_nodedir="$dir"
  hash -r
  echo "Using Node $(node --version) from $dir"
}
