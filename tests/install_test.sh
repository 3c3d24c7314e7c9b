#!/usr/bin/env bash
# libkg as a downstream project sees it: installs the build into a temporary prefix, checks the layout,
# then builds and runs examples/ against the installed package only:
#   1. examples/ as a separate CMake project, find_package(kg 0.6 CONFIG REQUIRED) with CMAKE_PREFIX_PATH,
#      linking kg::kg (the shared library), every example checked against its .expected file;
#   2. one example again with -DKG_USE_STATIC_LIBS=ON (libkg.a, pugixml found through kgConfig.cmake);
#   3. one example compiled by hand with `pkg-config --cflags --libs kg`.
# Both library flavours carry the embedded lexicons, tagger model and sample (cmake/embed.cmake), so the
# examples' output also checks that embedding works in each.
# Usage: install_test.sh CMAKE CTEST CXX BUILD_DIR SOURCE_DIR WORK_DIR LIBDIR VERSION [PKG_CONFIG]
set -euo pipefail
cmake=$1 ctest=$2 cxx=$3 build=$4 src=$5 work=$6 libdir=$7 version=$8 pkgconfig=${9:-}
prefix=$work/prefix
rm -rf "$work"
mkdir -p "$work"
fail() { echo "install test: $*" >&2; exit 1; }

echo "== cmake --install $build --prefix $prefix"
"$cmake" --install "$build" --prefix "$prefix" > "$work/install.log"
(cd "$prefix" && find . \( -type f -o -type l \) | LC_ALL=C sort) | tee "$work/layout.txt"
for f in bin/kg-export bin/kg-query bin/kg-eval include/kg/kg.hpp include/kg/version.hpp include/kg/graph.hpp \
         "$libdir/libkg.a" "$libdir/libkg.so" "$libdir/cmake/kg/kgConfig.cmake" \
         "$libdir/cmake/kg/kgConfigVersion.cmake" "$libdir/pkgconfig/kg.pc" \
         share/doc/kg/README.md share/doc/kg/README.data.md share/doc/kg/LICENSE.ner share/doc/kg/LICENSE.relations; do
  [ -e "$prefix/$f" ] || fail "missing $f"
done
# Only the public headers: nothing from lib/ (internal) is installed.
extra=$(cd "$prefix/include" && find . -type f ! -path './kg/*.hpp')
[ -z "$extra" ] || fail "unexpected files under include/: $extra"
# <kg/kg.hpp> includes every public header.
for h in "$prefix"/include/kg/*.hpp; do
  h=kg/$(basename "$h")
  [ "$h" = kg/kg.hpp ] || grep -q "^#include <$h>" "$prefix/include/kg/kg.hpp" || fail "<kg/kg.hpp> does not include <$h>"
done
soname=$(readelf -d "$prefix/$libdir/libkg.so" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
major_minor=$(echo "$version" | cut -d. -f1,2)
[ "$soname" = "libkg.so.$major_minor" ] || fail "SONAME is '$soname', expected libkg.so.$major_minor"
[ -e "$prefix/$libdir/libkg.so.$version" ] || fail "missing libkg.so.$version"
if readelf -d "$prefix/$libdir/libkg.so" | grep TEXTREL >/dev/null; then fail "libkg.so has text relocations"; fi
# The .incbin data (cmake/embed.cmake) is in the library but its symbols stay hidden.
if nm -D --defined-only "$prefix/$libdir/libkg.so" | grep kg_detail_embedded >/dev/null; then
  fail "libkg.so exports the embedded data symbols"
fi
echo "SONAME $soname"
for tool in kg-export kg-query kg-eval; do
  out=$("$prefix/bin/$tool" --version)
  [ "$out" = "$tool $version" ] || fail "$tool --version printed '$out'"
  echo "$out"
done

echo "== examples/ against the installed package (find_package, shared)"
"$cmake" -S "$src/examples" -B "$work/shared" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_CXX_COMPILER="$cxx" \
  -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON > "$work/shared.log"
grep -q "^kg_DIR:PATH=$prefix/$libdir/cmake/kg\$" "$work/shared/CMakeCache.txt" \
  || fail "find_package(kg) did not find the installed package: $(grep '^kg_DIR' "$work/shared/CMakeCache.txt")"
"$cmake" --build "$work/shared" -j2 >> "$work/shared.log" || { cat "$work/shared.log"; fail "build failed"; }
"$ctest" --test-dir "$work/shared" --output-on-failure
example=$(ls "$work/shared"/example_* | head -n1)
ldd "$example" | grep "libkg.so.$major_minor => $prefix/$libdir/" >/dev/null || { ldd "$example"; fail "$example does not use the installed libkg.so"; }

echo "== one example with KG_USE_STATIC_LIBS=ON (libkg.a)"
"$cmake" -S "$src/examples" -B "$work/static" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_CXX_COMPILER="$cxx" \
  -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON -DKG_USE_STATIC_LIBS=ON > "$work/static.log"
"$cmake" --build "$work/static" --target example_build_from_strings >> "$work/static.log" \
  || { cat "$work/static.log"; fail "static build failed"; }
if ldd "$work/static/example_build_from_strings" | grep libkg >/dev/null; then fail "static example links libkg.so"; fi
"$work/static/example_build_from_strings" | diff -u "$src/examples/build_from_strings.expected" -
echo "example_build_from_strings (static): output as expected"

if [ -z "$pkgconfig" ]; then
  echo "== pkg-config not found: skipped the pkg-config build"
  exit 0
fi
echo "== one example with pkg-config"
export PKG_CONFIG_PATH="$prefix/$libdir/pkgconfig"
flags=$("$pkgconfig" --cflags --libs kg)
echo "pkg-config --cflags --libs kg: $flags"
[ "$("$pkgconfig" --modversion kg)" = "$version" ] || fail "kg.pc has the wrong version"
# Linking libkg.a also needs pugixml (a private dependency of the library).
"$pkgconfig" --static --libs kg | grep -- -lpugixml >/dev/null || fail "pkg-config --static --libs kg lacks -lpugixml"
# shellcheck disable=SC2086
"$cxx" -std=c++17 -o "$work/who_links_pc" "$src/examples/who_links.cpp" $flags -Wl,-rpath,"$prefix/$libdir"
"$work/who_links_pc" | diff -u "$src/examples/who_links.expected" -
echo "who_links (pkg-config): output as expected"
