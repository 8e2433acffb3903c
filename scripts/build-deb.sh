#!/usr/bin/env bash
# Builds the Debian package dyereg_VERSION_amd64.deb into artifacts/deb/ from this checkout:
#   - a self-contained `dotnet publish` of dyereg for linux-x64 (no .NET needed on the target),
#     with the native RDKit bridge, under /usr/lib/dyeregistry, and /usr/bin/dyereg linking to it;
#   - the formula and claim files and the shipped models (models/) under /usr/share/dyeregistry
#     (the data folder rule finds them),
#     the README and docs under /usr/share/doc/dyeregistry.
# Depends on Debian 12's RDKit runtime libraries (librdkit1, the same RDKit 2022.09.3 the bridge is
# built against) and libjemalloc2. Needs dpkg-deb (dpkg). Prints the path of the package.
set -euo pipefail
cd "$(dirname "$0")/.."
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props | head -1)"
version="${version:-0.0.0}"
out="artifacts/deb"
root="$out/root"
rm -rf "$root"
mkdir -p "$root/DEBIAN" "$root/usr/bin" "$root/usr/lib/dyeregistry" "$root/usr/share/dyeregistry" "$root/usr/share/doc/dyeregistry"

echo "build-deb: dotnet publish (self-contained, linux-x64)"
dotnet publish src/DyeRegistry.Cli/DyeRegistry.Cli.csproj -c Release -r linux-x64 --self-contained true \
  -nologo -v quiet -o "$root/usr/lib/dyeregistry" -p:DebugType=none -p:GenerateDocumentationFile=false
# The data lives under /usr/share/dyeregistry, not beside the program.
rm -rf "$root/usr/lib/dyeregistry/formulas" "$root/usr/lib/dyeregistry/claims" "$root/usr/lib/dyeregistry/models"
cp -r formulas claims models "$root/usr/share/dyeregistry/"
cp README.md "$root/usr/share/doc/dyeregistry/"
if [ -d docs ]; then cp -r docs/. "$root/usr/share/doc/dyeregistry/"; fi
ln -s ../lib/dyeregistry/dyereg "$root/usr/bin/dyereg"

size_kb="$(du -sk "$root" | cut -f1)"
cat > "$root/DEBIAN/control" <<CONTROL
Package: dyereg
Version: ${version}
Architecture: amd64
Maintainer: DyeRegistry developers <dyereg@localhost>
Depends: librdkit1 (>= 202209.3), librdkit1 (<< 202209.4), libjemalloc2, libc6, libstdc++6, libgcc-s1, zlib1g
Installed-Size: ${size_kb}
Section: science
Priority: optional
Description: ink-jet dye registry, Markush matching and patent claim charts
 DyeRegistry registers ink-jet dyes (standardized, duplicates found), matches them against the
 general formulas of the patents that cover ink-jet recording media, screens supplier
 catalogues, and decides claim scope for ink and medium pairs with the reasons a chemist or a
 patent attorney can check. Chemistry by RDKit through a native bridge.
CONTROL

package="$out/dyereg_${version}_amd64.deb"
dpkg-deb --root-owner-group --build "$root" "$package" >/dev/null
echo "build-deb: $package"
