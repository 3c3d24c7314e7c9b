#!/usr/bin/env bash
# Installs the Debian packages libkg needs, if any is missing (needs root or sudo).
set -euo pipefail
pkgs=(cmake g++ make libboost-graph-dev libboost-program-options-dev rapidjson-dev libpugixml-dev doctest-dev
      libxml2-utils python3 python3-networkx python3-scipy python3-igraph graphviz doxygen pkg-config
      python3-dev pybind11-dev)  # the last two: the Python module kg (python/), built by default when found
# Only the tests need these: chromium, headless, opens the pages kg-export --html writes (tests/html_test.sh);
# pip and venv install the Python module with `pip install ./python` into a throwaway venv (test python_pip).
test_pkgs=(chromium python3-pip python3-venv)
missing=()
for p in "${pkgs[@]}" "${test_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq >/dev/null || true
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
