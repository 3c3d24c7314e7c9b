#!/usr/bin/env bash
# Installs the Debian packages libkg needs, if any is missing (needs root or sudo).
set -euo pipefail
pkgs=(cmake g++ make libboost-graph-dev libboost-program-options-dev rapidjson-dev libpugixml-dev doctest-dev
      libxml2-utils python3 python3-networkx python3-scipy python3-igraph graphviz doxygen pkg-config)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq >/dev/null || true
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
